package org.sunlight.record.internal;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.RuleViolation;

/** The check itself: see {@link AvRecordingParseListener}. */
@Component
class AvRecordingCheck {

    static final String DECISION = "av-recording";

    private final EvidenceMapper evidence;

    AvRecordingCheck(EvidenceMapper evidence) {
        this.evidence = evidence;
    }

    void onComplete(DelegateTask task, String action) {
        String recording = evaluate(task, action);
        if ("mandatory".equals(recording) && evidence.countAudioVideo(task.getId()) == 0) {
            throw new RuleViolation("av-recording-required",
                    "“" + task.getName() + "”须全程音像记录：请先在“证据材料”中为本任务上传至少一份音频或视频，再完成任务"
                            + "（国办发〔2018〕118号三(八)）",
                    "\"" + task.getName() + "\" must be recorded on audio or video: attach at least one audio or video "
                            + "item to this task before completing it (State Council General Office [2018] No. 118, III(8))");
        }
    }

    /**
     * Evaluates the DMN in the task's execution, so that the evaluation is part of the case's history (and of its
     * record) like a business rule task's, not a stand-alone evaluation.
     */
    private String evaluate(DelegateTask task, String action) {
        DecisionDefinition definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(DECISION);
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        Context.setExecutionContext(execution);
        try {
            DmnDecisionTableResult result = DecisionEvaluationUtil.evaluateDecisionTable(definition,
                    Variables.createVariables().putValue("action", action));
            Object recording = result.getSingleResult() == null ? null : result.getSingleResult().getEntry("recording");
            return recording == null ? null : recording.toString();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Evaluating " + DECISION + " failed", e);
        } finally {
            Context.removeExecutionContext();
        }
    }
}
