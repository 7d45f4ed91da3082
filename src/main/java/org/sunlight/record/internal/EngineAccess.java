package org.sunlight.record.internal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.CaseInfo;

/**
 * Engine reads on behalf of Sunlight's record, after {@code Cases.requireReadable} has decided that the caller may
 * read the whole case: a case spans process instances (called legal reviews) whose per-instance authorizations name
 * other departments, and the record must show all of them.
 */
@Component
class EngineAccess {

    private final IdentityService identityService;
    private final HistoryService historyService;

    EngineAccess(IdentityService identityService, HistoryService historyService) {
        this.identityService = identityService;
        this.historyService = historyService;
    }

    <T> T asSystem(Supplier<T> read) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** The chain of a case is keyed by its root process instance. */
    String chainKey(CaseInfo info) {
        HistoricProcessInstance instance = asSystem(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(info.processInstanceId()).singleResult());
        return instance == null || instance.getRootProcessInstanceId() == null ? info.processInstanceId()
                : instance.getRootProcessInstanceId();
    }
}
