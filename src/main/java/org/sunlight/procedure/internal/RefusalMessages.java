package org.sunlight.procedure.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST layer puts "Cannot submit task form &lt;id&gt;: " or "Cannot instantiate process definition &lt;id&gt;: "
 * before the message of a refused step, and Tasklist shows the whole text to the officer. For a refusal whose message
 * is Sunlight's ("中文 / English": a {@link org.sunlight.procedure.RuleViolation} or the form contract), this keeps
 * the message only, so the officer reads Chinese first and no internal id. Other errors pass unchanged.
 */
class RefusalMessages extends OncePerRequestFilter {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:Cannot submit task form|Cannot instantiate process definition) \\S+: (.*\\p{IsHan}.*)$", Pattern.DOTALL);

    private final ObjectMapper mapper;

    RefusalMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == 400 && String.valueOf(wrapper.getContentType()).contains("json")) {
                rewrite(wrapper);
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private void rewrite(ContentCachingResponseWrapper wrapper) throws IOException {
        byte[] body = wrapper.getContentAsByteArray();
        if (body.length == 0) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return; // not Camunda's error body: leave it
        }
        if (!(parsed instanceof ObjectNode json) || !json.path("message").isTextual()) {
            return;
        }
        Matcher prefixed = PREFIX.matcher(json.path("message").asText());
        if (prefixed.matches()) {
            json.put("message", prefixed.group(1));
            wrapper.resetBuffer();
            wrapper.getOutputStream().write(mapper.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
        }
    }
}
