package org.sunlight.record;

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

/** {@code dmn/av-recording.dmn}: audio/video recording duty per enforcement step, 国办发〔2018〕118号三(八). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AvRecordingDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("av-recording");

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(nullValues = "null", textBlock = """
            # action,                recording, rule
            seizure,                 mandatory, Rule_seizure_sealing
            sealing,                 mandatory, Rule_seizure_sealing
            forced-demolition,       mandatory, Rule_forced_demolition
            forced-execution,        mandatory, Rule_forced_execution
            case-handling-premises,  mandatory, Rule_case_handling_premises
            on-site-inspection,      as-needed, Rule_inspection_evidence
            evidence-collection,     as-needed, Rule_inspection_evidence
            hearing,                 as-needed, Rule_hearing
            lien-delivery,           as-needed, Rule_delivery
            public-notice-delivery,  as-needed, Rule_delivery
            on-spot-penalty,         as-needed, Rule_on_spot_penalty
            direct-delivery,         none,      Rule_none
            decision,                none,      Rule_none
            filing,                  none,      Rule_none
            Seizure,                 none,      Rule_none
            '',                      none,      Rule_none
            null,                    none,      Rule_none
            """)
    void recordingDutyPerAction(String action, String recording, String rule) {
        Evaluation evaluation = TABLE.evaluate("action", action);

        assertThat(evaluation.row()).containsExactlyEntriesOf(Map.of("recording", recording));
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /**
     * The table answers "none" for any action it does not list (文字记录 suffices), so a misspelt avAction in a diagram
     * ("Seizure", "demolition") would silently drop a mandatory recording: every action the shipped procedures declare
     * must be one the table lists.
     */
    @Test
    void everyActionTheProceduresDeclareIsListedInTheTable() throws java.io.IOException {
        java.util.regex.Pattern declared = java.util.regex.Pattern.compile(
                "<camunda:property name=\"avAction\" value=\"([^\"]*)\"");
        java.util.List<String> actions = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                java.util.regex.Matcher m = declared.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    actions.add(m.group(1).trim());
                }
            }
        }
        assertThat(actions).as("avAction declarations in processes/").isNotEmpty();
        for (String action : actions) {
            assertThat(TABLE.evaluate("action", action).ruleId()).as("avAction %s", action).isNotEqualTo("Rule_none");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).as("rules of %s no test case reached", TABLE.decisionId()).isEmpty();
    }
}
