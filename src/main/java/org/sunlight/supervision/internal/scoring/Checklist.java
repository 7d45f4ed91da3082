package org.sunlight.supervision.internal.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.SystemReads;

/**
 * The checklist of 案卷评查 is the DMN table {@code case-file-checklist} (dmn/case-file-checklist.dmn): one row per
 * item and procedure (its input {@code procedure} lists the process ids it applies to), hit policy COLLECT, each row
 * citing its source (RULES and the article it enforces). Its version is the
 * engine's decision-definition version, so deploying a changed table is how the checklist changes.
 * <p>
 * The deployed table (read from the repository, by version) is evaluated by a standalone DMN engine with Camunda's
 * default configuration (the same FEEL), not through the DecisionService: a score is not a step of the case, and every
 * pre-check would otherwise add a decision instance to the history and to the record chain of entries without a case.
 * The score itself stores the version it used.
 */
@Component
class Checklist {

    static final String KEY = "case-file-checklist";

    record Version(String id, int version) {
    }

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final RepositoryService repositoryService;
    private final SystemReads system;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    Checklist(RepositoryService repositoryService, SystemReads system) {
        this.repositoryService = repositoryService;
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
        DmnDecision decision = parsed.computeIfAbsent(version.id(), this::parse);
        return dmn.evaluateDecisionTable(decision, facts).getResultList();
    }

    private DmnDecision parse(String definitionId) {
        return system.asSystem(() -> {
            try (InputStream model = repositoryService.getDecisionModel(definitionId)) {
                return dmn.parseDecision(KEY, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
