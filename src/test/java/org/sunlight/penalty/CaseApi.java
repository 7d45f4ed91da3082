package org.sunlight.penalty;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sunlight's /api as a client calls it, through the whole servlet stack of the process tests' context (security
 * filters with HTTP Basic against Camunda's identity, controllers, error handler), without a server of its own.
 */
final class CaseApi {

    record Response(int status, JsonNode json, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockMvc mvc;

    CaseApi(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** POST of a JSON body (an object, or a raw string sent as it is) as the user (password = user name; null: anonymous). */
    Response post(String user, String password, String path, Object body) {
        try {
            String content = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                    .contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8).content(content);
            return send(user, password, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Response post(String user, String path, Object body) {
        return post(user, user, path, body);
    }

    Response get(String user, String path) {
        return send(user, user, MockMvcRequestBuilders.get(path));
    }

    private Response send(String user, String password, MockHttpServletRequestBuilder request) {
        try {
            if (user != null) {
                request.with(httpBasic(user, password));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            JsonNode json = null;
            try {
                json = body.isBlank() ? null : JSON.readTree(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // an HTML or text answer: the test reads body
            }
            return new Response(response.getStatus(), json, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
