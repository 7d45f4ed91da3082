package org.sunlight.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Loads one decision table from the classpath resource {@code dmn/<id>.dmn} into the standalone DMN engine
 * (FEEL-Scala, no Spring, no process engine) and records which rules fire, so a test can assert both the
 * outputs and the rule that produced them, and check at the end that every rule of the table was exercised.
 */
public final class DecisionTableFixture {

    /** Rule ids matched by the last evaluation on this thread (filled by the engine listener). */
    private static final ThreadLocal<List<String>> LAST_MATCHED = ThreadLocal.withInitial(ArrayList::new);

    private static final DmnDecisionTableEvaluationListener RECORDER = event -> {
        List<String> ids = new ArrayList<>();
        for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
            ids.add(rule.getId());
        }
        LAST_MATCHED.set(ids);
    };

    private static final DmnEngine ENGINE = buildEngine();

    private final String decisionId;
    private final DmnModelInstance model;
    private final DmnDecision decision;
    private final Set<String> exercisedRuleIds = new LinkedHashSet<>();

    private DecisionTableFixture(String decisionId) {
        this.decisionId = decisionId;
        this.model = readModel(decisionId);
        this.decision = ENGINE.parseDecision(decisionId, model);
    }

    /** Parses {@code dmn/<decisionId>.dmn} and its decision with key {@code decisionId}. */
    public static DecisionTableFixture load(String decisionId) {
        return new DecisionTableFixture(decisionId);
    }

    /** Parses a DMN file from the classpath with schema validation (the Camunda DMN model API validates). */
    public static DmnModelInstance readModel(String decisionId) {
        String resource = "dmn/" + decisionId + ".dmn";
        try (InputStream in = DecisionTableFixture.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DmnEngine engine() {
        return ENGINE;
    }

    private static DmnEngine buildEngine() {
        DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(RECORDER));
        return configuration.buildEngine();
    }

    public DmnDecision decision() {
        return decision;
    }

    /**
     * Evaluates the decision with the given variables. Values may be null (a variable that is present but
     * null, as a REST client may send).
     */
    public Evaluation evaluate(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key/value pairs");
        }
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return evaluate(variables);
    }

    public Evaluation evaluate(Map<String, Object> variables) {
        LAST_MATCHED.set(new ArrayList<>());
        DmnDecisionResult result = ENGINE.evaluateDecision(decision, variables);
        List<String> matched = List.copyOf(LAST_MATCHED.get());
        exercisedRuleIds.addAll(matched);
        return new Evaluation(result, matched);
    }

    /** Ids of all rules of the table, in table order. */
    public List<String> ruleIds() {
        return model.getModelElementsByType(Rule.class).stream().map(Rule::getId).collect(Collectors.toList());
    }

    /** Rules of the table that no evaluation through this fixture has matched yet. */
    public Set<String> unexercisedRuleIds() {
        Set<String> missing = new TreeSet<>(ruleIds());
        missing.removeAll(exercisedRuleIds);
        return Collections.unmodifiableSet(missing);
    }

    public String decisionId() {
        return decisionId;
    }

    /** Result of one evaluation: the decision result and the ids of the matched rules (FIRST: at most one). */
    public record Evaluation(DmnDecisionResult result, List<String> matchedRuleIds) {

        /** The single result row (fails if there is none or more than one). */
        public Map<String, Object> row() {
            assertThat(result.getResultList()).as("result rows").hasSize(1);
            return result.getSingleResult().getEntryMap();
        }

        /** The id of the single matched rule. */
        public String ruleId() {
            assertThat(matchedRuleIds).as("matched rules").hasSize(1);
            return matchedRuleIds.get(0);
        }

        public boolean isEmpty() {
            return result.getResultList().isEmpty();
        }
    }
}
