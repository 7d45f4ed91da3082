package org.sunlight.organization.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.sunlight.organization.Roles;

/**
 * One identity (Camunda's) and no double login (FACTS §8):
 * <ul>
 * <li>/camunda/** — the webapps keep their own login, session and CSRF protection;</li>
 * <li>/engine-rest/** — HTTP Basic checked by Camunda's own filter; 401 without credentials;</li>
 * <li>/api/** — Sunlight's API: HTTP Basic or the webapp session (plugins), as the same Camunda user;</li>
 * <li>/designer/** — the designers' page of procedures, with the same login as /api/**;</li>
 * <li>/supervision/** — the supervisors' pages (案卷评查 and others), with the same login as /api/**;</li>
 * <li>/public/**, /api/public/** — the public portal, no login; also /api/inspections/draws/{id}/verify.</li>
 * </ul>
 * Spring's CSRF is off where Camunda does CSRF itself (it would break the webapp login) and for stateless Basic.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * The Content-Security-Policy of everything Sunlight itself serves: its JSON, /engine-rest, the portal and its own
     * pages (designer, supervision), which load their scripts and style sheets from this origin only. Styles may be
     * inline: ECharts' tooltips and bpmn-js's diagrams carry style attributes; bpmn-js's CSS has a data: image.
     * The Camunda webapps under /camunda send their own policy.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    private static RequestMatcher paths(String... patterns) {
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = PathPatternRequestMatcher.withDefaults().matcher(patterns[i]);
        }
        return matchers.length == 1 ? matchers[0] : new OrRequestMatcher(matchers);
    }

    @Bean
    ApiErrorWriter apiErrorWriter(ObjectMapper objectMapper) {
        return new ApiErrorWriter(objectMapper);
    }

    /**
     * Tomcat's connector would refuse an encoded slash or backslash itself, with an English HTML page, before any filter
     * runs; passed through, the firewall refuses it with the bilingual 400 of {@link #requestRejectedHandler}. What
     * Tomcat still refuses itself (an encoded NUL, a header too large) gets the bilingual JSON of
     * {@link BilingualErrorReportValve} instead of that page.
     */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
            org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling("passthrough");
                connector.setEncodedReverseSolidusHandling("passthrough");
            });
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(BilingualErrorReportValve.class.getName());
                }
            });
        };
    }

    /**
     * Spring Security's firewall refuses a URL with an encoded semicolon, backslash, percent sign or similar before any
     * controller sees it; the person (or program) gets the same bilingual 400 as any other bad input, not an error page.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(ApiErrorWriter errors) {
        return (request, response, rejected) -> errors.write(response, 400, "rejected-url",
                "请求地址含有不允许的字符（如编码后的分号、反斜杠、百分号或换行），已拒绝",
                "The request URL contains characters that are not allowed (such as an encoded semicolon, backslash, "
                        + "percent sign or line break)");
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                // the webapps send their own security headers (camunda.bpm.webapp.header-security)
                .headers(h -> h.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Camunda's CacheControlFilter sets "Cache-Control: no-cache" on every GET, and Spring's cache-control
                // writer keeps a header the response already has: a case read over /engine-rest would be stored in
                // caches. Overwritten here as the response is committed, the same no-store as /api.
                .headers(h -> h.cacheControl(c -> c.disable())
                        .addHeaderWriter(SecurityConfiguration::noStore)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    private static void noStore(jakarta.servlet.http.HttpServletRequest request,
                                jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicPortal(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths("/public/**", "/api/public/**", "/actuator/health/**", "/actuator/health",
                        "/", "/error", "/favicon.ico",
                        // inspection: anyone re-runs a random draw from its record (DESIGN.md)
                        "/api/inspections/draws/*/verify"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain api(HttpSecurity http, IdentityService identityService, ApiErrorWriter errors)
            throws Exception {
        ProviderManager authenticationManager = new ProviderManager(
                new CamundaIdentityAuthenticationProvider(identityService));
        // /designer/**: the designers' page (static), shown to staff only, like the API it reads;
        // /supervision/**: the supervisors' pages (static), likewise
        return http.securityMatcher(paths("/api/**", "/designer/**", "/supervision/**"))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/api/admin/**")).hasAuthority("GROUP_" + Roles.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Sunlight").authenticationEntryPoint((request, response, ex) -> {
                    if (isPageRequest(request)) {
                        pleaseLogIn(response);
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Sunlight\"");
                    errors.write(response, 401, "unauthenticated", "请先登录（用户名或密码错误）",
                            "Authentication required (or wrong user name or password)");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) ->
                        errors.write(response, 403, "forbidden", "无权访问", "Access denied")))
                .addFilterAfter(new CamundaSessionAuthenticationFilter(identityService, errors),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                // the webapp session is only read here; changing its id would log the user out of the webapps
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                .build();
    }

    /**
     * A browser opening one of Sunlight's pages (/designer/**, /supervision/**, not /api/**) without a webapp session:
     * it asks for HTML. Programs (and the pages' own scripts and fetches) do not, and keep the 401 JSON.
     */
    private static boolean isPageRequest(jakarta.servlet.http.HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && accept != null && accept.contains("text/html") && !path.startsWith("/api/");
    }

    /**
     * The page a browser gets instead of its Basic-auth dialog (no WWW-Authenticate): log in to the webapps (the one
     * login of {@link CamundaSessionAuthenticationFilter}), then come back. Still 401: the page itself was not served.
     */
    private static void pleaseLogIn(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setStatus(401);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>请先登录 · Please log in</title></head>
                <body>
                <h1>请先登录</h1>
                <p>本页面仅供执法人员使用。请先<a href="/camunda/app/tasklist/default/">登录 Tasklist</a>，
                然后<a href="">重新打开本页</a>。</p>
                <p lang="en">This page is for staff. <a href="/camunda/app/tasklist/default/">Log in to Tasklist</a>
                first, then <a href="">open this page again</a>.</p>
                </body>
                </html>
                """);
    }

    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http, ApiErrorWriter errors) throws Exception {
        // what a stranger probes (/.env, /actuator/env, /wp-login.php) got Spring Boot's English-only error body: the
        // same bilingual refusal as every other surface
        org.springframework.security.web.AuthenticationEntryPoint refuse = (request, response, ex) -> errors.write(
                response, 403, "forbidden", "无权访问该地址", "Access to this address is denied");
        return http.authorizeHttpRequests(a -> a.anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(refuse)
                        .accessDeniedHandler((request, response, ex) -> refuse.commence(request, response, null)))
                .csrf(c -> c.disable())
                .build();
    }

    /** Before everything else, Spring Security included: a database outage anywhere below answers 503. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailable.Filter> databaseUnavailable(ApiErrorWriter errors) {
        FilterRegistrationBean<DatabaseUnavailable.Filter> registration = new FilterRegistrationBean<>(
                new DatabaseUnavailable.Filter(errors));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/public/*");
        return registration;
    }

    /**
     * Spring Boot's error page asked for directly (GET /error; it is open to anyone so that the errors of the public
     * portal can be rendered) has no error to show and answered 500 with status 999. A direct request is a 404 like
     * any unknown address; the error dispatches of real errors are not REQUEST dispatches and never reach this filter.
     */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> errorPageNotDirectly(ApiErrorWriter errors) {
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
                (request, response, chain) -> errors.write((jakarta.servlet.http.HttpServletResponse) response, 404,
                        "not-found", "未找到该地址", "No such resource"));
        registration.setName("error-page-not-directly");
        registration.addUrlPatterns("/error");
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
