package org.sunlight.disclosure.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sunlight.procedure.StatutoryClock;

/**
 * Delivers due outbox events to the provincial platform: claim (lease), POST, then mark sent, retry later with
 * exponential backoff, or dead. Every node of a cluster runs one; claims keep them from sending the same event at the
 * same time, and the event id lets the receiver ignore the rare repetition (a lease that ran out mid-delivery).
 * <p>
 * 2xx and 409 (the receiver already has the event) count as delivered. 408, 425, 429, 5xx and network errors are
 * retried; any other 4xx means the event or the configuration is wrong: the event goes to the dead-letter list at once,
 * where an administrator sees the error and resends it once the cause is fixed.
 */
class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxMapper mapper;
    private final StatutoryClock clock;
    private final DisclosureProperties.Provincial config;
    private final String node;
    private final HttpClient http;

    OutboxSender(OutboxMapper mapper, StatutoryClock clock, DisclosureProperties.Provincial config, String node) {
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.node = node;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).build();
    }

    boolean configured() {
        return config.url() != null && !config.url().isBlank();
    }

    /** Sends what is due now; returns how many events were delivered. */
    int sendDue() {
        if (!configured()) {
            return 0;
        }
        Date now = clock.now();
        List<OutboxRow> due = mapper.due(now, config.batchSize());
        int delivered = 0;
        for (OutboxRow row : due) {
            Date until = new Date(now.getTime() + config.lease().toMillis());
            if (mapper.claim(row.id(), node, now, until) == 1 && deliver(row)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxRow row) {
        int status;
        String error;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url())).timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Idempotency-Key", row.eventId())
                    .header("X-Sunlight-Event-Id", row.eventId())
                    .header("X-Sunlight-Event-Type", row.eventType())
                    .POST(HttpRequest.BodyPublishers.ofString(row.payload(), StandardCharsets.UTF_8));
            if (config.token() != null && !config.token().isBlank()) {
                request.header("Authorization", "Bearer " + config.token());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            error = "HTTP " + status + " " + abbreviate(response.body());
        } catch (IOException | IllegalArgumentException e) {
            status = -1;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = "interrupted";
        }
        error = error.length() > 900 ? error.substring(0, 900) + "…" : error;
        Date now = clock.now();
        int attempts = row.attempts() + 1;
        if ((status >= 200 && status < 300) || status == 409) {
            if (mapper.markSent(row.id(), node, now) == 0) {
                LOG.warn("Outbox event {} was delivered after its lease ran out; another node may send it again "
                        + "(the receiver ignores repeated event ids)", row.eventId());
            }
            return true;
        }
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
        if (permanent || attempts >= config.maxAttempts()) {
            mapper.markDead(row.id(), node, now, error);
            LOG.warn("省级平台推送失败，已转入死信列表：事件 {}（{}），第 {} 次：{} / Outbox event moved to the dead-letter list",
                    row.eventId(), row.eventType(), attempts, error);
        } else {
            Date next = new Date(now.getTime() + backoff(attempts).toMillis());
            mapper.markRetry(row.id(), node, now, next, error);
            LOG.info("Outbox event {} ({}) attempt {} failed ({}); next attempt at {}", row.eventId(), row.eventType(),
                    attempts, error, next.toInstant());
        }
        return false;
    }

    /** Wait after the n-th failed attempt: initial, 2×, 4×, … up to the maximum. */
    Duration backoff(int attempts) {
        Duration delay = config.initialBackoff();
        for (int i = 1; i < attempts && delay.compareTo(config.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
