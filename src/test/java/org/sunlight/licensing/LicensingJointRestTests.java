package org.sunlight.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.Rest;

/**
 * Joint handling (行政许可法第四十二条第二款) asked for where it cannot apply, over the REST API Tasklist uses: 400 with the
 * Chinese and the English message, and no case started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class LicensingJointRestTests {

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    Rest rest;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        ProcessEngines.registerProcessEngine(processEngine); // see ApplicationContractTests#useThisContextsEngine
    }

    long licensingCases() {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("licensing").count();
    }

    Rest.Response submit(Map<String, Object> values) {
        Map<String, Object> body = Rest.variables(values);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) body.get("variables");
        variables.put("submittedMaterials", Map.of("type", "Json", "value",
                "[\"applicationForm\",\"landUse\",\"planningPermit\",\"contractor\",\"fundsAndDrawings\",\"qualitySafety\"]"));
        return rest.post("zhangsan", "/engine-rest/process-definition/key/licensing/submit-form", body);
    }

    @Test
    void aJointlyHandledConstructionPermitIsRefusedWith400InChineseAndEnglishAndNothingStarts() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> permit = new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "construction-permit"),
                Map.entry("partyType", "organization"), Map.entry("partyName", "沈阳某某房地产开发有限公司"),
                Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"), Map.entry("partyAddress", "沈阳市沈河区青年大街1号"),
                Map.entry("projectCode", "2026-210102-47-01-000777"), Map.entry("projectName", "某某花园五期"),
                Map.entry("investment", 50_000_000), Map.entry("floorArea", 12000), Map.entry("receivedDate", today),
                Map.entry("handlingMode", "joint"), Map.entry("jointHandlingBasis", "某政发〔2026〕3号")));
        long before = licensingCases();
        Rest.Response refused = submit(permit);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).startsWith("施工许可证应当自收到申请之日起七日内颁发")
                .contains("建筑法第八条第二款", "第四十二条第二款", " / ", "Art. 42(2)").doesNotContain("Cannot instantiate");
        assertThat(licensingCases()).isEqualTo(before);

        // the same application handled by the department alone starts as before
        permit.remove("handlingMode");
        permit.remove("jointHandlingBasis");
        Rest.Response started = submit(permit);
        assertThat(started.status()).isEqualTo(200);
        assertThat(licensingCases()).isEqualTo(before + 1);
    }
}
