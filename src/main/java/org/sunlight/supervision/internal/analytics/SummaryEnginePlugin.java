package org.sunlight.supervision.internal.analytics;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a process instance ends, its case's summary (sl_case_summary) is written in the same transaction, just before
 * it commits ({@link TransactionState#COMMITTING}): by then the engine has flushed the history of the last step and
 * the case's row in sl_case says it ended (CaseLifecycle.end), so the summary reads what a later backfill would read.
 * If writing the summary fails, the closure rolls back with it. Process instances that are not cases (legal review)
 * are skipped.
 */
@Component
class SummaryEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseSummaries> summaries;

    SummaryEnginePlugin(ObjectProvider<CaseSummaries> summaries) {
        this.summaries = summaries;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if ("legal-review".equals(definition.getKey())) {
                    return;
                }
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                    String id = execution.getProcessInstanceId();
                    Context.getCommandContext().getTransactionContext().addTransactionListener(
                            TransactionState.COMMITTING, context -> summaries.getObject().ended(id));
                });
            }
        });
    }
}
