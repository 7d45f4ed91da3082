package org.sunlight.procedure.internal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.sunlight.procedure.RuleViolation;

/**
 * A procedure that is not startable in Tasklist ({@code camunda:isStartableInTasklist="false"}: legal-review,
 * publication, any procedure that only a call activity or Sunlight starts) is not started by a person through the
 * API either: an officer starting {@code legal-review} by hand left an orphan review task in the reviewers' queue.
 * <p>
 * Refused: a start (start, start form, start at activities) that is the outermost engine command and has an
 * authenticated user. Allowed: starts nested in another engine command (Sunlight's own code starting the publication
 * review inside the decision's transaction, call activities, which start no command at all), and starts without a
 * user (Sunlight's own background work, tests). Runs before the command context exists, so that "outermost" is
 * known; the definition is looked up in a short command of its own (the deployment cache, usually no query).
 */
class StartGuard extends CommandInterceptor {

    static final String NOT_STARTABLE = "not-startable-by-hand";

    private final ProcessEngineConfigurationImpl configuration;
    private CommandExecutor commands;

    StartGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** After the engine is built: to look up the definition without the user's authorizations. */
    void connect(CommandExecutor commands) {
        this.commands = commands;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (commands != null && Context.getCommandContext() == null && isStart(command) && person() != null) {
            ProcessDefinitionEntity definition = definition(command);
            if (definition != null && !definition.isStartableInTasklist()) {
                String name = definition.getName() == null ? definition.getKey() : definition.getName();
                throw new RuleViolation(NOT_STARTABLE,
                        "“" + name + "”（" + definition.getKey() + "）由办案流程或系统自动发起，不能手工发起",
                        "The procedure " + definition.getKey() + " is started by its calling procedure or by Sunlight, "
                                + "not by hand");
            }
        }
        return next.execute(command);
    }

    private static boolean isStart(Command<?> command) {
        return command instanceof StartProcessInstanceCmd || command instanceof SubmitStartFormCmd
                || command instanceof StartProcessInstanceAtActivitiesCmd;
    }

    private String person() {
        Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private ProcessDefinitionEntity definition(Command<?> command) {
        String id;
        String key = null;
        String tenantId = null;
        if (command instanceof SubmitStartFormCmd) {
            id = FormContract.field(command, "processDefinitionId");
        } else {
            ProcessInstantiationBuilderImpl builder = FormContract.field(command, "instantiationBuilder");
            id = builder.getProcessDefinitionId();
            key = builder.getProcessDefinitionKey();
            tenantId = builder.getProcessDefinitionTenantId();
        }
        String definitionId = id;
        String definitionKey = key;
        String tenant = tenantId;
        return commands.execute(context -> context.runWithoutAuthorization(() -> {
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            try {
                if (definitionId != null) {
                    return cache.findDeployedProcessDefinitionById(definitionId);
                }
                if (definitionKey == null) {
                    return null;
                }
                return tenant == null ? cache.findDeployedLatestProcessDefinitionByKey(definitionKey)
                        : cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(definitionKey, tenant);
            } catch (ProcessEngineException e) {
                return null; // no such definition: the start itself says so
            }
        }));
    }
}
