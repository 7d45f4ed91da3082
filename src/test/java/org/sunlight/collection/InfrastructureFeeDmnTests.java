package org.sunlight.collection;

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

/** {@code dmn/infrastructure-fee.dmn}: rate per m² by project type (local data), fee = rate × floor area in fen. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureFeeDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("infrastructure-fee");

    @ParameterizedTest(name = "[{index}] {0} {1} m² -> {2} yuan/m², {3} yuan")
    @CsvSource(textBlock = """
            # projectType, floorArea, rate, fee, rule
            residential, 12000,   150, 1800000,  Rule_residential
            residential, 0.01,    150, 1.5,      Rule_residential
            residential, 1234.567, 150, 185185.05, Rule_residential
            commercial,  3000.5,  200, 600100,   Rule_commercial
            industrial,  10000,   60,  600000,   Rule_industrial
            industrial,  0.005,   60,  0.3,      Rule_industrial
            # half a fen rounds up (四舍五入, as the notice's Java arithmetic does), not to the even fen
            commercial,  100.000125, 200, 20000.03, Rule_commercial
            industrial,  0.01675, 60,  1.01,     Rule_industrial
            residential, 0.0001,  150, 0.02,     Rule_residential
            """)
    void feeIsRateTimesFloorAreaRoundedToFen(String projectType, double floorArea, double rate, double fee, String rule) {
        Evaluation evaluation = TABLE.evaluate("projectType", projectType, "floorArea", floorArea);
        Map<String, Object> row = evaluation.row();
        assertThat(row.get("rate")).isEqualTo(rate);
        assertThat(row.get("fee")).isEqualTo(fee);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    @Test
    void noFloorAreaOrUnknownTypeMatchesNoRule() {
        assertThat(TABLE.evaluate("projectType", "residential", "floorArea", 0.0).isEmpty()).isTrue();
        assertThat(TABLE.evaluate("projectType", "residential", "floorArea", -5.0).isEmpty()).isTrue();
        assertThat(TABLE.evaluate("projectType", "residential", "floorArea", null).isEmpty()).isTrue();
        assertThat(TABLE.evaluate("projectType", "villa", "floorArea", 100.0).isEmpty()).isTrue();
        assertThat(TABLE.evaluate("projectType", null, "floorArea", 100.0).isEmpty()).isTrue();
    }

    /**
     * Each row names its rate twice (the rate shown on the notice and the rate inside its fee expression): a local rate
     * changed in one place and not the other would charge a party something else than the notice says.
     */
    @Test
    void everyRowChargesTheRateItShows() {
        var model = DecisionTableFixture.readModel("infrastructure-fee");
        for (org.camunda.bpm.model.dmn.instance.Rule rule : model.getModelElementsByType(
                org.camunda.bpm.model.dmn.instance.Rule.class)) {
            String projectType = rule.getInputEntries().iterator().next().getText().getTextContent().replace("\"", "");
            for (double area : new double[] {1, 1234.567}) {
                Map<String, Object> row = TABLE.evaluate("projectType", projectType, "floorArea", area).row();
                double expected = java.math.BigDecimal.valueOf((Double) row.get("rate") * area)
                        .setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
                assertThat((Double) row.get("fee")).as("%s, %s m²", rule.getId(), area).isEqualTo(expected);
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).isEmpty();
    }
}
