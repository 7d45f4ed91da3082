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
            "/api/supervision/analytics/risks/everything/csv",
            // a page past what an int offset holds, and years LocalDate parses but no Date holds (were 500s)
            "/api/supervision/scores?page=2147483647", "/api/supervision/scores?page=10737419&size=200",
            "/api/supervision/scores?from=-999999999-01-01", "/api/supervision/scores?to=%2B999999999-12-31",
            "/api/supervision/scores.csv?from=-999999999-01-01", "/api/supervision/scores.csv?to=%2B999999999-12-31",
            "/api/supervision/scores?from=2026-03-01&to=2026-02-01",
            "/api/supervision/analytics/cases?from=-999999999-01-01", "/api/supervision/analytics/cases?to=%2B999999999-12-31",
            "/api/supervision/analytics/durations?to=%2B999999999-12-31",
            "/api/supervision/analytics/reviews?from=-999999999-01-01",
            "/api/supervision/analytics/workload?to=%2B999999999-12-31",
            "/api/supervision/analytics/risks?from=-999999999-01-01",
            "/api/supervision/analytics/scores?to=%2B999999999-12-31",
            "/api/supervision/analytics/cases/csv?from=-999999999-01-01",
            "/api/supervision/analytics/risks/csv?to=%2B999999999-12-31",
            "/api/supervision/analytics/cases?from=0001-01-01", "/api/supervision/analytics/cases?to=9999-12-31"})
    void badFiltersAreRefusedWith400InChineseAndEnglish(String path) {
        Rest.Response response = new Rest(port).get("sunqi", path);
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(400);
        assertThat(response.json().get("messageZh").asText()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(response.json().get("messageEn").asText()).matches("[\\x20-\\x7e]+");
    }

    @Test
    void everyTableExportsAsUtf8CsvWithAByteOrderMark() {
        Rest rest = new Rest(port);
        for (String path : new String[] {"/api/supervision/deadlines/csv", "/api/supervision/analytics/cases/csv",
                "/api/supervision/analytics/durations/csv", "/api/supervision/analytics/reviews/csv",
                "/api/supervision/analytics/workload/csv", "/api/supervision/analytics/scores/csv",
                "/api/supervision/analytics/risks/csv", "/api/supervision/analytics/risks/fines-at-edges/csv",
                "/api/supervision/analytics/risks/repeated-parties/csv",
                "/api/supervision/analytics/risks/inspections-without-follow-up/csv",
                "/api/supervision/analytics/risks/late-publications/csv"}) {
            Rest.Response response = rest.get("zhaoliu", path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(path).startsWith("text/csv").contains("UTF-8");
            assertThat(response.body()).as(path).startsWith("\uFEFF");
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
            assertThat(response.header("Content-Disposition")).as(path).startsWith("attachment; filename=\"");
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

    /** README: each table has a CSV, the risk flags too: all four in one file, each row naming its flag. */
    @Test
    void allRiskFlagsExportAsOneCsv() {
        Rest.Response response = new Rest(port).get("zhaoliu", "/api/supervision/analytics/risks/csv?from=2020-01-01");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("\uFEFF风险类型,案号,部门,承办人,当事人,情况\r\n");
        assertThat(response.header("Content-Disposition")).contains("filename=\"risks.csv\"");
    }

    /**
     * A header value must be Latin-1: Tomcat dropped the Content-Disposition of the scores export (a Chinese
     * filename="..."), and the browser saved "scores.csv" under a name of its own. Now an ASCII name and the Chinese
     * one by RFC 5987.
     */
    @Test
    void theScoresExportNamesItsFileInAsciiAndInChinese() {
        Rest.Response response = new Rest(port).get("sunqi", "/api/supervision/scores.csv");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition"))
                .matches("attachment; filename=\"scores-\\d{4}-\\d{2}-\\d{2}\\.csv\"; "
                        + "filename\\*=UTF-8''%E6%A1%88%E5%8D%B7%E8%AF%84%E6%9F%A5-\\d{4}-\\d{2}-\\d{2}\\.csv");
    }

    /**
     * A browser opening a page without a webapp session gets a page that says to log in (no Basic-auth dialog: no
     * WWW-Authenticate); programs and the pages' own requests keep the 401 JSON with the challenge.
     */
    @Test
    void aBrowserWithoutALoginIsToldToLogInNotAskedForBasicAuth() {
        Rest rest = new Rest(port);
        for (String path : new String[] {"/supervision/scores", "/supervision/watch/index.html",
                "/supervision/analytics/index.html", "/designer/index.html"}) {
            Rest.Response page = rest.send(null, java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
            assertThat(page.status()).as(path).isEqualTo(401);
            assertThat(page.header("WWW-Authenticate")).as(path).isNull();
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("请先登录", "/camunda/app/tasklist/default/");
            assertThat(page.header("Content-Security-Policy")).as(path).contains("default-src 'self'");
        }
        Rest.Response api = rest.send(null, java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/supervision/scores"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Sunlight\"");
        assertThat(api.json().get("messageZh").asText()).contains("请先登录");
        Rest.Response script = rest.get(null, "/supervision/scores/scores.js");
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.json()).isNotNull();
    }
}
