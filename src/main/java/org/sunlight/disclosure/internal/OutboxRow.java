package org.sunlight.disclosure.internal;

import java.util.Date;

/** An event for the provincial platform (sl_outbox). status: pending, sent, dead. */
record OutboxRow(Long id, String eventId, String eventType, String aggregateId, String payload, String status,
                 int attempts, Date nextAttemptAt, String lockedBy, Date lockedUntil, Date lastAttemptAt,
                 String lastError, Date createdAt, Date sentAt) {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String DEAD = "dead";
}
