package org.sunlight.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the provincial platform: the JDK's HTTP server, answering each POST with the next scripted status
 * (then with the default), and remembering every request. Like the real receiver it keeps an event once per event id.
 */
public final class ProvincialPlatformStub implements AutoCloseable {

    /** One request as received. */
    public record Received(String eventId, String idempotencyKey, String eventType, String authorization, String body,
                           int answeredWith) {
    }

    private final HttpServer server;
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final java.util.Map<String, Deque<Integer>> scripts = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Received> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> kept = Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile int defaultStatus = 200;
    private volatile int failuresPerEvent;
    private final java.util.Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();

    public ProvincialPlatformStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/events", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String eventId = exchange.getRequestHeaders().getFirst("X-Sunlight-Event-Id");
            Deque<Integer> own = eventId == null ? null : scripts.get(eventId);
            Integer scripted = own != null && !own.isEmpty() ? own.pollFirst() : script.pollFirst();
            int attempt = eventId == null ? 1 : attempts.merge(eventId, 1, Integer::sum);
            int status = scripted != null ? scripted : attempt <= failuresPerEvent ? 503 : defaultStatus;
            if (status == 200 && !kept.add(eventId)) {
                status = 409;
            }
            requests.add(new Received(eventId, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Sunlight-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, status));
            byte[] answer = (status < 300 ? "{\"received\":true}" : "{\"error\":\"unavailable\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "provincial-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** The next requests are answered with these statuses, in order. */
    public ProvincialPlatformStub thenAnswer(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** The next requests carrying this event id are answered with these statuses, in order. */
    public ProvincialPlatformStub answerFor(String eventId, Integer... statuses) {
        scripts.computeIfAbsent(eventId, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
        return this;
    }

    /** Every event's first n deliveries are answered 503 (a platform that is down for a while). */
    public ProvincialPlatformStub failFirstAttemptsOfEachEvent(int n) {
        this.failuresPerEvent = n;
        return this;
    }

    public ProvincialPlatformStub answerByDefault(int status) {
        this.defaultStatus = status;
        return this;
    }

    public List<Received> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Received> requestsFor(String eventId) {
        return requests().stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    /** Event ids the platform has kept (each once). */
    public Set<String> kept() {
        synchronized (kept) {
            return Set.copyOf(kept);
        }
    }

    public void reset() {
        script.clear();
        scripts.clear();
        attempts.clear();
        failuresPerEvent = 0;
        requests.clear();
        defaultStatus = 200;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
