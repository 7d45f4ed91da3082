package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Scores every case of a scored procedure when its process instance ends: the end listener waits for the commit (the
 * history of the last steps is written only then) and hands the case to one background thread, so that a closure
 * never fails or waits because of scoring. A case not scored this way (node stopped, error) is scored when read.
 */
@Component
class ScoringEnginePlugin extends AbstractProcessEnginePlugin implements DisposableBean {

    private final ObjectProvider<CaseScoring> scoring;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "case-file-scoring");
        thread.setDaemon(true);
        return thread;
    });

    ScoringEnginePlugin(ObjectProvider<CaseScoring> scoring) {
        this.scoring = scoring;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (CaseScoring.PROCEDURES.contains(definition.getKey())) {
                    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                        String id = execution.getProcessInstanceId();
                        Context.getCommandContext().getTransactionContext().addTransactionListener(
                                TransactionState.COMMITTED, context -> worker.submit(() -> scoring.getObject().scoreClosed(id)));
                    });
                }
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
