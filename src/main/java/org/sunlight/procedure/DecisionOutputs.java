package org.sunlight.procedure;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Copies the outputs of a business rule task's decision into process variables, as the BPMN names them:
 * {@code ${decisionOutputs.copy(execution, 'reviewRequired, reason:reviewReason')}} as the task's end listener.
 * A decision without a matching rule is refused: the case cannot go on without the rule's answer.
 */
@Component("decisionOutputs")
public class DecisionOutputs {

    public void copy(DelegateExecution execution, String mapping) {
        Object value = execution.getVariableLocal("decisionResult");
        if (!(value instanceof DmnDecisionResult result) || result.isEmpty()) {
            String activity = execution.getCurrentActivityName();
            throw new RuleViolation("no-decision-rule", "决策“" + activity + "”没有适用的规则，请检查填写的信息（如违法行为代码）",
                    "No rule of the decision '" + execution.getCurrentActivityId() + "' applies to the case's data");
        }
        Map<String, Object> outputs = result.getSingleResult().getEntryMap();
        for (String entry : mapping.split(",")) {
            String[] parts = entry.trim().split(":");
            String output = parts[0].trim();
            String variable = parts.length > 1 ? parts[1].trim() : output;
            if (!outputs.containsKey(output)) {
                throw new IllegalStateException("Decision has no output '" + output + "'");
            }
            execution.setVariable(variable, outputs.get(output));
        }
    }
}
