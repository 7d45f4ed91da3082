package org.sunlight.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sunlight.dmn.DecisionTableFixture;

/** {@code dmn/licensing-time-limit.dmn}: 行政许可法第四十二条、第四十四条 and 建筑法第八条 as the law that says otherwise. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicensingTimeLimitDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("licensing-time-limit");

    @Test
    void generalMattersHaveTwentyWorkingDaysExtendableByTenAndTenForTheCertificate() {
        Map<String, Object> row = TABLE.evaluate("licenceMatter", "general").row();
        assertThat(row).containsEntry("decisionDays", 20).containsEntry("periodUnit", "working-days")
                .containsEntry("extensionDays", 10).containsEntry("certificateDays", 10)
                .containsEntry("periodFrom", "acceptance");
        assertThat((String) row.get("periodBasis")).contains("第四十二条第一款").contains("第四十四条");
    }

    @Test
    void constructionPermitsAreIssuedWithinSevenDaysOfTheCompleteApplication() {
        Map<String, Object> row = TABLE.evaluate("licenceMatter", "construction-permit").row();
        assertThat(row).containsEntry("decisionDays", 7).containsEntry("periodUnit", "calendar-days")
                .containsEntry("extensionDays", 0).containsEntry("certificateDays", 0)
                .containsEntry("periodFrom", "complete-application");
        assertThat((String) row.get("periodBasis")).contains("《建筑法》第八条第二款");
    }

    @Test
    void jointlyHandledMattersHaveFortyFiveWorkingDaysExtendableByFifteenWithTheGovernmentHeadsApproval() {
        for (String mode : new String[] {"unified", "joint", "centralized"}) {
            var evaluation = TABLE.evaluate("licenceMatter", "general", "handlingMode", mode);
            assertThat(evaluation.matchedRuleIds()).startsWith("Rule_general_joint");
            Map<String, Object> row = evaluation.row();
            assertThat(row).containsEntry("decisionDays", 45).containsEntry("periodUnit", "working-days")
                    .containsEntry("extensionDays", 15).containsEntry("certificateDays", 10)
                    .containsEntry("periodFrom", "acceptance").containsEntry("extensionApprover", "government-head");
            assertThat((String) row.get("periodBasis")).contains("第四十二条第二款").contains("第二十六条第二款");
        }
        // handled by the department alone, or by a client that does not know the field: 第四十二条第一款 as before
        assertThat(TABLE.evaluate("licenceMatter", "general", "handlingMode", "single").row())
                .containsEntry("decisionDays", 20).containsEntry("extensionApprover", "agency-head");
        assertThat(TABLE.evaluate("licenceMatter", "general").row())
                .containsEntry("decisionDays", 20).containsEntry("extensionApprover", "agency-head");
        // 建筑法第八条 stays the law that says otherwise (the start form refuses joint handling of a permit anyway)
        assertThat(TABLE.evaluate("licenceMatter", "construction-permit", "handlingMode", "joint").row())
                .containsEntry("decisionDays", 7).containsEntry("extensionApprover", "none");
    }

    @Test
    void anUnknownMatterHasNoPeriod() {
        assertThat(TABLE.evaluate("licenceMatter", "presale-permit").isEmpty()).isTrue();
        assertThat(TABLE.evaluate("licenceMatter", null).isEmpty()).isTrue();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).isEmpty();
    }
}
