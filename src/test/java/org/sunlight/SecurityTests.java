package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Passwords stay secret, failed logins slow the attacker down, and every surface sends security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(ThisContextsEngine.class)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class SecurityTests {

    @LocalServerPort int port;

    private Rest.Response basic(String user, String password, String path) {
        return new Rest(port).send(null, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes())));
    }

    /** A new officer of department zhifa with the password Right-Pass-1; returns the user id. */
    private String officer(String prefix, String name) {
        String id = prefix + System.nanoTime() % 1_000_000;
        new Rest(port).post("admin", "/api/admin/organization/officers", Map.of("userId", id, "name", name,
                "departmentId", "zhifa", "title", "", "lawQualified", false, "password", "Right-Pass-1",
                "roles", List.of("officer")));
        return id;
    }

    @Test
    void aUrlTheFirewallRefusesGetsTheBilingual400() {
        Rest rest = new Rest(port);
        for (String path : List.of("/api/cases/CF-2026-00001%3Bx/score", "/public/decisions/%253Cscript%253E",
                "/api/cases/CF%5C2026/record", "/api/cases/..%2F..%2Fetc/record", "/public/decisions/a%2Fb")) {
            Rest.Response refused = rest.get("sunqi", path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.json()).as("%s: %s", path, refused.body()).isNotNull();
            assertThat(refused.json().get("code").asText()).as(path).isEqualTo("rejected-url");
            assertThat(refused.json().get("messageZh").asText()).as(path).contains("不允许的字符");
        }
    }

    /**
     * An anonymous client of the public JSON API that accepts HTML only (a browser extension, a crawler, curl -H) got
     * Spring's English "Whitelabel Error Page" 406, and every such request was logged as an unexpected ERROR with its
     * stack trace — anyone could fill the error log. Refusals are the bilingual JSON of every other 4xx.
     */
    @Test
    void aPublicApiClientAcceptingOnlyHtmlGetsTheBilingualRefusalAndNothingIsLoggedAsAnError(CapturedOutput output) {
        Rest rest = new Rest(port);
        for (String path : List.of("/api/public/decisions", "/api/public/decisions?page=abc",
                "/api/public/officers/21019999999999", "/api/public/statistics/1999", "/api/public/nothing")) {
            Rest.Response response = rest.send(null, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html"));
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.body()).as(path).doesNotContain("Whitelabel");
            assertThat(response.json()).as("%s: %s", path, response.body()).isNotNull();
            assertThat(response.json().get("messageZh").asText()).as(path).containsPattern("\\p{IsHan}");
            assertThat(response.json().get("messageEn").asText()).as(path).isNotBlank();
        }
        assertThat(output.getOut() + output.getErr()).doesNotContain("Unexpected error")
                .doesNotContain("HttpMediaTypeNotAcceptableException");
    }

    /** Every address open to anyone is rate limited per client: the draw verification was not (README: portal and public API). */
    @Test
    void everyAnonymousAddressIsRateLimited() {
        Rest rest = new Rest(port);
        for (String path : List.of("/public/", "/api/public/decisions", "/api/inspections/draws/999999/verify")) {
            Rest.Response response = rest.get(null, path);
            assertThat(response.status()).as(path).isIn(200, 404);
            assertThat(response.header("X-RateLimit-Limit")).as(path).isNotBlank();
        }
    }

    /** What a stranger probes outside every surface got Spring Boot's English-only error body. */
    @Test
    void addressesOutsideEverySurfaceAreRefusedInChineseAndEnglish() {
        Rest rest = new Rest(port);
        for (String path : List.of("/.env", "/actuator/env", "/wp-login.php", "/public2/")) {
            Rest.Response response = rest.get(null, path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.json()).as("%s: %s", path, response.body()).isNotNull();
            assertThat(response.json().get("messageZh").asText()).as(path).containsPattern("\\p{IsHan}");
            assertThat(response.json().get("messageEn").asText()).as(path).isNotBlank();
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    /** Spring Boot's error page requested directly (GET /error, allowed for anyone) answered 500 with status 999. */
    @Test
    void theErrorPageRequestedDirectlyIsNotFoundNotAServerError() {
        Rest.Response response = new Rest(port).get(null, "/error");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("messageZh").asText()).contains("未找到");
        assertThat(response.body()).doesNotContain("999");
    }

    @Test
    void passwordsNeverAppearInResponsesOrLogs(CapturedOutput output) {
        Rest rest = new Rest(port);
        String id = "secret" + System.nanoTime() % 1_000_000;
        String password = "Pw-" + System.nanoTime() + "-xyz";
        Rest.Response created = rest.post("admin", "/api/admin/organization/officers", Map.of("userId", id, "name", "保密测试",
                "departmentId", "zhifa", "title", "", "lawQualified", false, "password", password, "roles", List.of("officer")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(password);
        assertThat(rest.get("admin", "/api/admin/organization/officers").body()).doesNotContain(password);
        assertThat(rest.get("admin", "/engine-rest/user/" + id + "/profile").body()).doesNotContain(password);
        assertThat(basic(id, password, "/engine-rest/task").status()).isEqualTo(200);
        assertThat(basic(id, password + "-wrong", "/api/admin/calendar").body()).doesNotContain(password);
        assertThat(output.getAll()).doesNotContain(password).doesNotContain("Using generated security password");
    }

    @Test
    void repeatedFailedLoginsLockTheAccountForAWhile() {
        String id = officer("locked", "锁定测试");
        assertThat(basic(id, "Right-Pass-1", "/engine-rest/task").status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(basic(id, "wrong-" + i, "/engine-rest/task").status()).isEqualTo(401);
        }
        // Camunda delays further logins after failures (3 s doubling to 60 s, no permanent lock): even the right password
        // is refused at once, on every surface
        assertThat(basic(id, "Right-Pass-1", "/engine-rest/task").status()).isEqualTo(401);
        assertThat(basic(id, "Right-Pass-1", "/api/cases/none/record").status()).isEqualTo(401);
    }

    /** A stranger's failures delay the account, never lock it for good: after the delay the right password works. */
    @Test
    void failedLoginsNeverLockAnAccountForGood() {
        String id = officer("delayed", "延时测试");
        java.util.Date start = new java.util.Date();
        try {
            // more failures than Camunda's default of ten, each after the previous delay (at most 60 s) has passed
            for (int i = 0; i < 12; i++) {
                org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(start.getTime() + i * 61_000L));
                assertThat(basic(id, "wrong-" + i, "/engine-rest/task").status()).isEqualTo(401);
            }
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(start.getTime() + 13 * 61_000L));
            assertThat(basic(id, "Right-Pass-1", "/engine-rest/task").status()).isEqualTo(200);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void everySurfaceSendsSecurityHeaders() {
        Rest rest = new Rest(port);
        Rest.Response api = rest.get("admin", "/api/admin/calendar");
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(api.header("Cache-Control")).contains("no-store");
        Rest.Response engine = rest.get("zhangsan", "/engine-rest/process-definition");
        assertThat(engine.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Rest.Response webapp = rest.get(null, "/camunda/app/tasklist/default/");
        assertThat(webapp.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(webapp.header("Content-Security-Policy")).contains("frame-ancestors");
        Rest.Response health = rest.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(health.body()).doesNotContain("db").doesNotContain("diskSpace");
    }

    /**
     * What README promises for /api, /engine-rest and Sunlight's own pages: nosniff, frame denial, no-store and a CSP.
     * Camunda's REST sets "Cache-Control: no-cache" itself (a cache may store that), and the API chain sent no CSP.
     */
    @Test
    void sunlightsOwnSurfacesSendNoStoreAndAContentSecurityPolicy() {
        Rest rest = new Rest(port);
        for (String[] surface : new String[][] {{"sunqi", "/api/supervision/scores"},
                {"zhangsan", "/engine-rest/process-definition"}, {"zhangsan", "/engine-rest/task"},
                {"sunqi", "/supervision/scores"}, {"sunqi", "/supervision/analytics/index.html"},
                {"sunqi", "/designer/index.html"}, {null, "/api/supervision/scores"}, {null, "/engine-rest/task"}}) {
            String path = surface[1];
            Rest.Response response = rest.get(surface[0], path);
            assertThat(response.status()).as(path).isIn(200, 401);
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).as(path).contains("no-store");
            assertThat(response.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        }
        // the webapps keep their own policy, with the nonce and eval their scripts need
        assertThat(rest.get(null, "/camunda/app/tasklist/default/").header("Content-Security-Policy"))
                .contains("'strict-dynamic'", "'unsafe-eval'");
    }
}
