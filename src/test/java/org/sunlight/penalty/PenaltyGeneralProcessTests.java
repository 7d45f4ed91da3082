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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.RuleViolation;

/**
 * Every path of penalty-general (行政处罚普通程序), as officers work it. The clock starts on Monday 2026-03-02 09:00;
 * working days follow the official 2026 schedule.
 */
class PenaltyGeneralProcessTests extends ProcessTest {

    /** Registration to the end of the response window, for a fine that needs neither hearing nor review. */
    private ProcessInstance noticeDeliveredAndWindowExpired(double fine) {
        ProcessInstance c = untilPriorNotice(this, fine, "none", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        // 5 working days after Monday 2026-03-02 (the delivery day is not counted): Monday 2026-03-09
        assertThat(task(c, "Task_PartyResponse").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        return c;
    }

    @Test
    void generalProcedureWithoutReviewFromFilingToClosure() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        assertThat(c.getBusinessKey()).matches("CF-2026-\\d{5}");
        assertThat(c).isWaitingAt("Task_FilingApproval").variables()
                .containsEntry("handler", "zhangsan").containsEntry("department", "zhifa")
                .containsEntry("caseNumber", "市建罚〔2026〕" + Integer.parseInt(c.getBusinessKey().substring(8)) + "号");
        // 15 days from discovery (2026-02-27) end on 2026-03-14, a Saturday: moved to Monday 2026-03-16
        assertThat(task(c, "Task_FilingApproval").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 16)));

        submit("zhaoliu", c, "Task_FilingApproval", filing());
        // 90 days after filing on 2026-03-02 end on Sunday 2026-05-31: moved to Monday 2026-06-01 (Art 60)
        assertThat(variable(c, "decisionDeadline")).isEqualTo(endOf(LocalDate.of(2026, 6, 1)));
        assertThat(task(c, "Task_Investigation").getAssignee()).isEqualTo("zhangsan");
        assertThat(task(c, "Task_Investigation").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 6, 1)));

        submit("zhangsan", c, "Task_Investigation", investigation());
        assertThat(variable(c, "actingOfficers")).isEqualTo("zhangsan,lisi");
        submit("zhangsan", c, "Task_InvestigationReport", report("none", true, false, false));
        assertThat(c).variables().containsEntry("tier", "lenient").containsEntry("minFine", 10000.0)
                .containsEntry("maxFine", 37000.0);
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        assertThat(c).hasPassed("Task_HearingRight").isWaitingAt("Task_PriorNotice").variables()
                .containsEntry("hearingRight", false).containsEntry("outsideBenchmark", false);

        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).hasPassed("Task_LegalReviewRequired").hasNotPassed("CallActivity_LegalReview")
                .isWaitingAt("Task_LeaderDecision").variables().containsEntry("reviewRequired", false)
                .containsEntry("responseStage", "expired");

        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("penalty");
                    assertThat(e.result()).isEqualTo("罚款人民币30000元");
                    assertThat(e.matter()).contains("未移交建设项目档案");
                    assertThat(e.documentNo()).isEqualTo("市建罚决〔2026〕7号");
                    assertThat(e.partyName()).isEqualTo(COMPANY);
                    assertThat(e.decidedAt()).isEqualTo(instant(LocalDateTime.of(2026, 3, 9, 23, 59, 59).plusSeconds(1)));
                });
        // delivery within 7 working days of the decision on 2026-03-10 (Art 61): 2026-03-19
        assertThat(task(c, "Task_DeliverDecision").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 19)));
        submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-10"));
        // payment within 15 days of receipt (Art 67): 2026-03-25
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 25)));
        assertThat(timer(c, "Event_PaymentOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 25)));

        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-20", "paidAmount", 30000,
                "paymentReceiptNo", "非税〔2026〕88号"));
        submit("zhaoliu", c, "Task_Closure", Map.of("executionStatus", "executed", "closureOpinion", "执行完毕，同意结案"));
        assertThat(c).isEnded().hasPassedInOrder("Task_FilingApproval", "Task_Investigation", "Task_InvestigationReport",
                "Task_ProposePenalty", "Task_PriorNotice", "Task_LeaderDecision", "Task_DeliverDecision",
                "Task_ConfirmPayment", "Task_Closure");
        assertThat(c).hasPassed("EndEvent_Closed");
    }

    @Test
    void reviewRequiredAndApproved() {
        // 300,000 yuan for an organisation: a hearing right and the local review catalogue (DMN rows)
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        Map<String, Object> report = new HashMap<>(report("serious", false, false, false));
        submit("zhangsan", c, "Task_InvestigationReport", report);
        assertThat(c).variables().containsEntry("tier", "severe").containsEntry("maxFine", 100000.0);
        submit("zhangsan", c, "Task_ProposePenalty", proposal(90000));
        assertThat(c).variables().containsEntry("hearingRight", true);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate", "2026-03-03",
                "waiverDocumentNo", "放弃声明〔2026〕1号"));
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("reviewRequired", true);
        assertThat((String) variable(c, "reviewReason")).contains("目录");
        Task review = task(c, "Task_LegalReview");
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("legalReviewer");
        // 7 working days (local rule) from the submission on Tuesday 2026-03-03: Thursday 2026-03-12
        assertThat(review.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 12)));

        submit("wangwu", c, "Task_LegalReview", review("approved"));
        assertThat(c).isWaitingAt("Task_LeaderDecision").variables().containsEntry("reviewApproved", true)
                .containsEntry("reviewerId", "wangwu");
        submit("zhaoliu", c, "Task_LeaderDecision", decision(90000));
        assertThat(c).isWaitingAt("Task_DeliverDecision");
    }

    @Test
    void reviewRejectedReturnsToHandlerWithOpinionAndResubmissionLoops() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, true);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("CallActivity_LegalReview");
        assertThat((String) variable(c, "reviewReason")).contains("第58条第1款第3项");

        submit("wangwu", c, "Task_LegalReview", review("rejected"));
        assertThat(c).isWaitingAt("Task_ReviseAfterReview").variables().containsEntry("reviewApproved", false)
                .containsEntry("reviewOpinion", "裁量基准适用不当，请补正。");
        assertThat(task(c, "Task_ReviseAfterReview").getAssignee()).isEqualTo("zhangsan");
        // no decision is reachable: the leader has no task
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_LeaderDecision").count()).isZero();

        submit("zhangsan", c, "Task_ReviseAfterReview", Map.of("revisionNote", "已按意见调整", "revisedFine", 20000));
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("fineAmount", 20000.0);
        submit("wangwu", c, "Task_LegalReview", review("approved"));
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("CallActivity_LegalReview").count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDecisionCannotBeHeavierThanWhatTheLegalReviewPassed() {
        // the review refuses 30,000 yuan, passes the revised 20,000: the leader may not decide the refused 30,000
        // (the notified amount) — that fine was never passed by the review (行政处罚法第五十八条)
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, true);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        submit("wangwu", c, "Task_LegalReview", review("rejected"));
        submit("zhangsan", c, "Task_ReviseAfterReview", Map.of("revisionNote", "罚款过重，调整为两万元", "revisedFine", 20000));
        submit("wangwu", c, "Task_LegalReview", review("approved"));
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("法制审核通过的拟处罚意见")
                .hasMessageContaining("第五十八条");
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey()))).isEmpty();
        // as reviewed, or lighter (a warning), it may
        submit("zhaoliu", c, "Task_LeaderDecision", decision(20000));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("finalFine", 20000.0);
    }

    @Test
    void aDecisionHeavierThanTheProposalJudgedFreeOfReviewIsJudgedAgain() {
        // 90,000 yuan would need review (reviewRequiredAndApproved); the statement lowers the proposal to 20,000, for
        // which none is needed: the leader may not then decide the notified 90,000 without review (第五十八条)
        ProcessInstance c = untilPriorNotice(this, 90000, "serious", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "statement", "responseReceivedDate", "2026-03-03",
                "statementContent", "已全部整改，请求从轻处罚"));
        submit("zhangsan", c, "Task_StatementReview", Map.of("statementAdopted", "adopted",
                "statementReviewNote", "理由成立，予以采纳", "revisedFine", 20000));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate", "2026-03-03",
                "waiverDocumentNo", "放弃声明〔2026〕8号"));
        assertThat(c).isWaitingAt("Task_LeaderDecision").variables().containsEntry("reviewRequired", false)
                .containsEntry("fineAmount", 20000.0);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(90000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("须经法制审核").hasMessageContaining("第五十八条");
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        Map<String, Object> adopted = new HashMap<>(decision(20000));
        adopted.put("decisionDeviationReason", "采纳当事人陈述申辩，已全部整改");
        submit("zhaoliu", c, "Task_LeaderDecision", adopted);
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("finalFine", 20000.0);
    }

    @Test
    void aHearingRequestedAfterTheFiveWorkingDaysIsRefusedAndOneOnTheFifthDayIsHeard() {
        ProcessInstance c = untilPriorNotice(this, 90000, "serious", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        // delivered Monday 2026-03-02: the five working days end on Monday 2026-03-09 (Art. 64(1))
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest",
                "responseReceivedDate", "2026-03-10"))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("五个工作日").hasMessageContaining("第六十四条第一项");
        assertThat(c).isWaitingAt("Task_PartyResponse");
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest", "responseReceivedDate", "2026-03-09"));
        assertThat(c).isWaitingAt("Task_ScheduleHearing");
    }

    @Test
    void hearingRequestedNotifiedSevenWorkingDaysAheadThenHeldAndReviewed() {
        ProcessInstance c = untilPriorNotice(this, 90000, "serious", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        at(LocalDateTime.of(2026, 3, 4, 10, 0));
        // the request came in on the day of the prior notice (its registration two days later); the hearing notice cannot
        // be dated before the request (Art 64(1)(2)), see PenaltyGeneralLawTests
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest", "responseReceivedDate", "2026-03-02"));
        assertThat(c).isWaitingAt("Task_ScheduleHearing");

        // notified on 2026-03-02: 7 working days later is 2026-03-11; a hearing on 2026-03-10 is too early (Art 64(2))
        Map<String, Object> notice = new HashMap<>(Map.of("hearingNoticeDate", "2026-03-02", "hearingDate", "2026-03-10T09:00",
                "hearingPlace", "第三会议室", "hearingHost", "zhaoliu", "hearingPublic", true));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("七个工作日前").hasMessageContaining("2026-03-11");
        // the host may not be an investigator (Art 64(4))
        notice.put("hearingDate", "2026-03-11T09:00");
        notice.put("hearingHost", "lisi");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("非本案调查人员");
        notice.put("hearingHost", "zhaoliu");
        submit("zhangsan", c, "Task_ScheduleHearing", notice);
        assertThat(task(c, "Task_HoldHearing").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 11)));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_HoldHearing", Map.of("partyAttendance", "attended",
                "hearingTranscriptNo", "听证〔2026〕1号"))).isInstanceOf(RuleViolation.class);

        at(LocalDateTime.of(2026, 3, 11, 11, 0));
        submit("zhangsan", c, "Task_HoldHearing", Map.of("partyAttendance", "attended", "hearingTranscriptNo", "听证〔2026〕1号",
                "hearingSummary", "当事人到场申辩"));
        // a hearing was held: legal review is required (Art 58(1)(2); 国办发〔2018〕118号)
        assertThat(c).hasPassed("Task_HoldHearing").isWaitingAt("CallActivity_LegalReview").variables()
                .containsEntry("hearingHeld", true).containsEntry("reviewRequired", true);
    }

    @Test
    void writtenWaiverEndsTheWindowAtOnce() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate", "2026-03-02",
                "waiverDocumentNo", "放弃声明〔2026〕2号"));
        assertThat(c).isWaitingAt("Task_LeaderDecision").variables().containsEntry("responseStage", "waived");
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).activityId("Event_ResponseWindowExpired").count()).isZero();
    }

    @Test
    void statementLowersTheFineAndTheDecisionCannotExceedTheNotice() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "statement", "responseReceivedDate", "2026-03-03",
                "statementContent", "已于次日移交档案，请求从轻处罚"));
        // a heavier penalty because of the statement is refused (Art 45)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_StatementReview", Map.of("statementAdopted", "rejected",
                "statementReviewNote", "不予采纳", "revisedFine", 35000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十五条");
        submit("zhangsan", c, "Task_StatementReview", Map.of("statementAdopted", "adopted",
                "statementReviewNote", "理由成立，予以采纳", "revisedFine", 15000));
        // the window is still open: the party may still make statements until it ends
        assertThat(c).isWaitingAt("Task_PartyResponse").variables().containsEntry("fineAmount", 15000.0)
                .containsEntry("notifiedFine", 30000.0);
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30001)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十五条");
        submit("zhaoliu", c, "Task_LeaderDecision", decision(15000));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("finalFine", 15000.0);
    }

    @Test
    void overduePaymentGetsTheLateFeeCappedAtTheFine() {
        ProcessInstance c = noticeDeliveredAndWindowExpired(30000);
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-10"));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 25)));
        assertThat(c).isWaitingAt("Task_OverduePayment");

        at(LocalDateTime.of(2026, 5, 6, 10, 0));
        // 2026-03-25 to 2026-05-04: 40 days x 3% = 120% of the fine, capped at the fine itself (Art 72)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid",
                "paidDate", "2026-05-04", "paidAmount", 66000, "paymentReceiptNo", "非税〔2026〕90号", "suspendedDays", 0)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("60000");
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid", "paidDate", "2026-05-04",
                "paidAmount", 60000, "paymentReceiptNo", "非税〔2026〕90号", "suspendedDays", 0));
        assertThat(c).isWaitingAt("Task_Closure").variables().containsEntry("lateFee", 30000.0).containsEntry("lateDays", 40L);
    }

    @Test
    void lateFeeBelowTheCapExcludesReconsiderationDays() {
        ProcessInstance c = noticeDeliveredAndWindowExpired(30000);
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-10"));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 25)));
        at(LocalDateTime.of(2026, 4, 20, 10, 0));
        // 2026-03-25 to 2026-04-14: 20 days, of which 10 in reconsideration (Art 73(3)): 10 x 3% x 30000 = 9000 —
        // counted from the reconsideration's dates (applied 2026-03-20, decided 2026-04-04: 03-26..04-04 of the run)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid",
                "paidDate", "2026-04-14", "paidAmount", 39000, "paymentReceiptNo", "非税〔2026〕91号", "suspendedDays", 10)))
                .as("a bare number of days").isInstanceOf(RuleViolation.class).hasMessageContaining("第七十三条第三款");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid",
                "paidDate", "2026-04-14", "paidAmount", 39000, "paymentReceiptNo", "非税〔2026〕91号",
                "appealFiledDate", "2026-03-20", "appealConcludedDate", "2026-03-19")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于申请复议");
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid", "paidDate", "2026-04-14",
                "paidAmount", 39000, "paymentReceiptNo", "非税〔2026〕91号", "appealFiledDate", "2026-03-20",
                "appealConcludedDate", "2026-04-04"));
        assertThat(c).variables().containsEntry("lateFee", 9000.0).containsEntry("lateDays", 10L)
                .containsEntry("suspendedDays", 10L);
    }

    @Test
    void anUnpaidFineGoesToCoerciveExecutionWithTheCappedLateFee() {
        ProcessInstance c = noticeDeliveredAndWindowExpired(30000);
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-10"));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 25)));
        at(LocalDateTime.of(2026, 5, 6, 10, 0));
        // 42 days late on 2026-05-06: 126 % of the fine, capped at the fine (Art 72)
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "enforce", "enforcementNote", "经催告仍未缴纳",
                "suspendedDays", 0, "partyAddress", "沈阳市和平区南京北街1号"));
        assertThat(c).isWaitingAt("CallActivity_Enforcement").variables().containsEntry("lateFee", 30000.0);
        ProcessInstance execution = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).singleResult();
        assertThat(execution.getProcessDefinitionId()).startsWith("coercive-execution:");
        assertThat(execution.getBusinessKey()).startsWith("QZ-");
        assertThat(execution).variables().containsEntry("executionBasis", "penalty").containsEntry("principal", 30000.0)
                .containsEntry("surcharge", 30000.0).containsEntry("linkedCase", c.getBusinessKey())
                .containsEntry("obligation", "缴纳罚款人民币30000元及加处罚款人民币30000元").containsEntry("handler", "zhangsan");
    }

    // ---------------------------------------------------------------- 延期或者分期缴纳 (第六十六条第二款, 第七十二条)

    /** A 30,000 yuan fine delivered on 2026-03-10: payment due 2026-03-25 (Art 67), the case at Task_ConfirmPayment. */
    private ProcessInstance fineDelivered() {
        ProcessInstance c = noticeDeliveredAndWindowExpired(30000);
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-10"));
        assertThat(timer(c, "Event_PaymentOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 25)));
        return c;
    }

    /** The party's written application, recorded on the payment task instead of a payment. */
    private static Map<String, Object> deferralUntil(String appliedOn, String until) {
        return vars("deferralApplied", true, "deferralApplicationDate", appliedOn,
                "deferralReason", "受工程款拖欠影响，企业资金周转困难，有银行流水为证", "deferralKind", "deferral", "deferredUntil", until);
    }

    private static Map<String, Object> instalments(String appliedOn, String plan) {
        return vars("deferralApplied", true, "deferralApplicationDate", appliedOn,
                "deferralReason", "经营亏损，确有经济困难", "deferralKind", "instalments", "instalmentPlan", plan);
    }

    @Test
    void anApprovedDeferralMovesTheDeadlineTheTimerAndTheLateFeeStart() {
        ProcessInstance c = fineDelivered();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", deferralUntil("2026-03-19", "2026-05-29"));
        Task approval = task(c, "Task_DeferralApproval");
        assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        submit("zhaoliu", c, "Task_DeferralApproval", Map.of("deferralDecision", "approve", "deferralOpinion", "同意延期"));

        // the payment deadline is now the end of the deferral (Art 66(2)): the task's due date and its timer follow
        assertThat(c).isWaitingAt("Task_ConfirmPayment").variables()
                .containsEntry("paymentDeadline", endOf(LocalDate.of(2026, 5, 29)))
                .containsEntry("deferralEnd", endOf(LocalDate.of(2026, 5, 29)))
                .containsEntry("originalPaymentDeadline", endOf(LocalDate.of(2026, 3, 25)))
                .containsEntry("deferralApproved", true).containsEntry("deferralApplied", false);
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 5, 29)));
        assertThat(timer(c, "Event_PaymentOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 5, 29)));

        // paid within the deferral: on time, no late fee
        at(LocalDateTime.of(2026, 5, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-05-20", "paidAmount", 30000,
                "paymentReceiptNo", "非税〔2026〕95号"));
        assertThat(c).isWaitingAt("Task_Closure").variables().containsEntry("lateFee", 0.0);
        assertThat(c).hasPassedInOrder("Task_ConfirmPayment", "Task_DeferralApproval", "Task_ConfirmPayment");
    }

    @Test
    void afterAnApprovedDeferralTheLateFeeRunsOnlyFromTheDayAfterItsEnd() {
        ProcessInstance c = fineDelivered();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", deferralUntil("2026-03-20", "2026-05-29"));
        submit("zhaoliu", c, "Task_DeferralApproval", Map.of("deferralDecision", "approve", "deferralOpinion", ""));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 5, 29)));
        assertThat(c).isWaitingAt("Task_OverduePayment");
        at(LocalDateTime.of(2026, 6, 9, 10, 0));
        // 2026-05-29 to 2026-06-08: 10 days x 3% x 30000 = 9000 (from 2026-03-25 it would be capped at 30000)
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid", "paidDate", "2026-06-08",
                "paidAmount", 39000, "paymentReceiptNo", "非税〔2026〕96号", "suspendedDays", 0));
        assertThat(c).isWaitingAt("Task_Closure").variables().containsEntry("lateFee", 9000.0).containsEntry("lateDays", 10L);
    }

    @Test
    void approvedInstalmentsEndWithTheLastInstalment() {
        ProcessInstance c = fineDelivered();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", instalments("2026-03-20",
                "2026-04-10 10000\n2026-05-11 10000\n2026-06-10 10000"));
        assertThat(c).isWaitingAt("Task_DeferralApproval").variables().containsEntry("instalmentCount", 3)
                .containsEntry("deferralRequestedUntil", endOf(LocalDate.of(2026, 6, 10)));
        submit("zhaoliu", c, "Task_DeferralApproval", Map.of("deferralDecision", "approve", "deferralOpinion", "同意分三期缴纳"));
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 6, 10)));
        assertThat(c).variables().containsEntry("paymentDeadline", endOf(LocalDate.of(2026, 6, 10)));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 6, 10)));
        assertThat(c).isWaitingAt("Task_OverduePayment");
    }

    @Test
    void aRefusedApplicationKeepsTheOriginalDeadline() {
        ProcessInstance c = fineDelivered();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", deferralUntil("2026-03-20", "2026-05-29"));
        // a refusal says why
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_DeferralApproval", Map.of("deferralDecision", "refuse")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不予批准的理由");
        submit("zhaoliu", c, "Task_DeferralApproval", Map.of("deferralDecision", "refuse",
                "deferralOpinion", "未提供经济困难的证明材料"));
        assertThat(c).isWaitingAt("Task_ConfirmPayment").variables()
                .containsEntry("paymentDeadline", endOf(LocalDate.of(2026, 3, 25))).containsEntry("deferralApproved", false)
                .doesNotContainKey("deferralEnd");
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 25)));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 25)));
        at(LocalDateTime.of(2026, 4, 20, 10, 0));
        // 2026-03-25 to 2026-04-04: 10 days x 3% x 30000 = 9000, from the original deadline
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "paid", "paidDate", "2026-04-04",
                "paidAmount", 39000, "paymentReceiptNo", "非税〔2026〕97号"));
        assertThat(c).variables().containsEntry("lateFee", 9000.0);
    }

    @Test
    void aPartyWhoseDeadlinePassedMayStillApplyFromTheOverdueTask() {
        ProcessInstance c = fineDelivered();
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 25)));
        at(LocalDateTime.of(2026, 3, 30, 10, 0));
        Map<String, Object> application = new HashMap<>(deferralUntil("2026-03-30", "2026-10-30"));
        application.remove("deferralApplied");
        application.put("overdueOutcome", "deferral");
        submit("zhangsan", c, "Task_OverduePayment", application);
        submit("zhaoliu", c, "Task_DeferralApproval", Map.of("deferralDecision", "approve", "deferralOpinion", "同意"));
        assertThat(c).isWaitingAt("Task_ConfirmPayment");
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 10, 30)));
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 10, 30)));
        at(LocalDateTime.of(2026, 11, 4, 10, 0));
        // 2026-10-30 to 2026-11-04: 5 days x 3% x 30000 = 4500; from 2026-03-25 it would be capped at the fine
        submit("zhangsan", c, "Task_OverduePayment", Map.of("overdueOutcome", "enforce", "enforcementNote", "延期届满仍未缴纳",
                "partyAddress", "沈阳市和平区南京北街1号"));
        assertThat(c).isWaitingAt("CallActivity_Enforcement").variables().containsEntry("lateFee", 4500.0);
        ProcessInstance execution = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).singleResult();
        assertThat(execution).variables().containsEntry("paymentDeferredUntil", endOf(LocalDate.of(2026, 10, 30)));
        submit("zhangsan", execution, "Task_Demand",
                org.sunlight.coercion.CoercionCase.demand("payment", "2026-03-10", "2026-11-04", "2026-11-14"));
        // the appeal periods end 6 months after delivery (2026-09-10), before the deferral: the court-enforcement
        // period counts from the end of the deferral (Art 72(2)): 3 months after 2026-10-30, a Saturday, moved to Monday
        assertThat(variable(execution, "appealPeriodEnd")).isEqualTo(endOf(LocalDate.of(2026, 9, 10)));
        assertThat(variable(execution, "courtWindowCloses")).isEqualTo(endOf(LocalDate.of(2027, 2, 1)));
    }

    @Test
    void badApplicationsAreRefusedAndChangeNothing() {
        ProcessInstance c = fineDelivered();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        // an end date that has passed
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", deferralUntil("2026-03-17", "2026-03-19")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已经过去").hasMessageContaining("has already passed");
        // a date before the application
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", instalments("2026-03-20",
                "2026-03-19 10000\n2026-05-11 20000")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于申请日期");
        // instalments that do not add up to the outstanding fine
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", instalments("2026-03-20",
                "2026-04-10 10000\n2026-05-11 10000")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("20000").hasMessageContaining("30000")
                .hasMessageContaining("add up to");
        // no reason, no plan
        Map<String, Object> noReason = deferralUntil("2026-03-20", "2026-05-29");
        noReason.remove("deferralReason");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", noReason))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("经济困难");
        // nothing changed: still the payment task on the original deadline, no application recorded
        assertThat(c).isWaitingAt("Task_ConfirmPayment").hasNotPassed("Task_DeferralApproval").variables()
                .containsEntry("paymentDeadline", endOf(LocalDate.of(2026, 3, 25)))
                .doesNotContainKey("deferralApplied").doesNotContainKey("deferralRequestedUntil");
        assertThat(timer(c, "Event_PaymentOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 25)));
    }

    @Test
    void onlyALeaderDecidesAnApplication() {
        ProcessInstance c = fineDelivered();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", deferralUntil("2026-03-20", "2026-05-29"));
        for (String officer : new String[] {"zhangsan", "lisi"}) {
            assertThatThrownBy(() -> submit(officer, c, "Task_DeferralApproval",
                    Map.of("deferralDecision", "approve", "deferralOpinion", "")))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        }
        assertThat(c).isWaitingAt("Task_DeferralApproval").variables()
                .containsEntry("paymentDeadline", endOf(LocalDate.of(2026, 3, 25)));
    }

    @Test
    void warningToHandlerAndLeaderOnDay75ThenOverdueOnDay90() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        fireTimer(c, "Event_DecisionWarning", instant(LocalDateTime.of(2026, 5, 16, 0, 0)));
        Task warning = task(c, "Task_DeadlineWarning");
        assertThat(warning.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 6, 1)));
        assertThat(taskService.getIdentityLinksForTask(warning.getId()))
                .anySatisfy(l -> assertThat(l.getUserId()).isEqualTo("zhangsan"))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("leader"));
        // the case itself goes on
        assertThat(c).isWaitingAt("Task_Investigation", "Task_DeadlineWarning");
        submit("zhangsan", c, "Task_DeadlineWarning", Map.of("warningNote", "抓紧办理"));
        fireTimer(c, "Event_DecisionOverdue", endOf(LocalDate.of(2026, 6, 1)));
        assertThat(c).isWaitingAt("Task_Investigation", "Task_DeadlineOverdue");
    }

    @Test
    void investigationNeedsTwoDistinctOfficersWithValidCredentials() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        Map<String, Object> one = new HashMap<>(investigation());
        one.put("officer2Credential", ZHANGSAN_CREDENTIAL);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Investigation", one))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不得少于两人");
        Map<String, Object> expired = new HashMap<>(investigation());
        expired.put("officer2Credential", ZHENGSHI_EXPIRED_CREDENTIAL);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Investigation", expired))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已过期");
        Map<String, Object> unknown = new HashMap<>(investigation());
        unknown.put("officer2Credential", "99999999999999");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Investigation", unknown))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不存在");
        // valid credentials, but not among those the form offers (the department's, valid today: officerOptions)
        for (String credential : new String[] {WUJIU_OTHER_DEPARTMENT_CREDENTIAL, ZHAOLIU_LEADER_CREDENTIAL}) {
            Map<String, Object> outsider = new HashMap<>(investigation());
            outsider.put("officer2Credential", credential);
            assertThatThrownBy(() -> submit("zhangsan", c, "Task_Investigation", outsider))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("只能选择表单列出的选项").hasMessageContaining(credential);
        }
        Map<String, Object> hidden = new HashMap<>(investigation());
        hidden.put("credentialsShown", false);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Investigation", hidden))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十五条");
        assertThat(c).isWaitingAt("Task_Investigation");
        assertThat(variable(c, "actingOfficers")).isNull();
    }

    @Test
    void proposalOutsideTheBenchmarkNeedsAReasonAndTheLeadersApproval() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("none", true, false, false));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", proposal(45000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("理由");
        Map<String, Object> proposal = new HashMap<>(proposal(45000));
        proposal.put("deviationReason", "当事人拒不改正，社会影响较大");
        submit("zhangsan", c, "Task_ProposePenalty", proposal);
        assertThat(c).isWaitingAt("Task_DeviationApproval").variables().containsEntry("outsideBenchmark", true);
        submit("zhaoliu", c, "Task_DeviationApproval", Map.of("deviationDecision", "reject", "deviationOpinion", "依基准重新拟定"));
        assertThat(c).isWaitingAt("Task_ProposePenalty");
        submit("zhangsan", c, "Task_ProposePenalty", proposal(36000));
        assertThat(c).isWaitingAt("Task_PriorNotice");
    }

    @Test
    void aFineDecisionPassesTheProposalsChecksAgain() {
        // quality-59: statutory range 10,000–100,000 yuan (质量条例第59条), lenient benchmark 10,000–37,000
        ProcessInstance c = noticeDeliveredAndWindowExpired(30000);
        // a fine of 0 yuan is no fine (the decision 不予行政处罚 exists for that); -0.0 is 0 too
        for (double none : new double[] {0, -0.0}) {
            assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(none)))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("大于0元");
        }
        // below the statutory minimum: only mitigated under Art. 32, and outside the benchmark with a reason (§7)
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(5000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("法定最低罚款10000元").hasMessageContaining("第三十二条");
        Map<String, Object> mitigated = new HashMap<>(decision(5000));
        mitigated.put("mitigationGround", "harm-eliminated");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", mitigated))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("超出裁量基准幅度的理由");
        mitigated.put("mitigationGround", "sympathy");
        mitigated.put("decisionDeviationReason", "当事人已主动补交全部档案，消除了危害后果");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", mitigated))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("依法减轻处罚的情形");
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey()))).isEmpty();

        mitigated.put("mitigationGround", "harm-eliminated");
        submit("zhaoliu", c, "Task_LeaderDecision", mitigated);
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("finalFine", 5000.0);
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> assertThat(e.result()).isEqualTo("罚款人民币5000元"));
    }

    @Test
    void theApprovedDeviationCoversTheNotifiedFineOnlyAndNoFineExceedsTheStatutoryMaximum() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("none", true, false, false));
        assertThat(c).variables().containsEntry("legalMinFine", 10000.0).containsEntry("legalMaxFine", 100000.0);
        // above the statutory maximum even with a reason (Art. 4, 76(1)(2))
        Map<String, Object> proposal = new HashMap<>(proposal(150000));
        proposal.put("deviationReason", "当事人拒不改正，社会影响较大");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", proposal))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("法定最高罚款100000元").hasMessageContaining("第四条");
        proposal.put("fineAmount", 45000);
        submit("zhangsan", c, "Task_ProposePenalty", proposal);
        submit("zhaoliu", c, "Task_DeviationApproval", Map.of("deviationDecision", "approve", "deviationOpinion", "同意"));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate", "2026-03-02",
                "waiverDocumentNo", "放弃声明〔2026〕3号"));
        // another amount outside the benchmark than the approved one needs the leader's own reason
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(40000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("超出裁量基准幅度的理由");
        submit("zhaoliu", c, "Task_LeaderDecision", decision(45000));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("finalFine", 45000.0);
    }

    @Test
    void seriousCaseIsDecidedByCollectiveDiscussion() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", true, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("Task_CollectiveDiscussion");
        submit("zhaoliu", c, "Task_CollectiveDiscussion", Map.of("discussionDate", "2026-03-10",
                "discussionParticipants", "赵六、钱主任、孙副主任", "discussionMinutesNo", "集体讨论〔2026〕2号",
                "discussionConclusion", "同意罚款三万元"));
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        assertThat(c).hasPassedInOrder("Task_CollectiveDiscussion", "Task_LeaderDecision");
    }

    @Test
    void noDecisionWithoutAnApprovedRequiredReviewEvenWhenTheDiagramIsBypassed() {
        ProcessInstance c = noticeDeliveredAndWindowExpired(30000);
        // an administrator moves the token past a required review (Cockpit modification): the decision still refuses
        runtimeService.setVariable(c.getId(), "reviewRequired", true);
        runtimeService.setVariable(c.getId(), "reviewApproved", false);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十八条");
        runtimeService.removeVariable(c.getId(), "responseStage");
        runtimeService.setVariable(c.getId(), "reviewRequired", false);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第六十二条");
    }

    @Test
    void aTaskCannotSetVariablesItsFormDoesNotHave() {
        ProcessInstance c = noticeDeliveredAndWindowExpired(30000);
        Map<String, Object> forged = new HashMap<>(decision(30000));
        forged.put("notifiedFine", 1_000_000);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", forged))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("notifiedFine");
        assertThat(variable(c, "notifiedFine")).isEqualTo(30000.0);
    }

    @Test
    void violationUndiscoveredForTwoYearsIsNotFiled() {
        Map<String, Object> old = new HashMap<>(registration());
        old.put("violationDate", "2023-12-01");
        old.put("discoveredDate", "2026-02-27");
        ProcessInstance c = start("zhangsan", "penalty-general", old);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_FilingApproval", filing()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十六条");
        // five years where life or health was harmed
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", true));
        assertThat(c).isWaitingAt("Task_Investigation");
    }

    @Test
    void aCaseFiledOnTheFiveYearsWhoseInvestigationFindsNoHarmIsNotPunished() {
        // filed on the five years for life or health harm; the investigation finds no harmful consequence: the two
        // years of 第三十六条 apply, they had passed at discovery, no penalty may be given
        Map<String, Object> old = new HashMap<>(registration());
        old.put("violationDate", "2023-12-01");
        old.put("discoveredDate", "2026-02-27");
        ProcessInstance c = start("zhangsan", "penalty-general", old);
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", true));
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("none", true, false, false));
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate", "2026-03-02",
                "waiverDocumentNo", "放弃声明〔2026〕9号"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十六条").hasMessageContaining("不予行政处罚");
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty", "decisionOpinion", "超过追责时效，不予行政处罚"));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("decision", "noPenalty");
    }

    @Test
    void notFiledEndsTheCase() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "reject", "filingOpinion", "不符合立案标准"));
        assertThat(c).isEnded().hasPassed("EndEvent_NotFiled");
    }

    @Test
    void badRegistrationCreatesNoCase() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-general").count();
        Map<String, Object> bad = new HashMap<>(registration());
        bad.put("partyIdNumber", "91210100MA0Y6XQ12B");
        assertThatThrownBy(() -> start("zhangsan", "penalty-general", bad))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("统一社会信用代码");
        bad.put("partyIdNumber", COMPANY_CODE);
        bad.put("violationDate", "2099-01-01");
        assertThatThrownBy(() -> start("zhangsan", "penalty-general", bad)).isInstanceOf(RuleViolation.class);
        bad.put("violationDate", "2026-02-10");
        bad.put("reviewApproved", true);
        assertThatThrownBy(() -> start("zhangsan", "penalty-general", bad)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("reviewApproved");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-general").count()).isEqualTo(before);
    }
}
