package org.sunlight.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunlight.e2e.Node;

/**
 * bpmnlint 11 (bpmnlint:recommended + camunda-compat/camunda-platform-7-24, see .bpmnlintrc) over processes/: no
 * errors, and no warnings unless .bpmnlintrc gives the reason. The rule no-bpmndi makes every BPMN carry its diagram
 * (diagram interchange), so that it opens in Camunda Modeler as drawn.
 */
class BpmnLintTests {

    /**
     * KNOWN GAP — remove the entry when its diagram lands (tools/bpmn-layout is being fixed for it). Until then only
     * its missing diagram (no-bpmndi) is tolerated; every other rule applies.
     */
    static final Set<String> PENDING_DIAGRAMS = Set.of();

    @Test
    void proceduresPassBpmnlint() {
        Node.Result result = lint(Node.ROOT, PENDING_DIAGRAMS);
        assertThat(result.exitCode()).as("bpmnlint over processes/:%n%s", result.output()).isZero();
    }

    @Test
    void aProcedureWithoutDiagramFails(@TempDir Path copy) throws IOException {
        Files.copy(Node.ROOT.resolve(".bpmnlintrc"), copy.resolve(".bpmnlintrc"));
        Files.createDirectories(copy.resolve("processes"));
        String xml = Files.readString(Node.ROOT.resolve("processes/legal-review.bpmn"));
        String withoutDiagram = xml.replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "");
        assertThat(withoutDiagram).isNotEqualTo(xml);
        Files.writeString(copy.resolve("processes/legal-review.bpmn"), withoutDiagram);

        Node.Result result = lint(copy, Set.of());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("Task_LegalReview: error: Element is missing bpmndi (no-bpmndi)");
        // the known-gap mark is for a missing diagram only, and must go once the diagram is there
        assertThat(lint(copy, Set.of("legal-review")).exitCode()).isZero();
        Files.writeString(copy.resolve("processes/legal-review.bpmn"), xml);
        Node.Result stale = lint(copy, Set.of("legal-review"));
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.output()).contains("marked as pending its diagram but has one");
    }

    @Test
    void aRuleRelaxedWithoutReasonFails(@TempDir Path copy) throws IOException {
        Files.writeString(copy.resolve(".bpmnlintrc"), """
                {"extends": ["bpmnlint:recommended"], "rules": {"fake-join": "warn"}}
                """);
        Files.createDirectories(copy.resolve("processes"));
        Files.copy(Node.ROOT.resolve("processes/legal-review.bpmn"), copy.resolve("processes/legal-review.bpmn"));
        Node.Result result = lint(copy, Set.of());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("rule fake-join is set to warn without a reason");
    }

    static Node.Result lint(Path root, Set<String> pending) {
        List<String> args = new ArrayList<>(List.of(root.toString()));
        pending.stream().sorted().forEach(id -> args.add("--pending-diagram=" + id));
        return Node.run("lint-bpmn.mjs", args, Map.of(), 120);
    }
}
