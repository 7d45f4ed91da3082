package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What README "Changing a procedure" tells designers and administrators, done over REST as they would: a changed
 * penalty-general is deployed with its forms beside running cases of the first version, the running cases keep their
 * version, new cases start on the new one, one case is migrated (Camunda migration API) and the others stay as they
 * were; rolling back deploys the previous files again and migrates back. Deployments that would break Tasklist
 * (forms missing) or come from a non-administrator are refused and change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ProcedureChangeTests {

    static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ProcessEngine processEngine;
    Rest rest;
    final List<String> deployments = new ArrayList<>();
    final List<String> cases = new ArrayList<>();

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    }

    /**
     * Several application contexts live in one test JVM (H2, MariaDB, process tests). Camunda's REST API and webapps
     * find the engine by name in a JVM-wide registry, where the engine started last wins: before each test, this
     * context's engine is the one they use.
     */
    @BeforeEach
    void useThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @AfterEach
    void cleanUp() {
        // the context is shared with other tests: leave penalty-general as the application deployed it
        for (String key : cases) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                    .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test clean-up", true, true));
        }
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
        ClockUtil.reset();
    }

    @Test
    void aSecondVersionIsDeployedBesideRunningCasesAndOneCaseIsMigrated() throws IOException {
        String v1 = latestDefinition().get("id").asText();
        int v1Version = latestDefinition().get("version").asInt();
        String a = startCase();
        String b = startCase();
        String c = startCase();
        rest.post("zhaoliu", "/engine-rest/task/" + taskId(a, "Task_FilingApproval") + "/submit-form",
                Rest.variables(Map.of("filingDecision", "file")));
        String taskOfB = taskId(b, "Task_FilingApproval");
        Map<String, Date> timersOfA = timers(a);
        assertThat(timersOfA).containsKeys("Event_DecisionWarning", "Event_DecisionOverdue");

        // version 1.4: the designer documents the investigation better (edited in Camunda Modeler)
        String original = Files.readString(Path.of("processes/penalty-general.bpmn"));
        String changed = original.replace("camunda:versionTag=\"1.3\"", "camunda:versionTag=\"1.4\"")
                .replace("证据材料在“证据材料”页签上传。", "证据材料在“证据材料”页签上传；现场勘验的，附勘验笔录。");
        assertThat(changed).isNotEqualTo(original).contains("camunda:versionTag=\"1.4\"");

        Rest.Response deployed = deploy("admin", changed, true);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        JsonNode v2Definition = deployed.json().get("deployedProcessDefinitions").elements().next();
        String v2 = v2Definition.get("id").asText();
        assertThat(v2Definition.get("key").asText()).isEqualTo("penalty-general");
        assertThat(v2Definition.get("version").asInt()).isEqualTo(v1Version + 1);
        assertThat(v2Definition.get("versionTag").asText()).isEqualTo("1.4");

        // running cases keep their version; a new case starts on the new one
        for (String key : List.of(a, b, c)) {
            assertThat(definitionOf(key)).as("version of running case %s", key).isEqualTo(v1);
        }
        assertThat(definitionOf(startCase())).isEqualTo(v2);

        // migrate case A (waiting in the investigation, inside the sub-process with its deadline timers)
        migrate(v1, v2, a);
        assertThat(definitionOf(a)).isEqualTo(v2);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(a).singleResult())
                .satisfies(task -> {
                    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Investigation");
                    assertThat(task.getProcessDefinitionId()).isEqualTo(v2);
                    assertThat(task.getAssignee()).isEqualTo("zhangsan");
                });
        assertThat(timers(a)).as("statutory timers keep their due dates").isEqualTo(timersOfA);
        assertThat(runtimeService.getVariable(processInstance(a).getId(), "caseNumber")).isNotNull();
        // the others are untouched
        assertThat(definitionOf(b)).isEqualTo(v1);
        assertThat(definitionOf(c)).isEqualTo(v1);
        assertThat(taskId(b, "Task_FilingApproval")).isEqualTo(taskOfB);

        // the migrated case goes on under the new version, in the same way
        Rest.Response step = rest.post("zhangsan", "/engine-rest/task/" + taskId(a, "Task_Investigation") + "/submit-form",
                Rest.variables(Map.of("officer1Credential", "21010020230001", "officer2Credential", "21010020230002",
                        "credentialsShown", true, "inquiryRecordNo", "询问1号", "evidenceSummary", "询问笔录")));
        assertThat(step.status()).as(step.body()).isEqualTo(204);
        assertThat(taskId(a, "Task_InvestigationReport")).isNotBlank();

        // roll back: the previous files deployed again become the latest version; the migrated case follows
        Rest.Response rolledBack = deploy("admin", original, true);
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        JsonNode v3Definition = rolledBack.json().get("deployedProcessDefinitions").elements().next();
        String v3 = v3Definition.get("id").asText();
        assertThat(v3Definition.get("version").asInt()).isEqualTo(v1Version + 2);
        assertThat(v3Definition.get("versionTag").asText()).isEqualTo("1.3");
        migrate(v2, v3, a);
        assertThat(definitionOf(a)).isEqualTo(v3);
        assertThat(definitionOf(startCase())).isEqualTo(v3);
        assertThat(definitionOf(b)).isEqualTo(v1);
    }

    @Test
    void deploymentsThatWouldBreakTasklistOrComeFromOfficersAreRefused() throws IOException {
        long definitions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("penalty-general").count();
        String changed = Files.readString(Path.of("processes/penalty-general.bpmn"))
                .replace("camunda:versionTag=\"1.3\"", "camunda:versionTag=\"1.4\"");

        Rest.Response withoutForms = deploy("admin", changed, false);
        assertThat(withoutForms.status()).isEqualTo(400);
        assertThat(withoutForms.json().get("message").asText())
                .contains("部署缺少流程引用的表单", "penalty-general-start", "penalty-investigation");

        Rest.Response byOfficer = deploy("zhangsan", changed, true);
        assertThat(byOfficer.status()).isEqualTo(403);

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("penalty-general").count())
                .isEqualTo(definitions);
    }

    // ------------------------------------------------------------------ helpers

    /** POST /engine-rest/deployment/create as the README's curl does: the BPMN and, if asked, the forms it binds. */
    private Rest.Response deploy(String user, String bpmn, boolean withForms) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("penalty-general.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        if (withForms) {
            TreeSet<String> forms = new TreeSet<>();
            Matcher ref = FORM_REF.matcher(bpmn);
            while (ref.find()) {
                forms.add(ref.group(1));
            }
            for (String form : forms) {
                files.put(form + ".form", Files.readAllBytes(Path.of("forms", form + ".form")));
            }
        }
        String boundary = "----sunlight" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = Map.of("deployment-name", "penalty-general", "deployment-source", "test",
                "enable-duplicate-filtering", "true");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            part(body, boundary, "name=\"" + field.getKey() + "\"", null, field.getValue().getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            part(body, boundary, "name=\"" + file.getKey() + "\"; filename=\"" + file.getKey() + "\"",
                    "application/octet-stream", file.getValue());
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Rest.Response response = rest.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (response.status() == 200) {
            deployments.add(response.json().get("id").asText());
        }
        return response;
    }

    private static void part(ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] content) {
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n"
                    + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README's two calls: generate a plan between the versions, execute it for the given case. */
    private void migrate(String source, String target, String businessKey) {
        Rest.Response plan = rest.post("admin", "/engine-rest/migration/generate", Map.of(
                "sourceProcessDefinitionId", source, "targetProcessDefinitionId", target, "updateEventTriggers", true));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        Rest.Response executed = rest.post("admin", "/engine-rest/migration/execute", Map.of(
                "migrationPlan", plan.json(), "processInstanceIds", List.of(processInstance(businessKey).getId())));
        assertThat(executed.status()).as(executed.body()).isEqualTo(204);
    }

    private String startCase() {
        Rest.Response response = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(ApplicationContractTests.registration()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String key = response.json().get("businessKey").asText();
        cases.add(key);
        return key;
    }

    private JsonNode latestDefinition() {
        Rest.Response response = rest.get("admin", "/engine-rest/process-definition/key/penalty-general");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private ProcessInstance processInstance(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey("penalty-general").singleResult();
    }

    private String definitionOf(String businessKey) {
        return processInstance(businessKey).getProcessDefinitionId();
    }

    private String taskId(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
                .singleResult().getId();
    }

    private Map<String, Date> timers(String businessKey) {
        Map<String, Date> due = new LinkedHashMap<>();
        for (Job job : managementService.createJobQuery().processInstanceId(processInstance(businessKey).getId())
                .timers().orderByJobDuedate().asc().list()) {
            String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId();
            due.put(activity, job.getDuedate());
        }
        return due;
    }
}
