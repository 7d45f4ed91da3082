package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * 行政处罚法第五十七条第一款: when the investigation ends, the leader gives a penalty, no penalty (违法事实不能成立, or
 * 违法行为轻微 and the other grounds of 第三十条、第三十一条、第三十三条、第三十六条), or transfers a suspected crime to the
 * judicial authorities. Only a penalty is notified to the party first (第四十四条); a case whose facts do not stand
 * used to be pushed through a penalty proposal and a prior notice of a penalty nobody meant to give.
 * The clock starts on Monday 2026-03-02 09:00.
 */
class PenaltyHandlingProposalTests extends ProcessTest {

    @org.springframework.beans.factory.annotation.Autowired org.springframework.web.context.WebApplicationContext web;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private ProcessInstance investigated() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        return c;
    }

    private static Map<String, Object> report(String proposal, Object... more) {
        Map<String, Object> r = new HashMap<>(PenaltyCase.report("none", true, false, false));
        r.put("handlingProposal", proposal);
        for (int i = 0; i < more.length; i += 2) {
            r.put((String) more[i], more[i + 1]);
        }
        return r;
    }

    @Test
    void factsNotEstablishedGoStraightToTheLeaderWithoutAPenaltyProposalOrNotice() {
        ProcessInstance c = investigated();
        submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty", "noPenaltyGround", "facts-not-established",
                "factsFound", "经调查，档案已于竣工验收前移交，违法事实不能成立"));
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThat(c).hasNotPassed("Task_ProposePenalty", "Task_PriorNotice");

        // nobody was told of a penalty, so there is no response window to register a late statement into
        CaseApi.Response late = new CaseApi(web).post("zhangsan", "/api/cases/" + c.getBusinessKey() + "/late-responses",
                Map.of("responseType", "statement", "receivedDate", "2026-03-02", "statementContent", "我方无违法行为"));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.body()).contains("no-prior-notice", "未事先告知");
        assertThat(c).isWaitingAt("Task_LeaderDecision");

        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty", "decisionOpinion", "违法事实不能成立，不予行政处罚"));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("decisionResult", "不予行政处罚")
                .containsEntry("noPenaltyGround", "facts-not-established").containsEntry("fineDue", false);
        // no violation was found: not a penalty decision to publish (第四十八条), and publishing the party's name would
        // harm it (政府信息公开条例第十五条) — withheld by the DMN publication-deadline, no review task
        assertThat(events.stream(org.sunlight.procedure.CaseDecided.class)
                .filter(e -> e.businessKey().equals(c.getBusinessKey())).map(org.sunlight.procedure.CaseDecided::kind))
                .containsExactly("no-violation");
        assertThat(jdbc.queryForObject("SELECT status FROM sl_publication WHERE business_key = ?", String.class,
                c.getBusinessKey())).isEqualTo("withheld");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("publication")
                .processInstanceBusinessKey(c.getBusinessKey()).count()).isZero();
    }

    /** A minor violation not punished (第三十三条) is still a decision of the penalty procedure, and published. */
    @Test
    void aMinorViolationNotPunishedIsPublished() {
        ProcessInstance c = investigated();
        submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty", "noPenaltyGround", "minor-corrected"));
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty", "decisionOpinion", "违法行为轻微并及时改正，不予行政处罚"));
        assertThat(jdbc.queryForObject("SELECT status FROM sl_publication WHERE business_key = ?", String.class,
                c.getBusinessKey())).isEqualTo("pending");
        // 第三十三条第三款: not punished, the party is educated — the delivery records how
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DeliverDecision", delivery("2026-03-02")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十三条第三款");
        Map<String, Object> delivered = new HashMap<>(delivery("2026-03-02"));
        delivered.put("educationNote", "送达时向当事人讲解建设工程档案管理规定，当事人承诺按期移交");
        submit("zhangsan", c, "Task_DeliverDecision", delivered);
        assertThat(c).isWaitingAt("Task_Closure");
    }

    @Test
    void aSuspectedCrimeIsTransferredWithoutANoticeOfAPenalty() {
        ProcessInstance c = investigated();
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("transfer")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("涉嫌犯罪的事实和理由");
        assertThat(c).isWaitingAt("Task_InvestigationReport");

        submit("zhangsan", c, "Task_InvestigationReport", report("transfer", "transferReason",
                "伪造竣工验收档案，涉嫌伪造国家机关公文罪"));
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "transfer", "decisionOpinion", "同意移送公安机关"));
        assertThat(c).isWaitingAt("Task_TransferToJudiciary");
        assertThat(c).hasNotPassed("Task_PriorNotice");
    }

    /** 第四十四条、第六十二条: without the notice, no penalty — the leader who wants one sends the case back. */
    @Test
    void theLeaderCannotPunishWhatWasNeverNotifiedButCanSendItBackForAPenaltyProposal() {
        ProcessInstance c = investigated();
        submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty", "noPenaltyGround", "minor-corrected"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(10000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十四条")
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("notice-window-open"));
        assertThat(c).isWaitingAt("Task_LeaderDecision");

        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "return", "decisionOpinion", "档案逾期三个月，不属轻微，请拟定处罚意见"));
        assertThat(c).isWaitingAt("Task_InvestigationReport").variables().doesNotContainKey("decisionDate");
        submit("zhangsan", c, "Task_InvestigationReport", report("penalty"));
        assertThat(c).isWaitingAt("Task_ProposePenalty");
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        // a notified penalty is decided, not sent back
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "return", "decisionOpinion", "再议")))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("return-after-notice"));
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("fineDue", true);
    }

    /**
     * 第二十七条: the legal review finds a suspected crime (its point 8); the handler changes the handling to a transfer
     * and the case goes to the leader — not round the review again, and not to a penalty the review refused (第五十八条).
     */
    @Test
    void aSuspectedCrimeFoundByTheLegalReviewGoesToTheLeaderForTransfer() {
        ProcessInstance c = PenaltyCase.untilPriorNotice(this, 30000, "none", false, true);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        Map<String, Object> crime = new HashMap<>(review("rejected"));
        crime.put("checkCriminal", "problem");
        crime.put("reviewOpinion", "伪造竣工验收档案，涉嫌犯罪，应当移送公安机关");
        submit("wangwu", c, "Task_LegalReview", crime);
        assertThat(c).isWaitingAt("Task_ReviseAfterReview");

        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ReviseAfterReview", Map.of("revisionNote", "同意移送",
                "handlingProposal", "transfer")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("涉嫌犯罪的事实和理由");
        submit("zhangsan", c, "Task_ReviseAfterReview", Map.of("revisionNote", "同意审核意见，移送公安机关",
                "handlingProposal", "transfer", "transferReason", "伪造竣工验收档案，涉嫌伪造国家机关公文罪"));
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30000)))
                .as("the review did not pass the penalty").isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("review-missing"));
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "transfer", "decisionOpinion", "同意移送"));
        assertThat(c).isWaitingAt("Task_TransferToJudiciary");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(c.getId())
                .activityId("CallActivity_LegalReview").count()).isEqualTo(1);
    }

    /** A report left without a handling proposes a penalty, as every report did before (the form preselects it). */
    @Test
    void aReportWithoutAHandlingProposesAPenalty() {
        ProcessInstance c = investigated();
        submit("zhangsan", c, "Task_InvestigationReport", PenaltyCase.report("none", true, false, false));
        assertThat(c).isWaitingAt("Task_ProposePenalty").variables().containsEntry("handlingProposal", "penalty");
    }

    /**
     * The ground must fit what the report found: 第三十三条第一款 needs the violation corrected in time and (轻微) without
     * harm or (初次违法) with slight harm only; 第三十条 a natural person under 14 on the day of the violation; 第三十六条 a
     * violation not discovered within two years. An unknown ground or none is refused too.
     */
    @Test
    void aGroundOfNoPenaltyTheFactsContradictIsRefused() {
        ProcessInstance c = investigated();
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不予行政处罚的理由");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty", "noPenaltyGround", "mercy")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不予行政处罚的理由");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty",
                "noPenaltyGround", "minor-corrected", "rectified", false)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("及时改正")
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("no-penalty-ground-contradicted"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty",
                "noPenaltyGround", "minor-corrected", "consequence", "minor")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有造成危害后果");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty",
                "noPenaltyGround", "first-minor", "repeatOffense", true)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("初次违法");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty",
                "noPenaltyGround", "under-14")))
                .as("the party is a company").isInstanceOf(RuleViolation.class).hasMessageContaining("不满十四周岁的自然人");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty",
                "noPenaltyGround", "time-barred")))
                .as("violation 2026-02-10, discovered 2026-02-27").isInstanceOf(RuleViolation.class)
                .hasMessageContaining("年内未被发现");
        assertThat(c).isWaitingAt("Task_InvestigationReport");

        submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty", "noPenaltyGround", "first-minor",
                "consequence", "minor"));
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        // the leader may name another ground, held to the same facts
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty",
                "noPenaltyGround", "minor-corrected", "decisionOpinion", "不予处罚")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有造成危害后果");
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty", "noPenaltyGround", "no-fault",
                "decisionOpinion", "当事人已提交证据证明没有主观过错"));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("noPenaltyGround", "no-fault");
    }

    /** 第三十条: a child under 14 at the violation is the very case of no penalty without a notice. */
    @Test
    void aChildUnderFourteenIsNotPunishedWithoutANotice() {
        Map<String, Object> registration = new HashMap<>(registration());
        registration.put("partyType", "individual");
        registration.put("partyName", "王小明");
        registration.put("partyIdNumber", PenaltyMinorPartyTests.THIRTEEN_AT_VIOLATION);
        ProcessInstance c = start("zhangsan", "penalty-general", registration);
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("noPenalty", "noPenaltyGround", "under-14"));
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty", "decisionOpinion", "不予行政处罚，责令监护人加以管教"));
        assertThat(c).isWaitingAt("Task_DeliverDecision");
        assertThat(c).hasNotPassed("Task_PriorNotice");
        // 第三十条: the guardian is ordered to discipline the child — recorded when the decision is delivered
        Map<String, Object> delivered = new HashMap<>(delivery("2026-03-02"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DeliverDecision", delivered))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("责令监护人加以管教").hasMessageContaining("第三十条");
        assertThat(c).isWaitingAt("Task_DeliverDecision");
        delivered.put("educationNote", "已向监护人王某送达决定书，责令其加强管教，监护人签字确认");
        submit("zhangsan", c, "Task_DeliverDecision", delivered);
        assertThat(c).isWaitingAt("Task_Closure");
    }
}
