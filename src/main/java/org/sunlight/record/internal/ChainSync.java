package org.sunlight.record.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows a transaction touched, appended to the chain just before it commits — after the engine has flushed them,
 * still inside the transaction, so that the record and the chain commit or roll back together. Found among the
 * transaction's synchronizations (not bound as a resource), so that a suspended outer transaction keeps its own.
 */
class ChainSync implements TransactionSynchronization {

    private static final Logger LOG = LoggerFactory.getLogger(ChainSync.class);

    private final RecordChain chain;
    private final Set<RowRef> refs = new LinkedHashSet<>();
    private final List<Supplier<List<RowRef>>> later = new ArrayList<>();
    private boolean appended;

    private ChainSync(RecordChain chain) {
        this.chain = chain;
    }

    static ChainSync current(RecordChain chain) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("The whole-process record needs a transaction to append to");
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof ChainSync sync && sync.chain == chain) {
                return sync;
            }
        }
        ChainSync sync = new ChainSync(chain);
        TransactionSynchronizationManager.registerSynchronization(sync);
        return sync;
    }

    void add(RowRef ref) {
        if (appended) {
            LOG.error("History row {} {} written after the chain was appended; verify will report it", ref.table(),
                    ref.id());
        }
        refs.add(ref);
    }

    void addLater(Supplier<List<RowRef>> supplier) {
        if (appended) {
            LOG.error("History written after the chain was appended; verify will report it");
        }
        // resolved in event order, before rows added directly after it (comments, evidence)
        later.add(supplier);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        appended = true;
        Set<RowRef> all = new LinkedHashSet<>();
        later.forEach(supplier -> all.addAll(supplier.get()));
        all.addAll(refs);
        chain.append(all);
    }
}
