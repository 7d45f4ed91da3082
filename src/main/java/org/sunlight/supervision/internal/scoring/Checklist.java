package org.sunlight.supervision.internal.scoring;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The checklist of 案卷评查 is the DMN table {@code case-file-checklist} (dmn/case-file-checklist.dmn): one row per
 * item, hit policy COLLECT, each row citing its source (RULES §8.2/§8.3 and the article it enforces). Its version is the
 * engine's decision-definition version, so deploying a changed table is how the checklist changes.
 */
@Component
class Checklist {

    static final String KEY = "case-file-checklist";

    record Version(String id, int version) {
    }

    private final RepositoryService repositoryService;
    private final DecisionService decisionService;
    private final SystemAccess system;

    Checklist(RepositoryService repositoryService, DecisionService decisionService, SystemAccess system) {
        this.repositoryService = repositoryService;
        this.decisionService = decisionService;
        this.system = system;
    }

    Version latest() {
        DecisionDefinition definition = system.asSystem(() -> repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(KEY).latestVersion().singleResult());
        if (definition == null) {
            throw new IllegalStateException("The decision " + KEY + " is not deployed");
        }
        return new Version(definition.getId(), definition.getVersion());
    }

    /** Every item the facts fail: code, label, kind (veto | deduction), points, fact, basis. */
    List<Map<String, Object>> failedItems(Version version, Map<String, Object> facts) {
        return system.asSystem(() -> decisionService.evaluateDecisionTableById(version.id(), facts).getResultList());
    }
}
