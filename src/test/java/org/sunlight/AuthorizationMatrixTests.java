package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may do what: every role against Sunlight's endpoints and the relevant Camunda REST and webapp APIs. The table
 * below is the specification (README "Who may do what" shows the same); a cell is
 * <ul>
 * <li>{@code A} allowed (not 401/403/404; a 400 for an incomplete body still means the door is open),</li>
 * <li>{@code D} denied (401 anonymous, 403, or 404 where existence itself is hidden),</li>
 * <li>{@code V}/{@code H} for queries: the case is visible / hidden in the result.</li>
 * </ul>
 * Roles: anonymous, officer of department A (zhangsan, the case's department), officer of department B (zhouba),
 * legal reviewer (wangwu), leader (zhaoliu), supervisor (sunqi), administrator (admin).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(ThisContextsEngine.class)
@ActiveProfiles({"demo", "test"})
class AuthorizationMatrixTests {

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
    @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.TaskService taskService;
    Rest rest;

    static final String MATRIX_PROBE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions "
            + "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
            + "targetNamespace=\"t\"><process id=\"matrix-probe\" isExecutable=\"true\" camunda:historyTimeToLive=\"10958\">"
            + "<startEvent id=\"s\"/></process></definitions>";

    static final List<String> ROLES = List.of("anonymous", "zhangsan", "zhouba", "wangwu", "zhaoliu", "sunqi", "admin");

    record Row(String what, String expected, Function<String, Integer> request) {
    }

    String caseKey;
    String instanceId;
    String taskId;

    @BeforeEach
    void aCaseOfDepartmentA() {
        rest = new Rest(port);
        Rest.Response started = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(ApplicationContractTests.registration()));
        caseKey = started.json().get("businessKey").asText();
        instanceId = started.json().get("id").asText();
        String filing = rest.get("zhaoliu", "/engine-rest/task?processInstanceBusinessKey=" + caseKey).json().get(0).get("id").asText();
        rest.post("zhaoliu", "/engine-rest/task/" + filing + "/submit-form",
                Rest.variables(Map.of("filingDecision", "file", "lifeSafetyHarm", false)));
        taskId = rest.get("zhangsan", "/engine-rest/task?processInstanceBusinessKey=" + caseKey).json().get(0).get("id").asText();
    }

    static final Map<String, Object> INVESTIGATION = Map.of("officer1Credential", "21010020230001",
            "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问1号",
            "evidenceSummary", "询问笔录");

    /** A new case of department A waiting at its investigation, so that each role tries a task nobody has worked. */
    private String freshInvestigationTask() {
        String key = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(ApplicationContractTests.registration())).json().get("businessKey").asText();
        String filing = rest.get("zhaoliu", "/engine-rest/task?processInstanceBusinessKey=" + key).json().get(0).get("id").asText();
        rest.post("zhaoliu", "/engine-rest/task/" + filing + "/submit-form",
                Rest.variables(Map.of("filingDecision", "file", "lifeSafetyHarm", false)));
        return rest.get("zhangsan", "/engine-rest/task?processInstanceBusinessKey=" + key).json().get(0).get("id").asText();
    }

    /** POST /engine-rest/task/{id}/attachment/create (multipart). */
    private int attach(String user, String task) {
        String boundary = "sunlight" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n现场照片.jpg"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nphoto\r\n--" + boundary + "--\r\n";
        return rest.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + task
                        + "/attachment/create")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8))).status();
    }

    private int delete(String user, String path) {
        return rest.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE()).status();
    }

    /** A comment and an attachment the handler added to the case's task: what the others then try to remove. */
    private String handlersComment() {
        return rest.post("zhangsan", "/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "现场检查意见"))
                .json().get("id").asText();
    }

    private String handlersAttachment() {
        attach("zhangsan", taskId);
        return rest.get("zhangsan", "/engine-rest/task/" + taskId + "/attachment").json().get(0).get("id").asText();
    }

    /** A legal review (as a case calls it) whose review task wangwu has claimed. */
    private String reviewClaimedByWangwu() {
        String review = runtimeService.startProcessInstanceByKey("legal-review", "MATRIX-REVIEW-" + System.nanoTime(),
                Map.of("caseNumber", "市建罚〔2026〕97号", "category", "penalty", "handler", "zhangsan",
                        "actingOfficers", "zhangsan,lisi", "penaltyKind", "fine", "fineAmount", 90000.0,
                        "reviewMatter", "罚款90000元")).getId();
        String task = taskService.createTaskQuery().processInstanceId(review).taskDefinitionKey("Task_LegalReview")
                .singleResult().getId();
        taskService.claim(task, "wangwu");
        return task;
    }

    private String user(String role) {
        return "anonymous".equals(role) ? null : role;
    }

    private int visible(String path, String role) {
        Rest.Response response = rest.get(user(role), path);
        if (response.status() != 200) {
            return response.status();
        }
        return response.json().size() > 0 ? 1 : 0;
    }

    List<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        //                                                       anon  A    B    rev  lead sup  admin
        rows.add(new Row("list process definitions",            "D    A    A    A    A    A    A", r -> rest.get(user(r), "/engine-rest/process-definition").status()));
        rows.add(new Row("start a penalty case",                "D    A    A    D    D    D    A", r -> rest.post(user(r),
                "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(ApplicationContractTests.registration())).status()));
        // 先行登记保存, 回避申请 and a timely response registered late (行政处罚法第五十六条、第四十三条、第六十二条): the
        // case's department registers them; an empty body is a 400 for it (a 409 where the case does not wait for it: the
        // door is open, nothing starts); another department does not see the case (404)
        rows.add(new Row("register an evidence preservation",   "D    A    D    D    D    D    D", r -> rest.post(user(r),
                "/api/cases/" + caseKey + "/preservations", Map.of()).status()));
        rows.add(new Row("register a recusal application",      "D    A    D    D    D    D    D", r -> rest.post(user(r),
                "/api/cases/" + caseKey + "/recusals", Map.of()).status()));
        rows.add(new Row("register a timely response late",     "D    A    D    D    D    D    D", r -> rest.post(user(r),
                "/api/cases/" + caseKey + "/late-responses", Map.of()).status()));
        // the legal review's extension (RULES 1.19): only the reviewer who claimed the review asks; an empty body is a
        // 400 for him (the door is open, nothing changes)
        rows.add(new Row("ask to extend a legal review",        "D    D    D    A    D    D    D", r -> rest.post(user(r),
                "/api/reviews/tasks/" + reviewClaimedByWangwu() + "/extension", Map.of()).status()));
        rows.add(new Row("see the case's task in the task list", "D    V    H    H    V    V    V", r -> visible(
                "/engine-rest/task?processInstanceBusinessKey=" + caseKey, r)));
        rows.add(new Row("read the task",                       "D    A    D    D    A    A    A", r -> rest.get(user(r), "/engine-rest/task/" + taskId).status()));
        rows.add(new Row("work the task (submit its form)",     "D    A    D    D    D    D    A", r -> rest.post(user(r),
                "/engine-rest/task/" + freshInvestigationTask() + "/submit-form", Rest.variables(INVESTIGATION)).status()));
        // the case's record (意见, 附件): written by who may work the task, never changed or removed (防删改)
        rows.add(new Row("comment on the case's task",          "D    A    D    D    D    D    A", r -> rest.post(user(r),
                "/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "意见 " + r)).status()));
        rows.add(new Row("attach a file to the case's task",    "D    A    D    D    D    D    A", r -> attach(user(r), taskId)));
        rows.add(new Row("delete the handler's comment",        "D    D    D    D    D    D    D", r -> delete(user(r),
                "/engine-rest/task/" + taskId + "/comment/" + handlersComment())));
        rows.add(new Row("delete all comments of the task",     "D    D    D    D    D    D    D", r -> delete(user(r),
                "/engine-rest/task/" + taskId + "/comment")));
        rows.add(new Row("change the handler's comment",        "D    D    D    D    D    D    D", r -> rest.put(user(r),
                "/engine-rest/task/" + taskId + "/comment", "application/json",
                "{\"id\":\"" + handlersComment() + "\",\"message\":\"改写\"}").status()));
        rows.add(new Row("delete the handler's attachment",     "D    D    D    D    D    D    D", r -> delete(user(r),
                "/engine-rest/task/" + taskId + "/attachment/" + handlersAttachment())));
        rows.add(new Row("delete all comments of the case",     "D    D    D    D    D    D    D", r -> delete(user(r),
                "/engine-rest/process-instance/" + instanceId + "/comment")));
        // called-only procedures (not startable in Tasklist) are started by their calling procedure or Sunlight
        rows.add(new Row("start a legal review by hand",        "D    D    D    D    D    D    D", r -> rest.post(user(r),
                "/engine-rest/process-definition/key/legal-review/start", Map.of()).status()));
        rows.add(new Row("start a publication review by hand",  "D    D    D    D    D    D    D", r -> rest.post(user(r),
                "/engine-rest/process-definition/key/publication/submit-form", Map.of("variables", Map.of())).status()));
        rows.add(new Row("see the case in history",             "D    V    H    V    V    V    V", r -> visible(
                "/engine-rest/history/process-instance?processDefinitionKey=penalty-general&processInstanceBusinessKey=" + caseKey, r)));
        rows.add(new Row("see the running case",                "D    V    H    H    V    V    V", r -> visible(
                "/engine-rest/process-instance?businessKey=" + caseKey, r)));
        rows.add(new Row("change a case variable",              "D    D    D    D    D    D    A", r -> rest.put(user(r),
                "/engine-rest/process-instance/" + instanceId + "/variables/matrixProbe", "application/json", "{\"value\":\"x\"}").status()));
        rows.add(new Row("suspend the case",                    "D    D    D    D    D    D    A", r -> rest.put(user(r),
                "/engine-rest/process-instance/" + instanceId + "/suspended", "application/json", "{\"suspended\":false}").status()));
        rows.add(new Row("deploy a procedure",                  "D    D    D    D    D    D    A", r -> rest.deploy(user(r),
                "matrix-probe.bpmn", MATRIX_PROBE).status()));
        rows.add(new Row("create a Camunda user",               "D    D    D    D    D    D    A", r -> rest.post(user(r),
                "/engine-rest/user/create", Map.of("profile", Map.of("id", "matrix" + Math.abs(r.hashCode() % 1000)),
                        "credentials", Map.of("password", "Matrix-Pass-1"))).status()));
        rows.add(new Row("read the holiday calendar admin API", "D    D    D    D    D    D    A", r -> rest.get(user(r), "/api/admin/calendar").status()));
        rows.add(new Row("load a holiday schedule",             "D    D    D    D    D    D    A", r -> rest.put(user(r),
                "/api/admin/calendar/2035", "application/yaml", "source: 测试\nholidays: ['2035-01-01']\n").status()));
        rows.add(new Row("list officers and credentials",       "D    D    D    D    D    D    A", r -> rest.get(user(r), "/api/admin/organization/officers").status()));
        // 案卷评查 (supervision): the matrix's case is open, so an allowed score read answers 409 "not closed yet"
        rows.add(new Row("read a case's case-file score",       "D    D    D    D    A    A    A", r -> rest.get(user(r),
                "/api/cases/" + caseKey + "/score").status()));
        rows.add(new Row("read the case's scoring pre-check",   "D    A    D    D    A    A    A", r -> rest.get(user(r),
                "/api/cases/" + caseKey + "/score/precheck").status()));
        rows.add(new Row("list case-file scores",               "D    D    D    D    A    A    A", r -> rest.get(user(r),
                "/api/supervision/scores").status()));
        rows.add(new Row("export case-file scores (CSV)",       "D    D    D    D    A    A    A", r -> rest.get(user(r),
                "/api/supervision/scores.csv").status()));
        rows.add(new Row("open the case-file scores page",      "D    A    A    A    A    A    A", r -> rest.get(user(r),
                "/supervision/scores").status()));
        rows.add(new Row("log in to Tasklist",                  "D    A    A    A    A    A    A", r -> webappLoginStatus(r, "tasklist")));
        rows.add(new Row("log in to Cockpit",                   "D    D    D    D    A    A    A", r -> webappLoginStatus(r, "cockpit")));
        rows.add(new Row("log in to Admin",                     "D    D    D    D    D    D    A", r -> webappLoginStatus(r, "admin")));
        // supervision (deadline watch, analytics): supervisors and leaders read everything; other staff read their own
        // department's deadlines only and no analytics; nobody writes (no write method exists: 405 counts as denied)
        rows.add(new Row("read the deadline watch (own department)", "D    A    A    A    A    A    A", r -> rest.get(user(r), "/api/supervision/deadlines").status()));
        rows.add(new Row("read department A's deadline watch",  "D    A    D    D    A    A    A", r -> rest.get(user(r), "/api/supervision/deadlines?department=zhifa").status()));
        rows.add(new Row("export department A's deadlines",     "D    A    D    D    A    A    A", r -> rest.get(user(r), "/api/supervision/deadlines/csv?department=zhifa").status()));
        rows.add(new Row("read department A's escalations",     "D    A    D    D    A    A    A", r -> rest.get(user(r), "/api/supervision/deadlines/escalations?department=zhifa").status()));
        rows.add(new Row("read the analytics",                  "D    D    D    D    A    A    A", r -> rest.get(user(r), "/api/supervision/analytics/cases").status()));
        rows.add(new Row("read the durations and limits",       "D    D    D    D    A    A    A", r -> rest.get(user(r), "/api/supervision/analytics/durations").status()));
        rows.add(new Row("read the risk flags",                 "D    D    D    D    A    A    A", r -> rest.get(user(r), "/api/supervision/analytics/risks").status()));
        rows.add(new Row("export a risk flag table",            "D    D    D    D    A    A    A", r -> rest.get(user(r), "/api/supervision/analytics/risks/late-publications/csv").status()));
        rows.add(new Row("write to the deadline watch",         "D    D    D    D    D    D    D", r -> denyNoWrite(rest.post(user(r), "/api/supervision/deadlines", Map.of()).status())));
        rows.add(new Row("write to the analytics",              "D    D    D    D    D    D    D", r -> denyNoWrite(rest.post(user(r), "/api/supervision/analytics/cases", Map.of()).status())));
        rows.add(new Row("open the supervision pages",          "D    A    A    A    A    A    A", r -> rest.get(user(r), "/supervision/analytics/index.html").status()));
        return rows;
    }

    /** No write method exists: 405 Method Not Allowed is a closed door too. */
    private static int denyNoWrite(int status) {
        return status == 405 ? 403 : status;
    }

    private int webappLoginStatus(String role, String app) {
        if ("anonymous".equals(role)) {
            return rest.get(null, "/camunda/api/engine/engine/default/process-definition").status();
        }
        return rest.webappLogin(role, app);
    }

    /** Someone who may not work a task is told so, not which fields its form requires. */
    @Test
    void aFormIsNotCheckedForThoseWhoMayNotWorkTheTask() {
        for (String user : List.of("sunqi", "zhouba", "wangwu")) {
            Rest.Response refused = rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of()));
            assertThat(refused.status()).as("%s: %s", user, refused.body()).isIn(403, 404);
            assertThat(refused.body()).as(user).doesNotContain("请填写");
        }
    }

    /** The engine's own refusal is said in Chinese first, with Camunda's details kept for programs. */
    @Test
    void theEnginesRefusalSpeaksChinese() {
        Rest.Response refused = rest.put("sunqi", "/engine-rest/process-instance/" + instanceId + "/suspended",
                "application/json", "{\"suspended\":true}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(refused.json().get("message").asText()).startsWith("无权执行此操作").contains(" / ").contains("sunqi");
        assertThat(refused.json().get("userId").asText()).isEqualTo("sunqi");
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (Row row : matrix()) {
            String[] expected = row.expected().trim().split("\\s+");
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                int status = row.request().apply(role);
                String actual = switch (expected[i]) {
                    case "V", "H" -> status == 1 ? "V" : status == 0 ? "H" : (status == 401 || status == 403) ? "D" : "?" + status;
                    default -> (status == 401 || status == 403 || status == 404) ? "D" : (status >= 500 ? "?" + status : "A");
                };
                if (!actual.equals(expected[i])) {
                    mismatches.put(row.what() + " / " + role, "expected " + expected[i] + " but got " + actual + " (" + status + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
