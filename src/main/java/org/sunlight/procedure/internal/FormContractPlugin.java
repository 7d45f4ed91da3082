package org.sunlight.procedure.internal;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link CommandErrors}, {@link FormContract} and {@link DeploymentContract} in front of every engine command. */
@Component
class FormContractPlugin extends AbstractProcessEnginePlugin {

    private final FormContract contract;
    private final DeploymentContract deployments;

    FormContractPlugin(ObjectMapper mapper) {
        this.contract = new FormContract(mapper);
        this.deployments = new DeploymentContract(mapper);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandErrors());
        configuration.getCustomPreCommandInterceptorsTxRequired().add(contract);
        configuration.getCustomPreCommandInterceptorsTxRequired().add(deployments);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        contract.connect(engine.getTaskService(), engine.getFormService(), engine.getRepositoryService());
    }
}
