package org.sunlight.supervision.internal.scoring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sunlight.procedure.CaseEnded;

/**
 * Scores every case of a scored procedure when it ends: after the commit (the history of its last steps is written
 * only then), on one background thread, so that a closure never fails or waits because of scoring. A case not scored
 * this way (node stopped, error) is scored when read. Absent in the penalty benchmark's bare-Camunda baseline
 * ({@code sunlight.bench.bare}, BENCHMARKS.md): scoring is one of Sunlight's additions that baseline leaves out.
 */
@Component
@ConditionalOnProperty(name = "sunlight.bench.bare", havingValue = "false", matchIfMissing = true)
class ScoreOnClosure implements DisposableBean {

    private final CaseScoring scoring;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "case-file-scoring");
        thread.setDaemon(true);
        return thread;
    });

    ScoreOnClosure(CaseScoring scoring) {
        this.scoring = scoring;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(CaseEnded ended) {
        if (CaseScoring.PROCEDURES.contains(ended.processKey())) {
            worker.submit(() -> scoring.scoreClosed(ended.processInstanceId()));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
