package org.sunlight.organization.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Tasklist and Cockpit plugins call Sunlight's API with the webapp login the user already has (no second
 * login). A state-changing request must carry the webapp's CSRF token, as the webapps' own API requires.
 */
class CamundaSessionAuthenticationFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";
    /** The session attribute of the webapps' login (AuthenticationUtil.CAM_AUTH_SESSION_KEY, protected there). */
    private static final String WEBAPP_SESSION_KEY = "authenticatedUser";
    private static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identityService;
    private final ApiErrorWriter errors;

    CamundaSessionAuthenticationFilter(IdentityService identityService, ApiErrorWriter errors) {
        this.identityService = identityService;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getHeader("Authorization") == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Object attribute = session.getAttribute(WEBAPP_SESSION_KEY);
            Authentication camunda = attribute instanceof Authentications authentications
                    ? authentications.getAuthenticationForProcessEngine(ENGINE) : null;
            if (camunda != null) {
                if (!SAFE_METHODS.contains(request.getMethod())) {
                    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
                    String actual = request.getHeader(CSRF_HEADER);
                    if (expected == null || !expected.equals(actual)) {
                        errors.write(response, 403, "csrf", "缺少或错误的 CSRF 令牌",
                                "Missing or wrong CSRF token");
                        return;
                    }
                }
                SecurityContextHolder.getContext().setAuthentication(
                        CamundaIdentityAuthenticationProvider.authenticated(identityService, camunda.getIdentityId()));
            }
        }
        chain.doFilter(request, response);
    }
}
