package org.sunlight.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of the project's node package {@code e2e/} (Playwright, bpmnlint) from a JUnit test, so that
 * {@code mvn test} runs them. Missing tools fail the test with what to install: a skipped check would pass silently.
 */
public final class Node {

    /** The repository root: Maven runs tests with the project directory as working directory. */
    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path PACKAGE = ROOT.resolve("e2e");

    public record Result(int exitCode, String output) {
    }

    private Node() {
    }

    /** Runs {@code node e2e/<script> args...}, echoing its output as it comes, and returns exit code and output. */
    public static Result run(String script, List<String> args, Map<String, String> env, long timeoutSeconds) {
        requireInstalled();
        List<String> command = new ArrayList<>(List.of("node", PACKAGE.resolve(script).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> copy(process.getInputStream(), output), "node-" + script);
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(5000);
                return fail("node %s did not finish within %d s:%n%s", script, timeoutSeconds, output);
            }
            reader.join(5000);
            return new Result(process.exitValue(), output.toString());
        } catch (IOException e) {
            return fail("cannot run node (Node.js 20+ is required): %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static void requireInstalled() {
        if (!Files.isDirectory(PACKAGE.resolve("node_modules"))) {
            fail("e2e/node_modules is missing: run `npm ci` in e2e/ (.ci/run and the Maven profile e2e-install do)");
        }
    }

    private static void copy(InputStream in, StringBuilder output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(line);
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
