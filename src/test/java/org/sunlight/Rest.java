package org.sunlight;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for tests that use the REST APIs as a client would: Basic auth, JSON in and out. */
public final class Rest {

    public record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Rest(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String user, String path, Object body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response put(String user, String path, String contentType, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            return response(client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response response(HttpResponse<String> response) throws IOException {
        JsonNode json = null;
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json") && !response.body().isBlank()) {
            json = MAPPER.readTree(response.body());
        }
        return new Response(response.statusCode(), json, response.body(), response);
    }

    /** POST /engine-rest/deployment/create with one resource (multipart, as Camunda Modeler sends it). */
    public Response deploy(String user, String fileName, String content) {
        String boundary = "sunlight" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(user, HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Logs in to a Camunda webapp as the webapp does (CSRF token first); the status of the login request. */
    public int webappLogin(String user, String app) {
        return new Webapp().login(user, app);
    }

    /**
     * A browser logged in to a Camunda webapp (Tasklist, Cockpit), calling the engine's REST resources as the webapps
     * do: through their own engine API (/camunda/api/engine/engine/default/…), with the session and its CSRF token.
     */
    public Webapp webapp(String user, String app) {
        Webapp webapp = new Webapp();
        int status = webapp.login(user, app);
        if (status != 200) {
            throw new IllegalStateException(user + " cannot log in to " + app + ": " + status);
        }
        // the login starts a new session: its token comes with the next read, as in the browser
        webapp.token = webapp.engine("GET", "/process-definition/count", null, null).header("X-XSRF-TOKEN");
        return webapp;
    }

    public final class Webapp {
        private final java.net.CookieManager cookies = new java.net.CookieManager();
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        private String token;

        private Webapp() {
        }

        private int login(String user, String app) {
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
            token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .findFirst().orElseThrow().getValue();
            return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))).status();
        }

        /** A request to the engine's REST resources, the path as after /engine-rest (a body of null: none). */
        public Response engine(String method, String path, String contentType, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return send(request);
        }

        private Response send(HttpRequest.Builder request) {
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            try {
                return response(browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Camunda REST variables: {"name": {"value": v}}, as Tasklist sends them. */
    public static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Map.of("variables", variables);
    }

    public static String json(Object body) {
        try {
            return body instanceof String s ? s : MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
