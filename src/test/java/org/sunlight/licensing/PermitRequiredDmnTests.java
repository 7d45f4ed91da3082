package org.sunlight.licensing;

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
 * {@code dmn/permit-required.dmn}: 建筑法第七条, 建筑工程施工许可管理办法第二条 — at or below 300,000 yuan or 300 m² no
 * construction permit is needed ("以下" includes the number, 民法典第一千二百五十九条).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermitRequiredDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("permit-required");

    @ParameterizedTest(name = "[{index}] investment={0} area={1} -> {2} ({3})")
    @CsvSource(textBlock = """
            # investment, floorArea, permitRequired, rule
            300000,     5000,   false, Rule_small_investment
            0,          5000,   false, Rule_small_investment
            300000.01,  5000,   true,  Rule_permit_required
            5000000,    300,    false, Rule_small_area
            5000000,    0,      false, Rule_small_area
            5000000,    300.01, true,  Rule_permit_required
            300000,     300,    false, Rule_small_investment
            300000.01,  300.01, true,  Rule_permit_required
            """)
    void smallWorksNeedNoPermit(double investment, double floorArea, boolean required, String rule) {
        Evaluation evaluation = TABLE.evaluate("investment", investment, "floorArea", floorArea);
        Map<String, Object> row = evaluation.row();
        assertThat(row.get("permitRequired")).isEqualTo(required);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
        assertThat((String) row.get("reason")).contains(required ? "《建筑法》第七条第一款" : "第二条第二款");
    }

    @Test
    void missingOrNegativeFiguresMatchNoRule() {
        // the case cannot go on without the figures: DecisionOutputs refuses an empty result
        assertThat(TABLE.evaluate("investment", null, "floorArea", 5000.0).isEmpty()).isTrue();
        assertThat(TABLE.evaluate("investment", 5000000.0, "floorArea", null).isEmpty()).isTrue();
        assertThat(TABLE.evaluate("investment", -1.0, "floorArea", 5000.0).isEmpty()).isTrue();
        assertThat(TABLE.evaluate("investment", 5000000.0, "floorArea", -0.01).isEmpty()).isTrue();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).isEmpty();
    }
}
