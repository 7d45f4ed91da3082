package org.sunlight.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sunlight.record.internal.ChainHashes;

/**
 * Checks an exported case file (ZIP) offline, without the server or its database:
 * <ol>
 * <li>every file matches the SHA-256 the manifest gives, and no file is added;</li>
 * <li>the hash chain recomputes entry by entry (row digests and links) up to the head the manifest names;</li>
 * <li>every evidence file the chain registers is in the ZIP with its registered SHA-256;</li>
 * <li>with {@code --head SEQ:HASH}, a head kept separately (printed in the PDF, filed elsewhere) is in the chain — the
 * check that catches a ZIP rebuilt consistently from altered data.</li>
 * </ol>
 * Run from the built jar (README): {@code java -cp target/sunlight-*.jar
 * -Dloader.main=org.sunlight.record.RecordZipVerifier org.springframework.boot.loader.launch.PropertiesLauncher
 * case.zip [--head SEQ:HASH]}. Exit status 0 when intact, 1 when not, 2 on wrong usage.
 */
public final class RecordZipVerifier {

    /** The outcome: intact, or the problems in the order found. */
    public record Report(boolean intact, long entries, long headSeq, String headHash, List<String> problems) {
    }

    private static final String ABSENT = "null";

    private RecordZipVerifier() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        if (args.length != 1 && !(args.length == 3 && "--head".equals(args[1]))) {
            out.println("用法 / usage: RecordZipVerifier <案卷.zip> [--head 序号:哈希]");
            return 2;
        }
        Report report = verify(Path.of(args[0]), args.length == 3 ? args[2] : null);
        out.println((report.intact() ? "完整 / intact" : "已被改动 / NOT intact") + ": " + args[0]);
        out.println("链条记录 / chain entries: " + report.entries() + ", 链头 / head: " + report.headSeq() + ":"
                + report.headHash());
        report.problems().forEach(p -> out.println("  - " + p));
        return report.intact() ? 0 : 1;
    }

    public static Report verify(Path zipFile, String expectedHead) throws IOException {
        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry manifestEntry = zip.getEntry("manifest.json");
            if (manifestEntry == null) {
                return new Report(false, 0, 0, null, List.of("缺少 manifest.json / manifest.json missing"));
            }
            JsonNode manifest = json.readTree(zip.getInputStream(manifestEntry));

            // 1. files against the manifest
            Map<String, String> listed = new LinkedHashMap<>();
            manifest.path("files").forEach(f -> listed.put(f.path("path").asText(), f.path("sha256").asText(null)));
            Map<String, String> actual = new HashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || entry.getName().equals("manifest.json")) {
                    continue;
                }
                String hash = sha256(zip.getInputStream(entry));
                actual.put(entry.getName(), hash);
                if (!listed.containsKey(entry.getName())) {
                    problems.add("文件不在清单中（被添加）/ file not in the manifest: " + entry.getName());
                } else if (listed.get(entry.getName()) == null || !listed.get(entry.getName()).equals(hash)) {
                    problems.add("文件 SHA-256 与清单不符（被改动）/ file changed: " + entry.getName());
                }
            }
            listed.keySet().stream().filter(p -> !actual.containsKey(p))
                    .forEach(p -> problems.add("清单中的文件缺失 / file missing: " + p));

            // 2. the chain
            ZipEntry chainEntry = zip.getEntry("chain.json");
            if (chainEntry == null) {
                problems.add("缺少 chain.json / chain.json missing");
                return new Report(false, 0, 0, null, problems);
            }
            JsonNode chain = json.readTree(zip.getInputStream(chainEntry));
            String chainKey = chain.path("chainKey").asText();
            String previous = ChainHashes.GENESIS;
            long expectedSeq = 1;
            long count = 0;
            boolean headFound = expectedHead == null;
            Map<String, JsonNode> latest = new LinkedHashMap<>();
            for (JsonNode entry : chain.path("entries")) {
                long seq = entry.path("seq").asLong();
                String data = entry.path("rowData").asText();
                String digest = entry.path("rowDigest").asText();
                String hash = entry.path("entryHash").asText();
                if (seq != expectedSeq) {
                    problems.add("链条序号不连续，缺少第 " + expectedSeq + " 条 / chain entry " + expectedSeq + " missing");
                    break;
                }
                if (!ChainHashes.rowDigest(data).equals(digest)) {
                    problems.add("第 " + seq + " 条记录内容与摘要不符 / entry " + seq + ": row data altered");
                    break;
                }
                if (!ChainHashes.entryHash(chainKey, seq, previous, entry.path("tableName").asText(),
                        entry.path("rowId").asText(), digest, entry.path("recordedMs").asLong()).equals(hash)) {
                    problems.add("第 " + seq + " 条链接哈希不符 / entry " + seq + ": link broken");
                    break;
                }
                if (expectedHead != null && expectedHead.equalsIgnoreCase(seq + ":" + hash)) {
                    headFound = true;
                }
                latest.put(entry.path("tableName").asText() + '\u0000' + entry.path("rowId").asText(), entry);
                previous = hash;
                expectedSeq = seq + 1;
                count++;
            }
            long headSeq = manifest.path("headSeq").asLong();
            String headHash = manifest.path("headHash").asText();
            if (problems.isEmpty() && (count != headSeq || !previous.equals(headHash)
                    || chain.path("headSeq").asLong() != headSeq || !chain.path("headHash").asText().equals(headHash))) {
                problems.add("链条末端与清单中的链头不符 / the chain does not end at the manifest's head");
            }
            if (!headFound) {
                problems.add("留存的链头 " + expectedHead + " 不在链条中（案卷被整体改写）/ the kept head is not in the chain");
            }

            // 3. evidence files registered in the chain
            for (JsonNode entry : latest.values()) {
                if (!"SL_EVIDENCE".equals(entry.path("tableName").asText())
                        || ABSENT.equals(entry.path("rowData").asText())) {
                    continue;
                }
                String registered = json.readTree(entry.path("rowData").asText()).path("SHA256").asText(null);
                String path = "evidence/" + registered;
                if (!actual.containsKey(path)) {
                    problems.add("证据 #" + entry.path("rowId").asText() + " 的文件缺失 / evidence file missing: " + path);
                } else if (!actual.get(path).equals(registered)) {
                    problems.add("证据 #" + entry.path("rowId").asText() + " 的文件已被改动 / evidence file altered: "
                            + path);
                }
            }
            return new Report(problems.isEmpty(), count, headSeq, headHash, problems);
        }
    }

    private static String sha256(InputStream stream) throws IOException {
        MessageDigest digest = ChainHashes.sha256();
        try (InputStream in = stream) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
