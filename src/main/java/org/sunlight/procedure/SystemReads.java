package org.sunlight.procedure;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Engine reads on Sunlight's own behalf, once the module has decided that the caller may see the whole case (e.g.
 * {@link Cases#requireReadable}): a case spans process instances (called legal reviews) whose per-instance
 * authorizations name other departments, and a supervisor holds no permission on decision definitions.
 */
@Component
public class SystemReads {

    private final IdentityService identityService;

    SystemReads(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Runs the read without the caller's authentication, which is restored afterwards. */
    public <T> T asSystem(Supplier<T> read) {
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
