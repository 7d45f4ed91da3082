package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;

/**
 * 回避申请 in penalty-general (行政处罚法第四十三条; RULES 2.6): an officer of the case's department registers the party's
 * application over /api/cases/{businessKey}/recusals; the investigation goes on; a leader decides; a granted recusal
 * puts the officer the leader names in the recused officer's place, who takes no further part, while what he recorded
 * stays in the case's history. The clock starts on Monday 2026-03-02 09:00.
 */
class PenaltyGeneralRecusalTests extends ProcessTest {

    @Autowired WebApplicationContext web;
    @Autowired Cases cases;
    private CaseApi api;

    @BeforeEach
    void api() {
        api = new CaseApi(web);
    }

    private static String path(ProcessInstance c) {
        return "/api/cases/" + c.getBusinessKey() + "/recusals";
    }

    static Map<String, Object> application(String officer) {
        return Map.of("officer", officer, "ground", "direct-interest",
                "reason", "该执法人员的配偶系当事人项目经理", "appliedDate", "2026-03-02", "form", "written");
    }

    private ProcessInstance filed() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        return c;
    }

    private List<Object> history(ProcessInstance c, String variable) {
        return historyService.createHistoricDetailQuery().processInstanceId(c.getId()).variableUpdates()
                .orderByTime().asc().list().stream().map(d -> (HistoricVariableUpdate) d)
                .filter(d -> variable.equals(d.getVariableName())).map(HistoricVariableUpdate::getValue).toList();
    }

    @Test
    void aGrantedRecusalOfTheHandlerHandsTheCaseAndItsTasksToTheReplacement() {
        ProcessInstance c = filed();
        assertThat(task(c, "Task_Investigation").getAssignee()).isEqualTo("zhangsan");

        // lisi registers the party's written application against the handler
        CaseApi.Response created = api.post("lisi", path(c), application("zhangsan"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("message").asText()).contains("不停止调查", "第四十三条");
        // 决定作出之前，不停止调查: the investigation waits where it was, beside the leader's decision
        assertThat(c).isWaitingAt("Task_Investigation", "Task_RecusalDecision");
        Task decision = task(c, "Task_RecusalDecision");
        assertThat(taskService.getIdentityLinksForTask(decision.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        assertThat(taskService.getVariable(decision.getId(), "recusalOfficerRole")).isEqualTo("承办人");
        // the replacement is chosen among the department's officers holding valid credentials, not on the case
        SpinJsonNode options = (SpinJsonNode) taskService.getVariable(decision.getId(), "replacementOptions");
        assertThat(options.elements()).extracting(o -> o.prop("value").stringValue()).containsExactly(LISI_CREDENTIAL);

        Map<String, Object> grant = Map.of("recusalDecision", "grant", "recusalOpinion", "申请理由成立，张三回避",
                "replacementCredential", LISI_CREDENTIAL);
        submit("zhaoliu", c, "Task_RecusalDecision", grant);

        assertThat(c).hasPassed("EndEvent_RecusalDecided").isWaitingAt("Task_Investigation").variables()
                .containsEntry("handler", "lisi").containsEntry("handlerName", "李四")
                .containsEntry("recusedOfficers", "zhangsan");
        assertThat(task(c, "Task_Investigation").getAssignee()).isEqualTo("lisi");
        assertThat(cases.find(c.getBusinessKey()).orElseThrow().handlerId()).isEqualTo("lisi");
        // the recused officer takes no further part: he cannot work the case's tasks nor be named for them
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Investigation", investigation()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("回避").hasMessageContaining("第四十三条");
        assertThatThrownBy(() -> submit("lisi", c, "Task_Investigation", investigation()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("张三").hasMessageContaining("回避");
        // what he recorded stays in the record: he started the case, and the history keeps him as its first handler
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getStartUserId()).isEqualTo("zhangsan");
        assertThat(history(c, "handler")).containsExactly("zhangsan", "lisi");
    }

    @Test
    void aGrantedRecusalOfAnInvestigatorPutsTheReplacementInTheTeamAndARefusedOneChangesNothing() {
        // a department of three officers (the demo department has only two with valid credentials)
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String department = "rc" + suffix;
        assertThat(api.post("admin", "/api/admin/organization/departments", Map.of("id", department,
                "name", "回避测试执法大队" + suffix, "kind", "enforcement", "actingBody", "某市城乡建设委员会")).status())
                .isEqualTo(201);
        String[] officers = {department + "a", department + "b", department + "c"};
        String[] credentials = new String[3];
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("admin", "/api/admin/organization/officers", Map.of("userId", officers[i],
                    "name", "测试队员" + (i + 1), "departmentId", department, "title", "执法队员", "lawQualified", false,
                    "password", officers[i] + "-secret", "roles", List.of("officer"))).status()).isEqualTo(201);
            credentials[i] = "R" + suffix + i;
            CaseApi.Response issued = api.post("admin", "/api/admin/organization/credentials", Map.of(
                    "credentialNo", credentials[i], "userId", officers[i], "scope", "penalty",
                    "scopeText", "行政处罚", "issuer", "某省人民政府", "validFrom", "2026-01-01", "validTo", "2028-12-31"));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        }
        ProcessInstance c = start(officers[0], "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        Map<String, Object> investigated = new HashMap<>(investigation());
        investigated.put("officer1Credential", credentials[0]);
        investigated.put("officer2Credential", credentials[1]);
        submit(officers[0], c, "Task_Investigation", investigated);
        assertThat(variable(c, "actingOfficers")).isEqualTo(officers[0] + "," + officers[1]);

        // refused: nothing changes
        CaseApi.Response refusedOne = api.post(officers[0], officers[0] + "-secret", path(c), application(officers[0]));
        assertThat(refusedOne.status()).as(refusedOne.body()).isEqualTo(201);
        submit("zhaoliu", c, "Task_RecusalDecision", Map.of("recusalDecision", "refuse",
                "recusalOpinion", "申请理由不成立，不予回避"));
        assertThat(c).variables().containsEntry("handler", officers[0])
                .containsEntry("actingOfficers", officers[0] + "," + officers[1]).doesNotContainKey("recusedOfficers");

        // granted against the second investigator: the third officer takes his place and his credential field
        CaseApi.Response created = api.post(officers[0], officers[0] + "-secret", path(c),
                Map.of("officer", officers[1], "ground", "other-relation", "reason", "与当事人法定代表人系同学",
                        "appliedDate", "2026-03-02", "form", "oral", "applicant", "当事人委托代理人王某"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Task decision = task(c, "Task_RecusalDecision");
        assertThat(taskService.getVariable(decision.getId(), "recusalOfficerRole")).isEqualTo("调查人员");
        SpinJsonNode options = (SpinJsonNode) taskService.getVariable(decision.getId(), "replacementOptions");
        assertThat(options.elements()).extracting(o -> o.prop("value").stringValue()).containsExactly(credentials[2]);
        submit("zhaoliu", c, "Task_RecusalDecision", Map.of("recusalDecision", "grant",
                "recusalOpinion", "决定回避", "replacementCredential", credentials[2]));
        assertThat(c).variables().containsEntry("handler", officers[0])
                .containsEntry("actingOfficers", officers[0] + "," + officers[2])
                .containsEntry("officer1Credential", credentials[0]).containsEntry("officer2Credential", credentials[2])
                .containsEntry("recusedOfficers", officers[1]);
        // the investigation record he signed stays as it was recorded
        assertThat(history(c, "officer2Credential")).containsExactly(credentials[1], credentials[2]);
        assertThat(history(c, "actingOfficers")).first().isEqualTo(officers[0] + "," + officers[1]);
        // and he takes no further part
        assertThatThrownBy(() -> submit(officers[1], c, "Task_InvestigationReport",
                report("none", true, false, false))).isInstanceOf(RuleViolation.class).hasMessageContaining("回避");
        submit(officers[0], c, "Task_InvestigationReport", report("none", true, false, false));
        assertThat(c).isWaitingAt("Task_ProposePenalty");
    }

    @Test
    void noDecisionWhileARecusalApplicationIsUndecided() {
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(api.post("zhangsan", path(c), application("lisi")).status()).isEqualTo(201);

        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(30000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("回避申请尚未决定")
                .hasMessageContaining("第四十三条");
        submit("zhaoliu", c, "Task_RecusalDecision", Map.of("recusalDecision", "refuse",
                "recusalOpinion", "申请理由不成立"));
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        assertThat(c).isWaitingAt("Task_DeliverDecision");
        // after the decision, an application is no longer registered here (409, nothing started)
        CaseApi.Response late = api.post("zhangsan", path(c), application("zhangsan"));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_RecusalDecision")
                .count()).isZero();
    }

    @Test
    void aRefusedApplicationIsA400Or409AndChangesNothing() {
        ProcessInstance c = filed();
        Map<String, Object> notOnCase = new HashMap<>(application("wangwu"));
        Map<String, Object> badGround = new HashMap<>(application("zhangsan"));
        badGround.put("ground", "dislike");
        Map<String, Object> future = new HashMap<>(application("zhangsan"));
        future.put("appliedDate", "2026-03-03");
        Map<String, Object> beforeFiling = new HashMap<>(application("zhangsan"));
        beforeFiling.put("appliedDate", "2026-02-27");
        Map<String, Object> notADate = new HashMap<>(application("zhangsan"));
        notADate.put("appliedDate", "2026-02-30");
        Map<String, Object> noReason = new HashMap<>(application("zhangsan"));
        noReason.remove("reason");
        for (Map<String, Object> body : List.of(notOnCase, badGround, future, beforeFiling, notADate, noReason)) {
            CaseApi.Response refused = api.post("lisi", path(c), body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("messageZh").asText()).containsPattern("\\p{IsHan}");
            assertThat(refused.json().get("messageEn").asText()).isNotBlank();
        }
        assertThat(c).isWaitingAt("Task_Investigation").isNotWaitingAt("Task_RecusalDecision");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(c.getId())
                .activityId("StartEvent_RecusalApplied").count()).isZero();

        // one pending application per officer
        assertThat(api.post("lisi", path(c), application("zhangsan")).status()).isEqualTo(201);
        CaseApi.Response again = api.post("lisi", path(c), application("zhangsan"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_RecusalDecision")
                .count()).isEqualTo(1);

        // another department's officer: the case is hidden (404); readers of every case who are not its officers: 403
        assertThat(api.post("zhouba", path(c), application("zhangsan")).status()).isEqualTo(404);
        CaseApi.Response reviewer = api.post("wangwu", path(c), application("zhangsan"));
        assertThat(reviewer.status()).isEqualTo(403);
        assertThat(reviewer.json().get("messageZh").asText()).contains("承办部门的执法人员");
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_RecusalDecision")
                .count()).isEqualTo(1);
    }

    @Test
    void anOfficerRecusedFromTheCaseCannotBeItsLegalReviewer() {
        // the case's recusals (a leader's grant records the officer in recusedOfficers, as above) reach the legal review:
        // a recused officer takes no further part in the case (第四十三条), as its reviewer neither
        ProcessInstance c = untilPriorNotice(this, 30000, "none", false, true);
        runtimeService.setVariable(c.getId(), "recusedOfficers", "wangwu");
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("CallActivity_LegalReview");
        Task review = task(c, "Task_LegalReview");
        assertThatThrownBy(() -> submit("wangwu", c, "Task_LegalReview", review("approved")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("回避").hasMessageContaining("第四十三条");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    }
}
