package org.sunlight.penalty;

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

/** {@code dmn/penalty-procedure.dmn}: summary (当场处罚) vs general procedure, 行政处罚法第51条. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PenaltyProcedureDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("penalty-procedure");

    @ParameterizedTest(name = "{0} {1} {2} -> {3} ({4})")
    @CsvSource(nullValues = "null", textBlock = """
            # partyType,  penaltyKind,             fineAmount, procedure, rule
            individual,   warning,                 null,       summary,   Rule_warning_only
            organization, warning,                 null,       summary,   Rule_warning_only
            organization, warning,                 0,          summary,   Rule_warning_only
            null,         warning,                 null,       summary,   Rule_warning_only
            individual,   warning,                 200,        summary,   Rule_individual_small_fine
            individual,   warning,                 200.01,     general,   Rule_general
            organization, warning,                 3000,       summary,   Rule_organization_small_fine
            organization, warning,                 3000.01,    general,   Rule_general
            individual,   fine,                    0,          summary,   Rule_individual_small_fine
            individual,   fine,                    50,         summary,   Rule_individual_small_fine
            individual,   fine,                    200,        summary,   Rule_individual_small_fine
            individual,   fine,                    200.01,     general,   Rule_general
            individual,   fine,                    3000,       general,   Rule_general
            organization, fine,                    200.01,     summary,   Rule_organization_small_fine
            organization, fine,                    3000,       summary,   Rule_organization_small_fine
            organization, fine,                    3000.01,    general,   Rule_general
            organization, fine,                    50000,      general,   Rule_general
            individual,   fine,                    null,       general,   Rule_general
            individual,   fine,                    -1,         general,   Rule_general
            null,         fine,                    100,        general,   Rule_general
            individual,   confiscation,            0,          general,   Rule_general
            individual,   confiscation,            100,        general,   Rule_general
            organization, suspension,              null,       general,   Rule_general
            organization, license-revocation,      null,       general,   Rule_general
            organization, qualification-downgrade, null,       general,   Rule_general
            organization, closure,                 null,       general,   Rule_general
            individual,   practice-restriction,    null,       general,   Rule_general
            individual,   null,                    null,       general,   Rule_general
            """)
    void procedureFollowsArticle51(String partyType, String penaltyKind, Double fineAmount,
                                   String procedure, String rule) {
        Evaluation evaluation = TABLE.evaluate(
                "partyType", partyType, "penaltyKind", penaltyKind, "fineAmount", fineAmount);

        assertThat(evaluation.row()).containsExactlyEntriesOf(Map.of("procedure", procedure));
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    @Test
    void integerAmountsFromFormsAreAccepted() {
        // Forms and REST clients send whole numbers as Integer/Long, not Double.
        assertThat(TABLE.evaluate("partyType", "individual", "penaltyKind", "fine", "fineAmount", 200)
                .row().get("procedure")).isEqualTo("summary");
        assertThat(TABLE.evaluate("partyType", "organization", "penaltyKind", "fine", "fineAmount", 3001L)
                .row().get("procedure")).isEqualTo("general");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).as("rules of %s no test case reached", TABLE.decisionId()).isEmpty();
    }
}
