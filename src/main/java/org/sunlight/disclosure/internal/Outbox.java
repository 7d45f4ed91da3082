package org.sunlight.disclosure.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.StatutoryClock;

/**
 * Writes events for the provincial platform into sl_outbox, in the caller's transaction: an event exists exactly when
 * the change it reports was committed. Every event has its own id, which the receiver uses to ignore repetitions.
 */
@Component
class Outbox {

    static final String DECISION_PUBLISHED = "decision-published";
    static final String DECISION_CORRECTED = "decision-corrected";
    static final String DECISION_WITHDRAWN = "decision-withdrawn";
    static final String ANNUAL_STATISTICS = "annual-statistics";

    private final OutboxMapper mapper;
    private final ObjectMapper json;
    private final StatutoryClock clock;

    Outbox(OutboxMapper mapper, ObjectMapper json, StatutoryClock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    String add(String type, String aggregateId, Object data) {
        String eventId = UUID.randomUUID().toString();
        Date now = clock.now();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId);
        envelope.put("type", type);
        envelope.put("occurredAt", now.toInstant().toString());
        envelope.put("source", "sunlight");
        envelope.put("data", data);
        try {
            mapper.insert(eventId, type, aggregateId, json.writeValueAsString(envelope), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise outbox event " + type, e);
        }
        return eventId;
    }
}
