package org.sunlight.record.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task that declares an enforcement action
 * ({@code <camunda:property name="avAction" value="seizure"/>}) the audio/video check of 国办发〔2018〕118号三(八):
 * completing it evaluates the DMN {@code av-recording} and, where recording is mandatory, requires audio or video
 * evidence attached to that task. Procedures only declare the action; the rule lives here and in the DMN.
 */
@Component
class AvRecordingParseListener extends AbstractBpmnParseListener {

    static final String PROPERTY = "avAction";

    private final AvRecordingCheck check;

    AvRecordingParseListener(AvRecordingCheck check) {
        this.check = check;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement);
        String action = properties == null ? null : properties.get(PROPERTY);
        if (action == null || action.isBlank()) {
            return;
        }
        UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                task -> check.onComplete(task, action.trim()));
    }
}
