package org.sunlight.procedure.internal;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs {@link CommandErrors} and {@link DeploymentContract} in front of every engine command, {@link FormContract}
 * inside its command context, and {@link DeploymentFormCheck} and {@link DeploymentRetentionCheck} before the engine's deployers.
 */
@Component
class FormContractPlugin extends AbstractProcessEnginePlugin {

    private final FormContract contract;
    private final CommandErrors errors = new CommandErrors();
    private final DeploymentContract deployments;
    private final DeploymentFormCheck deploymentFormCheck;
    private final DeploymentRetentionCheck retentionCheck;

    FormContractPlugin(ObjectMapper mapper, @Value("${sunlight.retention}") String retention) {
        this.contract = new FormContract(mapper);
        this.deployments = new DeploymentContract(mapper);
        this.deploymentFormCheck = new DeploymentFormCheck(mapper);
        this.retentionCheck = new DeploymentRetentionCheck(DeploymentRetentionCheck.days(retention));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(errors);
        configuration.getCustomPreCommandInterceptorsTxRequired().add(deployments);
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(contract);
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(deploymentFormCheck);
        configuration.getCustomPreDeployers().add(retentionCheck);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        contract.connect(engine.getTaskService(), engine.getFormService(), engine.getRepositoryService());
        errors.connect(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired());
    }
}
