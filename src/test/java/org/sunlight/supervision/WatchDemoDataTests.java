package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.Rest;
import org.sunlight.ThisContextsEngine;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo profile seeds cases the deadline watch shows from a clean database: overdue, nearing and suspended. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sunlight.supervision.watch.demo-cases=true")
@org.junit.jupiter.api.extension.ExtendWith(ThisContextsEngine.class)
@ActiveProfiles({"demo", "test"})
class WatchDemoDataTests {

    @LocalServerPort int port;

    @Test
    void theDemoCasesFillTheDeadlineWatchAndTheAnalytics() {
        Rest rest = new Rest(port);
        JsonNode items = rest.get("sunqi", "/api/supervision/deadlines").json().get("items");
        assertThat(items.findValuesAsText("state")).contains("overdue", "nearing", "suspended");
        assertThat(items.findValuesAsText("partyName")).allMatch(p -> p.startsWith("（演示）"));
        JsonNode cases = rest.get("sunqi", "/api/supervision/analytics/cases").json();
        assertThat(cases.get("byCategory").findValuesAsText("name")).contains("行政处罚", "行政许可");
        assertThat(rest.get("sunqi", "/api/supervision/analytics/workload").json().findValuesAsText("officerName"))
                .contains("张三");
    }
}
