package org.sunlight.procedure.internal;

import java.util.ArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Installs {@link CommandErrors} and {@link FormContract} in front of every engine command. */
@Component
class FormContractPlugin extends AbstractProcessEnginePlugin {

    private final FormContract contract;

    FormContractPlugin(ObjectMapper mapper) {
        this.contract = new FormContract(mapper);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandErrors());
        configuration.getCustomPreCommandInterceptorsTxRequired().add(contract);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        contract.connect(engine.getTaskService(), engine.getFormService(), engine.getRepositoryService());
    }
}
