package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A corpus of hostile inputs against the REST APIs, forms and deployments: malformed JSON, wrong types, negative, zero
 * and absurd amounts, impossible dates, 10 MB strings, path traversal and NUL bytes, script and SQL in names, unknown
 * fields, broken BPMN, DMN and forms. Each must get a 4xx with a message a person understands (Chinese, where the
 * message is Sunlight's), and leave the database exactly as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(ThisContextsEngine.class)
@ActiveProfiles({"demo", "test"})
class HostileInputTests {

    static final String TEN_MB = "案".repeat(10 * 1024 * 1024 / 3);
    static final String[] WATCHED_TABLES = {"ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB",
            "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_DECINST", "ACT_RE_DEPLOYMENT",
            "ACT_RE_PROCDEF", "ACT_RE_DECISION_DEF", "ACT_RE_CAMFORMDEF", "ACT_ID_USER", "ACT_ID_MEMBERSHIP",
            "sl_case", "sl_case_sequence", "sl_calendar_year", "sl_calendar_day", "sl_officer", "sl_credential",
            "sl_department", "sl_evidence", "sl_record_entry", "sl_record_head", "sl_inspection_item",
            "sl_regulated_entity", "sl_inspection_conflict", "sl_inspection_draw", "sl_publication", "sl_outbox",
            "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_GE_BYTEARRAY"};

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    Rest rest;
    JdbcTemplate jdbc;
    String caseKey;
    String instanceId;
    String filingTask;
    String commentId;
    String attachmentId;
    String completedTask;

    record Hostile(String name, Supplier<Rest.Response> request) {
    }

    @BeforeEach
    void aCaseToAttack() {
        rest = new Rest(port);
        jdbc = new JdbcTemplate(dataSource);
        Rest.Response started = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(ApplicationContractTests.registration()));
        caseKey = started.json().get("businessKey").asText();
        instanceId = started.json().get("id").asText();
        // the case's record so far: the leader's opinion and a file on the filing approval
        filingTask = task("zhaoliu", "Task_FilingApproval");
        commentId = rest.post("zhaoliu", "/engine-rest/task/" + filingTask + "/comment/create",
                Map.of("message", "同意立案")).json().get("id").asText();
        attachmentId = attach("zhaoliu", filingTask, "立案审批表.pdf").json().get("id").asText();
        // a task of another case that has been completed
        String other = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(ApplicationContractTests.registration())).json().get("businessKey").asText();
        completedTask = rest.get("zhaoliu", "/engine-rest/task?processInstanceBusinessKey=" + other).json().get(0).get("id").asText();
        rest.post("zhaoliu", "/engine-rest/task/" + completedTask + "/submit-form",
                Rest.variables(Map.of("filingDecision", "file", "lifeSafetyHarm", false)));
    }

    /** POST /engine-rest/task/{id}/attachment/create, multipart as Camunda's REST API takes it. */
    private Rest.Response attach(String user, String taskId, String name) {
        String boundary = "sunlight" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n" + name
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\napplication/pdf"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n%PDF-1.4 test\r\n--" + boundary + "--\r\n";
        return rest.send(user, java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/engine-rest/task/" + taskId + "/attachment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Rest.Response comment(String user, String taskId, String message) {
        return rest.post(user, "/engine-rest/task/" + taskId + "/comment/create", Map.of("message", message));
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : WATCHED_TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private String task(String user, String taskKey) {
        return rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseKey + "&taskDefinitionKey=" + taskKey)
                .json().get(0).get("id").asText();
    }

    private Rest.Response start(String field, Object value) {
        Map<String, Object> values = new HashMap<>(ApplicationContractTests.registration());
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        return rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form", Rest.variables(values));
    }

    private Rest.Response raw(String user, String method, String path, String contentType, String body) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).header("Content-Type", contentType)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return rest.send(user, request);
    }

    private Rest.Response filing(Map<String, Object> values) {
        return rest.post("zhaoliu", "/engine-rest/task/" + task("zhaoliu", "Task_FilingApproval") + "/submit-form",
                Rest.variables(values));
    }

    private Rest.Response typed(String type, Object value) {
        Map<String, Object> variables = new LinkedHashMap<>();
        ApplicationContractTests.registration().forEach((k, v) -> variables.put(k, Map.of("value", v)));
        variables.put("partyName", Map.of("type", type, "value", value));
        return rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Map.of("variables", variables));
    }

    private Rest.Response admin(String method, String path, String body) {
        return raw("admin", method, path, "application/json", body);
    }

    private Rest.Response calendar(String year, String yaml) {
        return raw("admin", "PUT", "/api/admin/calendar/" + year, "application/yaml", yaml);
    }

    private Rest.Response evidence(String query, String contentType, byte[] body) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/cases/" + caseKey + "/evidence?" + query))
                .header("Content-Type", contentType).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        return rest.send("zhangsan", request);
    }

    private static String q(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Rest.Response deploy(String file, String content) {
        return rest.deploy("admin", file, content);
    }

    List<Hostile> corpus() {
        List<Hostile> c = new ArrayList<>();
        // ---- start form of a case: every field broken once
        for (Object partyType : new Object[] {"company", 123, true, "", "<script>alert(1)</script>", null}) {
            c.add(new Hostile("partyType " + partyType, () -> start("partyType", partyType)));
        }
        for (String name : new String[] {"", " ", "<script>alert(1)</script>", "'; DROP TABLE sl_case; --",
                "Robert\"); DROP TABLE students;--", "公司\u0000名称", "某".repeat(201), TEN_MB, "😀建设公司",
                "<img src=x onerror=alert(1)>", "${7*7}", "#{7*7}"}) {
            c.add(new Hostile("partyName " + name.substring(0, Math.min(30, name.length())), () -> start("partyName", name)));
        }
        for (String id : new String[] {"123", "91210100MA0Y6XQ12B", "../../etc/passwd", "210102198013011232",
                "XXXXXXXXXXXXXXXXXX", "' OR '1'='1", "91210100MA0Y6XQ12A\u0000"}) {
            c.add(new Hostile("partyIdNumber " + id, () -> start("partyIdNumber", id)));
        }
        for (String phone : new String[] {"abc", "1391234567890123", "<b>1</b>"}) {
            c.add(new Hostile("partyPhone " + phone, () -> start("partyPhone", phone)));
        }
        for (Object code : new Object[] {"unknown-code", "' OR 1=1 --", 42}) {
            c.add(new Hostile("violationCode " + code, () -> start("violationCode", code)));
        }
        for (Object date : new Object[] {"2099-01-01", "1900-01-01", "2026-02-30", "yesterday", "2026/03/01", 20260301,
                "2026-13-01", "", "2026-03-01T25:00"}) {
            c.add(new Hostile("violationDate " + date, () -> start("violationDate", date)));
        }
        c.add(new Hostile("discovered before violation", () -> start("discoveredDate", "2026-01-01")));
        c.add(new Hostile("caseSummary 10 MB", () -> start("caseSummary", TEN_MB)));
        // untyped JSON objects and lists would be stored as serialized Java objects no record can show
        c.add(new Hostile("caseSummary object", () -> start("caseSummary", Map.of("x", "y"))));
        c.add(new Hostile("partyAddress object", () -> start("partyAddress", Map.of("x", "y"))));
        c.add(new Hostile("partyRepresentative list", () -> start("partyRepresentative", List.of("张三", "李四"))));
        c.add(new Hostile("caseSource list of a valid option", () -> start("caseSource", List.of("complaint"))));
        c.add(new Hostile("caseSummary missing", () -> start("caseSummary", null)));
        c.add(new Hostile("caseSource hacker", () -> start("caseSource", "hacker")));
        c.add(new Hostile("engine variable reviewApproved", () -> start("reviewApproved", true)));
        c.add(new Hostile("engine variable handler", () -> start("handler", "admin")));
        c.add(new Hostile("engine variable department", () -> start("department", "zhijian")));
        c.add(new Hostile("partyIsMinor for a company", () -> start("partyIsMinor", true)));
        c.add(new Hostile("supplied business key", () -> {
            Map<String, Object> body = new HashMap<>(Rest.variables(ApplicationContractTests.registration()));
            body.put("businessKey", "CF-2026-99999");
            return rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form", body);
        }));
        c.add(new Hostile("typed Integer with text", () -> typed("Integer", "abc")));
        c.add(new Hostile("typed Json garbage", () -> typed("Json", "{not json")));
        c.add(new Hostile("typed Object serialized java", () -> typed("Object", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==")));
        c.add(new Hostile("typed Date nonsense", () -> typed("Date", "never")));
        c.add(new Hostile("typed unknown type", () -> typed("Nonsense", "x")));

        // ---- malformed bodies
        String startPath = "/engine-rest/process-definition/key/penalty-general/submit-form";
        for (String body : new String[] {"{", "[]", "null", "\"text\"", "{\"variables\": 5}", "{\"variables\": [1,2]}",
                "{\"variables\": {\"partyName\": 5}}", "{\"variables\": {\"partyName\": {\"value\": {\"a\": 1}}}}",
                "{\"variables\": {" + "\"a\":{\"value\":1},".repeat(5000) + "\"b\":{\"value\":1}}}", "\u0000\u0001"}) {
            c.add(new Hostile("start body " + body.substring(0, Math.min(30, body.length())),
                    () -> raw("zhangsan", "POST", startPath, "application/json", body)));
        }
        c.add(new Hostile("start as text/plain", () -> raw("zhangsan", "POST", startPath, "text/plain", "partyName=x")));

        // ---- a task's form: the filing approval
        c.add(new Hostile("filing decision maybe", () -> filing(Map.of("filingDecision", "maybe"))));
        c.add(new Hostile("filing decision missing", () -> filing(Map.of("lifeSafetyHarm", false))));
        c.add(new Hostile("filing lifeSafetyHarm text", () -> filing(Map.of("filingDecision", "file", "lifeSafetyHarm", "yes"))));
        c.add(new Hostile("filing sets notifiedFine", () -> filing(Map.of("filingDecision", "file", "notifiedFine", 1))));
        c.add(new Hostile("filing sets decision", () -> filing(Map.of("filingDecision", "file", "decision", "penalty"))));
        c.add(new Hostile("filing opinion 10 MB", () -> filing(Map.of("filingDecision", "reject", "filingOpinion", TEN_MB))));
        c.add(new Hostile("start through /start without the start form", () -> rest.post("zhangsan",
                "/engine-rest/process-definition/key/penalty-general/start", Map.of("businessKey", "X"))));
        c.add(new Hostile("resolve a task that was not delegated", () -> rest.post("zhaoliu",
                "/engine-rest/task/" + task("zhaoliu", "Task_FilingApproval") + "/resolve", Map.of("variables", Map.of()))));
        c.add(new Hostile("delete a task of a running case", () -> raw("sunqi", "DELETE",
                "/engine-rest/task/" + task("zhaoliu", "Task_FilingApproval"), "application/json", "")));
        c.add(new Hostile("filing opinion object", () -> filing(Map.of("filingDecision", "reject", "filingOpinion", Map.of("a", 1)))));
        c.add(new Hostile("filing reject without reason", () -> filing(Map.of("filingDecision", "reject"))));
        c.add(new Hostile("submit unknown task", () -> rest.post("zhaoliu", "/engine-rest/task/does-not-exist/submit-form",
                Rest.variables(Map.of("filingDecision", "file")))));
        c.add(new Hostile("submit task id traversal", () -> rest.post("zhaoliu", "/engine-rest/task/..%2F..%2Fdeployment/submit-form",
                Rest.variables(Map.of("filingDecision", "file")))));

        c.add(new Hostile("submit File variable without valueInfo", () -> rest.post("zhaoliu",
                "/engine-rest/task/" + filingTask + "/submit-form", Map.of("variables", Map.of("x", Map.of("value", "x", "type", "File"))))));
        c.add(new Hostile("start form File variable without valueInfo", () -> rest.post("zhangsan",
                "/engine-rest/process-definition/key/penalty-general/submit-form",
                Map.of("variables", Map.of("x", Map.of("value", "x", "type", "File"))))));

        // ---- reading what does not exist (or no longer runs)
        c.add(new Hostile("deployed form of unknown task", () -> rest.get("zhangsan", "/engine-rest/task/does-not-exist/deployed-form")));
        c.add(new Hostile("deployed form of completed task", () -> rest.get("zhaoliu", "/engine-rest/task/" + completedTask + "/deployed-form")));
        c.add(new Hostile("rendered form of unknown task", () -> rest.get("zhangsan", "/engine-rest/task/nope/rendered-form")));
        c.add(new Hostile("form variables of unknown task", () -> rest.get("zhangsan", "/engine-rest/task/nope/form-variables")));
        c.add(new Hostile("form of unknown task", () -> rest.get("zhangsan", "/engine-rest/task/nope/form")));
        c.add(new Hostile("variables of unknown process instance", () -> rest.get("zhangsan", "/engine-rest/process-instance/nope/variables")));
        c.add(new Hostile("variable of unknown process instance", () -> rest.get("zhangsan", "/engine-rest/process-instance/nope/variables/x")));

        // ---- the case's record: comments (意见) and attachments are added by who works the task, never changed
        c.add(new Hostile("comment 10 MB", () -> comment("zhaoliu", filingTask, TEN_MB)));
        c.add(new Hostile("comment 4001 characters", () -> comment("zhaoliu", filingTask, "意".repeat(4001))));
        c.add(new Hostile("comment with NUL", () -> comment("zhaoliu", filingTask, "同意\u0000立案")));
        c.add(new Hostile("comment empty", () -> comment("zhaoliu", filingTask, " ")));
        c.add(new Hostile("comment without message", () -> rest.post("zhaoliu", "/engine-rest/task/" + filingTask + "/comment/create", Map.of())));
        c.add(new Hostile("comment by the supervisor", () -> comment("sunqi", filingTask, "supervisor note")));
        c.add(new Hostile("comment by a legal reviewer", () -> comment("wangwu", filingTask, "reviewer note")));
        c.add(new Hostile("comment on a completed task", () -> comment("zhaoliu", completedTask, "补充意见")));
        c.add(new Hostile("comment on a completed task by the supervisor", () -> comment("sunqi", completedTask, "supervisor note")));
        c.add(new Hostile("attachment by the supervisor", () -> attach("sunqi", filingTask, "note.pdf")));
        c.add(new Hostile("attachment by a legal reviewer", () -> attach("wangwu", filingTask, "note.pdf")));
        c.add(new Hostile("attachment name 300 characters", () -> attach("zhaoliu", filingTask, "附".repeat(300))));
        c.add(new Hostile("attachment on a completed task", () -> attach("zhaoliu", completedTask, "late.pdf")));
        c.add(new Hostile("delete own comment", () -> raw("zhaoliu", "DELETE", "/engine-rest/task/" + filingTask + "/comment/" + commentId, "application/json", "")));
        c.add(new Hostile("admin deletes a comment", () -> raw("admin", "DELETE", "/engine-rest/task/" + filingTask + "/comment/" + commentId, "application/json", "")));
        c.add(new Hostile("delete all comments of a task", () -> raw("zhaoliu", "DELETE", "/engine-rest/task/" + filingTask + "/comment", "application/json", "")));
        c.add(new Hostile("update a comment", () -> raw("zhaoliu", "PUT", "/engine-rest/task/" + filingTask + "/comment",
                "application/json", "{\"id\":\"" + commentId + "\",\"message\":\"不同意立案\"}")));
        c.add(new Hostile("delete an attachment", () -> raw("zhaoliu", "DELETE", "/engine-rest/task/" + filingTask + "/attachment/" + attachmentId, "application/json", "")));
        c.add(new Hostile("admin deletes an attachment", () -> raw("admin", "DELETE", "/engine-rest/task/" + filingTask + "/attachment/" + attachmentId, "application/json", "")));
        c.add(new Hostile("delete all comments of the case", () -> raw("admin", "DELETE", "/engine-rest/process-instance/" + instanceId + "/comment", "application/json", "")));
        c.add(new Hostile("update a comment of the case", () -> raw("admin", "PUT", "/engine-rest/process-instance/" + instanceId + "/comment",
                "application/json", "{\"id\":\"" + commentId + "\",\"message\":\"改写\"}")));

        // ---- procedures that only their calling procedure or Sunlight starts
        c.add(new Hostile("start legal-review by hand", () -> rest.post("zhangsan", "/engine-rest/process-definition/key/legal-review/start", Map.of())));
        c.add(new Hostile("start legal-review by hand as admin", () -> rest.post("admin", "/engine-rest/process-definition/key/legal-review/start", Map.of())));
        c.add(new Hostile("start legal-review form by hand", () -> rest.post("zhangsan", "/engine-rest/process-definition/key/legal-review/submit-form",
                Rest.variables(Map.of("caseNumber", "市建罚〔2026〕1号", "handler", "zhangsan")))));
        c.add(new Hostile("start publication by hand", () -> rest.post("zhangsan", "/engine-rest/process-definition/key/publication/start", Map.of())));

        // ---- DMN evaluation with wrong inputs
        c.add(new Hostile("DMN fineAmount text", () -> rest.post("zhangsan", "/engine-rest/decision-definition/key/penalty-procedure/evaluate",
                Map.of("variables", Map.of("partyType", Map.of("value", "individual"), "penaltyKind", Map.of("value", "fine"),
                        "fineAmount", Map.of("type", "Double", "value", "lots"))))));
        c.add(new Hostile("DMN unknown decision", () -> rest.post("zhangsan", "/engine-rest/decision-definition/key/no-such-decision/evaluate",
                Rest.variables(Map.of("a", 1)))));

        // ---- Sunlight's admin API
        c.add(new Hostile("calendar malformed yaml", () -> calendar("2040", "{{{")));
        c.add(new Hostile("calendar year text", () -> calendar("abcd", "source: x")));
        c.add(new Hostile("calendar year 9999", () -> calendar("9999", "source: x\nholidays: ['9999-01-01']")));
        c.add(new Hostile("calendar holiday outside year", () -> calendar("2040", "source: x\nholidays: ['2039-12-31']")));
        c.add(new Hostile("calendar without source", () -> calendar("2040", "holidays: ['2040-01-01']")));
        c.add(new Hostile("calendar impossible date", () -> calendar("2040", "source: x\nholidays: ['2040-02-30']")));
        c.add(new Hostile("calendar absurd range", () -> calendar("2040", "source: x\nholidays: ['2040-01-01 .. 2040-12-31']")));
        c.add(new Hostile("calendar holiday and workday", () -> calendar("2040", "source: x\nholidays: ['2040-01-02']\nworkdays: ['2040-01-02']")));
        c.add(new Hostile("calendar 10 MB", () -> calendar("2040", "source: " + TEN_MB)));
        c.add(new Hostile("calendar yaml bomb", () -> calendar("2040", "a: &a [\"x\",\"x\"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: &e [*d,*d]\nf: &f [*e,*e]\ng: &g [*f,*f]\nh: &h [*g,*g]\ni: &i [*h,*h]\nj: &j [*i,*i]\nk: [*j,*j]")));
        String officers = "/api/admin/organization/officers";
        c.add(new Hostile("officer id traversal", () -> admin("POST", officers, "{\"userId\":\"../x\",\"name\":\"甲\",\"departmentId\":\"zhifa\",\"password\":\"Secret-123\",\"roles\":[\"officer\"]}")));
        c.add(new Hostile("officer admin role", () -> admin("POST", officers, "{\"userId\":\"evil1\",\"name\":\"甲\",\"departmentId\":\"zhifa\",\"password\":\"Secret-123\",\"roles\":[\"camunda-admin\"]}")));
        c.add(new Hostile("officer unknown department", () -> admin("POST", officers, "{\"userId\":\"evil2\",\"name\":\"甲\",\"departmentId\":\"nowhere\",\"password\":\"Secret-123\",\"roles\":[\"officer\"]}")));
        c.add(new Hostile("officer short password", () -> admin("POST", officers, "{\"userId\":\"evil3\",\"name\":\"甲\",\"departmentId\":\"zhifa\",\"password\":\"x\",\"roles\":[\"officer\"]}")));
        c.add(new Hostile("officer duplicate", () -> admin("POST", officers, "{\"userId\":\"zhangsan\",\"name\":\"甲\",\"departmentId\":\"zhifa\",\"password\":\"Secret-123\",\"roles\":[\"officer\"]}")));
        c.add(new Hostile("officer name 10 MB", () -> admin("POST", officers, "{\"userId\":\"evil4\",\"name\":\"" + TEN_MB + "\",\"departmentId\":\"zhifa\",\"password\":\"Secret-123\",\"roles\":[\"officer\"]}")));
        c.add(new Hostile("officer wrong types", () -> admin("POST", officers, "{\"userId\":5,\"name\":[],\"departmentId\":{},\"password\":true,\"roles\":\"officer\"}")));
        c.add(new Hostile("officer malformed json", () -> admin("POST", officers, "{\"userId\":")));
        String credentials = "/api/admin/organization/credentials";
        c.add(new Hostile("credential period reversed", () -> admin("POST", credentials, "{\"credentialNo\":\"210199990001\",\"userId\":\"lisi\",\"scope\":\"penalty\",\"scopeText\":\"处罚\",\"issuer\":\"省政府\",\"validFrom\":\"2030-01-01\",\"validTo\":\"2020-01-01\"}")));
        c.add(new Hostile("credential scope everything", () -> admin("POST", credentials, "{\"credentialNo\":\"210199990002\",\"userId\":\"lisi\",\"scope\":\"everything\",\"scopeText\":\"全部\",\"issuer\":\"省政府\",\"validFrom\":\"2020-01-01\",\"validTo\":\"2030-01-01\"}")));
        c.add(new Hostile("credential number with NUL", () -> admin("POST", credentials, "{\"credentialNo\":\"2101\\u00009999\",\"userId\":\"lisi\",\"scope\":\"penalty\",\"scopeText\":\"处罚\",\"issuer\":\"省政府\",\"validFrom\":\"2020-01-01\",\"validTo\":\"2030-01-01\"}")));
        c.add(new Hostile("credential impossible date", () -> admin("POST", credentials, "{\"credentialNo\":\"210199990003\",\"userId\":\"lisi\",\"scope\":\"penalty\",\"scopeText\":\"处罚\",\"issuer\":\"省政府\",\"validFrom\":\"2020-02-30\",\"validTo\":\"2030-01-01\"}")));
        c.add(new Hostile("credential unknown officer", () -> admin("POST", credentials, "{\"credentialNo\":\"210199990004\",\"userId\":\"ghost\",\"scope\":\"penalty\",\"scopeText\":\"处罚\",\"issuer\":\"省政府\",\"validFrom\":\"2020-01-01\",\"validTo\":\"2030-01-01\"}")));
        c.add(new Hostile("credential status deleted", () -> admin("PUT", credentials + "/21010020230001/status", "{\"status\":\"deleted\"}")));
        c.add(new Hostile("credential status unknown number", () -> admin("PUT", credentials + "/00000000/status", "{\"status\":\"suspended\"}")));
        c.add(new Hostile("unknown API path", () -> rest.get("admin", "/api/admin/nothing-here")));
        c.add(new Hostile("wrong method", () -> admin("DELETE", "/api/admin/calendar", "")));

        // ---- evidence uploads (the file is the body; every refusal must leave no row and no file)
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
        String when = "&capturedAt=2026-03-02T08:00:00";
        c.add(new Hostile("evidence traversal name", () -> evidence("fileName=" + q("../../etc/passwd") + when, "image/jpeg", jpeg)));
        c.add(new Hostile("evidence windows path", () -> evidence("fileName=" + q("C:\\Windows\\win.ini") + when, "image/jpeg", jpeg)));
        c.add(new Hostile("evidence NUL in name", () -> evidence("fileName=" + q("a\u0000.jpg") + when, "image/jpeg", jpeg)));
        c.add(new Hostile("evidence name ..", () -> evidence("fileName=..".concat(when), "image/jpeg", jpeg)));
        c.add(new Hostile("evidence without name", () -> evidence(when.substring(1), "image/jpeg", jpeg)));
        c.add(new Hostile("evidence capturedAt text", () -> evidence("fileName=a.jpg&capturedAt=yesterday", "image/jpeg", jpeg)));
        c.add(new Hostile("evidence capturedAt future", () -> evidence("fileName=a.jpg&capturedAt=2099-01-01T00:00:00", "image/jpeg", jpeg)));
        c.add(new Hostile("evidence capturedAt impossible", () -> evidence("fileName=a.jpg&capturedAt=2026-02-30T08:00:00", "image/jpeg", jpeg)));
        c.add(new Hostile("evidence empty body", () -> evidence("fileName=a.jpg" + when, "image/jpeg", new byte[0])));
        c.add(new Hostile("evidence video that is text", () -> evidence("fileName=a.mp4" + when, "video/mp4",
                "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        c.add(new Hostile("evidence multipart form", () -> evidence("fileName=a.jpg" + when, "multipart/form-data; boundary=x", jpeg)));
        c.add(new Hostile("evidence unknown task", () -> evidence("fileName=a.jpg&taskId=" + q("' OR 1=1 --") + when, "image/jpeg", jpeg)));
        c.add(new Hostile("evidence unknown case", () -> rest.send("zhangsan", java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/cases/" + q("CF-2026-<x>") + "/evidence?fileName=a.jpg" + when))
                .header("Content-Type", "image/jpeg").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(jpeg)))));
        c.add(new Hostile("evidence id text", () -> rest.get("zhangsan", "/api/cases/" + caseKey + "/evidence/abc")));
        c.add(new Hostile("record verify seq text", () -> rest.get("zhangsan", "/api/cases/" + caseKey + "/record/verify?seq=x")));

        // ---- the public portal and its API (anonymous readers)
        c.add(new Hostile("portal page -1", () -> rest.get(null, "/api/public/decisions?page=-1")));
        c.add(new Hostile("portal size 100000", () -> rest.get(null, "/api/public/decisions?size=100000")));
        c.add(new Hostile("portal impossible date", () -> rest.get(null, "/api/public/decisions?from=2026-02-30")));
        c.add(new Hostile("portal party NUL", () -> rest.get(null, "/api/public/decisions?party=" + q("某\u0000某"))));
        c.add(new Hostile("portal page party control character", () -> rest.get(null, "/public/decisions?party=" + q("某某\u001b[2J"))));
        c.add(new Hostile("portal unknown filter", () -> rest.get(null, "/api/public/decisions?keyword=" + q("某某") + "&status=pending")));
        c.add(new Hostile("portal from after to", () -> rest.get(null, "/api/public/decisions?from=2026-05-01&to=2026-01-01")));
        c.add(new Hostile("portal category script", () -> rest.get(null, "/api/public/decisions?category=" + q("<script>"))));
        c.add(new Hostile("portal items category SQL", () -> rest.get(null, "/api/public/items?category=" + q("' OR 1=1 --"))));
        c.add(new Hostile("portal decision unknown", () -> rest.get(null, "/api/public/decisions/" + q("../../etc/passwd"))));
        c.add(new Hostile("portal statistics year text", () -> rest.get(null, "/api/public/statistics/abcd")));
        c.add(new Hostile("portal officer script", () -> rest.get(null, "/api/public/officers/" + q("<script>alert(1)</script>"))));
        c.add(new Hostile("portal guide unknown", () -> rest.get(null, "/api/public/guides/" + q("${7*7}"))));
        c.add(new Hostile("draw verify text", () -> rest.get(null, "/api/inspections/draws/abc/verify")));
        c.add(new Hostile("draw verify unknown", () -> rest.get(null, "/api/inspections/draws/999999999/verify")));
        c.add(new Hostile("inspection item wrong types", () -> admin("PUT", "/api/admin/inspections/items/" + q("../x"),
                "{\"name\":5,\"legalBasis\":[],\"targetKinds\":\"all\"}")));

        // ---- deployments (only administrators deploy; running cases must not notice a refused one)
        c.add(new Hostile("BPMN not XML", () -> deploy("broken.bpmn", "this is not xml")));
        c.add(new Hostile("BPMN unclosed", () -> deploy("broken.bpmn", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"x\">")));
        c.add(new Hostile("BPMN dangling flow", () -> deploy("dangling.bpmn", "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\"><process id=\"dangling\" isExecutable=\"true\"><startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"nowhere\"/></process></definitions>")));
        c.add(new Hostile("BPMN formRef without binding", () -> deploy("nobinding.bpmn", "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"nobinding\" isExecutable=\"true\" camunda:historyTimeToLive=\"10958\"><startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"t1\"/><userTask id=\"t1\" camunda:formRef=\"x\"/></process></definitions>")));
        c.add(new Hostile("BPMN replacing penalty-general with garbage", () -> deploy("penalty-general.bpmn", "<definitions/>")));
        c.add(new Hostile("DMN not XML", () -> deploy("broken.dmn", "nope")));
        c.add(new Hostile("DMN broken FEEL", () -> deploy("broken-feel.dmn", "<?xml version=\"1.0\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"t\"><decision id=\"broken-feel\" name=\"x\"><decisionTable id=\"t\" hitPolicy=\"NOT-A-POLICY\"><input id=\"i\"><inputExpression id=\"e\" typeRef=\"string\"><text>a</text></inputExpression></input><output id=\"o\" name=\"o\" typeRef=\"string\"/></decisionTable></decision></definitions>")));
        c.add(new Hostile("form not JSON", () -> deploy("broken.form", "{ not json")));
        c.add(new Hostile("form without id", () -> deploy("noid.form", "{\"components\":[],\"type\":\"default\",\"schemaVersion\":16}")));
        c.add(new Hostile("form schema 99", () -> deploy("future.form", "{\"id\":\"future\",\"components\":[],\"type\":\"default\",\"schemaVersion\":99}")));
        c.add(new Hostile("form filepicker", () -> deploy("file.form", "{\"id\":\"file\",\"components\":[{\"type\":\"filepicker\",\"key\":\"f\"}],\"type\":\"default\",\"schemaVersion\":16}")));
        c.add(new Hostile("form duplicate keys", () -> deploy("dup.form", "{\"id\":\"dup\",\"components\":[{\"type\":\"textfield\",\"key\":\"a\"},{\"type\":\"textfield\",\"key\":\"a\"}],\"type\":\"default\",\"schemaVersion\":16}")));
        c.add(new Hostile("form components not a list", () -> deploy("nolist.form", "{\"id\":\"nolist\",\"components\":{},\"type\":\"default\",\"schemaVersion\":16}")));
        c.add(new Hostile("empty file", () -> deploy("empty.form", "")));
        return c;
    }

    /** What Tomcat refuses before any filter runs is answered in Sunlight's bilingual JSON, not Tomcat's English page. */
    @Test
    void requestsTomcatRefusesItselfAreAnsweredInChineseAndEnglish() {
        for (String path : List.of("/api/public/officers/%00", "/public/decisions/%00x",
                "/api/public/decisions?q=" + "x".repeat(100_000))) {
            Rest.Response response = rest.get(null, path);
            assertThat(response.status()).as(abbreviate(path)).isEqualTo(400);
            assertThat(response.json()).as("%s: %s", abbreviate(path), abbreviate(response.body())).isNotNull();
            assertThat(response.json().get("messageZh").asText()).matches("(?s).*\\p{IsHan}.*");
            assertThat(response.json().get("messageEn").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("<html");
        }
    }

    @Test
    void everyHostileInputIsRefusedClearlyAndChangesNothing() {
        List<Hostile> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        Map<String, String> failures = new LinkedHashMap<>();
        for (Hostile hostile : corpus) {
            Map<String, Long> before = snapshot();
            Rest.Response response = hostile.request().get();
            Map<String, Long> after = snapshot();
            String message = response.json() != null && response.json().has("message") ? response.json().get("message").asText() : response.body();
            if (response.status() < 400 || response.status() >= 500) {
                failures.put(hostile.name(), "status " + response.status() + ": " + abbreviate(message));
            } else if (message == null || message.isBlank() || message.contains("Exception:") && !message.matches("(?s).*\\p{IsHan}.*")) {
                failures.put(hostile.name(), "no understandable message: " + abbreviate(message));
            } else if (!before.equals(after)) {
                failures.put(hostile.name(), "database changed: " + before + " -> " + after);
            }
        }
        assertThat(failures).isEmpty();
        // the case attacked above is untouched and still works
        assertThat(rest.get("zhaoliu", "/engine-rest/task?processInstanceBusinessKey=" + caseKey).json()).hasSize(1);
    }

    /**
     * Tasklist and Cockpit reach the same engine resources through the webapps' own engine API
     * (/camunda/api/engine/engine/default/…, a session and its CSRF token): a refusal is answered there exactly as on
     * /engine-rest — same status, same Chinese message — not as a 500 or Camunda's English 400.
     */
    @Test
    void theWebappsEngineApiAnswersLikeTheRestApi() {
        record Call(String user, String method, String path, String contentType, String body) {
            Call(String user, String method, String path, String body) {
                this(user, method, path, "application/json", body);
            }
        }
        String boundary = "sunlight" + System.nanoTime();
        String attachment = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nnote.pdf\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n%PDF-1.4 test\r\n--" + boundary + "--\r\n";
        String start = "/process-definition/key/penalty-general/submit-form";
        List<Call> calls = List.of(
                new Call("zhaoliu", "DELETE", "/task/" + filingTask + "/attachment/" + attachmentId, null),
                new Call("zhaoliu", "PUT", "/task/" + filingTask + "/comment",
                        "{\"id\":\"" + commentId + "\",\"message\":\"不同意立案\"}"),
                new Call("zhaoliu", "DELETE", "/task/" + filingTask + "/comment/" + commentId, null),
                new Call("admin", "DELETE", "/process-instance/" + instanceId + "/comment", null),
                new Call("zhangsan", "POST", "/process-definition/key/legal-review/start", "{}"),
                new Call("sunqi", "POST", "/task/" + filingTask + "/comment/create", "{\"message\":\"supervisor note\"}"),
                new Call("sunqi", "POST", "/task/" + filingTask + "/attachment/create",
                        "multipart/form-data; boundary=" + boundary, attachment),
                new Call("zhaoliu", "POST", "/task/" + filingTask + "/comment/create", "{\"message\":\"同意\\u0000立案\"}"),
                new Call("zhaoliu", "POST", "/task/" + filingTask + "/comment/create", Rest.json(Map.of("message", "意".repeat(4001)))),
                new Call("zhaoliu", "POST", "/task/" + filingTask + "/submit-form",
                        "{\"variables\":{\"x\":{\"value\":\"x\",\"type\":\"File\"}}}"),
                new Call("zhaoliu", "POST", "/task", "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\"}]}"),
                new Call("zhangsan", "GET", "/process-instance/nope/variables", null),
                new Call("zhangsan", "POST", start, "{"),
                new Call("zhangsan", "PUT", "/process-instance/" + instanceId + "/suspended", "{\"suspended\":true}"),
                new Call("zhaoliu", "GET", "/task?processInstanceBusinessKey=" + caseKey, null));
        Map<String, Rest.Webapp> sessions = new HashMap<>();
        List<String> differences = new ArrayList<>();
        for (Call call : calls) {
            String name = call.user() + " " + call.method() + " " + call.path();
            Rest.Response viaRest = raw(call.user(), call.method(), "/engine-rest" + call.path(), call.contentType(),
                    call.body() == null ? "" : call.body());
            Map<String, Long> before = snapshot();
            Rest.Response viaWebapp = sessions.computeIfAbsent(call.user(), user -> rest.webapp(user, "tasklist"))
                    .engine(call.method(), call.path(), call.body() == null ? null : call.contentType(), call.body());
            assertThat(snapshot()).as(name).isEqualTo(before);
            String expected = message(viaRest);
            String actual = message(viaWebapp);
            if (viaWebapp.status() != viaRest.status() || viaRest.status() >= 400 && !actual.equals(expected)) {
                differences.add(name + ": /engine-rest " + viaRest.status() + " " + abbreviate(expected) + "; webapp "
                        + viaWebapp.status() + " " + abbreviate(actual));
            }
            if (viaRest.status() >= 400) {
                assertThat(viaRest.status()).as(name).isLessThan(500);
                assertThat(expected).as(name).matches("(?s).*\\p{IsHan}.*");
            }
        }
        assertThat(differences).isEmpty();
    }

    private static String message(Rest.Response response) {
        return response.json() != null && response.json().has("message") ? response.json().get("message").asText() : response.body();
    }

    private static String abbreviate(String text) {
        return text == null ? null : text.substring(0, Math.min(300, text.length()));
    }
}
