package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * What the engine recorded of one case: the activity and task instances of its process instance and of the
 * processes it called that are parts of it (the legal review, publications; a called procedure that is a case of its
 * own, such as a coercive execution, is scored on its own), and the case's variables with their last update.
 */
final class Trail {

    final List<HistoricActivityInstance> activities = new ArrayList<>();
    final List<HistoricTaskInstance> tasks = new ArrayList<>();
    /** The case's variables by name; a name set in several scopes keeps the latest. */
    final Map<String, HistoricVariableInstance> variables = new HashMap<>();
    /** Every variable instance of the case, in every scope (a multi-instance sub-process has one scope per instance). */
    final List<HistoricVariableInstance> allVariables = new ArrayList<>();
    /** When each variable instance was last set (absent: only when it was created). */
    final Map<String, Date> lastSet = new HashMap<>();

    Trail(HistoryService history, ScoreMapper mapper, String processInstanceId, Set<String> separateCases) {
        List<String> instances = new ArrayList<>();
        instances.add(processInstanceId);
        for (HistoricProcessInstance sub : history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId).list()) {
            if (!separateCases.contains(sub.getProcessDefinitionKey())) {
                instances.add(sub.getId());
            }
        }
        for (String id : instances) {
            activities.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(id)
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list());
            tasks.addAll(history.createHistoricTaskInstanceQuery().processInstanceId(id).list());
        }
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            allVariables.add(v);
            HistoricVariableInstance known = variables.get(v.getName());
            if (known == null || !v.getCreateTime().before(known.getCreateTime())) {
                variables.put(v.getName(), v);
            }
        }
        mapper.lastSet(processInstanceId).forEach(set -> lastSet.put(set.variableInstanceId(), set.lastSet()));
    }

    Object value(String name) {
        HistoricVariableInstance v = variables.get(name);
        return v == null ? null : v.getValue();
    }

    String text(String name) {
        return text(value(name));
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    boolean flag(String name) {
        Object value = value(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    Proof variable(String name) {
        return variable(name, variables.get(name));
    }

    Proof variable(String name, HistoricVariableInstance v) {
        if (v == null) {
            return new Proof("variable", null, name, null, "（无记录）", null);
        }
        Date time = lastSet.getOrDefault(v.getId(), v.getCreateTime());
        return new Proof("variable", v.getId(), name, time, v.getValue() == null ? null : v.getValue().toString(), null);
    }

    /**
     * The variables of each instance of a multi-instance scope, by scope (the execution holding them): the scopes
     * holding the given variable, each with all its variables by name.
     */
    Map<String, Map<String, HistoricVariableInstance>> scopesWith(String marker) {
        Map<String, Map<String, HistoricVariableInstance>> scopes = new LinkedHashMap<>();
        allVariables.stream().filter(v -> marker.equals(v.getName()))
                .sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
                .forEach(v -> scopes.put(v.getExecutionId(), new HashMap<>()));
        for (HistoricVariableInstance v : allVariables) {
            Map<String, HistoricVariableInstance> scope = scopes.get(v.getExecutionId());
            if (scope != null) {
                scope.put(v.getName(), v);
            }
        }
        return scopes;
    }

    /** Completed (not cancelled) instances of any of the activities, in order. */
    List<HistoricActivityInstance> completed(String... activityIds) {
        Set<String> ids = Set.of(activityIds);
        return activities.stream().filter(a -> ids.contains(a.getActivityId()) && a.getEndTime() != null
                && !a.isCanceled()).toList();
    }

    /** Started instances (completed, cancelled or running) of any of the activities, in order. */
    List<HistoricActivityInstance> reached(String... activityIds) {
        Set<String> ids = Set.of(activityIds);
        return activities.stream().filter(a -> ids.contains(a.getActivityId())).toList();
    }

    Optional<HistoricActivityInstance> lastCompleted(String... activityIds) {
        List<HistoricActivityInstance> done = completed(activityIds);
        return done.isEmpty() ? Optional.empty() : Optional.of(done.get(done.size() - 1));
    }

    Optional<HistoricActivityInstance> firstCompleted(String... activityIds) {
        return completed(activityIds).stream().findFirst();
    }

    Optional<HistoricTaskInstance> completedTask(String taskKey) {
        return completedTasks(taskKey).stream().findFirst();
    }

    /** Completed task instances of a task, by completion. */
    List<HistoricTaskInstance> completedTasks(String taskKey) {
        return tasks.stream().filter(t -> taskKey.equals(t.getTaskDefinitionKey()) && t.getEndTime() != null
                        && "completed".equals(t.getDeleteReason()))
                .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime)).toList();
    }
}
