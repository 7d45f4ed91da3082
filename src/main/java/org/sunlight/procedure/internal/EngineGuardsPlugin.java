package org.sunlight.procedure.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link StartGuard} in front of every engine command (it must see whether a command is the outermost one)
 * and {@link CaseRecordGuard} inside each command's context.
 */
@Component
class EngineGuardsPlugin extends AbstractProcessEnginePlugin {

    private StartGuard starts;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        starts = new StartGuard(configuration);
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(starts);
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new CaseRecordGuard());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        starts.connect(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired());
    }
}
