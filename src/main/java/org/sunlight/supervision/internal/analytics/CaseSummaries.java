package org.sunlight.supervision.internal.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.procedure.CaseEnded;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.supervision.internal.watch.DeadlineWatch;
import org.sunlight.supervision.internal.watch.WatchProperties;

/**
 * Writes the summary row (sl_case_summary) of each ended case, which the analytics read instead of the engine's
 * history. {@link #on} writes it when a case ends ({@link CaseEnded}), just before its transaction commits (the
 * history of its last step is flushed by then): the row commits or rolls back with the closure. Cases that ended before the table existed, or whose rows were written straight into the tables
 * (imports, generated test history), are summarized by {@link #backfill}: at startup, and by {@link #catchUp} before
 * the analytics read when the number of ended cases and of summaries differ. Idempotent: a case has one row, and a
 * case that has one is left alone. To recompute all rows (say, after the configured period variables changed),
 * delete them and restart.
 */
@Component
class CaseSummaries {

    private static final Logger log = LoggerFactory.getLogger(CaseSummaries.class);
    static final int BATCH = 500;
    private static final List<String> FACTS = List.of("decisionDate", "hearingHeld", "fineAmount", "minFine", "maxFine",
            "result", "handlingDecision");

    private final CaseSummaryMapper mapper;
    private final DeadlineWatch watch;
    private final StatutoryClock clock;
    private final TransactionTemplate transaction;
    /**
     * {@code sunlight.bench.bare}: the penalty benchmark's bare-Camunda baseline (BENCHMARKS.md) writes no summary when
     * a case ends; the startup backfill and the analytics read still write the missing ones. Benchmarking only.
     */
    private final boolean bare;

    CaseSummaries(CaseSummaryMapper mapper, DeadlineWatch watch, StatutoryClock clock,
                  PlatformTransactionManager transactions,
                  @org.springframework.beans.factory.annotation.Value("${sunlight.bench.bare:false}") boolean bare) {
        this.bare = bare;
        this.mapper = mapper;
        this.watch = watch;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A case ended: its summary is written in the same transaction, just before it commits — by then the engine has
     * flushed the history of the last step, so the summary reads what a later backfill would read. If writing it
     * fails, the closure rolls back with it.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(CaseEnded ended) {
        if (!bare) {
            ended(ended.processInstanceId());
        }
    }

    /** A case's process instance ended (in the current transaction): its summary, once. */
    void ended(String processInstanceId) {
        CaseSummaryMapper.EndedCase c = mapper.endedCase(processInstanceId);
        if (c == null || mapper.exists(c.businessKey()) > 0) {
            return;
        }
        summarize(List.of(c)).forEach(mapper::insert);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            int written = catchUp();
            if (written > 0) {
                log.info("Summarized {} cases that ended before sl_case_summary had their rows", written);
            }
        } catch (RuntimeException e) {
            // the analytics catch up before they read; a failure here must not stop the application
            log.warn("Backfill of sl_case_summary failed; the analytics will retry when read", e);
        }
    }

    /** Summarizes the ended cases that have no summary yet, a batch per transaction; answers how many it wrote. */
    int backfill() {
        int written = 0;
        int conflicts = 0;
        String after = null; // keyset: each batch reads on from the last one's last case, not from the first case
        while (true) {
            List<CaseSummaryMapper.EndedCase> batch = mapper.endedWithoutSummary(after, BATCH);
            if (batch.isEmpty()) {
                return written;
            }
            try {
                List<CaseSummary> rows = summarize(batch);
                transaction.executeWithoutResult(status -> rows.forEach(mapper::insert));
                written += rows.size();
                after = batch.get(batch.size() - 1).businessKey();
            } catch (DuplicateKeyException writtenMeanwhile) {
                // a case of the batch ended (or another node backfilled it) since the batch was read: read it again
                if (++conflicts > 20) {
                    throw writtenMeanwhile;
                }
            }
        }
    }

    /** Summarizes what is missing, if anything (two index counts when nothing is); answers how many it wrote. */
    int catchUp() {
        return mapper.missing() > 0 ? backfill() : 0;
    }

    /** The summaries of ended cases, from their engine history: three queries for the whole batch. */
    List<CaseSummary> summarize(List<CaseSummaryMapper.EndedCase> cases) {
        Map<String, WatchProperties.Procedure> procedures = watch.properties().procedures();
        Set<String> names = new LinkedHashSet<>(FACTS);
        procedures.values().forEach(p -> {
            addName(names, p.startVariable());
            addName(names, p.finishedVariable());
            addName(names, p.dueVariable());
        });
        List<String> ids = cases.stream().map(CaseSummaryMapper.EndedCase::processInstanceId).toList();
        Map<String, Map<String, CaseSummaryMapper.Variable>> variables = new HashMap<>();
        for (CaseSummaryMapper.Variable v : mapper.variables(ids, names)) {
            // a process-level variable wins over a local one of the same name (EXECUTION_ID_ of the instance)
            variables.computeIfAbsent(v.processInstanceId(), k -> new HashMap<>()).merge(v.name(), v,
                    (old, neu) -> v.processInstanceId().equals(old.executionId()) ? old : neu);
        }
        Map<String, int[]> reviews = new HashMap<>();
        for (CaseSummaryMapper.Review r : mapper.reviews(ids)) {
            int[] counts = reviews.computeIfAbsent(r.rootProcessInstanceId(), k -> new int[3]);
            counts[0]++;
            if (r.ended()) {
                counts[1]++;
                if (r.approved() != null && r.approved() == 0) {
                    counts[2]++;
                }
            }
        }
        java.util.Date now = clock.now();
        List<CaseSummary> rows = new ArrayList<>();
        for (CaseSummaryMapper.EndedCase c : cases) {
            Map<String, CaseSummaryMapper.Variable> v = variables.getOrDefault(c.processInstanceId(), Map.of());
            WatchProperties.Procedure p = procedures.get(c.processKey());
            int[] r = reviews.getOrDefault(c.processInstanceId(), new int[3]);
            CaseSummaryMapper.Variable hearing = v.get("hearingHeld");
            rows.add(new CaseSummary(c.businessKey(), c.caseNumber(), c.processKey(), c.category(), c.departmentId(),
                    c.handlerId(), c.partyName(), c.status(), c.startedAt(), c.endedAt(),
                    p == null ? null : longValue(v, p.startVariable()),
                    p == null ? null : longValue(v, p.finishedVariable()),
                    p == null ? null : longValue(v, p.dueVariable()),
                    v.containsKey("decisionDate"), hearing != null && Long.valueOf(1).equals(hearing.longValue()),
                    r[0], r[1], r[2], number(v.get("fineAmount")), number(v.get("minFine")), number(v.get("maxFine")),
                    text(v.get("result")), text(v.get("handlingDecision")), now));
        }
        return rows;
    }

    private static void addName(Collection<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name);
        }
    }

    private static Long longValue(Map<String, CaseSummaryMapper.Variable> variables, String name) {
        CaseSummaryMapper.Variable v = name == null ? null : variables.get(name);
        return v == null ? null : v.longValue();
    }

    /** As COALESCE(DOUBLE_, LONG_): doubles in DOUBLE_, integers and longs in LONG_. */
    private static Double number(CaseSummaryMapper.Variable v) {
        if (v == null) {
            return null;
        }
        return v.doubleValue() != null ? v.doubleValue() : v.longValue() == null ? null : v.longValue().doubleValue();
    }

    private static String text(CaseSummaryMapper.Variable v) {
        return v == null ? null : v.textValue();
    }
}
