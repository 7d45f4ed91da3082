package org.sunlight.organization.internal;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs once the engine and Flyway are ready, before the web server accepts requests: role groups and their
 * authorizations always; demo users in the demo profile; the production checks in the prod profile.
 */
@Component
class OrganizationBootstrap implements SmartInitializingSingleton {

    private final Environment environment;
    private final TransactionTemplate transaction;
    private final RoleAuthorizations roles;
    private final DemoData demoData;
    private final ProductionGuard productionGuard;
    private final OrganizationAdmin admin;

    OrganizationBootstrap(Environment environment, TransactionTemplate transaction, IdentityService identityService,
                          AuthorizationService authorizationService, FilterService filterService,
                          org.camunda.bpm.engine.TaskService taskService,
                          ProcessEngineConfiguration engineConfiguration, OrganizationAdmin admin) {
        this.environment = environment;
        this.transaction = transaction;
        this.admin = admin;
        this.roles = new RoleAuthorizations(identityService, authorizationService, filterService, taskService);
        this.demoData = new DemoData(admin, identityService);
        this.productionGuard = new ProductionGuard(identityService, engineConfiguration, environment);
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        if (demo && prod) {
            throw new IllegalStateException("demo 与 prod 配置不能同时启用 / the demo and prod profiles exclude each other");
        }
        transaction.executeWithoutResult(status -> roles.ensure());
        admin.reconcile();
        if (demo) {
            transaction.executeWithoutResult(status -> demoData.seedOnce());
        }
        if (prod) {
            transaction.executeWithoutResult(status -> productionGuard.check());
        }
    }
}
