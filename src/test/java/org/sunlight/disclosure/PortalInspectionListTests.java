package org.sunlight.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.Rest;
import org.sunlight.ThisContextsEngine;

/** The portal publishes the inspection module's random-inspection list, with the ratios the deployed DMN applies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsEngine.class)
@ActiveProfiles({"demo", "test"})
class PortalInspectionListTests {

    @LocalServerPort int port;

    @Test
    void thePublishedRandomInspectionListIsOnThePortalAndItsJsonTwin() {
        Rest rest = new Rest(port);
        JsonNode items = rest.get(null, "/api/public/inspection-items").json();
        assertThat(items).isNotEmpty();
        JsonNode first = items.get(0);
        assertThat(first.get("legalBasis").asText()).contains("条");
        String page = rest.get(null, "/public/catalogue").body();
        assertThat(page).contains("随机抽查事项清单").contains(first.get("name").asText()).contains(first.get("legalBasis").asText())
                .contains("高风险 50%", "中风险 20%", "低风险 5%").doesNotContain("随机抽查事项清单暂未发布");
    }
}
