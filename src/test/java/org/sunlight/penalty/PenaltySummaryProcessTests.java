package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.LISI_CREDENTIAL;
import static org.sunlight.penalty.PenaltyCase.ZHANGSAN_CREDENTIAL;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseLink;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;

/** penalty-summary (当场处罚, 行政处罚法第五十一条、第五十二条): on-the-spot decisions and their limits. */
class PenaltySummaryProcessTests extends ProcessTest {

    @org.springframework.beans.factory.annotation.Autowired
    Cases cases;

    private static Map<String, Object> onSpot(String partyType, String kind, double fine) {
        Map<String, Object> vars = new HashMap<>(Map.of(
                "partyType", partyType,
                "partyName", "individual".equals(partyType) ? "王小明" : "沈阳某某劳务有限公司",
                "partyIdNumber", "individual".equals(partyType) ? "210102198001011232" : "91210100MA0Y6XQ12A",
                "caseSummary", "施工现场未设置围挡",
                "legalBasisText", "《建设工程安全生产管理条例》第六十四条",
                "violationDate", "2026-03-02",
                "place", "和平区某工地",
                "penaltyKind", kind,
                "fineAmount", fine,
                "factsConclusive", true));
        return vars;
    }

    private static Map<String, Object> decision(boolean collected) {
        return Map.of("officer1Credential", ZHANGSAN_CREDENTIAL, "officer2Credential", LISI_CREDENTIAL,
                "credentialsShown", true, "statementHeard", true, "decisionDocumentNo", "当场〔2026〕0001",
                "partySigned", "signed", "onSpotCollected", collected, "fiscalReceiptNo", collected ? "票据0001" : "");
    }

    @Test
    void individualFinedTwoHundredOnTheSpotCollectedAndHandedOverWithinTwoWorkingDays() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot("individual", "fine", 100));
        assertThat(c).hasPassed("Task_ProcedureCheck").isWaitingAt("Task_OnSpotDecision").variables()
                .containsEntry("procedure", "summary");
        submit("zhangsan", c, "Task_OnSpotDecision", decision(true));
        assertThat(c).isWaitingAt("Task_FilingRecord");
        submit("zhaoliu", c, "Task_FilingRecord", Map.of("filingRecordNo", "备案〔2026〕1号", "filingReviewOpinion", "符合规定"));
        // hand-over within 2 working days of collection on Monday 2026-03-02 (Art 71): Wednesday 2026-03-04
        assertThat(task(c, "Task_HandOverFine").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 4)));
        at(LocalDateTime.of(2026, 3, 3, 9, 0));
        submit("zhangsan", c, "Task_HandOverFine", Map.of("handOverDate", "2026-03-03"));
        assertThat(task(c, "Task_DepositFine").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 5)));
        submit("zhaoliu", c, "Task_DepositFine", Map.of("depositDate", "2026-03-03", "bankReceiptNo", "回单001"));
        assertThat(c).isEnded().hasPassed("EndEvent_Closed");
    }

    @Test
    void onTheSpotCollectionAbove100YuanOnlyWhenLaterExecutionWouldBeHard() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot("individual", "fine", 200));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSpotDecision", decision(true)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第六十八条");
        Map<String, Object> hard = new HashMap<>(decision(true));
        hard.put("hardToExecuteLater", true);
        submit("zhangsan", c, "Task_OnSpotDecision", hard);
        assertThat(c).isWaitingAt("Task_FilingRecord");
    }

    @Test
    void organizationFinedAtBankWithin15Days() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot("organization", "fine", 3000));
        submit("zhangsan", c, "Task_OnSpotDecision", decision(false));
        submit("zhaoliu", c, "Task_FilingRecord", Map.of("filingRecordNo", "备案〔2026〕2号", "filingReviewOpinion", "符合规定"));
        // 15 days from Monday 2026-03-02: Tuesday 2026-03-17
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 17)));
        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-09", "paidAmount", 3000,
                "paymentReceiptNo", "非税001"));
        assertThat(c).isEnded();
    }

    @Test
    void aFinePaidAtTheBankMayBeDeferredWithTheLeadersApproval() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot("organization", "fine", 3000));
        submit("zhangsan", c, "Task_OnSpotDecision", decision(false));
        submit("zhaoliu", c, "Task_FilingRecord", Map.of("filingRecordNo", "备案〔2026〕4号", "filingReviewOpinion", "符合规定"));
        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        // the party applies in writing (行政处罚法第六十六条第二款); a leader decides, not the officer
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("deferralApplied", true, "deferralApplicationDate", "2026-03-10",
                "deferralReason", "确有经济困难", "deferralKind", "deferral", "deferredUntil", "2026-04-30"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DeferralApproval", Map.of("deferralDecision", "approve")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        submit("zhaoliu", c, "Task_DeferralApproval", Map.of("deferralDecision", "approve", "deferralOpinion", "同意"));
        // the deadline of 2026-03-17 becomes the end of the deferral
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        assertThat(timer(c, "Event_PaymentOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        at(LocalDateTime.of(2026, 4, 28, 9, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-04-28", "paidAmount", 3000,
                "paymentReceiptNo", "非税002"));
        assertThat(c).isEnded().hasPassed("Task_DeferralApproval");
    }

    @Test
    void warningNeedsNoPayment() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot("organization", "warning", 0));
        submit("zhangsan", c, "Task_OnSpotDecision", decision(false));
        submit("zhaoliu", c, "Task_FilingRecord", Map.of("filingRecordNo", "备案〔2026〕3号", "filingReviewOpinion", "符合规定"));
        assertThat(c).isEnded().hasNotPassed("Task_ConfirmPayment");
    }

    @Test
    void aFineAbove200ForAnIndividualIsConvertedToTheGeneralProcedureAndLinked() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot("individual", "fine", 200.01));
        assertThat(c).isWaitingAt("CallActivity_GeneralProcedure").variables().containsEntry("procedure", "general");
        ProcessInstance general = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).singleResult();
        assertThat(general.getBusinessKey()).startsWith("CF-").isNotEqualTo(c.getBusinessKey());
        assertThat(general).isWaitingAt("Task_FilingApproval").variables().containsEntry("linkedCase", c.getBusinessKey())
                .containsEntry("handler", "zhangsan").containsEntry("partyName", "王小明");
        assertThat(cases.links(general.getBusinessKey())).containsExactly(
                new CaseLink(c.getBusinessKey(), general.getBusinessKey(), "converted"));
    }

    @Test
    void factsMustBeConclusive() {
        Map<String, Object> vars = onSpot("individual", "fine", 50);
        vars.put("factsConclusive", false);
        assertThatThrownBy(() -> start("zhangsan", "penalty-summary", vars))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十一条");
    }

    @Test
    void twoOfficersAndShownCredentialsAreRequiredOnTheSpot() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot("individual", "fine", 50));
        Map<String, Object> alone = new HashMap<>(decision(false));
        alone.put("officer2Credential", ZHANGSAN_CREDENTIAL);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSpotDecision", alone)).isInstanceOf(RuleViolation.class);
        Map<String, Object> unheard = new HashMap<>(decision(false));
        unheard.put("statementHeard", false);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSpotDecision", unheard))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("陈述");
    }

    @Test
    void onTheSpotCollectionUpTo100YuanNeedsNoFurtherGroundAbove100ItDoesOrThePartysRequestInARemoteArea() {
        ProcessInstance atLimit = start("zhangsan", "penalty-summary", onSpot("individual", "fine", 100));
        submit("zhangsan", atLimit, "Task_OnSpotDecision", decision(true));
        assertThat(atLimit).isWaitingAt("Task_FilingRecord");

        ProcessInstance above = start("zhangsan", "penalty-summary", onSpot("individual", "fine", 100.01));
        assertThatThrownBy(() -> submit("zhangsan", above, "Task_OnSpotDecision", decision(true)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第六十八条");
        // 第六十九条: in a remote or poorly connected area the party who cannot easily pay at a bank may ask to pay on the spot
        Map<String, Object> remote = new HashMap<>(decision(true));
        remote.put("remoteAreaRequest", true);
        submit("zhangsan", above, "Task_OnSpotDecision", remote);
        assertThat(above).isWaitingAt("Task_FilingRecord").variables().containsEntry("onSpotCollected", true);
    }

    @Test
    void aFineOfNoAmountIsRefusedNotClosedAsAWarning() {
        // a "fine" of 0 yuan passed the DMN as summary and closed on the warning's path with nothing to pay
        assertThatThrownBy(() -> start("zhangsan", "penalty-summary", onSpot("individual", "fine", 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("罚款金额");
        Map<String, Object> noAmount = onSpot("organization", "fine", 0);
        noAmount.remove("fineAmount");
        assertThatThrownBy(() -> start("zhangsan", "penalty-summary", noAmount))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("罚款金额");
    }

    @Test
    void aViolationNotDiscoveredWithinTwoYearsIsNotPunishedOnTheSpot() {
        // today is Monday 2026-03-02: a violation of 2024-03-02 is within the two years, one of 2024-03-01 is not (第三十六条)
        Map<String, Object> inTime = onSpot("individual", "fine", 50);
        inTime.put("violationDate", "2024-03-02");
        assertThat(start("zhangsan", "penalty-summary", inTime)).isWaitingAt("Task_OnSpotDecision");
        Map<String, Object> barred = onSpot("individual", "fine", 50);
        barred.put("violationDate", "2024-03-01");
        assertThatThrownBy(() -> start("zhangsan", "penalty-summary", barred))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十六条");
    }
}
