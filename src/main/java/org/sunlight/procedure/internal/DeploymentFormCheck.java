package org.sunlight.procedure.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Refuses a deployment whose BPMN binds a form to the deployment ({@code camunda:formRefBinding="deployment"}, our
 * convention) without that form in it. The engine would accept it and the task would fail to open in Tasklist only
 * when an officer reaches it; a designer who deploys a changed procedure without its forms (or with
 * {@code deploy-changed-only}, which leaves unchanged forms out) learns it at once, and nothing is deployed.
 */
class DeploymentFormCheck implements Deployer {

    private final ObjectMapper mapper;

    DeploymentFormCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a deployment re-read into the cache was checked when it was made
        }
        Set<String> forms = new HashSet<>();
        List<ResourceEntity> processes = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name.endsWith(".form")) {
                forms.add(formId(resource));
            } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                processes.add(resource);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ResourceEntity resource : processes) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                check(task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms, missing);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                check(start.getCamundaFormRef(), start.getCamundaFormRefBinding(), forms, missing);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadUserRequestException("部署缺少流程引用的表单（formRefBinding=deployment 须与流程一同部署）："
                    + String.join("、", missing) + " / The deployment lacks forms its processes bind to the deployment: "
                    + String.join(", ", missing));
        }
    }

    private static void check(String formRef, String binding, Set<String> forms, List<String> missing) {
        if (formRef != null && "deployment".equals(binding) && !forms.contains(formRef) && !missing.contains(formRef)) {
            missing.add(formRef);
        }
    }

    private String formId(ResourceEntity resource) {
        try {
            return mapper.readTree(resource.getBytes()).path("id").asText();
        } catch (IOException e) {
            return ""; // the engine's form deployer reports unreadable forms
        }
    }
}
