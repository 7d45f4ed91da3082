package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.Rest;
import org.sunlight.ThisContextsEngine;

/** The supervision API over HTTP: bad filters refused in Chinese and English, CSV as Excel reads it, the pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(ThisContextsEngine.class)
@ActiveProfiles({"demo", "test"})
class SupervisionApiTests {

    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/supervision/deadlines?state=late",
            "/api/supervision/deadlines?department=nowhere",
            "/api/supervision/deadlines?officer=nobody",
            "/api/supervision/deadlines/csv?state=overdue%27",
            "/api/supervision/analytics/cases?from=2026-13-01",
            "/api/supervision/analytics/durations?from=2026-03-01&to=2026-02-01",
            "/api/supervision/analytics/reviews?department=nowhere",
            "/api/supervision/analytics/workload?to=yesterday",
            "/api/supervision/analytics/risks/everything/csv"})
    void badFiltersAreRefusedWith400InChineseAndEnglish(String path) {
        Rest.Response response = new Rest(port).get("sunqi", path);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("messageZh").asText()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(response.json().get("messageEn").asText()).matches("[\\x20-\\x7e]+");
    }

    @Test
    void everyTableExportsAsUtf8CsvWithAByteOrderMark() {
        Rest rest = new Rest(port);
        for (String path : new String[] {"/api/supervision/deadlines/csv", "/api/supervision/analytics/cases/csv",
                "/api/supervision/analytics/durations/csv", "/api/supervision/analytics/reviews/csv",
                "/api/supervision/analytics/workload/csv", "/api/supervision/analytics/scores/csv",
                "/api/supervision/analytics/risks/fines-at-edges/csv",
                "/api/supervision/analytics/risks/repeated-parties/csv",
                "/api/supervision/analytics/risks/inspections-without-follow-up/csv",
                "/api/supervision/analytics/risks/late-publications/csv"}) {
            Rest.Response response = rest.get("zhaoliu", path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(path).startsWith("text/csv").contains("UTF-8");
            assertThat(response.body()).as(path).startsWith("\uFEFF");
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        }
        assertThat(rest.get("zhaoliu", "/api/supervision/analytics/durations/csv").body())
                .contains("行政处罚（普通程序）", "90日", "行政处罚法第六十条");
    }

    @Test
    void thePagesAndTheirChartingLibraryAreServedToStaff() {
        Rest rest = new Rest(port);
        assertThat(rest.get("sunqi", "/supervision/watch/index.html").body()).contains("期限监督");
        assertThat(rest.get("sunqi", "/supervision/analytics/index.html").body()).contains("执法统计分析");
        assertThat(rest.get("sunqi", "/supervision/analytics/vendor/echarts/echarts.min.js").status()).isEqualTo(200);
        assertThat(rest.get("sunqi", "/supervision/watch").status()).isIn(200, 302);
        assertThat(rest.get(null, "/supervision/watch/index.html").status()).isEqualTo(401);
    }
}
