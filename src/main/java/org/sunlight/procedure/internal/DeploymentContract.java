package org.sunlight.procedure.internal;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;

/**
 * A deployment (Camunda Modeler, REST) is checked before the engine stores anything, so that a broken procedure never
 * reaches running cases and the designer learns why in words (400):
 * <ul>
 * <li>forms must be what the 7.24 Tasklist renders: JSON with an id, schemaVersion ≤ 16 (form-js 1.8.7 bundled in the
 * webapp), only the component types that bundle knows (FACTS §2), unique keys;</li>
 * <li>decisions must parse and transform in the DMN engine (the engine itself would answer a broken table with 500);</li>
 * <li>diagrams must be readable BPMN (the engine's own parser then checks the rest and answers 400).</li>
 * </ul>
 */
class DeploymentContract extends CommandInterceptor {

    static final int MAX_SCHEMA_VERSION = 16;
    static final Set<String> FORM_TYPES = Set.of("default", "textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "button", "text", "html", "image", "spacer", "separator", "group",
            "dynamiclist", "iframe", "table", "expression");

    private final ObjectMapper mapper;

    DeploymentContract(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A deployment Sunlight refuses; Camunda's REST API answers BadUserRequestException with 400. */
    static class InvalidDeployment extends BadUserRequestException {
        InvalidDeployment(String resource, String zh, String en) {
            super("部署被拒绝：" + resource + " " + zh + " / Deployment refused: " + resource + " " + en);
        }
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof DeployCmd) {
            DeploymentBuilderImpl builder = FormContract.field(command, "deploymentBuilder");
            Map<String, ResourceEntity> resources = builder.getDeployment().getResources();
            if (resources != null) {
                resources.forEach((name, resource) -> check(name, resource.getBytes()));
            }
        }
        return next.execute(command);
    }

    void check(String name, byte[] bytes) {
        String lower = name.toLowerCase();
        if (bytes == null) {
            throw new InvalidDeployment(name, "内容为空", "is empty");
        }
        if (lower.endsWith(".form")) {
            checkForm(name, bytes);
        } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            try {
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()
                        .parseDecisions(Dmn.readModelFromStream(new ByteArrayInputStream(bytes)));
            } catch (RuntimeException e) {
                throw new InvalidDeployment(name, "不是有效的 DMN 决策表：" + e.getMessage(), "is not a valid DMN table: " + e.getMessage());
            }
        } else if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            try {
                Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
            } catch (RuntimeException e) {
                throw new InvalidDeployment(name, "不是有效的 BPMN 流程：" + e.getMessage(), "is not valid BPMN: " + e.getMessage());
            }
        }
    }

    private void checkForm(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new InvalidDeployment(name, "不是有效的 JSON", "is not valid JSON");
        }
        if (root == null || !root.isObject() || !root.path("id").isTextual() || root.path("id").asText().isBlank()) {
            throw new InvalidDeployment(name, "缺少表单编号（id）", "has no form id");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version < 0 || version > MAX_SCHEMA_VERSION) {
            throw new InvalidDeployment(name, "的 schemaVersion 须为 0 至 " + MAX_SCHEMA_VERSION
                    + "（任务列表内置 form-js 1.8.7）；请在 Camunda Modeler 中选择 Camunda 7.24 平台导出",
                    "needs schemaVersion 0.." + MAX_SCHEMA_VERSION + " (Tasklist 7.24 bundles form-js 1.8.7)");
        }
        if (!root.path("components").isArray()) {
            throw new InvalidDeployment(name, "缺少表单组件（components）", "has no components");
        }
        checkComponents(name, root.path("components"), new HashSet<>());
    }

    private void checkComponents(String name, JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (!FORM_TYPES.contains(type)) {
                throw new InvalidDeployment(name, "包含任务列表 7.24 不支持的组件类型“" + type + "”",
                        "uses component type '" + type + "' that Tasklist 7.24 cannot render");
            }
            String key = component.path("key").asText(null);
            if (key != null && !keys.add(key)) {
                throw new InvalidDeployment(name, "的字段键“" + key + "”重复", "has the key '" + key + "' twice");
            }
            if (component.has("components")) {
                checkComponents(name, component.path("components"), keys);
            }
        }
    }
}
