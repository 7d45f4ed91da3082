package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * 先行登记保存 in penalty-general (行政处罚法第五十六条; RULES 2.7, 8.3): registered by an officer of the case's department
 * over /api/cases/{businessKey}/preservations while the case is investigated, approved by a leader, carried out, and
 * handled within seven working days (第八十五条) — or escalated to the leader and deducted in the case-file score.
 * The clock starts on Monday 2026-03-02 09:00; working days follow the official 2026 schedule.
 */
class PenaltyGeneralPreservationTests extends ProcessTest {

    private static final List<String> PRESERVATION_TASKS = List.of("Task_PreservationApproval",
            "Task_PreservationRecord", "Task_PreservationHandling", "Task_PreservationOverdue");

    @Autowired WebApplicationContext web;
    private CaseApi api;

    @BeforeEach
    void api() {
        api = new CaseApi(web);
    }

    static Map<String, Object> request() {
        return Map.of("items", "施工现场混凝土试块3组（编号A1—A3）；施工日志1册",
                "reason", "试块将于次日按施工计划破碎清运，证据可能灭失",
                "place", "本委证据保管室", "storage", "offSite");
    }

    static Map<String, Object> carriedOut(String day) {
        return Map.of("preservedDate", day, "preservationOfficer1Credential", ZHANGSAN_CREDENTIAL,
                "preservationOfficer2Credential", LISI_CREDENTIAL, "preservationCredentialsShown", true,
                "preservationNoticeNo", "市建先保〔2026〕3号", "preservationPartyWarned", true);
    }

    static Map<String, Object> handled(String outcome, String day) {
        return Map.of("handlingOutcome", outcome, "handlingDocumentNo", "市建先保处〔2026〕3号", "handlingDate", day,
                "handlingNote", "检测完毕，退还当事人");
    }

    private static String path(ProcessInstance c) {
        return "/api/cases/" + c.getBusinessKey() + "/preservations";
    }

    private ProcessInstance filed() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        assertThat(c).isWaitingAt("Task_Investigation");
        return c;
    }

    /** Registered by zhangsan, approved by zhaoliu, carried out on the given day. */
    private void preserve(ProcessInstance c, String day) {
        CaseApi.Response created = api.post("zhangsan", path(c), request());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        submit("zhaoliu", c, "Task_PreservationApproval", Map.of("preservationApproval", "approve",
                "preservationApprovalOpinion", "同意先行登记保存"));
        submit("zhangsan", c, "Task_PreservationRecord", carriedOut(day));
    }

    private long preservationTasks(ProcessInstance c) {
        return taskService.createTaskQuery().processInstanceId(c.getId())
                .taskDefinitionKeyIn(PRESERVATION_TASKS.toArray(String[]::new)).count();
    }

    private List<String> findingCodes(ProcessInstance c) {
        CaseApi.Response precheck = api.get("zhaoliu", "/api/cases/" + c.getBusinessKey() + "/score/precheck");
        assertThat(precheck.status()).as(precheck.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        precheck.json().get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    @Test
    void approvedCarriedOutAndHandledWithinSevenWorkingDaysWhileTheInvestigationGoesOn() {
        ProcessInstance c = filed();
        at(LocalDateTime.of(2026, 4, 30, 9, 0));
        CaseApi.Response created = api.post("zhangsan", path(c), request());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("preservationNo").asInt()).isEqualTo(1);
        assertThat(created.json().get("message").asText()).contains("先行登记保存", "第五十六条");

        // non-interrupting: the investigation waits where it was, the leader has the approval
        assertThat(c).isWaitingAt("Task_Investigation", "Task_PreservationApproval");
        Task approval = task(c, "Task_PreservationApproval");
        assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        // the preservation's variables belong to it, not to the case
        assertThat(taskService.getVariable(approval.getId(), "preservationItems")).isEqualTo(request().get("items"));
        assertThat(taskService.getVariable(approval.getId(), "preservationRequestedBy")).isEqualTo("zhangsan");
        assertThat(runtimeService.getVariableLocal(c.getId(), "preservationItems")).isNull();

        submit("zhaoliu", c, "Task_PreservationApproval", Map.of("preservationApproval", "approve",
                "preservationApprovalOpinion", "同意"));
        assertThat(task(c, "Task_PreservationRecord").getAssignee()).isEqualTo("zhangsan");
        submit("zhangsan", c, "Task_PreservationRecord", carriedOut("2026-04-30"));

        // seven working days after Thursday 2026-04-30, that day not counted (第八十五条): 1–5 May are the Labour Day
        // holidays and Saturday 9 May a make-up working day, so 6, 7, 8, 9, 11, 12, 13 May — Wednesday 2026-05-13
        Task handling = task(c, "Task_PreservationHandling");
        assertThat(handling.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 5, 13)));
        assertThat(timer(c, "Event_PreservationOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 5, 13)));

        // 决定作出前调查不停止: the investigation goes on beside the preservation
        submit("zhangsan", c, "Task_Investigation", investigation());
        at(LocalDateTime.of(2026, 5, 13, 16, 0));
        submit("zhangsan", c, "Task_PreservationHandling", handled("release", "2026-05-13"));
        assertThat(c).isWaitingAt("Task_InvestigationReport").hasPassed("EndEvent_PreservationHandled")
                .hasNotPassed("Event_PreservationOverdue");
        assertThat(preservationTasks(c)).isZero();
        assertThat(findingCodes(c)).doesNotContain("D-LATE-PRESERVATION");
    }

    @Test
    void sevenWorkingDaysWithoutAHandlingDecisionGoToTheLeaderAndCostTheCaseFilePoints() {
        ProcessInstance c = filed();
        at(LocalDateTime.of(2026, 4, 30, 9, 0));
        preserve(c, "2026-04-30");
        fireTimer(c, "Event_PreservationOverdue", endOf(LocalDate.of(2026, 5, 13)));

        // the handler's task is gone; the leaders have the escalation
        assertThat(c).isWaitingAt("Task_PreservationOverdue").isNotWaitingAt("Task_PreservationHandling");
        Task overdue = task(c, "Task_PreservationOverdue");
        assertThat(overdue.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(overdue.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        Map<String, Object> withoutReason = new HashMap<>(handled("seizure", "2026-05-14"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_PreservationOverdue", withoutReason))
                .isInstanceOf(RuleViolation.class);
        Map<String, Object> late = new HashMap<>(withoutReason);
        late.put("preservationOverdueReason", "承办人出差，未及时报批处理决定");
        late.put("preservationSupervisionOpinion", "依法采取扣押措施，承办人作出书面说明");
        submit("zhaoliu", c, "Task_PreservationOverdue", late);
        assertThat(c).hasPassed("Event_PreservationOverdue", "EndEvent_PreservationHandledLate")
                .isWaitingAt("Task_Investigation");

        // 案卷评查 sees it (RULES 8.3 “先行登记保存未在法定期限内处理”)
        CaseApi.Response precheck = api.get("zhaoliu", "/api/cases/" + c.getBusinessKey() + "/score/precheck");
        JsonNode finding = null;
        for (JsonNode f : precheck.json().get("findings")) {
            if ("D-LATE-PRESERVATION".equals(f.get("code").asText())) {
                finding = f;
            }
        }
        assertThat(finding).as(precheck.body()).isNotNull();
        assertThat(finding.get("points").asInt()).isEqualTo(10);
        assertThat(finding.get("basis").asText()).contains("第56条");
        assertThat(finding.get("notes").toString()).contains("2026-05-14");
    }

    @Test
    void noDecisionAndNoClosureWhileAPreservationAwaitsItsHandlingDecision() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, false);
        CaseApi.Response created = api.post("zhangsan", path(c), request());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("Task_LeaderDecision", "Task_PreservationApproval");

        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("先行登记保存").hasMessageContaining("第五十六条");
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        assertThat(variable(c, "decisionDate")).isNull();

        submit("zhaoliu", c, "Task_PreservationApproval", Map.of("preservationApproval", "approve",
                "preservationApprovalOpinion", "同意"));
        submit("zhangsan", c, "Task_PreservationRecord", carriedOut("2026-03-10"));
        submit("zhangsan", c, "Task_PreservationHandling", handled("release", "2026-03-10"));
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        assertThat(c).isWaitingAt("Task_DeliverDecision");
    }

    @Test
    void aRefusedApprovalEndsThePreservationWithItsReason() {
        ProcessInstance c = filed();
        assertThat(api.post("zhangsan", path(c), request()).status()).isEqualTo(201);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_PreservationApproval", Map.of("preservationApproval", "refuse")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不予批准的理由");
        submit("zhaoliu", c, "Task_PreservationApproval", Map.of("preservationApproval", "refuse",
                "preservationApprovalOpinion", "证据可以通过拍照、录像固定，无需先行登记保存"));
        assertThat(c).hasPassed("EndEvent_PreservationRefused").isWaitingAt("Task_Investigation");
        assertThat(preservationTasks(c)).isZero();
        // a second request is a new preservation with its own number and variables
        CaseApi.Response second = api.post("lisi", path(c), request());
        assertThat(second.json().get("preservationNo").asInt()).isEqualTo(2);
        assertThat(taskService.getVariable(task(c, "Task_PreservationApproval").getId(), "preservationApproval")).isNull();
    }

    @Test
    void carryingItOutNeedsTwoOfficersTheWarningAndADayAfterTheApproval() {
        ProcessInstance c = filed();
        at(LocalDateTime.of(2026, 3, 4, 9, 0));
        assertThat(api.post("zhangsan", path(c), request()).status()).isEqualTo(201);
        submit("zhaoliu", c, "Task_PreservationApproval", Map.of("preservationApproval", "approve"));
        Map<String, Object> oneOfficer = new HashMap<>(carriedOut("2026-03-04"));
        oneOfficer.put("preservationOfficer2Credential", ZHANGSAN_CREDENTIAL);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PreservationRecord", oneOfficer))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("两");
        Map<String, Object> notWarned = new HashMap<>(carriedOut("2026-03-04"));
        notWarned.put("preservationPartyWarned", false);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PreservationRecord", notWarned))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不得销毁或者转移");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PreservationRecord", carriedOut("2026-03-03")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("批准");
        assertThat(c).isWaitingAt("Task_PreservationRecord");
        submit("zhangsan", c, "Task_PreservationRecord", carriedOut("2026-03-04"));
        // Wednesday 2026-03-04 + 7 working days: Friday 2026-03-13
        assertThat(task(c, "Task_PreservationHandling").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 13)));
    }

    @Test
    void aRefusedRequestIsA400InChineseAndEnglishAndChangesNothing() {
        ProcessInstance c = filed();
        long tasks = taskService.createTaskQuery().processInstanceId(c.getId()).count();
        Map<String, Object> badStorage = new HashMap<>(request());
        badStorage.put("storage", "elsewhere");
        Map<String, Object> notText = new HashMap<>(request());
        notText.put("items", 42);
        Map<String, Object> tooLong = new HashMap<>(request());
        tooLong.put("items", "物".repeat(4001));
        Map<String, Object> control = new HashMap<>(request());
        control.put("reason", "可能灭失\u0000");
        Map<String, Object> foreign = new HashMap<>(request());
        foreign.put("handler", "lisi");
        Map<String, Object> noReason = new HashMap<>(request());
        noReason.remove("reason");
        for (Object body : List.of(Map.of(), noReason, badStorage, notText, tooLong, control, foreign, "{\"items\":",
                "[1,2]")) {
            CaseApi.Response refused = api.post("zhangsan", path(c), body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("messageZh").asText()).as(refused.body()).containsPattern("\\p{IsHan}");
            assertThat(refused.json().get("messageEn").asText()).as(refused.body()).isNotBlank();
        }
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).count()).isEqualTo(tasks);
        assertThat(preservationTasks(c)).isZero();
        assertThat(variable(c, "preservationCount")).isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(c.getId())
                .activityId("StartEvent_PreservationRequested").count()).isZero();

        // before filing (立案) nothing is preserved under 第五十六条: 409, nothing started
        ProcessInstance notFiled = start("zhangsan", "penalty-general", registration());
        CaseApi.Response early = api.post("zhangsan", path(notFiled), request());
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("messageZh").asText()).contains("第五十六条");
        assertThat(notFiled).isWaitingAt("Task_FilingApproval");
        assertThat(taskService.createTaskQuery().processInstanceId(notFiled.getId()).count()).isEqualTo(1);
        // an unknown case
        assertThat(api.post("zhangsan", "/api/cases/CF-2026-99999/preservations", request()).status()).isEqualTo(404);
    }

    @Test
    void onlyOfficersOfTheCasesDepartmentRegister() {
        ProcessInstance c = filed();
        // another department's officer does not even learn that the case exists (as every /api/cases endpoint)
        CaseApi.Response otherDepartment = api.post("zhouba", path(c), request());
        assertThat(otherDepartment.status()).as(otherDepartment.body()).isEqualTo(404);
        // those who read every case but are not its department's officers: 403 in Chinese and English
        for (String user : List.of("zhaoliu", "wangwu", "sunqi", "admin")) {
            CaseApi.Response refused = api.post(user, path(c), request());
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.json().get("messageZh").asText()).contains("承办部门的执法人员");
        }
        assertThat(api.post(null, path(c), request()).status()).isEqualTo(401);
        assertThat(preservationTasks(c)).isZero();
        assertThat(variable(c, "preservationCount")).isNull();
        // any officer of the department may (not only the handler)
        assertThat(api.post("lisi", path(c), request()).status()).isEqualTo(201);
        assertThat(taskService.getVariable(task(c, "Task_PreservationApproval").getId(), "preservationRequestedBy"))
                .isEqualTo("lisi");
    }
}
