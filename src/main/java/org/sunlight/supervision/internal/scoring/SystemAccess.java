package org.sunlight.supervision.internal.scoring;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Engine reads for scoring, after the controller has decided that the caller may see the case: a case spans process
 * instances (called legal reviews) whose per-instance authorizations name other departments, and the checklist is
 * evaluated for the supervisor, who holds no permission on decision definitions.
 */
@Component
class SystemAccess {

    private final IdentityService identityService;

    SystemAccess(IdentityService identityService) {
        this.identityService = identityService;
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
}
