package org.sunlight.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.disclosure.ProvincialPlatformStub;
import org.sunlight.procedure.StatutoryClock;

/**
 * Delivery of outbox events to the provincial platform (a local stub): retried with exponential backoff, the same event
 * id on every attempt, in order per publication, dead-lettered after too many attempts, and never sent twice by two
 * nodes sharing the database.
 */
class OutboxSenderTests extends ProcessTest {

    private static final ProvincialPlatformStub STUB = new ProvincialPlatformStub();

    @Autowired Outbox outbox;
    @Autowired OutboxMapper mapper;
    @Autowired StatutoryClock clock;
    @Autowired TransactionTemplate transaction;

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeEach
    void resetStub() {
        STUB.reset();
    }

    private OutboxSender node(String name, int maxAttempts) {
        return new OutboxSender(mapper, clock, new DisclosureProperties.Provincial(STUB.url(), "secret-token",
                Duration.ofSeconds(5), maxAttempts, Duration.ofSeconds(30), Duration.ofMinutes(4), 50,
                Duration.ofMinutes(2), Duration.ofSeconds(15)), name);
    }

    private String event(String aggregate, String type) {
        return transaction.execute(s -> outbox.add(type, aggregate, Map.of("id", aggregate, "documentNo", "市建罚决〔2026〕7号")));
    }

    private OutboxRow row(String eventId) {
        return mapper.findByEventId(eventId);
    }

    private void later(int seconds) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000L));
    }

    private static String aggregate() {
        return "pub-" + java.util.UUID.randomUUID();
    }

    @Test
    void failedAttemptsAreRetriedWithGrowingWaitsAndTheSameEventId() {
        String id = event(aggregate(), "decision-published");
        OutboxSender sender = node("node-a", 10);
        STUB.answerFor(id, 503, 500);

        sender.sendDue();
        OutboxRow afterFirst = row(id);
        assertThat(afterFirst.status()).isEqualTo("pending");
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastError()).contains("HTTP 503");
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 30_000));
        assertThat(afterFirst.lockedBy()).isNull();

        later(29);
        sender.sendDue();
        assertThat(STUB.requestsFor(id)).as("not before the wait is over").hasSize(1);

        later(2);
        sender.sendDue();
        assertThat(row(id).attempts()).isEqualTo(2);
        assertThat(row(id).nextAttemptAt()).as("the wait doubles")
                .isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));

        later(61);
        sender.sendDue();
        OutboxRow sent = row(id);
        assertThat(sent.status()).isEqualTo("sent");
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastError()).isNull();
        assertThat(STUB.requestsFor(id)).extracting(ProvincialPlatformStub.Received::answeredWith)
                .containsExactly(503, 500, 200);
        assertThat(STUB.requestsFor(id)).allSatisfy(r -> {
            assertThat(r.idempotencyKey()).isEqualTo(id);
            assertThat(r.eventType()).isEqualTo("decision-published");
            assertThat(r.authorization()).isEqualTo("Bearer secret-token");
            assertThat(r.body()).contains("\"eventId\":\"" + id + "\"", "市建罚决〔2026〕7号");
        });
        assertThat(STUB.kept()).containsOnlyOnce(id);

        later(3600);
        sender.sendDue();
        assertThat(STUB.requestsFor(id)).as("a delivered event is not sent again").hasSize(3);
    }

    @Test
    void afterTooManyAttemptsAnEventIsDeadUntilAnAdministratorResendsIt() {
        String id = event(aggregate(), "decision-published");
        OutboxSender sender = node("node-a", 3);
        STUB.answerByDefault(502);

        for (int i = 0; i < 3; i++) {
            sender.sendDue();
            later(300);
        }
        OutboxRow dead = row(id);
        assertThat(dead.status()).isEqualTo("dead");
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("HTTP 502");
        assertThat(mapper.list("dead", null, 100, 0)).extracting(OutboxRow::eventId).contains(id);
        later(86_400);
        sender.sendDue();
        assertThat(STUB.requestsFor(id)).as("dead events stay put").hasSize(3);

        STUB.answerByDefault(200);
        assertThat(mapper.resend(dead.id(), clock.now())).isEqualTo(1);
        assertThat(mapper.resend(dead.id(), clock.now())).as("only dead events are resent").isZero();
        sender.sendDue();
        assertThat(row(id).status()).isEqualTo("sent");
        assertThat(STUB.kept()).contains(id);
    }

    @Test
    void aRejectedEventGoesToTheDeadLetterListAtOnce() {
        String id = event(aggregate(), "decision-published");
        STUB.answerFor(id, 400);

        node("node-a", 10).sendDue();

        assertThat(row(id).status()).isEqualTo("dead");
        assertThat(row(id).attempts()).isEqualTo(1);
    }

    @Test
    void aReceiverThatAlreadyHasTheEventCountsAsDelivered() {
        String id = event(aggregate(), "decision-published");
        STUB.answerFor(id, 409);

        node("node-a", 10).sendDue();

        assertThat(row(id).status()).isEqualTo("sent");
    }

    @Test
    void eventsOfOnePublicationArriveInOrder() {
        String publication = aggregate();
        String published = event(publication, "decision-published");
        String withdrawn = event(publication, "decision-withdrawn");
        OutboxSender sender = node("node-a", 10);
        STUB.answerFor(published, 503);

        sender.sendDue();
        assertThat(row(withdrawn).status()).as("waits for the earlier event").isEqualTo("pending");
        assertThat(STUB.requestsFor(withdrawn)).isEmpty();

        later(31);
        sender.sendDue();
        sender.sendDue();
        assertThat(row(published).status()).isEqualTo("sent");
        assertThat(row(withdrawn).status()).isEqualTo("sent");
        List<String> order = STUB.requests().stream().map(ProvincialPlatformStub.Received::eventId)
                .filter(e -> e.equals(published) || e.equals(withdrawn)).toList();
        assertThat(order).containsExactly(published, published, withdrawn);
    }

    @Test
    void twoNodesSendingAtOnceDeliverEachEventOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(event(aggregate(), "decision-published"));
        }
        OutboxSender a = node("node-a", 10);
        OutboxSender b = node("node-b", 10);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // each node sends round after round until nothing is due, as its schedule would
            Future<Integer> fromA = pool.submit(() -> {
                start.await();
                int total = 0;
                for (int n = a.sendDue(); n > 0; n = a.sendDue()) {
                    total += n;
                }
                return total;
            });
            Future<Integer> fromB = pool.submit(() -> {
                start.await();
                int total = 0;
                for (int n = b.sendDue(); n > 0; n = b.sendDue()) {
                    total += n;
                }
                return total;
            });
            fromA.get();
            fromB.get();
        } finally {
            pool.shutdownNow();
        }

        for (String id : ids) {
            assertThat(STUB.requestsFor(id)).as("requests for %s", id).hasSize(1);
            assertThat(row(id).status()).isEqualTo("sent");
        }
    }

    @Test
    void aNodeThatDiesHoldingAnEventLosesItWhenTheLeaseRunsOut() {
        String id = event(aggregate(), "decision-published");
        Date now = clock.now();
        // node-a claimed the event and crashed before delivering it
        assertThat(mapper.claim(row(id).id(), "node-a", now, new Date(now.getTime() + 120_000))).isEqualTo(1);
        OutboxSender b = node("node-b", 10);

        b.sendDue();
        assertThat(STUB.requestsFor(id)).as("leased to node-a").isEmpty();

        later(121);
        b.sendDue();
        assertThat(row(id).status()).isEqualTo("sent");
        assertThat(STUB.requestsFor(id)).hasSize(1);
    }

    @Test
    void theWaitDoublesUpToItsMaximum() {
        OutboxSender sender = node("node-a", 10);
        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(sender::backoff).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofMinutes(4), Duration.ofMinutes(4));
    }

    @Test
    void withoutAnEndpointEventsWaitInTheOutbox() {
        String id = event(aggregate(), "decision-published");
        OutboxSender unconfigured = new OutboxSender(mapper, clock, new DisclosureProperties.Provincial("", null,
                Duration.ofSeconds(5), 10, Duration.ofSeconds(30), Duration.ofMinutes(4), 50, Duration.ofMinutes(2),
                Duration.ofSeconds(15)), "node-a");

        assertThat(unconfigured.sendDue()).isZero();
        assertThat(row(id).status()).isEqualTo("pending");
        assertThat(row(id).attempts()).isZero();
    }
}
