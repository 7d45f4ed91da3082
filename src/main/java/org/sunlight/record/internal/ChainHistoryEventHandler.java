package org.sunlight.record.internal;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hash chain's tap on the engine's history: the Spring Boot starter adds this single HistoryEventHandler bean to
 * the engine's custom handlers; Camunda's database handler stays on and writes the rows (FACTS §9). This handler only
 * notes which rows each event wrote; {@link RecordChain} reads them back and appends them before the transaction
 * commits.
 */
@Component
class ChainHistoryEventHandler implements HistoryEventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChainHistoryEventHandler.class);

    private final RecordChain chain;

    ChainHistoryEventHandler(RecordChain chain) {
        this.chain = chain;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!chain.enabled()) {
            return;
        }
        // Camunda's composite handler calls the database handler after the custom ones, so the event's rows have no
        // ids yet: the rows are named when the transaction is about to commit, from the same (then inserted) objects.
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            boolean detail = !variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE)
                    && detailWritten(variable);
            chain.collectLater(() -> variableRows(variable, detail));
        } else if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            chain.collectLater(() -> decisionRows(evaluation));
        } else {
            String table = tableOf(event);
            if (table == null) {
                LOG.warn("History event of type {} is not part of the whole-process record",
                        event.getClass().getSimpleName());
                return;
            }
            chain.collectLater(() -> event.getId() == null ? List.of()
                    : List.of(new RowRef(table, event.getId(), event.getRootProcessInstanceId())));
        }
    }

    /** ACT_HI_VARINST holds the latest value; ACT_HI_DETAIL one row per change (level FULL, not for migrations). */
    private static List<RowRef> variableRows(HistoricVariableUpdateEventEntity variable, boolean detail) {
        List<RowRef> refs = new java.util.ArrayList<>(2);
        String root = variable.getRootProcessInstanceId();
        if (variable.getVariableInstanceId() != null) {
            refs.add(new RowRef("ACT_HI_VARINST", variable.getVariableInstanceId(), root));
        }
        if (detail && variable.getId() != null) {
            refs.add(new RowRef("ACT_HI_DETAIL", variable.getId(), root));
        }
        return refs;
    }

    private static List<RowRef> decisionRows(HistoricDecisionEvaluationEvent evaluation) {
        List<RowRef> refs = new java.util.ArrayList<>();
        decisionRows(evaluation.getRootHistoricDecisionInstance(), refs);
        evaluation.getRequiredHistoricDecisionInstances().forEach(d -> decisionRows(d, refs));
        return refs;
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static void decisionRows(HistoricDecisionInstanceEntity decision, List<RowRef> refs) {
        String root = decision.getRootProcessInstanceId();
        refs.add(new RowRef("ACT_HI_DECINST", decision.getId(), root));
        for (HistoricDecisionInputInstance input : decision.getInputs()) {
            refs.add(new RowRef("ACT_HI_DEC_IN", input.getId(), root));
        }
        for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
            refs.add(new RowRef("ACT_HI_DEC_OUT", output.getId(), root));
        }
    }

    private static boolean detailWritten(HistoricVariableUpdateEventEntity event) {
        HistoryLevel level = Context.getProcessEngineConfiguration().getHistoryLevel();
        return level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, event);
    }

    private static String tableOf(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity) {
            return "ACT_HI_PROCINST";
        } else if (event instanceof HistoricActivityInstanceEventEntity) {
            return "ACT_HI_ACTINST";
        } else if (event instanceof HistoricTaskInstanceEventEntity) {
            return "ACT_HI_TASKINST";
        } else if (event instanceof HistoricFormPropertyEventEntity) {
            return "ACT_HI_DETAIL";
        } else if (event instanceof HistoricIdentityLinkLogEventEntity) {
            return "ACT_HI_IDENTITYLINK";
        } else if (event instanceof UserOperationLogEntryEventEntity) {
            return "ACT_HI_OP_LOG";
        } else if (event instanceof HistoricIncidentEventEntity) {
            return "ACT_HI_INCIDENT";
        } else if (event instanceof HistoricJobLogEventEntity) {
            return "ACT_HI_JOB_LOG";
        } else if (event instanceof HistoricExternalTaskLogEntity) {
            return "ACT_HI_EXT_TASK_LOG";
        } else if (event instanceof HistoricBatchEntity) {
            return "ACT_HI_BATCH";
        }
        return null;
    }
}
