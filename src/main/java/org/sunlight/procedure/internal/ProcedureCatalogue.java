package org.sunlight.procedure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * What process designers look up about every deployed procedure (its latest version): the diagram, each element with
 * its documentation, the forms of its tasks with their fields, the decisions it evaluates with every rule's annotation,
 * and the legal sources all of these cite. Read from the engine, so a newly deployed procedure or version appears
 * without any change here. Queries run as the requesting user: Camunda's authorizations decide what is listed.
 */
@Component
class ProcedureCatalogue {

    record Field(String key, String label, String type, boolean required, boolean displayOnly, boolean forRecord) {
    }

    record Form(String id, String title, List<Field> fields, List<String> citations) {
    }

    record DecisionRule(int number, List<String> when, List<String> then, String annotation, List<String> citations) {
    }

    record DecisionSummary(String key, String name, int version, String hitPolicy, List<String> inputs,
                           List<String> outputs, List<DecisionRule> rules) {
    }

    record Element(String id, String type, String name, String documentation, String condition, String form,
                   String decision, String calledProcedure, String candidateGroups, String assignee, String dueDate,
                   List<String> citations) {
    }

    record CitedSource(String source, String article, List<String> citedBy) {
    }

    record Procedure(String key, String name, int version, String versionTag, String definitionId, Date deployedAt,
                     String documentation, List<Element> elements, List<Form> forms, List<DecisionSummary> decisions,
                     List<CitedSource> citations) {
    }

    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl engine;
    private final ObjectMapper mapper;

    ProcedureCatalogue(RepositoryService repository, ProcessEngine engine, ObjectMapper mapper) {
        this.repository = repository;
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.mapper = mapper;
    }

    /**
     * Deployments and their resources need READ on deployments, which officers do not have: a procedure's forms and
     * deployment time are part of the procedure a staff member may read, not of anyone's case.
     */
    private <T> T withoutAuthorization(Callable<T> read) {
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(read));
    }

    List<Procedure> procedures() {
        List<Procedure> procedures = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list()) {
            procedures.add(describe(definition));
        }
        return procedures;
    }

    Optional<Procedure> procedure(String key) {
        return latest(key).map(this::describe);
    }

    /** The BPMN XML of the latest version, for the diagram. */
    Optional<InputStream> diagram(String key) {
        return latest(key).map(d -> repository.getProcessModel(d.getId()));
    }

    private Optional<ProcessDefinition> latest(String key) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult());
    }

    private Procedure describe(ProcessDefinition definition) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        Map<String, JsonNode> deployedForms = withoutAuthorization(() -> forms(definition.getDeploymentId()));
        Index index = new Index();

        String processDoc = documentation(process.getDocumentations());
        index.add(processDoc, "流程说明");
        List<Element> elements = new ArrayList<>();
        List<Form> forms = new ArrayList<>();
        List<String> decisionKeys = new ArrayList<>();
        for (FlowElement element : inDocumentOrder(process.getFlowElements(), new ArrayList<>())) {
            if (element instanceof SequenceFlow flow && flow.getConditionExpression() == null
                    && flow.getDocumentations().isEmpty()) {
                continue; // plain flows say nothing a designer looks up
            }
            String doc = documentation(element.getDocumentations());
            String form = formRef(element);
            String decision = element instanceof BusinessRuleTask rule ? rule.getCamundaDecisionRef() : null;
            String called = element instanceof CallActivity call ? call.getCalledElement() : null;
            UserTask task = element instanceof UserTask t ? t : null;
            String label = element.getName() != null ? element.getName() : element.getId();
            String condition = element instanceof SequenceFlow flow && flow.getConditionExpression() != null
                    ? flow.getConditionExpression().getTextContent().trim() : null;
            elements.add(new Element(element.getId(), element.getElementType().getTypeName(), element.getName(), doc,
                    condition, form, decision, called, task == null ? null : task.getCamundaCandidateGroups(),
                    task == null ? null : task.getCamundaAssignee(), task == null ? null : task.getCamundaDueDate(),
                    index.add(doc, label)));
            if (form != null && forms.stream().noneMatch(f -> f.id().equals(form))) {
                forms.add(form(form, deployedForms.get(form), index));
            }
            if (decision != null && !decisionKeys.contains(decision)) {
                decisionKeys.add(decision);
            }
        }
        List<DecisionSummary> decisions = new ArrayList<>();
        for (String key : decisionKeys) {
            decision(key, index).ifPresent(decisions::add);
        }
        Deployment deployment = withoutAuthorization(() -> repository.createDeploymentQuery()
                .deploymentId(definition.getDeploymentId()).singleResult());
        return new Procedure(definition.getKey(), definition.getName(), definition.getVersion(),
                definition.getVersionTag(), definition.getId(), deployment == null ? null : deployment.getDeploymentTime(),
                processDoc, elements, forms, decisions, index.sources());
    }

    /** Flow elements as the file lists them, a sub-process's own elements right after it. */
    private static List<FlowElement> inDocumentOrder(Collection<FlowElement> elements, List<FlowElement> into) {
        for (FlowElement element : elements) {
            into.add(element);
            if (element instanceof SubProcess sub) {
                inDocumentOrder(sub.getFlowElements(), into);
            }
        }
        return into;
    }

    private static String formRef(FlowElement element) {
        if (element instanceof UserTask task) {
            return task.getCamundaFormRef();
        }
        if (element instanceof StartEvent start) {
            return start.getCamundaFormRef();
        }
        return null;
    }

    private Form form(String id, JsonNode root, Index index) {
        if (root == null) {
            return new Form(id, null, List.of(), List.of());
        }
        List<Field> fields = new ArrayList<>();
        List<String> citations = new ArrayList<>();
        String title = null;
        List<JsonNode> components = new ArrayList<>();
        collect(root.path("components"), components);
        for (JsonNode c : components) {
            if ("text".equals(c.path("type").asText())) {
                String text = c.path("text").asText();
                if (title == null && text.startsWith("#")) {
                    title = text.lines().findFirst().orElse("").replaceFirst("^#+\\s*", "");
                }
                citations.addAll(index.add(text, "表单 " + id));
            }
            if (c.hasNonNull("key") && !"button".equals(c.path("type").asText())) {
                String label = c.hasNonNull("label") ? c.path("label").asText() : c.path("dateLabel").asText(null);
                fields.add(new Field(c.path("key").asText(), label, c.path("type").asText(),
                        c.path("validate").path("required").asBoolean(false), c.path("disabled").asBoolean(false),
                        "true".equals(c.path("properties").path("record").asText())));
            }
        }
        return new Form(id, title, fields, citations.stream().distinct().toList());
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }

    private Optional<DecisionSummary> decision(String key, Index index) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(key);
        DecisionTable table = decision == null ? null
                : decision.getExpression() instanceof DecisionTable t ? t : null;
        if (table == null) {
            return Optional.empty();
        }
        List<String> inputs = table.getInputs().stream().map(ProcedureCatalogue::inputLabel).toList();
        List<String> outputs = table.getOutputs().stream().map(ProcedureCatalogue::outputLabel).toList();
        List<DecisionRule> rules = new ArrayList<>();
        int number = 0;
        for (Rule rule : table.getRules()) {
            number++;
            String annotation = rule.getDescription() == null ? "" : rule.getDescription().getTextContent().trim();
            List<String> when = rule.getInputEntries().stream().map(e -> e.getTextContent().trim()).toList();
            List<String> then = rule.getOutputEntries().stream().map(e -> e.getTextContent().trim()).toList();
            rules.add(new DecisionRule(number, when, then, annotation,
                    index.add(annotation, "决策 " + definition.getName() + " 第" + number + "行")));
        }
        return Optional.of(new DecisionSummary(key, definition.getName(), definition.getVersion(),
                table.getHitPolicy().name(), inputs, outputs, rules));
    }

    private static String inputLabel(Input input) {
        String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                : input.getInputExpression().getText().getTextContent();
        return input.getLabel() != null ? input.getLabel() + "（" + expression + "）" : expression;
    }

    private static String outputLabel(Output output) {
        return output.getLabel() != null ? output.getLabel() + "（" + output.getName() + "）" : output.getName();
    }

    private Map<String, JsonNode> forms(String deploymentId) {
        Map<String, JsonNode> forms = new HashMap<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                    JsonNode root = mapper.readTree(in);
                    forms.put(root.path("id").asText(), root);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return forms;
    }

    private static String documentation(Collection<Documentation> docs) {
        return docs.stream().map(Documentation::getTextContent).map(String::trim).reduce((a, b) -> a + "\n" + b)
                .orElse(null);
    }

    /** The sources cited across one procedure, each with where it is cited. */
    private static final class Index {
        private final Map<String, CitedSource> sources = new LinkedHashMap<>();

        List<String> add(String text, String where) {
            List<String> cited = new ArrayList<>();
            for (Citations.Citation c : Citations.in(text)) {
                CitedSource source = sources.computeIfAbsent(c.text(),
                        k -> new CitedSource(c.source(), c.article(), new ArrayList<>()));
                if (!source.citedBy().contains(where)) {
                    source.citedBy().add(where);
                }
                cited.add(c.text());
            }
            return cited;
        }

        List<CitedSource> sources() {
            List<CitedSource> sorted = new ArrayList<>(sources.values());
            sorted.sort((a, b) -> a.source().equals(b.source()) ? Integer.compare(number(a.article()), number(b.article()))
                    : a.source().compareTo(b.source()));
            return sorted;
        }

        /** 第五十八条 → 58, for ordering. */
        private static int number(String article) {
            String digits = article.replace("第", "").replace("条", "");
            int value = 0;
            int section = 0;
            for (char ch : digits.toCharArray()) {
                int d = "零一二三四五六七八九".indexOf(ch);
                if (d >= 0) {
                    section = d;
                } else if (ch == '十') {
                    value += (section == 0 ? 1 : section) * 10;
                    section = 0;
                } else if (ch == '百') {
                    value += section * 100;
                    section = 0;
                }
            }
            return value + section;
        }
    }
}
