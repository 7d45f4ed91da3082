package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A refused step reads, over both REST APIs, as the officer should read it in Tasklist: Sunlight's message, Chinese
 * first, without Camunda's English prefix and internal ids; other errors are left as Camunda writes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RefusalMessagesTests {

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    Rest rest;

    @BeforeEach
    void setUp() {
        rest = new Rest(port);
        ProcessEngines.registerProcessEngine(processEngine); // see ApplicationContractTests#useThisContextsEngine
    }

    @Test
    void refusedStartAndTaskFormsCarrySunlightsMessageOnly() {
        Map<String, Object> bad = new HashMap<>(ApplicationContractTests.registration());
        bad.put("partyIdNumber", "91210100MA0Y6XQ12B");
        Rest.Response start = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(bad));
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.json().get("message").asText()).startsWith("统一社会信用代码").contains(" / ")
                .doesNotContain("Cannot instantiate", "penalty-general:");

        Rest.Response started = rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                Rest.variables(ApplicationContractTests.registration()));
        String key = started.json().get("businessKey").asText();
        String filing = rest.get("zhaoliu", "/engine-rest/task?processInstanceBusinessKey=" + key).json().get(0)
                .get("id").asText();
        Rest.Response forged = rest.post("zhaoliu", "/engine-rest/task/" + filing + "/submit-form",
                Rest.variables(Map.of("filingDecision", "file", "reviewApproved", true)));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("message").asText()).contains("reviewApproved").doesNotContain("Cannot submit", filing);
        assertThat(forged.json().get("type").asText()).isNotBlank();
    }

    @Test
    void aLateRenewalIsRefusedWith400InChineseAndEnglish() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Object> late = new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "general"),
                Map.entry("licenceMatterName", "城市建筑垃圾处置核准"), Map.entry("partyType", "organization"),
                Map.entry("partyName", "沈阳某某运输有限公司"), Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"),
                Map.entry("partyAddress", "沈阳市沈河区青年大街2号"), Map.entry("receivedDate", today.toString()), Map.entry("applicationType", "renewal"),
                Map.entry("renewedLicenceNo", "市建垃核字〔2023〕15号"), Map.entry("licenceValidFrom", today.minusYears(3).toString()),
                Map.entry("licenceExpiryDate", today.plusDays(29).toString())));
        long before = processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("licensing").count();
        Map<String, Object> body = Rest.variables(late);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) body.get("variables");
        variables.put("submittedMaterials", Map.of("type", "Json", "value", "[\"applicationForm\"]"));
        Rest.Response refused = rest.post("zhangsan", "/engine-rest/process-definition/key/licensing/submit-form", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).startsWith("延续申请应当在该行政许可有效期届满30日前提出")
                .contains("第五十条第一款", " / ", "Art. 50(1)").doesNotContain("Cannot instantiate");
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("licensing")
                .count()).isEqualTo(before);
    }

    @Test
    void otherErrorsAreLeftAsTheyAre() {
        Rest.Response missing = rest.post("zhangsan", "/engine-rest/task/no-such-task/submit-form", Rest.variables(Map.of()));
        assertThat(missing.status()).isBetween(400, 500);
        assertThat(missing.json().get("message").asText()).contains("no-such-task");
    }
}
