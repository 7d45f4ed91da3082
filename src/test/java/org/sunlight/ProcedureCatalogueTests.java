package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The designers' catalogue (/api/procedures, read by /designer/index.html): every deployed procedure with its
 * elements, forms, decisions and the articles they cite, for staff only; a newly deployed procedure appears by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ProcedureCatalogueTests {

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired ProcessEngine processEngine;
    Rest rest;
    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
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
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
    }

    @Test
    void staffSeeEveryProcedureWithFormsDecisionsAndCitedArticles() {
        Rest.Response response = rest.get("zhangsan", "/api/procedures");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode general = procedure(response.json(), "penalty-general");
        assertThat(general.get("name").asText()).isEqualTo("行政处罚（普通程序）");
        assertThat(response.json()).extracting(p -> p.get("key").asText())
                .contains("penalty-general", "penalty-summary", "legal-review");

        JsonNode reviewRequired = element(general, "Task_LegalReviewRequired");
        assertThat(reviewRequired.get("decision").asText()).isEqualTo("legal-review-required");
        assertThat(reviewRequired.get("citations")).extracting(JsonNode::asText).contains("行政处罚法第五十八条");
        JsonNode filing = element(general, "Task_FilingApproval");
        assertThat(filing.get("form").asText()).isEqualTo("penalty-filing-approval");
        assertThat(filing.get("candidateGroups").asText()).isEqualTo("leader");
        assertThat(element(general, "Flow_Filed").get("condition").asText()).isEqualTo("${filingDecision == 'file'}");

        JsonNode form = find(general.get("forms"), "id", "penalty-filing-approval");
        assertThat(form.get("title").asText()).isEqualTo("立案审批");
        JsonNode decisionField = find(form.get("fields"), "key", "filingDecision");
        assertThat(decisionField.get("label").asText()).isEqualTo("审批意见");
        assertThat(decisionField.get("required").asBoolean()).isTrue();
        assertThat(find(form.get("fields"), "key", "caseNumber").get("displayOnly").asBoolean()).isTrue();

        JsonNode benchmark = find(general.get("decisions"), "key", "discretion-benchmark");
        assertThat(benchmark.get("rules")).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.get("annotation").asText()).as("annotation of rule %s", rule.get("number")).isNotBlank();
            assertThat(rule.get("when")).hasSize(benchmark.get("inputs").size());
            assertThat(rule.get("then")).hasSize(benchmark.get("outputs").size());
        });
        assertThat(benchmark.get("rules").get(0).get("when").toString()).contains("quality-");

        JsonNode art58 = null;
        for (JsonNode c : general.get("citations")) {
            if (c.get("source").asText().equals("行政处罚法") && c.get("article").asText().equals("第五十八条")) {
                art58 = c;
            }
        }
        assertThat(art58).as("行政处罚法第五十八条 among the cited articles").isNotNull();
        assertThat(art58.get("citedBy")).extracting(JsonNode::asText).contains("判定是否法制审核");

        Rest.Response diagram = rest.get("zhangsan", "/api/procedures/penalty-summary/diagram");
        assertThat(diagram.status()).isEqualTo(200);
        assertThat(diagram.header("Content-Type")).startsWith("application/xml");
        assertThat(diagram.body()).contains("<bpmndi:BPMNDiagram", "id=\"penalty-summary\"");
    }

    @Test
    void aNewlyDeployedProcedureAppearsWithoutChangingTheCatalogue() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("catalogue-sample").camundaHistoryTimeToLive(10958).name("目录测试程序")
                .startEvent().name("开始")
                .userTask("Task_Check").name("核查").camundaCandidateGroups("officer")
                .documentation("依据行政许可法第三十四条审查申请材料。")
                .endEvent().done();
        deployments.add(repositoryService.createDeployment().addModelInstance("catalogue-sample.bpmn", model)
                .deploy().getId());

        JsonNode sample = procedure(rest.get("admin", "/api/procedures").json(), "catalogue-sample");
        assertThat(sample.get("name").asText()).isEqualTo("目录测试程序");
        assertThat(element(sample, "Task_Check").get("citations")).extracting(JsonNode::asText)
                .containsExactly("行政许可法第三十四条");
    }

    @Test
    void onlyStaffSeeTheCatalogueAndUnknownProceduresAreNotFound() {
        assertThat(rest.get(null, "/api/procedures").status()).isEqualTo(401);
        assertThat(rest.get(null, "/designer/index.html").status()).isEqualTo(401);
        assertThat(rest.get("zhangsan", "/designer/index.html").body()).contains("流程设计一览");
        Rest.Response unknown = rest.get("zhangsan", "/api/procedures/no-such-procedure");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("messageZh").asText()).contains("没有流程 no-such-procedure");
    }

    private static JsonNode procedure(JsonNode all, String key) {
        return find(all, "key", key);
    }

    private static JsonNode element(JsonNode procedure, String id) {
        return find(procedure.get("elements"), "id", id);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }
}
