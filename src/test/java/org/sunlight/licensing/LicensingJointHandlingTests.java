package org.sunlight.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.licensing.LicensingCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * 统一办理或者联合办理、集中办理 (行政许可法第二十六条第二款, 第四十二条第二款): 45 working days, extendable by 15 with the
 * approval of the head of the people's government of this level, the reason told to the applicant; working days of the
 * official 2026 schedule (第八十二条): 春节 02-15..02-23 with make-up Saturdays 02-14 and 02-28, 清明 04-04..04-06,
 * 劳动节 05-01..05-05 with make-up Saturday 05-09, 中秋 09-25..09-27, 国庆 10-01..10-07 with make-up 09-20 and 10-10.
 */
class LicensingJointHandlingTests extends ProcessTest {

    static final String BASIS = "《某市人民政府关于城市建筑垃圾处置核准联合办理的通知》（某政发〔2026〕3号）";

    /** A general matter that the city government has the departments handle jointly (or uniformly, centrally). */
    static Map<String, Object> jointApplication(String received, String mode) {
        Map<String, Object> values = generalApplication(received);
        values.put("handlingMode", mode);
        values.put("jointHandlingBasis", BASIS);
        values.put("jointDepartments", "市城乡建设委员会（牵头）、市城市管理局、市生态环境局");
        return values;
    }

    long licensingCases() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("licensing").count();
    }

    @Test
    void aJointApplicationAcceptedBeforeTheSpringFestivalIsDueInFortyFiveWorkingDaysAndTheGovernmentHeadExtendsItByFifteen() {
        at(LocalDateTime.of(2026, 2, 9, 9, 0));
        ProcessInstance c = start("zhangsan", "licensing", jointApplication("2026-02-09", "joint"));
        assertThat(c).isWaitingAt("Task_AcceptanceReview").variables().containsEntry("handlingMode", "joint")
                .containsEntry("decisionDays", 45).containsEntry("extensionDays", 15)
                .containsEntry("extensionApprover", "government-head").containsEntry("certificateDays", 10);
        assertThat((String) variable(c, "periodBasis")).contains("第四十二条第二款");

        at(LocalDateTime.of(2026, 2, 9, 10, 0));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        // 45 working days from Monday 02-09 across the Spring Festival (02-15..02-23 off, Saturdays 02-14 and 02-28
        // worked) and Qingming (04-04..04-06): Monday 2026-04-20 — not Friday 03-13, the ordinary 20
        Date due = endOf(LocalDate.of(2026, 4, 20));
        assertThat(variable(c, "decisionDue")).isEqualTo(due);
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(due);
        // the warning in proportion: 7 working days before the due day (3 of 20 → 7 of 45): Thursday 04-09
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 4, 9, 0, 0)));

        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        assertThat(c).isWaitingAt("Task_LicensingDecision");
        assertThat(task(c, "Task_LicensingDecision").getDueDate()).isEqualTo(due);

        fireTimer(c, "StartEvent_DecisionWarning", instant(LocalDateTime.of(2026, 4, 9, 0, 0)));
        assertThat(task(c, "Task_DeadlineWarning").getDueDate()).isEqualTo(due);
        submit("zhangsan", c, "Task_DeadlineWarning", Map.of("warningAction", "requestExtension",
                "extensionReason", "三个部门须分别提出意见，市生态环境局的现场核查尚未完成"));

        // 第四十二条第二款: the head of the people's government of this level approves, not the department's leader
        Map<String, Object> approval = new HashMap<>(Map.of("extensionDecision", "approve",
                "extensionOpinion", "同意报请市政府分管负责人批准延长十五个工作日"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_ExtensionApproval", approval))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("本级人民政府负责人");
        approval.putAll(Map.of("governmentApprover", "某市人民政府副市长 李某", "governmentApprovalNo", "某政办批〔2026〕7号",
                "governmentApprovalDate", "2026-04-10"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_ExtensionApproval", approval))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能晚于今天");
        approval.put("governmentApprovalDate", "2026-04-09");
        submit("zhaoliu", c, "Task_ExtensionApproval", approval);
        // fifteen more working days (第四十二条第二款): 60 working days from 02-09, past Labour Day (05-01..05-05) with
        // Saturday 05-09 worked: Wednesday 2026-05-13 — not +10
        Date extended = endOf(LocalDate.of(2026, 5, 13));
        assertThat(c).variables().containsEntry("extensionGranted", true)
                .containsEntry("extensionApprovalAuthority", "本级人民政府负责人").containsEntry("extensionApprovedBy", "zhaoliu")
                .containsEntry("governmentApprovalNo", "某政办批〔2026〕7号").containsEntry("decisionDue", extended);
        assertThat(task(c, "Task_LicensingDecision").getDueDate()).isEqualTo(extended);
        // the reason is told to the applicant (第四十二条第二款), within the extended period
        assertThat(task(c, "Task_ExtensionNotice").getDueDate()).isEqualTo(extended);
        submit("zhangsan", c, "Task_ExtensionNotice", Map.of("extensionNoticeNo", "市建许延〔2026〕3号",
                "extensionNoticeDate", "2026-04-09"));
        // only once
        runtimeService.createProcessInstanceModification(c.getId()).startBeforeActivity("Task_ExtensionApproval").execute();
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_ExtensionApproval", approval))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只能延长一次");
        submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "reject", "extensionOpinion", "不再延长"));

        at(LocalDateTime.of(2026, 5, 12, 10, 0));
        submit("zhaoliu", c, "Task_LicensingDecision", grant());
        // the certificate within 10 working days of the decision (第四十四条): Tuesday 2026-05-26
        assertThat(task(c, "Task_IssueCertificate").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 5, 26)));
        submit("zhangsan", c, "Task_IssueCertificate", certificate("2026-05-12"));
        assertThat(c).isEnded().hasPassed("EndEvent_Granted");
    }

    @Test
    void aCentralApplicationDeemedAcceptedBeforeNationalDayRunsFortyFiveWorkingDaysFromReceiptAndStandsStillForExpertReview() {
        at(LocalDateTime.of(2026, 9, 1, 9, 0));
        ProcessInstance c = start("zhangsan", "licensing", jointApplication("2026-09-01", "centralized"));
        // no notice within 5 working days (第三十二条): accepted from receipt on Tuesday 09-01
        fireTimer(c, "Event_DeemedAccepted", endOf(LocalDate.of(2026, 9, 8)));
        submit("zhangsan", c, "Task_DeemedAcceptanceReceipt", Map.of("acceptanceNoticeNo", "市建许受〔2026〕31号"));
        // 45 working days from 09-01 across 中秋 (09-25..09-27) and 国庆 (10-01..10-07), Sunday 09-20 and Saturday
        // 10-10 worked: Monday 2026-11-09 (the ordinary 20 would end on Tuesday 09-29)
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 11, 9)));
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 10, 29, 0, 0)));

        // an expert review from 09-10 to 09-17 does not count (第四十五条): five working days more, Monday 2026-11-16
        at(LocalDateTime.of(2026, 9, 10, 10, 0));
        Map<String, Object> expert = review("specialProcedure");
        expert.putAll(Map.of("specialProcedureKind", "expertReview", "specialProcedureTime", "约5个工作日",
                "timeExclusionNoticeNo", "市建许期〔2026〕9号"));
        submit("zhangsan", c, "Task_SubstantiveReview", expert);
        assertThat(timer(c, "StartEvent_DecisionWarning").isSuspended()).isTrue();
        at(LocalDateTime.of(2026, 9, 17, 16, 0));
        submit("zhangsan", c, "Task_SpecialProcedure", Map.of("specialProcedureEndDate", "2026-09-17",
                "specialProcedureResult", "专家评审意见：符合条件"));
        assertThat(variable(c, "decisionDue")).isEqualTo(endOf(LocalDate.of(2026, 11, 16)));
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 11, 16)));
        assertThat(timer(c, "StartEvent_DecisionWarning").isSuspended()).isFalse();
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 11, 5, 0, 0)));
    }

    @Test
    void aJointRenewalGetsFortyFiveWorkingDaysButIsStillDecidedBeforeTheLicenceExpires() {
        Map<String, Object> values = jointApplication("2026-03-02", "unified");
        values.putAll(Map.of("applicationType", "renewal", "renewedLicenceNo", "市建垃核字〔2023〕15号",
                "licenceValidFrom", "2023-05-01", "licenceExpiryDate", "2026-04-30"));
        ProcessInstance c = start("zhangsan", "licensing", values);
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        // 45 working days from 03-02 would end on Friday 05-08; the licence expires before (第五十条第二款): 04-30
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        assertThat(timer(c, "Event_LicenceExpiry").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        // warned 7 working days before the end of the last valid day: Tuesday 04-21
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 4, 21, 0, 0)));
    }

    @Test
    void jointHandlingOfAConstructionPermitWithoutTheGovernmentsDesignationOrOfAnUnknownKindIsRefusedAndNothingStarts() {
        long before = licensingCases();
        Map<String, Object> permit = permitApplication(projectCode(), 50_000_000, 12000, "2026-03-02");
        permit.putAll(Map.of("handlingMode", "joint", "jointHandlingBasis", BASIS));
        assertThatThrownBy(() -> start("zhangsan", "licensing", permit)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("建筑法第八条第二款").hasMessageContaining("第四十二条第二款")
                .hasMessageContaining("Art. 42(2)");

        Map<String, Object> noBasis = jointApplication("2026-03-02", "joint");
        noBasis.remove("jointHandlingBasis");
        assertThatThrownBy(() -> start("zhangsan", "licensing", noBasis)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("第二十六条第二款");

        Map<String, Object> unknown = jointApplication("2026-03-02", "cooperative");
        assertThatThrownBy(() -> start("zhangsan", "licensing", unknown)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("办理方式");
        assertThat(licensingCases()).isEqualTo(before);
    }

    @Test
    void anOrdinaryApplicationKeepsTwentyWorkingDaysTheLeadersExtensionOfTenAndTheWarningThreeDaysAhead() {
        at(LocalDateTime.of(2026, 2, 9, 9, 0));
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-02-09"));
        assertThat(c).variables().containsEntry("handlingMode", "single").containsEntry("decisionDays", 20)
                .containsEntry("extensionDays", 10).containsEntry("extensionApprover", "agency-head");
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        // 20 working days from Monday 02-09 across the Spring Festival: Friday 2026-03-13
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 13)));
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 3, 10, 0, 0)));
        fireTimer(c, "StartEvent_DecisionWarning", instant(LocalDateTime.of(2026, 3, 10, 0, 0)));
        submit("zhangsan", c, "Task_DeadlineWarning", Map.of("warningAction", "requestExtension", "extensionReason", "需补充核查"));
        // the department's leader approves (第四十二条第一款); no government approval is asked for
        submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "approve", "extensionOpinion", "同意延长十个工作日"));
        assertThat(c).variables().containsEntry("extensionApprovalAuthority", "本行政机关负责人")
                .containsEntry("extensionApprovedBy", "zhaoliu").doesNotContainKey("governmentApprovalNo")
                // 30 working days from 02-09: Friday 2026-03-27
                .containsEntry("decisionDue", endOf(LocalDate.of(2026, 3, 27)));
    }
}
