package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assembled application as its clients use it, over HTTP: security of /engine-rest and /api, a penalty case worked
 * through Camunda's REST submit-form calls as the demo users from registration to closure, every user task's form,
 * and who may see and do what. Runs on H2 ({@link H2ApplicationTests}) and on MariaDB ({@link MariaDbApplicationTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApplicationContractTests {

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    Rest rest;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ helpers

    private String startCase(String user, Map<String, Object> values) {
        Rest.Response response = rest.post(user, "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(values));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("businessKey").asText();
    }

    private String taskId(String user, String businessKey, String taskKey) {
        Rest.Response tasks = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKey=" + taskKey);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json()).as("%s sees %s of %s", user, taskKey, businessKey).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    private void submit(String user, String businessKey, String taskKey, Map<String, Object> values) {
        String id = taskId(user, businessKey, taskKey);
        Rest.Response form = rest.get(user, "/engine-rest/task/" + id + "/deployed-form");
        assertThat(form.status()).as("deployed form of %s", taskKey).isEqualTo(200);
        Rest.Response response = rest.post(user, "/engine-rest/task/" + id + "/submit-form", Rest.variables(values));
        assertThat(response.status()).as("%s completes %s: %s", user, taskKey, response.body()).isEqualTo(204);
    }

    static Map<String, Object> registration() {
        return Map.of("caseSource", "complaint", "partyType", "organization", "partyName", "沈阳某某置业有限公司",
                "partyIdNumber", "91210100MA0Y6XQ12A", "partyAddress", "沈阳市沈河区某街2号", "partyPhone", "13912345678",
                "violationCode", "quality-59", "violationDate", "2026-02-01", "discoveredDate", "2026-02-26",
                "caseSummary", "竣工验收后未移交建设项目档案");
    }

    static Map<String, Object> review() {
        return Map.ofEntries(Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"), Map.entry("checkLaw", "ok"),
                Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"), Map.entry("checkCriminal", "ok"),
                Map.entry("reviewOpinion", "同意"), Map.entry("reviewConclusion", "approved"));
    }

    /** A case at the legal review, worked by zhangsan (handler) and zhaoliu (leader). */
    private String caseAtReview() {
        String key = startCase("zhangsan", registration());
        submit("zhaoliu", key, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false));
        submit("zhangsan", key, "Task_Investigation", Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问1号",
                "evidenceSummary", "询问笔录、照片"));
        submit("zhangsan", key, "Task_InvestigationReport", Map.of("factsFound", "未移交档案", "violationCode", "quality-59",
                "consequence", "serious", "rectified", false, "repeatOffense", false, "majorPublicInterest", false,
                "majorSocialImpact", false, "majorThirdPartyRights", false, "complexCase", false, "seriousCase", false));
        submit("zhangsan", key, "Task_ProposePenalty", Map.of("penaltyKind", "fine", "fineAmount", 80000));
        submit("zhangsan", key, "Task_PriorNotice", Map.of("noticeDocumentNo", "告知1号", "noticeDeliveryMethod", "direct",
                "noticeDeliveredDate", "2026-03-02"));
        submit("zhangsan", key, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate", "2026-03-02",
                "waiverDocumentNo", "放弃1号"));
        return key;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void engineRestAndApiRequireCredentials() {
        assertThat(rest.get(null, "/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(rest.get(null, "/engine-rest/process-definition").header("WWW-Authenticate")).contains("Basic");
        assertThat(rest.get("zhangsan", "/engine-rest/process-definition").status()).isEqualTo(200);
        Rest.Response wrong = rest.send(null, java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/engine-rest/task")).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("nobody:wrong".getBytes())));
        assertThat(wrong.status()).isEqualTo(401);

        Rest.Response anonymous = rest.get(null, "/api/admin/calendar");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("message").asText()).contains("请先登录");
        assertThat(rest.get("zhangsan", "/api/admin/calendar").status()).isEqualTo(403);
        assertThat(rest.get("admin", "/api/admin/calendar").status()).isEqualTo(200);
    }

    @Test
    void aCaseWorkedThroughRestByTheDemoUsersFromRegistrationToClosure() {
        String key = caseAtReview();
        submit("wangwu", key, "Task_LegalReview", review());
        submit("zhaoliu", key, "Task_LeaderDecision", Map.of("decision", "penalty", "finalPenaltyKind", "fine",
                "finalFine", 80000, "decisionDocumentNo", "决定1号", "decisionOpinion", "同意"));
        submit("zhangsan", key, "Task_DeliverDecision", Map.of("deliveryMethod", "direct", "deliveredDate", "2026-03-02",
                "deliveryReceiptNo", "送达1号"));
        submit("zhangsan", key, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-02", "paidAmount", 80000,
                "paymentReceiptNo", "缴款1号"));
        submit("zhaoliu", key, "Task_Closure", Map.of("executionStatus", "executed", "closureOpinion", "同意结案"));

        Rest.Response history = rest.get("zhaoliu", "/engine-rest/history/process-instance?processDefinitionKey=penalty-general"
                + "&processInstanceBusinessKey=" + key);
        assertThat(history.json()).hasSize(1);
        assertThat(history.json().get(0).get("state").asText()).isEqualTo("COMPLETED");
        Rest.Response activities = rest.get("zhaoliu", "/engine-rest/history/activity-instance?processInstanceId="
                + history.json().get(0).get("id").asText() + "&activityType=userTask&sortBy=occurrence&sortOrder=asc");
        List<String> path = new ArrayList<>();
        activities.json().forEach(a -> path.add(a.get("activityId").asText()));
        assertThat(path).containsExactly("Task_FilingApproval", "Task_Investigation", "Task_InvestigationReport",
                "Task_ProposePenalty", "Task_PriorNotice", "Task_PartyResponse", "Task_LeaderDecision",
                "Task_DeliverDecision", "Task_ConfirmPayment", "Task_Closure");
        // the decision made in the called legal-review is in the history of the case too
        Rest.Response decisions = rest.get("zhaoliu", "/engine-rest/history/decision-instance?processInstanceId="
                + history.json().get(0).get("id").asText());
        assertThat(decisions.json()).extracting(d -> d.get("decisionDefinitionKey").asText())
                .contains("discretion-benchmark", "hearing-right", "legal-review-required");
    }

    @Test
    void everyUserTaskAndStartEventReturnsItsCamundaForm() {
        Map<String, Object> variables = new HashMap<>();
        Date in30Days = new Date(ClockUtil.getCurrentTime().getTime() + 30L * 24 * 3600 * 1000);
        for (String date : List.of("decisionDeadline", "responseWindowEnd", "paymentDeadline", "decisionDate", "handOverDate",
                "filingDate")) {
            variables.put(date, in30Days);
        }
        variables.put("hearingDate", "2026-04-01T09:00");
        variables.put("discoveredDate", "2026-03-01");
        variables.put("handler", "zhangsan");
        variables.put("department", "zhifa");
        java.util.Set<String> checked = new java.util.TreeSet<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    Rest.Response form = rest.get("admin", "/engine-rest/process-definition/" + definition.getId() + "/deployed-start-form");
                    assertThat(form.status()).isEqualTo(200);
                    assertThat(form.json().get("id").asText()).isEqualTo(start.getCamundaFormRef());
                    checked.add(start.getCamundaFormRef());
                }
            }
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
                assertThat(userTask.getCamundaFormRef()).as("form of %s in %s", userTask.getId(), definition.getKey()).isNotNull();
                ProcessInstance instance = runtimeService.createProcessInstanceById(definition.getId())
                        .setVariables(variables).startBeforeActivity(userTask.getId()).execute(true, true);
                String taskId = rest.get("admin", "/engine-rest/task?processInstanceId=" + instance.getId()
                        + "&taskDefinitionKey=" + userTask.getId()).json().get(0).get("id").asText();
                Rest.Response form = rest.get("admin", "/engine-rest/task/" + taskId + "/deployed-form");
                assertThat(form.status()).as("deployed form of %s", userTask.getId()).isEqualTo(200);
                assertThat(form.json().get("id").asText()).isEqualTo(userTask.getCamundaFormRef());
                runtimeService.deleteProcessInstance(instance.getId(), "form check", true, true);
                checked.add(userTask.getCamundaFormRef());
            }
        }
        // every form shipped in forms/ is some task's or start event's form, and is served
        java.util.Set<String> shipped = new java.util.TreeSet<>();
        try {
            for (org.springframework.core.io.Resource file : new org.springframework.core.io.support
                    .PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                shipped.add(file.getFilename().replace(".form", ""));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(checked).isEqualTo(shipped);
    }

    @Test
    void officersSeeOnlyTheirDepartmentsCasesAndTasks() {
        String key = startCase("zhangsan", registration());
        submit("zhaoliu", key, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false));
        // lisi, of the same department, sees the investigation task; zhouba of another department and wangwu do not
        assertThat(taskId("lisi", key, "Task_Investigation")).isNotBlank();
        String query = "/engine-rest/task?processInstanceBusinessKey=" + key;
        assertThat(rest.get("zhouba", query).json()).isEmpty();
        assertThat(rest.get("wangwu", query).json()).isEmpty();
        assertThat(rest.get("zhouba", "/engine-rest/process-instance?businessKey=" + key).json()).isEmpty();
        assertThat(rest.get("zhouba", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key).json()).isEmpty();
        assertThat(rest.get("lisi", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key).json()).hasSize(1);
        String id = taskId("zhangsan", key, "Task_Investigation");
        assertThat(rest.post("zhouba", "/engine-rest/task/" + id + "/submit-form", Rest.variables(Map.of())).status())
                .isIn(403, 404);
    }

    @Test
    void theHandlerCannotCompleteTheLegalReview() {
        String key = caseAtReview();
        assertThat(rest.get("zhangsan", "/engine-rest/task?processInstanceBusinessKey=" + key
                + "&taskDefinitionKey=Task_LegalReview").json()).isEmpty();
        String id = taskId("wangwu", key, "Task_LegalReview");
        Rest.Response attempt = rest.post("zhangsan", "/engine-rest/task/" + id + "/submit-form", Rest.variables(review()));
        assertThat(attempt.status()).isEqualTo(403);
        assertThat(rest.post("zhangsan", "/engine-rest/task/" + id + "/claim", Map.of("userId", "zhangsan")).status()).isEqualTo(403);
        assertThat(taskId("wangwu", key, "Task_LegalReview")).isEqualTo(id);
    }

    @Test
    void supervisorsReadEveryCaseButChangeNothing() {
        String key = startCase("zhangsan", registration());
        String taskId = taskId("sunqi", key, "Task_FilingApproval");
        JsonNode instance = rest.get("sunqi", "/engine-rest/process-instance?businessKey=" + key).json();
        assertThat(instance).hasSize(1);
        String instanceId = instance.get(0).get("id").asText();
        assertThat(rest.get("sunqi", "/engine-rest/process-instance/" + instanceId + "/variables").status()).isEqualTo(200);
        assertThat(rest.post("sunqi", "/engine-rest/task/" + taskId + "/submit-form",
                Rest.variables(Map.of("filingDecision", "file"))).status()).isEqualTo(403);
        assertThat(rest.post("sunqi", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "sunqi")).status()).isEqualTo(403);
        assertThat(rest.put("sunqi", "/engine-rest/process-instance/" + instanceId + "/variables/partyName", "application/json",
                "{\"value\":\"改名\"}").status()).isEqualTo(403);
        assertThat(rest.post("sunqi", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(registration())).status()).isEqualTo(403);
        assertThat(rest.send("sunqi", java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/engine-rest/process-instance/" + instanceId)).DELETE()).status()).isEqualTo(403);
        assertThat(runtimeService.getVariable(instanceId, "partyName")).isEqualTo("沈阳某某置业有限公司");
    }

    @Test
    void onlyAdministratorsReachTheAdminWebapp() {
        assertThat(webappLogin("admin", "admin")).isEqualTo(200);
        assertThat(webappLogin("sunqi", "admin")).isEqualTo(403);
        assertThat(webappLogin("zhangsan", "admin")).isEqualTo(403);
        assertThat(webappLogin("zhangsan", "tasklist")).isEqualTo(200);
        assertThat(webappLogin("zhangsan", "cockpit")).isEqualTo(403);
        assertThat(webappLogin("sunqi", "cockpit")).isEqualTo(200);
    }

    int webappLogin(String user, String app) {
        return rest.webappLogin(user, app);
    }

    @Test
    void refusedStepsAre400WithAChineseMessageAndChangeNothing() {
        Map<String, Object> bad = new HashMap<>(registration());
        bad.put("partyIdNumber", "91210100MA0Y6XQ12B");
        Rest.Response refused = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(bad));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("统一社会信用代码");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("partyIdNumber", "91210100MA0Y6XQ12B").count()).isZero();

        String key = startCase("zhangsan", registration());
        String id = taskId("zhaoliu", key, "Task_FilingApproval");
        Rest.Response forged = rest.post("zhaoliu", "/engine-rest/task/" + id + "/submit-form",
                Rest.variables(Map.of("filingDecision", "file", "reviewApproved", true)));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("message").asText()).contains("reviewApproved");
        Rest.Response malformed = rest.post("zhaoliu", "/engine-rest/task/" + id + "/submit-form", "{\"variables\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(taskId("zhaoliu", key, "Task_FilingApproval")).isEqualTo(id);
    }

    @Test
    void decisionsEvaluateThroughRestWithTheContractNames() {
        Rest.Response procedure = rest.post("zhangsan", "/engine-rest/decision-definition/key/penalty-procedure/evaluate",
                Rest.variables(Map.of("partyType", "individual", "penaltyKind", "fine", "fineAmount", 200)));
        assertThat(procedure.status()).as(procedure.body()).isEqualTo(200);
        assertThat(procedure.json().get(0).get("procedure").get("value").asText()).isEqualTo("summary");
        Rest.Response general = rest.post("zhangsan", "/engine-rest/decision-definition/key/penalty-procedure/evaluate",
                Rest.variables(Map.of("partyType", "individual", "penaltyKind", "fine", "fineAmount", 200.01)));
        assertThat(general.json().get(0).get("procedure").get("value").asText()).isEqualTo("general");
        Rest.Response review = rest.post("zhangsan", "/engine-rest/decision-definition/key/legal-review-required/evaluate",
                Rest.variables(Map.of("category", "penalty", "penaltyKind", "fine", "fineAmount", 1000, "partyType",
                        "individual", "hearingHeld", true, "majorPublicInterest", false, "majorSocialImpact", false,
                        "majorThirdPartyRights", false, "complexCase", false)));
        assertThat(review.json().get(0).get("reviewRequired").get("value").asBoolean()).isTrue();
    }

    @Test
    void administratorsLoadAHolidayScheduleWithoutRedeploy() {
        Rest.Response loaded = rest.put("admin", "/api/admin/calendar/2031", "application/yaml",
                "source: 国务院办公厅关于2031年部分节假日安排的通知（测试）\nholidays:\n  - 2031-01-01\n  - 2031-01-22 .. 2031-01-28\nworkdays:\n  - 2031-01-19\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().get("holidays")).hasSize(8);
        Rest.Response bad = rest.put("admin", "/api/admin/calendar/2031", "application/yaml", "source: x\nholidays: ['2030-01-01']\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("messageZh").asText()).contains("不在 2031 年内");
        assertThat(rest.get("admin", "/api/admin/calendar/2031").json().get("holidays")).hasSize(8);
        assertThat(rest.put("zhangsan", "/api/admin/calendar/2031", "application/yaml", "source: x").status()).isEqualTo(403);
    }

    @Test
    void administratorsRegisterOfficersAndCredentialsInStepWithCamunda() {
        String id = "officer" + System.nanoTime() % 1_000_000_000L;
        String credential = "2101" + System.nanoTime() % 10_000_000_000L;
        Rest.Response created = rest.post("admin", "/api/admin/organization/officers", Map.of("userId", id, "name", "钱十一",
                "departmentId", "zhifa", "title", "执法队员", "lawQualified", false, "password", "Secret-123",
                "roles", List.of("officer")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // the Camunda user exists with its groups: the new officer logs in and sees his department's work
        assertThat(rest.send(null, java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/engine-rest/task")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((id + ":Secret-123").getBytes()))).status()).isEqualTo(200);
        Rest.Response issued = rest.post("admin", "/api/admin/organization/credentials", Map.of("credentialNo", credential,
                "userId", id, "scope", "penalty,inspection", "scopeText", "行政处罚、行政检查", "issuer", "省人民政府",
                "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Rest.Response suspended = rest.put("admin", "/api/admin/organization/credentials/" + credential + "/status",
                "application/json", "{\"status\":\"suspended\",\"reason\":\"年审未通过\"}");
        assertThat(suspended.json().get("status").asText()).isEqualTo("suspended");

        Rest.Response invalid = rest.post("admin", "/api/admin/organization/officers", Map.of("userId", "bad-id!",
                "name", "", "departmentId", "zhifa", "password", "x", "roles", List.of("officer")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("messageZh").asText()).contains("字段无效");
        assertThat(rest.post("zhangsan", "/api/admin/organization/officers", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void twoOfficersCompletingTheSameTaskAtOnceOneWinsTheOtherIsToldOfTheConflict() throws Exception {
        for (int round = 0; round < 3; round++) {
            String key = startCase("zhangsan", registration());
            submit("zhaoliu", key, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false));
            String id = taskId("zhangsan", key, "Task_Investigation");
            Map<String, Object> body = Rest.variables(Map.of("officer1Credential", "21010020230001",
                    "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问1号",
                    "evidenceSummary", "询问笔录"));
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<Rest.Response>> results = new ArrayList<>();
            for (String user : List.of("zhangsan", "lisi")) {
                results.add(pool.submit(() -> {
                    go.await();
                    return rest.post(user, "/engine-rest/task/" + id + "/submit-form", body);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            String conflictMessage = null;
            for (java.util.concurrent.Future<Rest.Response> result : results) {
                Rest.Response response = result.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    conflictMessage = response.json().get("message").asText();
                }
            }
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(204, 409);
            assertThat(conflictMessage).contains("已由他人办理");
            assertThat(rest.get("zhaoliu", "/engine-rest/history/task?taskId=" + id).json()).hasSize(1);
            assertThat(rest.get("zhaoliu", "/engine-rest/history/task?processInstanceBusinessKey=" + key
                    + "&taskDefinitionKey=Task_InvestigationReport").json()).hasSize(1);
        }
    }
}
