package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * The checklist table as data: every row applies to named case procedures only (its input {@code procedure}), no item
 * is listed twice for a procedure, and every procedure has the basic items of RULES §8.2 that apply to all of them.
 */
class ChecklistTableTests {

    private static final Pattern QUOTED = Pattern.compile("\"([a-z-]+)\"");

    @Test
    void everyRowNamesTheProceduresItAppliesToAndEachProcedureHasTheBasicItems() throws Exception {
        DmnModelInstance model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dmn/case-file-checklist.dmn")) {
            model = Dmn.readModelFromStream(in);
        }
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        assertThat(table.getInputs().iterator().next().getInputExpression().getText().getTextContent())
                .isEqualTo("procedure");
        Map<String, Set<String>> codesByProcedure = new HashMap<>();
        for (Rule rule : table.getRules()) {
            String entry = rule.getInputEntries().iterator().next().getText().getTextContent();
            Matcher procedures = QUOTED.matcher(entry);
            Set<String> named = new HashSet<>();
            while (procedures.find()) {
                named.add(procedures.group(1));
            }
            assertThat(named).as("procedures of %s", rule.getId()).isNotEmpty().isSubsetOf(CaseScoring.PROCEDURES);
            String code = rule.getOutputEntries().iterator().next().getText().getTextContent().replace("\"", "");
            for (String procedure : named) {
                assertThat(codesByProcedure.computeIfAbsent(procedure, p -> new HashSet<>()).add(code))
                        .as("%s listed twice for %s", code, procedure).isTrue();
            }
        }
        assertThat(codesByProcedure).containsOnlyKeys(CaseScoring.PROCEDURES);
        codesByProcedure.forEach((procedure, codes) -> assertThat(codes).as(procedure)
                .containsAll(List.of("V-SUBJECT", "V-FACTS", "V-LEGAL-BASIS", "D-MISSING-DOCUMENTS", "D-ORDER")));
    }
}
