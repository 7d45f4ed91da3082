package org.sunlight.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sunlight.dmn.DecisionTableFixture;
import org.sunlight.dmn.DecisionTableFixture.Evaluation;

/** {@code dmn/sample-rate.dmn}: the sampling ratio by risk class (RULES 5.3, local policy). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleRateDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("sample-rate");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"high, 0.5, Rule_high", "medium, 0.2, Rule_medium", "low, 0.05, Rule_low"})
    void higherRiskIsInspectedMoreOften(String riskClass, double rate, String rule) {
        Evaluation evaluation = TABLE.evaluate("riskClass", riskClass);
        assertThat(evaluation.row()).containsOnlyKeys("sampleRate");
        assertThat(evaluation.row().get("sampleRate")).isEqualTo(rate);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    @Test
    void anUnknownOrMissingRiskClassHasNoRateSoTheDrawIsRefused() {
        assertThat(TABLE.evaluate("riskClass", "HIGH").isEmpty()).isTrue();
        assertThat(TABLE.evaluate("riskClass", "critical").isEmpty()).isTrue();
        assertThat(TABLE.evaluate("riskClass", null).isEmpty()).isTrue();
    }

    @Test
    void ratesFallWithRisk() {
        double high = (double) TABLE.evaluate("riskClass", "high").row().get("sampleRate");
        double medium = (double) TABLE.evaluate("riskClass", "medium").row().get("sampleRate");
        double low = (double) TABLE.evaluate("riskClass", "low").row().get("sampleRate");
        assertThat(high).isGreaterThan(medium).isLessThanOrEqualTo(1.0);
        assertThat(medium).isGreaterThan(low).isGreaterThan(0.0);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).isEmpty();
    }
}
