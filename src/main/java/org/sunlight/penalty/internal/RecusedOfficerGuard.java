package org.sunlight.penalty.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.EnforcementTeam;
import org.sunlight.procedure.RuleViolation;

/**
 * An officer the leader recused from a case (回避, 行政处罚法第四十三条) takes no further part in it: completing any task
 * of that penalty-general case is refused to him, whoever it is assigned to (his department remains a candidate
 * group of the case's tasks). Every user task of penalty-general gets this check as a built-in complete listener.
 */
@Component
class RecusedOfficerGuard extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && "penalty-general".equals(definition.getKey())) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, RecusedOfficerGuard::check);
                }
            }
        });
    }

    static void check(DelegateTask task) {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        if (user != null && EnforcementTeam.recusedOfficers(task).contains(user)) {
            throw new RuleViolation("officer-recused", "您已被决定回避，不得再办理本案的任何环节（行政处罚法第四十三条）",
                    "You have been recused from this case and may not work its tasks (Art. 43)");
        }
    }
}
