package org.sunlight.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The portal's rate limit: per client address, a clear 429 with Retry-After, static assets not counted. */
class PortalRateLimitTests {

    private final PortalRateLimit limit = new PortalRateLimit(3, new ObjectMapper());

    private MockHttpServletResponse get(String address, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aClientOverItsLimitIsToldWhenToComeBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse allowed = get("203.0.113.7", "/api/public/decisions");
            assertThat(allowed.getStatus()).isEqualTo(200);
            assertThat(allowed.getHeader("X-RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
        }

        MockHttpServletResponse refused = get("203.0.113.7", "/api/public/decisions");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 61);
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("访问过于频繁");
        assertThat(refused.getContentType()).startsWith("application/json");

        MockHttpServletResponse page = get("203.0.113.7", "/public/decisions");
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("lang=\"zh-CN\"", "访问过于频繁");
        // the refusal comes before Spring Security and carried none of the portal's security headers
        for (MockHttpServletResponse response : java.util.List.of(refused, page)) {
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Cache-Control")).contains("no-store");
            assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void othersAndStaticAssetsAreNotAffected() throws Exception {
        for (int i = 0; i < 4; i++) {
            get("203.0.113.8", "/public/");
        }
        assertThat(get("203.0.113.8", "/public/assets/portal.css").getStatus()).isEqualTo(200);
        assertThat(get("198.51.100.1", "/public/").getStatus()).isEqualTo(200);
    }
}
