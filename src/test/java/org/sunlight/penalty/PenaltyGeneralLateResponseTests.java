package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import org.sunlight.ProcessTest;

/**
 * A statement or hearing request the party made within the response window, registered by the officer only after the
 * window's timer fired (补登记, POST /api/cases/{businessKey}/late-responses). What counts is its receipt: 拒绝听取当事人的
 * 陈述或者申辩的，不得作出行政处罚决定 (行政处罚法第六十二条); a hearing requested within five working days of the notice must
 * be held (第六十四条第一项). One received after the window is refused and changes nothing. The clock starts on Monday
 * 2026-03-02 09:00; the notice is delivered that day, so the window (and the five working days) end on Monday 2026-03-09.
 */
class PenaltyGeneralLateResponseTests extends ProcessTest {

    @Autowired WebApplicationContext web;
    private CaseApi api;

    @BeforeEach
    void api() {
        api = new CaseApi(web);
    }

    private static String path(ProcessInstance c) {
        return "/api/cases/" + c.getBusinessKey() + "/late-responses";
    }

    /** A 90,000 yuan fine (hearing right, the review catalogue): after the timer the case waits at the legal review. */
    private ProcessInstance hearingRightWindowExpired() {
        ProcessInstance c = untilPriorNotice(this, 90000, "serious", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        assertThat(c).variables().containsEntry("hearingRight", true);
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("responseStage", "expired");
        return c;
    }

    /** A 30,000 yuan fine (no hearing right, no review): after the timer the case waits for the leader's decision. */
    private ProcessInstance noHearingRightWindowExpired() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("Task_LeaderDecision").variables().containsEntry("responseStage", "expired");
        return c;
    }

    @Test
    void aHearingRequestReceivedInTimeButRegisteredAfterTheTimerLeadsToTheHearing() {
        ProcessInstance c = hearingRightWindowExpired();
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        // received on Friday 2026-03-06, within the five working days; the officer registers it on Tuesday 2026-03-10
        CaseApi.Response registered = api.post("zhangsan", path(c),
                Map.of("responseType", "hearingRequest", "receivedDate", "2026-03-06"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asText()).isEqualTo("hearing");
        assertThat(registered.json().get("message").asText()).contains("第六十四条第一项");
        // the legal review is interrupted (its sub-instance gone) and the case goes to the hearing notice, as a timely
        // registered request would (Gateway_ResponseType, Flow_HearingRequested)
        assertThat(c).hasPassed("Event_LateResponseAtReview", "Gateway_ResponseType").isWaitingAt("Task_ScheduleHearing")
                .variables().containsEntry("responseType", "hearingRequest").containsEntry("responseReceivedDate", "2026-03-06")
                .containsEntry("lateResponseRegistered", true).containsEntry("lateResponseRegisteredBy", "zhangsan");
        assertThat(task(c, "Task_ScheduleHearing").getAssignee()).isEqualTo("zhangsan");
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).count()).isZero();

        // the hearing is then held and the case reviewed, as on the ordinary hearing path
        submit("zhangsan", c, "Task_ScheduleHearing", Map.of("hearingNoticeDate", "2026-03-10", "hearingDate", "2026-03-19T09:00",
                "hearingPlace", "第三会议室", "hearingHost", "zhaoliu", "hearingPublic", true));
        at(LocalDateTime.of(2026, 3, 19, 11, 0));
        submit("zhangsan", c, "Task_HoldHearing", Map.of("partyAttendance", "attended", "hearingTranscriptNo", "听证〔2026〕2号",
                "hearingSummary", "当事人到场申辩"));
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("hearingHeld", true)
                .containsEntry("responseStage", "hearing");
        // once heard, nothing is left to register late
        CaseApi.Response again = api.post("zhangsan", path(c), Map.of("responseType", "hearingRequest", "receivedDate", "2026-03-06"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
    }

    @Test
    void aStatementReceivedInTimeButRegisteredAfterTheTimerIsReviewedBeforeTheDecision() {
        ProcessInstance c = noHearingRightWindowExpired();
        at(LocalDateTime.of(2026, 3, 11, 10, 0));
        // received on the window's last day, registered two days later while the leader has the decision
        CaseApi.Response registered = api.post("zhangsan", path(c), Map.of("responseType", "statement",
                "receivedDate", "2026-03-09", "statementContent", "已于次日移交档案，请求从轻处罚"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asText()).isEqualTo("statement-review");
        assertThat(c).hasPassed("Event_LateResponseAtDecision").isWaitingAt("Task_StatementReview").variables()
                .containsEntry("responseType", "statement").containsEntry("statementContent", "已于次日移交档案，请求从轻处罚");
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_LeaderDecision").count()).isZero();

        submit("zhangsan", c, "Task_StatementReview", Map.of("statementAdopted", "adopted", "statementReviewNote", "理由成立，予以采纳",
                "revisedFine", 20000));
        // the window has expired: the case goes on to the decision, with the reviewed fine
        assertThat(c).isWaitingAt("Task_LeaderDecision").variables().containsEntry("fineAmount", 20000.0)
                .containsEntry("responseStage", "expired");
        submit("zhaoliu", c, "Task_LeaderDecision", decision(20000));
        assertThat(c).isWaitingAt("Task_DeliverDecision");
    }

    @Test
    void aResponseReceivedAfterTheWindowIsRefusedAndChangesNothing() {
        ProcessInstance c = hearingRightWindowExpired();
        at(LocalDateTime.of(2026, 3, 11, 10, 0));
        long tasks = taskService.createTaskQuery().processInstanceId(c.getId()).count();
        for (Map<String, Object> late : java.util.List.<Map<String, Object>>of(
                Map.of("responseType", "hearingRequest", "receivedDate", "2026-03-10"),
                Map.of("responseType", "statement", "receivedDate", "2026-03-10", "statementContent", "请求从轻"),
                Map.of("responseType", "waiver", "receivedDate", "2026-03-05"),
                Map.of("responseType", "hearingRequest", "receivedDate", "2026-03-12"),
                Map.of("responseType", "hearingRequest", "receivedDate", "2026-03-01"))) {
            CaseApi.Response refused = api.post("zhangsan", path(c), late);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("messageZh").asText()).as(refused.body()).containsPattern("\\p{IsHan}");
            assertThat(refused.json().get("messageEn").asText()).as(refused.body()).isNotBlank();
        }
        CaseApi.Response lateHearing = api.post("zhangsan", path(c), Map.of("responseType", "hearingRequest", "receivedDate", "2026-03-10"));
        assertThat(lateHearing.json().get("code").asText()).isEqualTo("hearing-request-late");
        assertThat(lateHearing.json().get("messageZh").asText()).contains("第六十四条第一项");
        assertThat(api.post("zhangsan", path(c), Map.of("responseType", "statement", "receivedDate", "2026-03-10",
                "statementContent", "请求从轻")).json().get("code").asText()).isEqualTo("statement-late");

        assertThat(c).isWaitingAt("CallActivity_LegalReview").hasNotPassed("Task_ScheduleHearing", "Task_StatementReview")
                .variables().doesNotContainKey("responseType").doesNotContainKey("lateResponseRegistered")
                .containsEntry("responseStage", "expired");
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).count()).isEqualTo(tasks);
    }

    @Test
    void withoutLateRegistrationTheCaseGoesOnAsBeforeAndTheWindowIsRegisteredInItsTask() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        // while the window runs, the response is registered in Task_PartyResponse, not late: 409, nothing changes
        CaseApi.Response early = api.post("zhangsan", path(c), Map.of("responseType", "statement", "receivedDate", "2026-03-02",
                "statementContent", "请求从轻"));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(c).isWaitingAt("Task_PartyResponse");

        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).hasNotPassed("Gateway_ResponseRegistered", "Task_StatementReview").isWaitingAt("Task_LeaderDecision");
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().doesNotContainKey("lateResponseRegistered");
        // after the decision nothing is registered late
        CaseApi.Response after = api.post("zhangsan", path(c), Map.of("responseType", "statement", "receivedDate", "2026-03-05",
                "statementContent", "请求从轻"));
        assertThat(after.status()).as(after.body()).isEqualTo(409);
    }

    @Test
    void onlyOfficersOfTheCasesDepartmentRegisterLate() {
        ProcessInstance c = noHearingRightWindowExpired();
        Map<String, Object> statement = Map.of("responseType", "statement", "receivedDate", "2026-03-09", "statementContent", "请求从轻");
        // the leader reads the case but does not register for the handler's department; another department may not see it
        assertThat(api.post("zhaoliu", path(c), statement).status()).isEqualTo(403);
        assertThat(api.post("wujiu", path(c), statement).status()).isEqualTo(404);
        assertThat(api.post(null, path(c), statement).status()).isEqualTo(401);
        assertThat(c).isWaitingAt("Task_LeaderDecision").variables().doesNotContainKey("responseType");
    }
}
