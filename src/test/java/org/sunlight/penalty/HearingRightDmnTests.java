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

/**
 * {@code dmn/hearing-right.dmn}: 行政处罚法第63条, with the local "较大数额" of 京建法〔2023〕2号
 * (individual &gt; 3000 yuan, organization &gt; 50000 yuan; confiscation uses the same thresholds).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HearingRightDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("hearing-right");

    @ParameterizedTest(name = "{0} {1} fine={2} confiscation={3} -> {4} ({5})")
    @CsvSource(nullValues = "null", textBlock = """
            # partyType,  penaltyKind,             fineAmount, confiscationValue, hearingRight, rule
            # 63(1)(3) and (4): by kind, whatever the amounts and the party
            organization, qualification-downgrade, null,       null,              true,  Rule_qualification_license
            individual,   license-revocation,      0,          0,                 true,  Rule_qualification_license
            null,         license-revocation,      null,       null,              true,  Rule_qualification_license
            organization, suspension,              null,       null,              true,  Rule_suspension_closure_restriction
            organization, closure,                 0,          null,              true,  Rule_suspension_closure_restriction
            individual,   practice-restriction,    null,       0,                 true,  Rule_suspension_closure_restriction
            # 63(1)(1): large fine, local threshold, boundary belongs to "not large"
            individual,   fine,                    2999.99,    null,              false, Rule_no_hearing_fine
            individual,   fine,                    3000.01,    null,              true,  Rule_individual_large_fine
            individual,   fine,                    50000,      0,                 true,  Rule_individual_large_fine
            organization, fine,                    3000.01,    null,              false, Rule_no_hearing_fine
            organization, fine,                    50000,      null,              false, Rule_no_hearing_fine
            organization, fine,                    50000.01,   null,              true,  Rule_organization_large_fine
            organization, confiscation,            60000,      0,                 true,  Rule_organization_large_fine
            # 63(1)(2): large confiscation, same thresholds, also when the main kind is a fine
            individual,   confiscation,            null,       3000,              false, Rule_no_hearing_confiscation
            individual,   confiscation,            null,       3000.01,           true,  Rule_individual_large_confiscation
            individual,   fine,                    100,        3000.01,           true,  Rule_individual_large_confiscation
            organization, confiscation,            null,       50000,             false, Rule_no_hearing_confiscation
            organization, confiscation,            0,          50000.01,          true,  Rule_organization_large_confiscation
            organization, fine,                    50000,      50000.01,          true,  Rule_organization_large_confiscation
            organization, fine,                    0,          3000.01,           false, Rule_no_hearing_fine
            # no hearing right: warnings, small fines and confiscations (63(1) does not list them)
            individual,   warning,                 null,       null,              false, Rule_no_hearing
            organization, warning,                 0,          0,                 false, Rule_no_hearing
            individual,   fine,                    0,          0,                 false, Rule_no_hearing_fine
            organization, fine,                    200,        null,              false, Rule_no_hearing_fine
            individual,   fine,                    3000,       null,              false, Rule_no_hearing_fine
            individual,   confiscation,            null,       0,                 false, Rule_no_hearing_confiscation
            """)
    void hearingRightFollowsArticle63(String partyType, String penaltyKind, Double fineAmount,
                                      Double confiscationValue, boolean hearingRight, String rule) {
        Evaluation evaluation = TABLE.evaluate("partyType", partyType, "penaltyKind", penaltyKind,
                "fineAmount", fineAmount, "confiscationValue", confiscationValue);

        assertThat(evaluation.row()).containsExactlyEntriesOf(Map.of("hearingRight", hearingRight));
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /**
     * No silent "no hearing right": a party of unknown type or a fine without its amount has no rule, and the process
     * stops with "no rule applies" (DecisionOutputs) instead of deciding without telling the party (第62条).
     */
    @ParameterizedTest(name = "{0} {1} fine={2} confiscation={3} -> no rule")
    @CsvSource(nullValues = "null", textBlock = """
            null,         fine,         1000000, 1000000
            company,      fine,         50000.01, null
            Individual,   fine,         3000.01, null
            null,         warning,      null,    null
            individual,   fine,         null,    null
            organization, fine,         null,    3000.01
            individual,   confiscation, 100,     null
            organization, Fine,         100,     null
            organization, null,         100,     null
            """)
    void unknownPartiesAndMissingAmountsHaveNoRule(String partyType, String penaltyKind, Double fineAmount,
                                                    Double confiscationValue) {
        assertThat(TABLE.evaluate("partyType", partyType, "penaltyKind", penaltyKind,
                "fineAmount", fineAmount, "confiscationValue", confiscationValue).isEmpty()).isTrue();
    }

    @Test
    void integerAmountsFromFormsAreAccepted() {
        assertThat(TABLE.evaluate("partyType", "individual", "penaltyKind", "fine",
                "fineAmount", 3001, "confiscationValue", 0).row().get("hearingRight")).isEqualTo(true);
        assertThat(TABLE.evaluate("partyType", "organization", "penaltyKind", "fine",
                "fineAmount", 50000L, "confiscationValue", 0L).row().get("hearingRight")).isEqualTo(false);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).as("rules of %s no test case reached", TABLE.decisionId()).isEmpty();
    }
}
