package org.sunlight.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * The legal review's time limit (RULES 1.19, local policy after 宁夏住建厅审核目录: 7 working days, once extendable by 3
 * with approval; 国办发〔2018〕118号 sets none): a non-interrupting timer at the task's due date escalates to the
 * leaders while the review goes on, and the reviewer's extension request, once approved by a leader, moves the task's
 * due date and that timer. Dates cross the working-day calendar of 2026 (shared/domain/cn-workday-calendar.yaml): the
 * adjusted working Sunday 09-20, the Mid-Autumn holiday 09-25..27 and the National Day holiday 10-01..07.
 */
class LegalReviewDeadlineTests extends ProcessTest {

    /** Sent on Friday 2026-09-18: 09-20 (adjusted), 21, 22, 23, 24, 28, 29 are its seven working days. */
    static final LocalDateTime SENT = LocalDateTime.of(2026, 9, 18, 16, 0);
    static final LocalDate DUE_DAY = LocalDate.of(2026, 9, 29);
    /** Three working days after 09-29: 09-30, then after the National Day holiday 10-08 and 10-09. */
    static final LocalDate EXTENDED_DAY = LocalDate.of(2026, 10, 9);

    static final ObjectMapper JSON = new ObjectMapper();

    private MockMvc mvc;

    @BeforeEach
    void http() {
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) applicationContext)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private ProcessInstance caseAtReview() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseNumber", "市建罚〔2026〕98号");
        vars.put("category", "penalty");
        vars.put("handler", "zhangsan");
        vars.put("actingOfficers", "zhangsan,lisi");
        vars.put("penaltyKind", "fine");
        vars.put("fineAmount", 90000.0);
        vars.put("reviewMatter", "罚款90000元");
        return runtimeService.startProcessInstanceByKey("legal-review", "CF-TEST-DEADLINE-" + System.nanoTime(), vars);
    }

    private Task claimedBy(String reviewer, ProcessInstance review) {
        Task task = task(review, "Task_LegalReview");
        as(reviewer);
        try {
            taskService.claim(task.getId(), reviewer);
        } finally {
            identityService.clearAuthentication();
        }
        return task;
    }

    record Answer(int status, JsonNode body) {
    }

    /** POST /api/reviews/tasks/{taskId}/extension as the user (HTTP Basic, demo password = user name). */
    private Answer requestExtension(String user, String taskId, String body) throws Exception {
        MvcResult result = mvc.perform(post("/api/reviews/tasks/" + taskId + "/extension").with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        String text = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return new Answer(result.getResponse().getStatus(), text.isEmpty() ? null : JSON.readTree(text));
    }

    private static String reason(String text) {
        return "{\"reason\": \"" + text + "\"}";
    }

    private void assertUnchanged(ProcessInstance review) {
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(DUE_DAY));
        assertThat(timer(review, "Event_ReviewOverdue").getDuedate()).isEqualTo(endOf(DUE_DAY));
        assertThat(taskService.createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey("Task_ReviewExtensionApproval").count()).isZero();
        assertThat(runtimeService.getVariable(review.getId(), "reviewExtensionRequested")).isNull();
        assertThat(runtimeService.getVariable(review.getId(), "reviewDue")).isEqualTo(endOf(DUE_DAY));
    }

    @Test
    void theTimerIsDueWithTheTaskAndEscalatesToTheLeadersWhileTheReviewGoesOn() {
        at(SENT);
        ProcessInstance review = caseAtReview();
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(DUE_DAY));
        assertThat(runtimeService.getVariable(review.getId(), "reviewDue")).isEqualTo(endOf(DUE_DAY));

        fireTimer(review, "Event_ReviewOverdue", endOf(DUE_DAY));
        assertThat(review).isWaitingAt("Task_LegalReview", "Task_ReviewOverdue");
        Task overdue = task(review, "Task_ReviewOverdue");
        assertThat(taskService.getIdentityLinksForTask(overdue.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        assertThat(taskService.createTaskQuery().taskId(overdue.getId()).taskCandidateUser("zhaoliu").count()).isOne();
        // the leader's instruction is required and kept in the record
        assertThatThrownBy(() -> submit("zhaoliu", review, "Task_ReviewOverdue", Map.of()))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        submit("zhaoliu", review, "Task_ReviewOverdue", Map.of("reviewOverdueInstruction", "请于两个工作日内办结"));
        assertThat(review).isWaitingAt("Task_LegalReview");

        submit("wangwu", review, "Task_LegalReview", LegalReviewProcessTests.checklist("approved", "ok"));
        assertThat(review).isEnded().hasPassed("Event_ReviewOverdue", "Task_ReviewOverdue", "EndEvent_Reviewed")
                .variables().containsEntry("reviewApproved", true).containsEntry("reviewerId", "wangwu");
    }

    @Test
    void aReviewCompletedWhileTheEscalationIsOpenEndsAsBefore() {
        at(SENT);
        ProcessInstance review = caseAtReview();
        fireTimer(review, "Event_ReviewOverdue", endOf(DUE_DAY));
        submit("wangwu", review, "Task_LegalReview", LegalReviewProcessTests.checklist("rejected", "problem"));
        // the escalation does not hold the calling case: the review ends, its open escalation with it
        assertThat(review).isEnded().variables().containsEntry("reviewApproved", false);
        assertThat(taskService.createTaskQuery().processInstanceId(review.getId()).count()).isZero();
    }

    @Test
    void anApprovedExtensionMovesTheDueDateAndTheTimerByThreeWorkingDays() throws Exception {
        assertThat(applicationContext.getEnvironment().getProperty("sunlight.review.extension-working-days", Integer.class))
                .isEqualTo(3);
        at(SENT);
        ProcessInstance review = caseAtReview();
        Task task = claimedBy("wangwu", review);

        at(LocalDateTime.of(2026, 9, 24, 10, 0));
        Answer asked = requestExtension("wangwu", task.getId(), reason("需调取施工合同和监理日志核实违法所得"));
        assertThat(asked.status()).as("%s", asked.body()).isEqualTo(200);
        assertThat(asked.body().get("status").asText()).isEqualTo("requested");
        Task approval = task(review, "Task_ReviewExtensionApproval");
        assertThat(asked.body().get("approvalTaskId").asText()).isEqualTo(approval.getId());
        assertThat(approval.getDueDate()).isEqualTo(endOf(DUE_DAY));
        assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        assertThat(taskService.getVariable(approval.getId(), "reviewExtensionReason")).isEqualTo("需调取施工合同和监理日志核实违法所得");
        assertThat(taskService.getVariable(approval.getId(), "reviewExtensionRequestedBy")).isEqualTo("wangwu");
        // nothing moves before the approval; the review itself goes on
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(DUE_DAY));
        // once only
        Answer again = requestExtension("wangwu", task.getId(), reason("再次申请"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().get("code").asText()).isEqualTo("extension-once");

        submit("zhaoliu", review, "Task_ReviewExtensionApproval", Map.of("reviewExtensionDecision", "approve",
                "reviewExtensionOpinion", "同意延长三个工作日"));
        assertThat(review).hasPassed("EndEvent_Extended").isWaitingAt("Task_LegalReview");
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(EXTENDED_DAY));
        assertThat(runtimeService.getVariable(review.getId(), "reviewDue")).isEqualTo(endOf(EXTENDED_DAY));
        assertThat(runtimeService.getVariable(review.getId(), "reviewExtensionApprover")).isEqualTo("zhaoliu");
        // the escalation waits for the extended limit
        fireTimer(review, "Event_ReviewOverdue", endOf(EXTENDED_DAY));
        assertThat(review).isWaitingAt("Task_LegalReview", "Task_ReviewOverdue");

        submit("wangwu", review, "Task_LegalReview", LegalReviewProcessTests.checklist("approved", "ok"));
        assertThat(review).isEnded().variables().containsEntry("reviewApproved", true);
    }

    @Test
    void aRefusedExtensionLeavesTheLimitAndALateApprovalIsRefused() throws Exception {
        at(SENT);
        ProcessInstance review = caseAtReview();
        Task task = claimedBy("wangwu", review);
        at(LocalDateTime.of(2026, 9, 28, 10, 0));
        assertThat(requestExtension("wangwu", task.getId(), reason("案情复杂")).status()).isEqualTo(200);

        // the leader decides only after the limit has passed: too late to approve, not too late to refuse
        at(LocalDateTime.of(2026, 9, 30, 9, 0));
        assertThatThrownBy(() -> submit("zhaoliu", review, "Task_ReviewExtensionApproval", Map.of(
                "reviewExtensionDecision", "approve", "reviewExtensionOpinion", "同意")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("届满");
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(DUE_DAY));
        submit("zhaoliu", review, "Task_ReviewExtensionApproval", Map.of("reviewExtensionDecision", "reject",
                "reviewExtensionOpinion", "期限已届满，请尽快办结"));
        assertThat(review).hasPassed("EndEvent_ExtensionRefused").isWaitingAt("Task_LegalReview");
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(DUE_DAY));
        assertThat(timer(review, "Event_ReviewOverdue").getDuedate()).isEqualTo(endOf(DUE_DAY));
        assertThat(runtimeService.getVariable(review.getId(), "reviewExtended")).isEqualTo(false);
    }

    @Test
    void theReviewerCannotApproveHisOwnRequest() throws Exception {
        at(SENT);
        ProcessInstance review = caseAtReview();
        Task task = claimedBy("wangwu", review);
        assertThat(requestExtension("wangwu", task.getId(), reason("案情复杂")).status()).isEqualTo(200);
        identityService.createMembership("wangwu", "leader");
        try {
            assertThatThrownBy(() -> submit("wangwu", review, "Task_ReviewExtensionApproval", Map.of(
                    "reviewExtensionDecision", "approve", "reviewExtensionOpinion", "同意")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("申请人");
        } finally {
            identityService.deleteMembership("wangwu", "leader");
        }
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(DUE_DAY));
    }

    @Test
    void badRequestsAreRefusedInChineseAndEnglishAndChangeNothing() throws Exception {
        at(SENT);
        ProcessInstance review = caseAtReview();
        Task task = task(review, "Task_LegalReview");

        // no login
        assertThat(mvc.perform(post("/api/reviews/tasks/" + task.getId() + "/extension")
                .contentType(MediaType.APPLICATION_JSON).content(reason("案情复杂"))).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        // not claimed: the reviewer who claimed the review asks, nobody else
        Answer unclaimed = requestExtension("wangwu", task.getId(), reason("案情复杂"));
        assertThat(unclaimed.status()).isEqualTo(403);
        assertThat(unclaimed.body().get("messageZh").asText()).contains("认领");
        claimedBy("wangwu", review);
        assertThat(requestExtension("zhaoliu", task.getId(), reason("案情复杂")).status()).isEqualTo(403);
        // who asks is checked before what is asked: a bad body from someone else is still his 403
        assertThat(requestExtension("zhaoliu", task.getId(), "{}").status()).isEqualTo(403);

        for (String body : new String[] {reason(""), reason("   "), "{}", "{\"reason\": null}"}) {
            Answer blank = requestExtension("wangwu", task.getId(), body);
            assertThat(blank.status()).as(body).isEqualTo(400);
            assertThat(blank.body().get("code").asText()).isEqualTo("extension-reason-required");
            assertThat(blank.body().get("messageZh").asText()).contains("理由");
            assertThat(blank.body().get("messageEn").asText()).contains("reason");
        }
        Answer tooLong = requestExtension("wangwu", task.getId(), reason("长".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("code").asText()).isEqualTo("extension-reason-too-long");
        Answer malformed = requestExtension("wangwu", task.getId(), "{\"reason\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("messageZh").asText()).isNotBlank();
        assertThat(malformed.body().get("messageEn").asText()).isNotBlank();
        assertThat(requestExtension("wangwu", "no-such-task", reason("案情复杂")).status()).isEqualTo(404);
        assertThat(requestExtension("wangwu", "bad_id", reason("案情复杂")).status()).isEqualTo(400);

        // past the limit
        at(LocalDateTime.of(2026, 9, 30, 9, 0));
        Answer late = requestExtension("wangwu", task.getId(), reason("案情复杂"));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().get("code").asText()).isEqualTo("extension-after-due");
        assertThat(late.body().get("messageZh").asText()).contains("届满");
        assertThat(late.body().get("messageEn").asText()).contains("due");

        assertUnchanged(review);
        assertThat(review).isWaitingAt("Task_LegalReview");
    }
}
