package org.sunlight.record.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What the officer read when a value was entered: the labels of the Camunda Forms deployed with a process (field key →
 * label, option value → option label, a checkbox as 是/否), so that the record reads "案件来源：投诉、举报", not
 * "caseSource: complaint" — from the form of the task the value was entered in, since forms label a key each their
 * own way (涉嫌违法行为 on one, 违法行为 on another). A deployment never changes, so its forms are read once. Variables no form shows (set by
 * Sunlight itself) keep their name.
 */
@Component
class FormLabels {

    /** A form field: its label, its options by value, whether it is a checkbox. */
    record Field(String label, Map<String, String> options, boolean checkbox) {

        /** The value as the form showed it, or null when it showed the value itself. */
        String show(Object value) {
            if (value == null) {
                return null;
            }
            if (checkbox && value instanceof Boolean flag) {
                return flag ? "是" : "否";
            }
            return options.get(String.valueOf(value));
        }
    }

    /** The fields of one deployment's forms: by form id, and by key over all its forms (the first naming it). */
    private record Deployed(Map<String, Map<String, Field>> forms, Map<String, Field> any) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;
    private final Map<String, Deployed> byDeployment = new ConcurrentHashMap<>();
    /** Per process definition (immutable too): its deployment and the form of each activity, "" for none. */
    private final Map<String, String> deploymentOf = new ConcurrentHashMap<>();
    private final Map<String, String> formOf = new ConcurrentHashMap<>();

    FormLabels(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * The field a variable was entered in at an activity: the form of that user task (or of the process's start
     * event when the activity is unknown, as for a start form), else any form of the deployment naming the key.
     */
    Field field(String processDefinitionId, String activityId, String variable) {
        if (processDefinitionId == null || variable == null) {
            return null;
        }
        // a record reads hundreds of values: the engine is asked once per definition and activity, not per value
        Deployed deployed = byDeployment.computeIfAbsent(deploymentOf.computeIfAbsent(processDefinitionId,
                id -> repository.getProcessDefinition(id).getDeploymentId()), this::read);
        String formRef = formOf.computeIfAbsent(processDefinitionId + "#" + (activityId == null ? "" : activityId),
                k -> java.util.Objects.requireNonNullElse(formRef(processDefinitionId, activityId), ""));
        Field field = formRef.isEmpty() ? null : deployed.forms().getOrDefault(formRef, Map.of()).get(variable);
        return field != null ? field : deployed.any().get(variable);
    }

    private String formRef(String processDefinitionId, String activityId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
        if (activityId != null) {
            ModelElementInstance element = model.getModelElementById(activityId);
            if (element instanceof UserTask task) {
                return task.getCamundaFormRef();
            }
            if (element instanceof StartEvent start) {
                return start.getCamundaFormRef();
            }
            return null;
        }
        // the start form: the process's own start event (not an event sub-process's)
        return model.getModelElementsByType(StartEvent.class).stream()
                .filter(e -> e.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                .map(StartEvent::getCamundaFormRef).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private Deployed read(String deploymentId) {
        Map<String, Map<String, Field>> forms = new HashMap<>();
        Map<String, Field> any = new HashMap<>();
        repository.getDeploymentResourceNames(deploymentId).stream().filter(name -> name.endsWith(".form")).sorted()
                .forEach(name -> {
                    try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                        JsonNode form = JSON.readTree(in);
                        Map<String, Field> fields = new HashMap<>();
                        collect(form.path("components"), fields);
                        forms.put(form.path("id").asText(name), Map.copyOf(fields));
                        fields.forEach(any::putIfAbsent);
                    } catch (IOException e) {
                        // a form that cannot be read labels nothing; the record still shows the variable's name
                    }
                });
        return new Deployed(Map.copyOf(forms), Map.copyOf(any));
    }

    static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            // a date field labels itself with dateLabel (form-js datetime)
            String label = component.path("label").asText(component.path("dateLabel").asText(""));
            if (!key.isEmpty() && !label.isEmpty() && !fields.containsKey(key)) {
                Map<String, String> options = new LinkedHashMap<>();
                component.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
                fields.put(key, new Field(label, Map.copyOf(options), "checkbox".equals(component.path("type").asText())));
            }
            collect(component.path("components"), fields);
        }
    }
}
