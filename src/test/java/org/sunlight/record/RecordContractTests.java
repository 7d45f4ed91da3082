package org.sunlight.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sunlight.Rest;

/**
 * Shared set-up of the record's contract tests over HTTP, run on H2 ({@link H2RecordTests}) and MariaDB
 * ({@link MariaDbRecordTests}): a penalty case worked through the REST API by the demo users, evidence uploads, and
 * direct SQL on the record's tables for the tampering tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RecordContractTests {

    static final Path STORE;

    static {
        try {
            STORE = Files.createTempDirectory("sunlight-evidence-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small limit, so that the size check is testable (production default: 4 GiB). */
    static final int MAX_SIZE = 2 * 1024 * 1024;

    @DynamicPropertySource
    static void evidenceStore(DynamicPropertyRegistry registry) {
        registry.add("sunlight.record.evidence-store", STORE::toString);
        registry.add("sunlight.record.evidence.max-size", () -> MAX_SIZE + "B");
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Rest rest;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ a penalty case over REST

    String startCase(String user) {
        Rest.Response response = rest.post(user, "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(Map.of("caseSource", "complaint", "partyType", "organization", "partyName",
                        "沈阳某某置业有限公司", "partyIdNumber", "91210100MA0Y6XQ12A", "partyAddress", "沈阳市沈河区某街2号",
                        "partyPhone", "13912345678", "violationCode", "quality-59", "violationDate", "2026-02-01",
                        "discoveredDate", "2026-02-26", "caseSummary", "竣工验收后未移交建设项目档案")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("businessKey").asText();
    }

    String taskId(String user, String businessKey, String taskKey) {
        Rest.Response tasks = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKey=" + taskKey);
        assertThat(tasks.json()).as("%s sees %s of %s", user, taskKey, businessKey).hasSize(1);
        return tasks.json().get(0).get("id").asText();
    }

    void submit(String user, String businessKey, String taskKey, Map<String, Object> values) {
        String id = taskId(user, businessKey, taskKey);
        Rest.Response response = rest.post(user, "/engine-rest/task/" + id + "/submit-form", Rest.variables(values));
        assertThat(response.status()).as("%s completes %s: %s", user, taskKey, response.body()).isEqualTo(204);
    }

    void fileCase(String key) {
        submit("zhaoliu", key, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false));
    }

    void investigate(String key) {
        submit("zhangsan", key, "Task_Investigation", Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问1号",
                "evidenceSummary", "询问笔录、照片"));
    }

    /** From investigation report to the legal review (fine 80,000 yuan: review required). */
    void toLegalReview(String key) {
        submit("zhangsan", key, "Task_InvestigationReport", Map.of("factsFound", "未移交档案", "violationCode",
                "quality-59", "consequence", "serious", "rectified", false, "repeatOffense", false,
                "majorPublicInterest", false, "majorSocialImpact", false, "majorThirdPartyRights", false,
                "complexCase", false, "seriousCase", false));
        submit("zhangsan", key, "Task_ProposePenalty", Map.of("penaltyKind", "fine", "fineAmount", 80000));
        submit("zhangsan", key, "Task_PriorNotice", Map.of("noticeDocumentNo", "告知1号", "noticeDeliveryMethod",
                "direct", "noticeDeliveredDate", "2026-03-02"));
        submit("zhangsan", key, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate",
                "2026-03-02", "waiverDocumentNo", "放弃1号"));
    }

    void legalReview(String key) {
        submit("wangwu", key, "Task_LegalReview", Map.ofEntries(Map.entry("checkSubject", "ok"),
                Map.entry("checkQualification", "ok"), Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"),
                Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", "同意"),
                Map.entry("reviewConclusion", "approved")));
    }

    void decide(String key) {
        submit("zhaoliu", key, "Task_LeaderDecision", Map.of("decision", "penalty", "finalPenaltyKind", "fine",
                "finalFine", 80000, "decisionDocumentNo", "决定1号", "decisionOpinion", "同意"));
    }

    String rootProcessInstance(String key) {
        return jdbc.queryForObject("SELECT process_instance_id FROM sl_case WHERE business_key = ?", String.class,
                key);
    }


    // ------------------------------------------------------------------ the record of a case

    @Test
    void theRecordOfACaseIsCompleteInOrderAndVerifiesIntact() {
        String key = startCase("zhangsan");
        fileCase(key);
        String investigation = taskId("zhangsan", key, "Task_Investigation");
        Rest.Response photo = upload("zhangsan", key, investigation, "现场照片1.jpg", "image/jpeg", jpeg(1));
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        Rest.Response comment = rest.post("zhangsan", "/engine-rest/task/" + investigation + "/comment/create",
                Map.of("message", "当事人拒绝在询问笔录上签字，已由见证人签名"));
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        investigate(key);
        toLegalReview(key);
        legalReview(key);
        decide(key);

        JsonNode record = record("zhangsan", key);
        assertThat(record.get("caseInfo").get("caseNumber").asText()).startsWith("市建罚〔2026〕");
        // decided, not yet delivered: the record tab names the status in Chinese
        assertThat(record.get("caseInfo").get("status").asText()).isEqualTo("open");
        assertThat(record.get("caseInfo").get("statusZh").asText()).isEqualTo("办理中");
        List<String> kinds = new ArrayList<>();
        record.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
        assertThat(kinds.get(0)).isEqualTo("case-start");
        assertThat(kinds).contains("task", "form", "decision", "comment", "evidence", "operation", "activity",
                "subprocess-start");

        // tasks: who, with which credential, created and completed, due date against the actual
        JsonNode investigationTask = items(record, "task").stream()
                .filter(t -> t.get("details").get("taskKey").asText().equals("Task_Investigation")).findFirst().orElseThrow();
        assertThat(investigationTask.get("userId").asText()).isEqualTo("zhangsan");
        assertThat(investigationTask.get("userName").asText()).isEqualTo("张三");
        assertThat(investigationTask.get("details").get("credentialNo").asText()).isEqualTo("21010020230001");
        assertThat(investigationTask.get("details").get("completed").isNull()).isFalse();
        assertThat(investigationTask.get("stageZh").asText()).isEqualTo("调查");
        JsonNode filing = items(record, "task").stream()
                .filter(t -> t.get("details").get("taskKey").asText().equals("Task_FilingApproval")).findFirst().orElseThrow();
        assertThat(filing.get("userId").asText()).as("the leader who completed the unclaimed task").isEqualTo("zhaoliu");
        assertThat(filing.get("details").get("completedBy").asText()).isEqualTo("zhaoliu");
        JsonNode review = items(record, "task").stream()
                .filter(t -> t.get("details").get("taskKey").asText().equals("Task_LegalReview")).findFirst().orElseThrow();
        assertThat(review.get("details").get("processName").asText()).isEqualTo("重大执法决定法制审核");
        assertThat(review.get("stageZh").asText()).isEqualTo("审查");

        // form submissions: each value, old -> new, and who submitted it
        JsonNode proposal = items(record, "form").stream()
                .filter(f -> f.get("title").asText().contains("拟定处罚意见")).findFirst().orElseThrow();
        assertThat(proposal.get("userId").asText()).isEqualTo("zhangsan");
        assertThat(proposal.get("details").get("changes").toString()).contains("\"variable\":\"fineAmount\"")
                .contains("\"new\":80000");
        JsonNode report = items(record, "form").stream()
                .filter(f -> f.get("title").asText().contains("调查终结报告")).findFirst().orElseThrow();
        JsonNode violation = null;
        for (JsonNode change : report.get("details").get("changes")) {
            if (change.get("variable").asText().equals("violationCode")) {
                violation = change;
            }
        }
        assertThat(violation).as("violationCode re-submitted in the report").isNotNull();
        assertThat(violation.get("old").asText()).isEqualTo("quality-59");
        assertThat(violation.get("new").asText()).isEqualTo("quality-59");
        // as the officer read it on the form: the field's label and the option's label, beside the stored value
        assertThat(violation.get("label").asText()).isEqualTo("违法行为");
        assertThat(violation.get("newZh").asText()).isEqualTo("竣工验收后未移交建设项目档案（质量条例第59条）");
        JsonNode start = items(record, "form").get(0);
        JsonNode source = null;
        for (JsonNode change : start.get("details").get("changes")) {
            if (change.get("variable").asText().equals("caseSource")) {
                source = change;
            }
        }
        assertThat(source).as("caseSource in the start form's submission: %s", start).isNotNull();
        assertThat(source.get("label").asText()).isEqualTo("案件来源");
        assertThat(source.get("newZh").asText()).isEqualTo("投诉、举报");
        List<String> labels = new ArrayList<>();
        start.get("details").get("changes").forEach(change -> labels.add(change.path("label").asText()));
        assertThat(labels).as("a date field by its dateLabel").contains("违法行为发生（或终了）日期");

        // DMN evaluations with inputs, outputs and the decision's version
        JsonNode benchmark = items(record, "decision").stream()
                .filter(d -> d.get("details").get("decisionKey").asText().equals("discretion-benchmark"))
                .findFirst().orElseThrow();
        assertThat(benchmark.get("details").get("version").asInt()).isEqualTo(1);
        assertThat(benchmark.get("details").get("inputs").toString()).contains("quality-59");
        assertThat(benchmark.get("details").get("outputs").toString()).contains("minFine");

        assertThat(items(record, "comment").get(0).get("details").get("message").asText()).contains("见证人签名");
        JsonNode evidence = items(record, "evidence").get(0);
        assertThat(evidence.get("details").get("sha256").asText()).hasSize(64);
        assertThat(evidence.get("details").get("taskName").asText()).isEqualTo("调查取证");

        // time order
        String previous = "";
        for (JsonNode item : record.get("items")) {
            String time = item.get("time").asText();
            assertThat(time.compareTo(previous)).as("items in time order").isGreaterThanOrEqualTo(0);
            previous = time;
        }

        JsonNode verified = verify("zhangsan", key);
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("entries").asLong()).isGreaterThan(50);

        // who may read the record: the department, supervisors; not another department
        assertThat(rest.get("sunqi", "/api/cases/" + key + "/record").status()).isEqualTo(200);
        assertThat(rest.get("zhouba", "/api/cases/" + key + "/record").status()).isEqualTo(404);
        assertThat(rest.get("zhouba", "/api/cases/" + key + "/record/verify").status()).isEqualTo(404);
        assertThat(rest.get(null, "/api/cases/" + key + "/record").status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ tampering is detected and named

    @Test
    void aChangedVariableHistoryRowIsDetectedAndNamed() {
        String key = startCase("zhangsan");
        fileCase(key);
        String root = rootProcessInstance(key);
        String id = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ = ? AND NAME_ = 'partyName'",
                String.class, root);
        assertThat(verify("zhangsan", key).get("intact").asBoolean()).isTrue();

        jdbc.update("UPDATE ACT_HI_VARINST SET TEXT_ = ? WHERE ID_ = ?", "另一家公司", id);

        JsonNode verified = verify("zhangsan", key);
        assertThat(verified.get("intact").asBoolean()).isFalse();
        JsonNode broken = verified.get("firstBroken");
        assertThat(broken.get("kind").asText()).isEqualTo("changed");
        assertThat(broken.get("table").asText()).isEqualTo("ACT_HI_VARINST");
        assertThat(broken.get("rowId").asText()).isEqualTo(id);
        assertThat(broken.get("messageZh").asText()).contains("变量").contains("已被修改");
        assertThat(broken.get("changes").toString()).contains("TEXT_").contains("沈阳某某置业有限公司").contains("另一家公司");
        assertThat(verified.get("findings")).hasSize(1);
    }

    @Test
    void aCustomObjectVariableDoesNotMakeTheRecordUnreadable() {
        String key = startCase("zhangsan");
        String root = rootProcessInstance(key);
        // an administrator's Object variable (Cockpit, REST): shown as its JSON, never deserialized for the record
        Rest.Response json = rest.put("admin", "/engine-rest/process-instance/" + root + "/variables/adminNote",
                "application/json", "{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Object\",\"valueInfo\":"
                        + "{\"objectTypeName\":\"java.util.LinkedHashMap\",\"serializationDataFormat\":\"application/json\"}}");
        assertThat(json.status()).as(json.body()).isEqualTo(204);
        JsonNode record = record("zhangsan", key);
        assertThat(record.toString()).contains("adminNote").contains("{\\\"a\\\":1}");
        assertThat(rest.get("zhangsan", "/api/cases/" + key + "/record/case-file.pdf").status()).isEqualTo(200);
    }

    @Test
    void aDeletedTaskHistoryRowIsDetectedAndNamed() {
        String key = startCase("zhangsan");
        fileCase(key);
        String root = rootProcessInstance(key);
        String id = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_TASKINST WHERE ROOT_PROC_INST_ID_ = ? "
                + "AND TASK_DEF_KEY_ = 'Task_FilingApproval'", String.class, root);

        jdbc.update("DELETE FROM ACT_HI_TASKINST WHERE ID_ = ?", id);

        JsonNode verified = verify("zhaoliu", key);
        assertThat(verified.get("intact").asBoolean()).isFalse();
        JsonNode broken = verified.get("firstBroken");
        assertThat(broken.get("kind").asText()).isEqualTo("missing");
        assertThat(broken.get("table").asText()).isEqualTo("ACT_HI_TASKINST");
        assertThat(broken.get("rowId").asText()).isEqualTo(id);
        assertThat(broken.get("messageZh").asText()).contains("任务").contains("已被删除");
    }

    @Test
    void aForgedHistoryRowIsDetectedAndNamed() {
        String key = startCase("zhangsan");
        fileCase(key);
        String root = rootProcessInstance(key);

        jdbc.update("INSERT INTO ACT_HI_COMMENT (ID_, TYPE_, TIME_, USER_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, "
                + "ACTION_, MESSAGE_, REV_) VALUES ('forged-1', 'comment', ?, 'zhaoliu', ?, ?, 'AddComment', "
                + "'同意免于处罚', 1)", java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 3, 2, 10, 0)), root, root);

        JsonNode verified = verify("zhangsan", key);
        assertThat(verified.get("intact").asBoolean()).isFalse();
        JsonNode broken = verified.get("firstBroken");
        assertThat(broken.get("kind").asText()).isEqualTo("extra");
        assertThat(broken.get("table").asText()).isEqualTo("ACT_HI_COMMENT");
        assertThat(broken.get("rowId").asText()).isEqualTo("forged-1");
        assertThat(broken.get("messageZh").asText()).contains("不在哈希链中");
    }

    @Test
    void anAlteredEvidenceFileIsDetectedAndNeverServedAsGood() throws IOException {
        String key = startCase("zhangsan");
        fileCase(key);
        String task = taskId("zhangsan", key, "Task_Investigation");
        byte[] original = jpeg(2);
        Rest.Response uploaded = upload("zhangsan", key, task, "询问现场.jpg", "image/jpeg", original);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long id = uploaded.json().get("item").get("id").asLong();
        String sha256 = uploaded.json().get("item").get("sha256").asText();
        assertThat(download("zhangsan", "/api/cases/" + key + "/evidence/" + id + "/content")).isEqualTo(original);

        Path file = STORE.resolve(sha256.substring(0, 2)).resolve(sha256);
        assertThat(file).exists();
        file.toFile().setWritable(true);
        byte[] altered = original.clone();
        altered[100] ^= 1;
        Files.write(file, altered);

        JsonNode verified = verify("zhangsan", key);
        assertThat(verified.get("intact").asBoolean()).isFalse();
        assertThat(verified.get("firstBroken").get("kind").asText()).isEqualTo("evidence-file-changed");
        assertThat(verified.get("firstBroken").get("rowId").asText()).isEqualTo(String.valueOf(id));
        Rest.Response refused = rest.get("zhangsan", "/api/cases/" + key + "/evidence/" + id + "/content");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("messageZh").asText()).contains("已被改动");
        Files.write(file, original);
    }

    @Test
    void anAlteredChainEntryAndARewrittenChainAreDetected() {
        String key = startCase("zhangsan");
        fileCase(key);
        String root = rootProcessInstance(key);
        JsonNode head = rest.get("zhangsan", "/api/cases/" + key + "/record/head").json();
        long seq = head.get("seq").asLong();
        String hash = head.get("hash").asText();
        JsonNode checked = rest.get("zhangsan", "/api/cases/" + key + "/record/verify?seq=" + seq + "&hash=" + hash).json();
        assertThat(checked.get("intact").asBoolean()).isTrue();
        assertThat(checked.get("expectedHeadFound").asBoolean()).isTrue();

        JsonNode rewritten = rest.get("zhangsan", "/api/cases/" + key + "/record/verify?seq=" + seq + "&hash="
                + "0".repeat(64)).json();
        assertThat(rewritten.get("intact").asBoolean()).isFalse();
        assertThat(rewritten.get("firstBroken").get("kind").asText()).isEqualTo("head-not-found");

        jdbc.update("UPDATE sl_record_entry SET row_data = REPLACE(row_data, '沈阳', '大连') WHERE chain_key = ? "
                + "AND row_data LIKE '%沈阳%'", root);
        JsonNode verified = verify("zhangsan", key);
        assertThat(verified.get("intact").asBoolean()).isFalse();
        assertThat(verified.get("firstBroken").get("kind").asText()).isEqualTo("chain-altered");
    }


    // ------------------------------------------------------------------ audio/video for listed actions

    @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

    /** A step marked avAction=seizure (mandatory recording) and one marked on-site-inspection (as needed). */
    String startAvCase() {
        return startAvCase(Map.of());
    }

    String startAvCase(Map<String, Object> variables) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("record-av-test").count() == 0) {
            repositoryService.createDeployment().name("record-av-test")
                    .addClasspathResource("record/record-av-test.bpmn").deploy();
        }
        Rest.Response started = rest.post("zhangsan", "/engine-rest/process-definition/key/record-av-test/start",
                Rest.variables(variables));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started.json().get("businessKey").asText();
    }

    @Test
    void aSeizureCannotBeCompletedWithoutAudioOrVideoOfThatTask() {
        String key = startAvCase();
        String seizure = taskId("zhangsan", key, "Task_Seizure");

        Rest.Response refused = rest.post("zhangsan", "/engine-rest/task/" + seizure + "/complete", Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("现场查封").contains("音频或视频")
                .contains("国办发〔2018〕118号三(八)");

        // a photo is evidence, but not a recording
        assertThat(upload("zhangsan", key, seizure, "封条.jpg", "image/jpeg", jpeg(3)).status()).isEqualTo(201);
        // a text file declared as video is refused, not counted
        Rest.Response fake = upload("zhangsan", key, seizure, "查封.mp4", "video/mp4",
                "这不是视频".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.json().get("code").asText()).isEqualTo("not-audio-video");
        assertThat(rest.post("zhangsan", "/engine-rest/task/" + seizure + "/complete", Map.of()).status())
                .isEqualTo(400);

        Rest.Response video = upload("zhangsan", key, seizure, "查封全程.mp4", "video/mp4", video(64 * 1024, 4));
        assertThat(video.status()).as(video.body()).isEqualTo(201);
        assertThat(video.json().get("item").get("credentialNo").asText()).isEqualTo("21010020230001");
        assertThat(rest.post("zhangsan", "/engine-rest/task/" + seizure + "/complete", Map.of()).status())
                .isEqualTo(204);

        // recording is only "as needed" for an inspection: it completes without
        String inspection = taskId("zhangsan", key, "Task_Inspection");
        assertThat(rest.post("zhangsan", "/engine-rest/task/" + inspection + "/complete", Map.of()).status())
                .isEqualTo(204);

        JsonNode record = record("zhangsan", key);
        List<JsonNode> checks = items(record, "decision").stream()
                .filter(d -> d.get("details").get("decisionKey").asText().equals("av-recording")).toList();
        assertThat(checks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(checks.get(checks.size() - 1).get("details").get("outputs").toString()).contains("as-needed");
        assertThat(verify("zhangsan", key).get("intact").asBoolean()).isTrue();
    }

    @Test
    void theRecordNamesTheCasesACaseIsLinkedTo() {
        String penalty = startCase("zhangsan");
        String coercion = startAvCase(Map.of("linkedCase", penalty, "linkRelation", "coercive-measure"));

        JsonNode links = record("zhangsan", penalty).get("links");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("businessKey").asText()).isEqualTo(coercion);
        assertThat(links.get(0).get("relation").asText()).isEqualTo("coercive-measure");
        assertThat(links.get(0).get("descriptionZh").asText()).isEqualTo("本案引出的案件");
        JsonNode back = record("zhangsan", coercion).get("links");
        assertThat(back.get(0).get("businessKey").asText()).isEqualTo(penalty);
        assertThat(back.get(0).get("descriptionZh").asText()).isEqualTo("本案由该案件引出");
    }

    // ------------------------------------------------------------------ evidence uploads

    @Test
    void theSameBytesAreRecognisedAndStoredOnce() {
        String key = startCase("zhangsan");
        fileCase(key);
        String task = taskId("zhangsan", key, "Task_Investigation");
        byte[] photo = jpeg((int) System.nanoTime());
        Rest.Response first = upload("zhangsan", key, task, "照片.jpg", "image/jpeg", photo);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("contentAlreadyStored").asBoolean()).isFalse();

        Rest.Response again = upload("zhangsan", key, task, "照片-副本.jpg", "image/jpeg", photo);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("item").get("id").asLong()).isEqualTo(first.json().get("item").get("id").asLong());
        assertThat(again.json().get("message").asText()).contains("未重复登记");

        Rest.Response forCase = upload("zhangsan", key, null, "照片.jpg", "image/jpeg", photo);
        assertThat(forCase.status()).isEqualTo(201);
        assertThat(forCase.json().get("contentAlreadyStored").asBoolean()).isTrue();
        assertThat(forCase.json().get("sameContentAs").get(0).asLong()).isEqualTo(first.json().get("item").get("id").asLong());
        assertThat(rest.get("zhangsan", "/api/cases/" + key + "/evidence").json()).hasSize(2);
        JsonNode ofTask = rest.get("zhangsan", "/api/cases/" + key + "/evidence?taskId=" + task).json();
        assertThat(ofTask).hasSize(1);
        // the evidence tab names the uploader as officers know each other, beside the account
        assertThat(ofTask.get(0).get("uploaderId").asText()).isEqualTo("zhangsan");
        assertThat(ofTask.get(0).get("uploaderName").asText()).isEqualTo("张三");
        assertThat(ofTask.get(0).get("sha256").asText()).hasSize(64);
    }

    @Test
    void uploadsAreRefusedClearlyAndLeaveNothingBehind() throws Exception {
        String key = startCase("zhangsan");
        fileCase(key);
        String task = taskId("zhangsan", key, "Task_Investigation");
        int rows = jdbc.queryForObject("SELECT COUNT(*) FROM sl_evidence", Integer.class);

        Rest.Response tooLarge = upload("zhangsan", key, task, "长视频.mp4", "video/mp4", video(MAX_SIZE + 1, 6));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("messageZh").asText()).contains("超过上限");

        Rest.Response traversal = upload("zhangsan", key, task, "../../etc/passwd.jpg", "image/jpeg", jpeg(7));
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.json().get("messageZh").asText()).contains("路径");
        assertThat(upload("zhangsan", key, task, "..\\windows\\win.ini", "image/jpeg", jpeg(15)).status()).isEqualTo(400);
        assertThat(upload("zhangsan", key, task, "a\u0000b.jpg", "image/jpeg", jpeg(8)).status()).isEqualTo(400);
        assertThat(upload("zhangsan", key, task, "x".repeat(300) + ".jpg", "image/jpeg", jpeg(9)).status())
                .isEqualTo(400);
        assertThat(upload("zhangsan", key, task, "表单.jpg", "multipart/form-data; boundary=x", jpeg(10)).status())
                .isEqualTo(415);
        assertThat(upload("zhangsan", key, task, "空.jpg", "image/jpeg", new byte[0]).status()).isEqualTo(400);
        assertThat(upload("sunqi", key, null, "监督.jpg", "image/jpeg", jpeg(11)).status()).isEqualTo(403);
        assertThat(upload("zhouba", key, null, "他人.jpg", "image/jpeg", jpeg(12)).status()).isEqualTo(404);
        assertThat(upload("lisi", key, task, "他人任务.jpg", "image/jpeg", jpeg(13)).status()).isEqualTo(403);
        String filing = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_TASKINST WHERE ROOT_PROC_INST_ID_ = ? "
                + "AND TASK_DEF_KEY_ = 'Task_FilingApproval'", String.class, rootProcessInstance(key));
        Rest.Response completed = upload("zhaoliu", key, filing, "补拍.jpg", "image/jpeg", jpeg(14));
        assertThat(completed.status()).isEqualTo(400);
        assertThat(completed.json().get("code").asText()).isEqualTo("task-completed");

        // a connection that breaks off halfway through the body
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            String head = "POST /api/cases/" + key + "/evidence?fileName=cut.mp4&capturedAt=2026-03-02T08:00:00&taskId="
                    + task + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString("zhangsan:zhangsan".getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: video/mp4\r\nContent-Length: 500000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(video(100_000, 15));
            socket.getOutputStream().flush();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (incomingFiles() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        assertThat(incomingFiles()).as("temporary files of refused or broken uploads").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_evidence", Integer.class)).as("every upload here was refused").isEqualTo(rows);
    }


    @Test
    void aClosedCaseTakesNoMoreEvidence() throws Exception {
        String key = startCase("zhangsan");
        fileCase(key);
        investigate(key);
        toLegalReview(key);
        legalReview(key);
        decide(key);
        submit("zhangsan", key, "Task_DeliverDecision", Map.of("deliveryMethod", "direct", "deliveredDate", "2026-03-02",
                "deliveryReceiptNo", "送达1号"));
        submit("zhangsan", key, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-02", "paidAmount", 80000,
                "paymentReceiptNo", "非税1号"));
        submit("zhaoliu", key, "Task_Closure", Map.of("executionStatus", "executed", "closureOpinion", "同意结案"));
        assertThat(jdbc.queryForObject("SELECT status FROM sl_case WHERE business_key = ?", String.class, key))
                .isEqualTo("closed");
        String head = rest.get("zhangsan", "/api/cases/" + key + "/record/head").body();
        int rows = jdbc.queryForObject("SELECT COUNT(*) FROM sl_evidence", Integer.class);
        int entries = jdbc.queryForObject("SELECT COUNT(*) FROM sl_record_entry", Integer.class);

        // the handler, without a task, after closure and scoring: the archived file stays as it was closed (RULES 1.14)
        byte[] late = jpeg((int) System.nanoTime());
        Rest.Response refused = upload("zhangsan", key, null, "late.txt", "text/plain", late);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("case-closed");
        assertThat(refused.json().get("messageZh").asText()).contains("已办结");
        assertThat(refused.json().get("messageEn").asText()).contains("closed");
        assertThat(upload("admin", key, null, "late.jpg", "image/jpeg", late).status()).isEqualTo(409);

        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(late));
        assertThat(STORE.resolve(sha.substring(0, 2)).resolve(sha)).doesNotExist();
        assertThat(incomingFiles()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_evidence", Integer.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_record_entry", Integer.class)).isEqualTo(entries);
        assertThat(rest.get("zhangsan", "/api/cases/" + key + "/record/head").body()).isEqualTo(head);
        assertThat(rest.get("zhangsan", "/api/cases/" + key + "/evidence").json()).isEmpty();
    }

    @Test
    void aCaptureTimeLongBeforeTheCaseOrInTheFutureIsRefused() throws Exception {
        String key = startCase("zhangsan");
        fileCase(key);
        int rows = jdbc.queryForObject("SELECT COUNT(*) FROM sl_evidence", Integer.class);
        // the case was registered on 2026-03-02 09:00: ten years before is 2016-03-02 (record.evidence.max-capture-before-case)
        for (String when : List.of("0001-01-01T00:00:00", "1970-01-01T08:00:00", "2016-03-01T23:59:59")) {
            Rest.Response early = upload("zhangsan", key, null, "早.jpg", "image/jpeg", jpeg(when.hashCode()), when);
            assertThat(early.status()).as(when + ": " + early.body()).isEqualTo(400);
            assertThat(early.json().get("code").asText()).isEqualTo("captured-too-early");
            assertThat(early.json().get("messageZh").asText()).contains("2016-03-02");
            assertThat(early.json().get("messageEn").asText()).contains("10 years");
        }
        // the clock is 09:00: five minutes of skew, no more
        Rest.Response future = upload("zhangsan", key, null, "晚.jpg", "image/jpeg", jpeg(31), "2026-03-02T09:06:00");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("code").asText()).isEqualTo("captured-in-future");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_evidence", Integer.class)).isEqualTo(rows);
        assertThat(incomingFiles()).isZero();

        assertThat(upload("zhangsan", key, null, "旧照片.jpg", "image/jpeg", jpeg(32), "2016-03-02T00:00:00").status())
                .isEqualTo(201);
        assertThat(upload("zhangsan", key, null, "现场.jpg", "image/jpeg", jpeg(33), "2026-03-02T09:04:59").status())
                .isEqualTo(201);
    }

    // ------------------------------------------------------------------ the case file

    @Test
    void theCaseFileExportsAsPdfInTheStandardOrderAndAsAZipThatVerifiesOffline() throws Exception {
        String key = startCase("zhangsan");
        fileCase(key);
        String investigation = taskId("zhangsan", key, "Task_Investigation");
        byte[] clip = video(32 * 1024, 20);
        assertThat(upload("zhangsan", key, investigation, "询问录像.mp4", "video/mp4", clip).status()).isEqualTo(201);
        investigate(key);
        toLegalReview(key);
        legalReview(key);
        decide(key);

        byte[] pdf = download("zhangsan", "/api/cases/" + key + "/record/case-file.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("行政执法案卷").contains("目录").contains("市建罚〔2026〕")
                    .contains("沈阳某某置业有限公司").contains("第 1 页 / 共 " + document.getNumberOfPages() + " 页")
                    // form values as the form showed them (caseSource = complaint)
                    .contains("投诉、举报");
            // the standard order, each stage after the contents
            int contents = text.indexOf("卷内备考表");
            int previous = text.indexOf("卷内备考表", contents + 1);
            for (String stage : List.of("一、立案", "二、调查", "三、审查", "四、决定", "五、送达", "六、执行")) {
                int at = text.indexOf(stage, text.indexOf("目录") + 2 + 100);
                assertThat(at).as(stage).isPositive();
            }
            assertThat(text.indexOf("二、调查", contents)).isLessThan(text.indexOf("三、审查", contents));
            assertThat(text.indexOf("三、审查", contents)).isLessThan(text.indexOf("四、决定", contents));
            assertThat(text).contains("调查取证").contains("法制审核").contains("负责人审批决定");
            assertThat(previous).isPositive();
            boolean embeddedCjk = false;
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = page.getResources().getFont(name);
                    embeddedCjk |= font.getName().contains("NotoSansSC") && font.isEmbedded();
                }
            }
            assertThat(embeddedCjk).as("Noto Sans SC embedded").isTrue();
        }

        Path zip = Files.createTempFile("case-file", ".zip");
        Files.write(zip, download("zhangsan", "/api/cases/" + key + "/record/case-file.zip"));
        JsonNode head = rest.get("zhangsan", "/api/cases/" + key + "/record/head").json();
        String kept = head.get("seq").asLong() + ":" + head.get("hash").asText();
        RecordZipVerifier.Report report = RecordZipVerifier.verify(zip, kept);
        assertThat(report.problems()).isEmpty();
        assertThat(report.intact()).isTrue();
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        assertThat(RecordZipVerifier.run(new String[] {zip.toString()}, new java.io.PrintStream(console, true,
                StandardCharsets.UTF_8))).isZero();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("完整");

        // tampered: an evidence file, the JSON record, a consistently rebuilt chain
        String sha = ChainlessZip.entryNames(zip).stream().filter(n -> n.startsWith("evidence/")).findFirst()
                .orElseThrow().substring("evidence/".length());
        Path alteredEvidence = ChainlessZip.rewrite(zip, "evidence/" + sha, bytes -> {
            bytes[200] ^= 1;
            return bytes;
        });
        RecordZipVerifier.Report evidenceReport = RecordZipVerifier.verify(alteredEvidence, null);
        assertThat(evidenceReport.intact()).isFalse();
        assertThat(String.join("\n", evidenceReport.problems())).contains("evidence/" + sha).contains("被改动");
        assertThat(RecordZipVerifier.run(new String[] {alteredEvidence.toString()}, new java.io.PrintStream(
                new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(1);

        Path alteredRecord = ChainlessZip.rewrite(zip, "record.json", bytes -> new String(bytes,
                StandardCharsets.UTF_8).replace("沈阳某某置业有限公司", "另一家公司").getBytes(StandardCharsets.UTF_8));
        assertThat(RecordZipVerifier.verify(alteredRecord, null).problems().toString()).contains("record.json");

        Path otherHead = ChainlessZip.rewrite(zip, "record.json", bytes -> bytes);
        assertThat(RecordZipVerifier.verify(otherHead, "1:" + "0".repeat(64)).intact()).isFalse();
    }


    // ------------------------------------------------------------------ operations are attributed to a person

    @Test
    void operationsThroughRestAndTheWebappsAreAttributedToTheUserInTheRecord() throws Exception {
        String key = startCase("zhangsan");
        String root = rootProcessInstance(key);

        // Cockpit: the webapp's own session and CSRF token
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        var login = browser.send(HttpRequest.newBuilder(URI.create(base
                + "/camunda/api/admin/auth/user/default/login/cockpit")).header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the login starts a new session: its token comes with the next read, as in the browser
        csrf = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/"
                + "process-instance/" + root)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        var modified = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/"
                + "process-instance/" + root + "/variables/supervisionNote")).header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"督办\",\"type\":\"String\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(204);

        // REST: the administrator cancels the case
        Rest.Response cancelled = rest.send("admin", HttpRequest.newBuilder(URI.create(base
                + "/engine-rest/process-instance/" + root)).DELETE());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);

        assertThat(jdbc.queryForList("SELECT DISTINCT USER_ID_ FROM ACT_HI_OP_LOG WHERE ROOT_PROC_INST_ID_ = ?",
                String.class, root)).doesNotContainNull().contains("admin", "zhangsan");
        JsonNode record = record("zhangsan", key);
        List<JsonNode> operations = items(record, "operation");
        JsonNode delete = operations.stream().filter(o -> o.get("details").get("operationType").asText()
                .equals("Delete")).findFirst().orElseThrow();
        assertThat(delete.get("userId").asText()).isEqualTo("admin");
        assertThat(delete.get("userName").asText()).isEqualTo("系统管理员");
        assertThat(delete.get("details").get("administrative").asBoolean()).isTrue();
        JsonNode variable = operations.stream().filter(o -> o.get("details").get("operationType").asText()
                .equals("SetVariable")).findFirst().orElseThrow();
        assertThat(variable.get("userId").asText()).isEqualTo("admin");
        JsonNode end = items(record, "case-end").get(0);
        assertThat(end.get("details").get("stateZh").asText()).isEqualTo("被撤销（外部终止）");
        assertThat(verify("zhangsan", key).get("intact").asBoolean()).isTrue();

        // an administrator annotates the cancellation afterwards (Cockpit's operation log): a note, not tampering
        String operationId = jdbc.queryForObject("SELECT OPERATION_ID_ FROM ACT_HI_OP_LOG WHERE ROOT_PROC_INST_ID_ = ? "
                + "AND OPERATION_TYPE_ = 'Delete'", String.class, root);
        Rest.Response annotated = rest.send("admin", HttpRequest.newBuilder(URI.create(base
                + "/engine-rest/history/user-operation/" + operationId + "/set-annotation"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"annotation\":\"经局务会研究撤销\"}")));
        assertThat(annotated.status()).as(annotated.body()).isEqualTo(204);
        assertThat(verify("zhangsan", key).get("intact").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------ retention

    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

    @Test
    void everyDefinitionKeepsItsHistoryForTheRetentionPeriodAndNothingIsCleanedUpAutomatically() {
        var repository = processEngine.getRepositoryService();
        var definitions = repository.createProcessDefinitionQuery().list();
        assertThat(definitions).isNotEmpty();
        definitions.forEach(d -> assertThat(d.getHistoryTimeToLive()).as("TTL of %s", d.getKey()).isEqualTo(10958));
        var decisions = repository.createDecisionDefinitionQuery().list();
        assertThat(decisions).isNotEmpty();
        decisions.forEach(d -> assertThat(d.getHistoryTimeToLive()).as("TTL of %s", d.getKey()).isEqualTo(10958));

        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isNull();
        assertThat(configuration.getHistoryCleanupBatchWindows()).isEmpty();
        assertThat(configuration.getBatchWindowManager().isBatchWindowConfigured(configuration))
                .as("no history cleanup window: nothing is deleted automatically (FACTS §6)").isFalse();
        assertThat(processEngine.getManagementService().createJobQuery().list().stream()
                .filter(j -> "history-cleanup".equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j)
                        .getJobHandlerType())).filter(j -> j.getDuedate() != null).toList())
                .as("no scheduled history cleanup").isEmpty();
    }

    @Test
    void aDeploymentThatWouldKeepItsHistoryShorterThanTheRetentionIsRefused() {
        var repository = processEngine.getRepositoryService();
        long deployments = repository.createDeploymentQuery().count();
        String process = "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"retention-probe\" "
                + "isExecutable=\"true\"%s><startEvent id=\"s\"/></process></definitions>";
        // what Camunda Modeler proposes for a new diagram
        Rest.Response modelerDefault = rest.deploy("admin", "retention-probe.bpmn",
                process.formatted(" camunda:historyTimeToLive=\"180\""));
        assertThat(modelerDefault.status()).isEqualTo(400);
        assertThat(modelerDefault.body()).contains("法定保存期限").contains("retention-probe=180");
        String decision = "<?xml version=\"1.0\"?><definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"d\" name=\"d\" namespace=\"t\"><decision "
                + "id=\"retention-probe\" name=\"p\" camunda:historyTimeToLive=\"P30D\"><decisionTable id=\"t\"><output "
                + "id=\"o\" name=\"x\" typeRef=\"string\"/></decisionTable></decision></definitions>";
        Rest.Response shortDecision = rest.deploy("admin", "retention-probe.dmn", decision);
        assertThat(shortDecision.status()).isEqualTo(400);
        assertThat(shortDecision.body()).contains("retention-probe=P30D");
        assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);

        // no time-to-live: the retention applies
        Rest.Response plain = rest.deploy("admin", "retention-probe.bpmn", process.formatted(""));
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("retention-probe").singleResult()
                .getHistoryTimeToLive()).isEqualTo(10958);
        repository.deleteDeployment(repository.createProcessDefinitionQuery().processDefinitionKey("retention-probe")
                .singleResult().getDeploymentId(), true);
    }


    // ------------------------------------------------------------------ the webapp plugins

    @Test
    void theTasklistAndCockpitPluginsAreServedAndRegistered() {
        Rest.Response tasklist = rest.get(null, "/camunda/app/tasklist/scripts/config.js");
        assertThat(tasklist.status()).isEqualTo(200);
        assertThat(tasklist.body()).containsPattern("customScripts: \\[[^\\]]*'sunlight/evidence-tab'");
        Rest.Response evidenceTab = rest.get(null, "/camunda/app/tasklist/sunlight/evidence-tab.js");
        assertThat(evidenceTab.status()).isEqualTo(200);
        assertThat(evidenceTab.body()).contains("pluginPoint: 'tasklist.task.detail'").contains("证据材料")
                .contains("/evidence?");
        Rest.Response cockpit = rest.get(null, "/camunda/app/cockpit/scripts/config.js");
        assertThat(cockpit.body()).contains("customScripts: ['sunlight/record-tab', 'sunlight/record-lookup']");
        Rest.Response lookup = rest.get(null, "/camunda/app/cockpit/sunlight/record-lookup.js");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).contains("pluginPoint: 'cockpit.dashboard'").contains("import { renderRecord } from './record-tab.js'");
        Rest.Response recordTab = rest.get(null, "/camunda/app/cockpit/sunlight/record-tab.js");
        assertThat(recordTab.status()).isEqualTo(200);
        assertThat(recordTab.body()).contains("pluginPoint: 'cockpit.processInstance.runtime.tab'")
                .contains("全过程记录").contains("/record/verify");
    }

    // ------------------------------------------------------------------ evidence and record over REST

    Rest.Response upload(String user, String key, String taskId, String fileName, String contentType, byte[] body) {
        return upload(user, key, taskId, fileName, contentType, body, "2026-03-02T08:30:00");
    }

    Rest.Response upload(String user, String key, String taskId, String fileName, String contentType, byte[] body,
                         String capturedAt) {
        StringBuilder query = new StringBuilder("?fileName=").append(encode(fileName))
                .append("&capturedAt=").append(encode(capturedAt)).append("&deviceNote=").append(encode("执法记录仪 DSJ-01"));
        if (taskId != null) {
            query.append("&taskId=").append(taskId);
        }
        return rest.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + key
                + "/evidence" + query)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    JsonNode verify(String user, String key) {
        Rest.Response verified = rest.get(user, "/api/cases/" + key + "/record/verify");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json();
    }

    JsonNode record(String user, String key) {
        Rest.Response record = rest.get(user, "/api/cases/" + key + "/record");
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        return record.json();
    }

    static List<JsonNode> items(JsonNode record, String kind) {
        List<JsonNode> items = new ArrayList<>();
        record.get("items").forEach(item -> {
            if (item.get("kind").asText().equals(kind)) {
                items.add(item);
            }
        });
        return items;
    }

    byte[] download(String user, String path) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + path)).header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A minimal MP4 header (ftyp box) followed by bytes: what a body camera's file starts with. */
    static byte[] video(int size, int seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        return bytes;
    }

    static byte[] jpeg(int seed) {
        byte[] bytes = new byte[2048];
        new java.util.Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    /** Files in the store's incoming folder: an interrupted or refused upload must leave none. */
    static long incomingFiles() throws IOException {
        Path incoming = STORE.resolve("incoming");
        if (!Files.exists(incoming)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.count();
        }
    }
}
