package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.RuleViolation;

/**
 * Rules of 行政处罚法 that penalty-general once let through, checked as a supervisor reading the case file would.
 * The clock starts on Monday 2026-03-02 09:00.
 */
class PenaltyGeneralLawTests extends ProcessTest {

    private ProcessInstance reported() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("none", true, false, false));
        return c;
    }

    /** A fine of 30,000 yuan decided once the response window ran out (Monday 2026-03-09), awaiting delivery. */
    private ProcessInstance decided() {
        ProcessInstance c = reported();
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        return c;
    }

    private static Map<String, Object> warningProposal() {
        Map<String, Object> p = new HashMap<>(proposal(0));
        p.put("penaltyKind", "warning");
        p.put("fineAmount", null);
        return p;
    }

    /**
     * 质量条例第59条 punishes the violation with a fine of 10,000 to 100,000 yuan and nothing else: a warning instead of
     * the fine lies below the statutory minimum (减轻处罚), lawful only in a circumstance of 第三十二条 (or for a minor,
     * 第三十条), and it leaves the discretion benchmark, so it needs a written reason and the leader's approval, as a
     * fine of 5,000 yuan would (行政处罚法第四条、第三十二条、第七十六条第一款第二项).
     */
    @Test
    void aWarningInsteadOfTheFineTheArticlePrescribesIsMitigationAndNeedsItsGround() {
        ProcessInstance c = reported();
        assertThat(c).variables().containsEntry("legalMinFine", 10000.0);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", warningProposal()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("法定最低罚款10000元")
                .hasMessageContaining("第三十二条")
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("fine-below-statutory-minimum"));
        assertThat(c).isWaitingAt("Task_ProposePenalty");

        Map<String, Object> mitigated = warningProposal();
        mitigated.put("mitigationGround", "harm-eliminated");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", mitigated))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("超出裁量基准幅度的理由");
        mitigated.put("deviationReason", "当事人已主动补交全部档案，消除了危害后果");
        submit("zhangsan", c, "Task_ProposePenalty", mitigated);
        assertThat(c).isWaitingAt("Task_DeviationApproval").variables().containsEntry("outsideBenchmark", true);
    }

    @Test
    void theLeaderCannotTurnTheNotifiedFineIntoAWarningWithoutAGround() {
        ProcessInstance c = reported();
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        Map<String, Object> warning = new HashMap<>(decision(0));
        warning.put("finalPenaltyKind", "warning");
        warning.put("finalFine", null);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", warning))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("法定最低罚款10000元")
                .hasMessageContaining("第三十二条");
        warning.put("mitigationGround", "harm-eliminated");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", warning))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("超出裁量基准幅度的理由");
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey()))).isEmpty();

        warning.put("decisionDeviationReason", "当事人已主动补交全部档案，消除了危害后果");
        submit("zhaoliu", c, "Task_LeaderDecision", warning);
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("decisionResult", "警告")
                .containsEntry("fineDue", false);
    }

    /**
     * 第六十四条第二项: the party is told of the hearing at least seven working days before it. A notice dated before the
     * party even asked for the hearing cannot have been served; accepting it let a hearing be held two working days
     * after the request.
     */
    @Test
    void theHearingNoticeCannotBeDatedBeforeTheHearingRequest() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("serious", true, false, false));
        submit("zhangsan", c, "Task_ProposePenalty", proposal(90000));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        at(LocalDateTime.of(2026, 3, 9, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest", "responseReceivedDate", "2026-03-09"));
        assertThat(c).isWaitingAt("Task_ScheduleHearing");

        // requested on Monday 2026-03-09; a notice "served" on 2026-03-02 would allow a hearing on Wednesday 2026-03-11
        Map<String, Object> notice = new HashMap<>(Map.of("hearingNoticeDate", "2026-03-02", "hearingDate", "2026-03-11T09:00",
                "hearingPlace", "第三会议室", "hearingHost", "zhaoliu", "hearingPublic", true));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("听证申请").hasMessageContaining("2026-03-09")
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("hearing-notice-before-request"));
        assertThat(c).isWaitingAt("Task_ScheduleHearing");
        assertThat(variable(c, "hearingDate")).isNull();

        // served on the day of the request: the hearing is on the seventh working day after it at the earliest
        notice.put("hearingNoticeDate", "2026-03-09");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-03-18");
        notice.put("hearingDate", "2026-03-18T09:00");
        submit("zhangsan", c, "Task_ScheduleHearing", notice);
        assertThat(c).isWaitingAt("Task_HoldHearing");
    }

    /**
     * 公告送达 (行政处罚法第六十一条 sends delivery to 民事诉讼法; its 第九十五条: 自发出公告之日起，经过三十日，即视为送达): the
     * officer records the day the notice was published; the party has received the decision only thirty days later, and
     * its fifteen days to pay (第六十七条第三款) — and any late-payment surcharge (第七十二条) — count from then.
     */
    @Test
    void aDecisionServedByPublicNoticeIsReceivedThirtyDaysLaterAndThePaymentPeriodRunsFromThen() {
        ProcessInstance c = decided();
        // published on Tuesday 2026-03-10: deemed received on Thursday 2026-04-09, the fine due on Friday 2026-04-24
        submit("zhangsan", c, "Task_DeliverDecision", Map.of("deliveryMethod", "publicNotice", "deliveredDate", "2026-03-10",
                "deliveryReceiptNo", "公告〔2026〕2号"));
        assertThat(c).isWaitingAt("Task_ConfirmPayment").variables().containsEntry("deemedDeliveredDate", "2026-04-09");
        assertThat(variable(c, "paymentDeadline")).isEqualTo(endOf(LocalDate.of(2026, 4, 24)));
        assertThat(timer(c, "Event_PaymentOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 24)));
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 24)));
    }

    /** The prior notice served by 公告: the five working days to ask for a hearing (第六十四条第一项) start on receipt. */
    @Test
    void aPriorNoticeServedByPublicNoticeOpensTheResponseWindowThirtyDaysLater() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("serious", true, false, false));
        submit("zhangsan", c, "Task_ProposePenalty", proposal(90000));
        Map<String, Object> notice = new HashMap<>(notice("2026-03-02"));
        notice.put("noticeDeliveryMethod", "by-pigeon");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PriorNotice", notice)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("送达方式");
        assertThat(c).isWaitingAt("Task_PriorNotice");
        notice.put("noticeDeliveryMethod", "publicNotice");
        submit("zhangsan", c, "Task_PriorNotice", notice);
        // published Monday 2026-03-02, received Wednesday 2026-04-01; five working days past 清明 (04-04..06): 2026-04-09
        assertThat(c).isWaitingAt("Task_PartyResponse").variables().containsEntry("noticeDeemedDeliveredDate", "2026-04-01");
        assertThat(variable(c, "hearingRequestDeadline")).isEqualTo(endOf(LocalDate.of(2026, 4, 9)));
        assertThat(task(c, "Task_PartyResponse").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 9)));
        assertThat(timer(c, "Event_ResponseWindowExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 9)));
        // a request made after the publication, before the thirty days are over, is in time
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest", "responseReceivedDate", "2026-03-20"));
        assertThat(c).isWaitingAt("Task_ScheduleHearing");
    }

    /**
     * 第四十四条: the notice tells the party the penalty proposed, so it cannot have been served before the proposal was
     * settled. A notice dated back to the filing day made the five working days for a statement and a hearing request
     * (第四十五条、第六十四条第一项) end before it was ever recorded: the window's timer fired at once and the case went to
     * the decision, although the party had never been heard (第六十二条).
     */
    @Test
    void thePriorNoticeCannotBeDatedBeforeTheProposalItNotifies() {
        ProcessInstance c = reported();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-03-20").hasMessageContaining("第四十四条")
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("notice-before-proposal"));
        assertThat(c).isWaitingAt("Task_PriorNotice");
        assertThat(variable(c, "noticeDeliveredDate")).isNull();
        assertThat(variable(c, "responseWindowEnd")).isNull();

        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-20"));
        // five working days after Friday 2026-03-20: Friday 2026-03-27
        assertThat(c).isWaitingAt("Task_PartyResponse");
        assertThat(variable(c, "responseWindowEnd")).isEqualTo(endOf(LocalDate.of(2026, 3, 27)));
    }

    /**
     * 第六十一条第二款: documents of the case (行政处罚决定书等) go by fax or e-mail only with the party's consent and signed
     * confirmation. The decision asked for it; the prior notice did not, so an e-mailed notice without consent started
     * the party's five working days.
     */
    @Test
    void aPriorNoticeSentElectronicallyNeedsThePartysSignedConsent() {
        ProcessInstance c = reported();
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        Map<String, Object> notice = new HashMap<>(notice("2026-03-02"));
        notice.put("noticeDeliveryMethod", "electronic");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PriorNotice", notice)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("确认书").hasMessageContaining("第六十一条第二款")
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("no-electronic-consent"));
        assertThat(c).isWaitingAt("Task_PriorNotice");
        assertThat(variable(c, "responseWindowEnd")).isNull();
        notice.put("noticeElectronicConsent", true);
        submit("zhangsan", c, "Task_PriorNotice", notice);
        assertThat(c).isWaitingAt("Task_PartyResponse");
    }

    /** A fine paid on time is paid after it was imposed: a payment dated before the decision closes nothing. */
    @Test
    void aPaymentCannotBeDatedBeforeTheDecision() {
        ProcessInstance c = decided();
        submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-10"));
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-02",
                "paidAmount", 30000, "paymentReceiptNo", "非税〔2026〕88号"))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("决定日期")
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("paid-before-decision"));
        assertThat(c).isWaitingAt("Task_ConfirmPayment");
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-10", "paidAmount", 30000,
                "paymentReceiptNo", "非税〔2026〕88号"));
        assertThat(c).isWaitingAt("Task_Closure");
    }

    /**
     * A fine paid at the bank on the last day whose receipt reaches the officer only after the deadline's timer fired was
     * paid in time: no surcharge (第七十二条第一款第一项 only for 到期不缴纳). The overdue task refused any payment dated within
     * the period, leaving the officer to enter a later date — and charge the party 3 % a day — or to enforce a paid fine.
     */
    @Test
    void aPaymentMadeInTimeButRecordedAfterTheDeadlineCarriesNoSurcharge() {
        ProcessInstance c = decided();
        submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-10"));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 25)));
        at(LocalDateTime.of(2026, 3, 27, 10, 0));
        // paid on the last day, 2026-03-25: the fine alone is due
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid",
                "paidDate", "2026-03-25", "paidAmount", 30900, "paymentReceiptNo", "非税〔2026〕92号", "suspendedDays", 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("30000");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid",
                "paidDate", "2026-03-09", "paidAmount", 30000, "paymentReceiptNo", "非税〔2026〕92号", "suspendedDays", 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("决定日期");
        assertThat(c).isWaitingAt("Task_OverduePayment");
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid", "paidDate", "2026-03-25",
                "paidAmount", 30000, "paymentReceiptNo", "非税〔2026〕92号", "suspendedDays", 0));
        assertThat(c).isWaitingAt("Task_Closure").variables().containsEntry("lateFee", 0.0).containsEntry("lateDays", 0L);
    }

    /**
     * The execution case counts the appeal periods (行政复议法、行政诉讼法; 行政强制法第五十三条) from the day the party received
     * the decision: it now gets that day from the penalty case — for 公告送达 thirty days after the publication — instead
     * of the officer typing it in again, where the publication date would open the court's window a month early.
     */
    @Test
    void theExecutionCaseGetsTheDayTheDecisionWasReceived() {
        ProcessInstance c = decided();
        submit("zhangsan", c, "Task_DeliverDecision", Map.of("deliveryMethod", "publicNotice", "deliveredDate", "2026-03-10",
                "deliveryReceiptNo", "公告〔2026〕3号"));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 4, 24)));
        at(LocalDateTime.of(2026, 5, 6, 10, 0));
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "enforce", "enforcementNote", "经催告仍未缴纳",
                "suspendedDays", 0, "partyAddress", "沈阳市和平区南京北街1号"));
        ProcessInstance execution = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).singleResult();
        assertThat(execution).variables().containsEntry("basisDeliveredDate", "2026-04-09");
    }
}
