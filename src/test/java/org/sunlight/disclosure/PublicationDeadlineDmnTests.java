package org.sunlight.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sunlight.dmn.DecisionTableFixture;
import org.sunlight.dmn.DecisionTableFixture.Evaluation;

/**
 * {@code dmn/publication-deadline.dmn}: 7 working days for licensing and penalty decisions, 20 for the others
 * (国办发〔2018〕118号二(六); RULES 1.4, 1.5, 5.5).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationDeadlineDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("publication-deadline");

    @ParameterizedTest(name = "{0} -> {1} working days")
    @CsvSource(nullValues = "null", textBlock = """
            penalty,            7,  行政处罚决定,     Rule_penalty
            no-penalty,         7,  不予行政处罚决定,  Rule_no_penalty
            no-violation,       7,  不予行政处罚决定（违法事实不能成立）, Rule_no_violation
            licence-granted,    7,  准予行政许可决定,  Rule_licence_granted
            licence-refused,    7,  不予行政许可决定,  Rule_licence_refused
            coercive-measure,   20, 行政强制措施决定,  Rule_coercive_measure
            coercive-execution, 20, 行政强制执行决定,  Rule_coercive_execution
            inspection-result,  20, 行政检查结果,     Rule_inspection_result
            fee-assessed,       20, 行政征收决定,     Rule_fee_assessed
            collection-decision,20, 行政执法决定,     Rule_other_decision
            Penalty,            20, 行政执法决定,     Rule_other_decision
            null,               20, 行政执法决定,     Rule_other_decision
            """)
    void periodPerKind(String kind, int days, String name, String rule) {
        Evaluation evaluation = TABLE.evaluate("kind", kind);

        assertThat(evaluation.row()).containsEntry("workingDays", days).containsEntry("kindName", name);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
        // only a decision that finds no violation is kept from the public; every other kind is published
        if ("no-violation".equals(kind)) {
            assertThat((String) evaluation.row().get("withheldReason")).contains("第五十七条第一款第三项", "第十五条");
        } else {
            assertThat(evaluation.row().get("withheldReason")).isNull();
        }
    }

    /**
     * A kind the table does not name gets the 20 working days of "other decisions": right for a new kind of decision,
     * wrong for a misspelt licensing or penalty one (7 days). Every kind the shipped procedures decide has its own row.
     */
    @Test
    void everyKindTheProceduresDecideHasItsOwnRow() throws java.io.IOException {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String xml = java.nio.file.Files.readString(file);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("caseLifecycle\\.decided\\(([^}]*)\\)}").matcher(xml);
                while (m.find()) {
                    java.util.regex.Matcher literal = java.util.regex.Pattern.compile("&#39;([a-z-]+)&#39;").matcher(m.group(1));
                    while (literal.find()) {
                        kinds.add(literal.group(1));
                    }
                }
            }
        }
        assertThat(kinds).as("decision kinds in processes/").contains("penalty", "licence-granted", "fee-assessed");
        for (String kind : kinds) {
            assertThat(TABLE.evaluate("kind", kind).ruleId()).as("kind %s", kind).isNotEqualTo("Rule_other_decision");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).isEmpty();
    }
}
