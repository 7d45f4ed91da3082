package org.sunlight.record.internal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.SystemReads;

/**
 * Engine reads on behalf of Sunlight's record, after {@code Cases.requireReadable} has decided that the caller may
 * read the whole case (see {@link SystemReads}).
 */
@Component
class EngineAccess {

    private final SystemReads system;
    private final HistoryService historyService;

    EngineAccess(SystemReads system, HistoryService historyService) {
        this.system = system;
        this.historyService = historyService;
    }

    <T> T asSystem(Supplier<T> read) {
        return system.asSystem(read);
    }

    /** The chain of a case is keyed by its root process instance. */
    String chainKey(CaseInfo info) {
        HistoricProcessInstance instance = asSystem(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(info.processInstanceId()).singleResult());
        return instance == null || instance.getRootProcessInstanceId() == null ? info.processInstanceId()
                : instance.getRootProcessInstanceId();
    }
}
