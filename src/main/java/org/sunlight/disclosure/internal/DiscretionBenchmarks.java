package org.sunlight.disclosure.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.StatutoryClock;

/**
 * The discretion benchmarks (行政处罚裁量基准) as published (《行政处罚法》第三十四条: 应当向社会公布): read from the
 * latest deployed version of the DMN {@code discretion-benchmark}, the table that the penalty procedure evaluates, so
 * the public reads exactly what is applied. Ranges come from the rules' outputs; the situations from their annotations.
 */
@Component
class DiscretionBenchmarks {

    static final String DECISION = "discretion-benchmark";
    private static final Pattern SITUATION = Pattern.compile("(?:从轻|一般|从重)：(.+?)(?:，取|。|$)");
    /** The base of a rate fine: the variable that the rule's minFine multiplies (contractPrice * 0.013). */
    private static final Pattern RATE_BASE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\*");

    record Tier(String tier, String tierName, String situation, String range, String annotation) {
    }

    record Violation(String code, String name, String legalBasis, List<Tier> tiers) {
    }

    record Benchmarks(String name, int version, LocalDate deployedOn, String description, List<Violation> violations) {
    }

    private final RepositoryService repositoryService;
    private final StatutoryClock clock;

    DiscretionBenchmarks(RepositoryService repositoryService, StatutoryClock clock) {
        this.repositoryService = repositoryService;
        this.clock = clock;
    }

    Benchmarks current() {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        if (definition == null) {
            return new Benchmarks("行政处罚裁量基准", 0, null, "裁量基准尚未发布", List.of());
        }
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId())
                .singleResult();
        DmnModelInstance model = repositoryService.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(DECISION);
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int codeColumn = -1;
        for (int i = 0; i < inputs.size(); i++) {
            if ("violationCode".equals(inputs.get(i).getInputExpression().getText().getTextContent().trim())) {
                codeColumn = i;
            }
        }
        Map<String, Violation> violations = new LinkedHashMap<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> in = new ArrayList<>(rule.getInputEntries());
            List<OutputEntry> out = new ArrayList<>(rule.getOutputEntries());
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                values.put(outputs.get(i).getName(), text(out.get(i).getText().getTextContent()));
            }
            String code = codeColumn < 0 ? "" : unquote(in.get(codeColumn).getText().getTextContent());
            String annotation = rule.getDescription() == null ? "" : rule.getDescription().getTextContent().trim();
            Violation violation = violations.computeIfAbsent(code, c -> new Violation(c,
                    unquote(values.get("violationName")), unquote(values.get("legalBasis")), new ArrayList<>()));
            violation.tiers().add(new Tier(unquote(values.get("tier")), unquote(values.get("tierName")),
                    situation(annotation, inputs, in, codeColumn), range(values, inputs), annotation));
        }
        return new Benchmarks(decision.getName(), definition.getVersion(),
                deployment == null ? null : clock.toDate(deployment.getDeploymentTime()),
                decision.getDescription() == null ? "" : decision.getDescription().getTextContent().trim(),
                List.copyOf(violations.values()));
    }

    /** The situation of a tier from its annotation (从重：造成严重危害后果，取…), else its input entries. */
    private static String situation(String annotation, List<Input> inputs, List<InputEntry> entries, int codeColumn) {
        Matcher matcher = SITUATION.matcher(annotation);
        if (matcher.find()) {
            return matcher.group(1);
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String entry = text(entries.get(i).getText().getTextContent());
            if (i != codeColumn && entry != null && !entry.equals("-")) {
                conditions.add(inputs.get(i).getLabel() + " " + entry.replace("\"", ""));
            }
        }
        return conditions.isEmpty() ? "其他情形" : String.join("；", conditions);
    }

    /** 10000元至37000元, or 工程合同价款的1.7%至2% (挪用的安全生产费用的20%至29%, 建设工程造价的5%至6.5%…). */
    private static String range(Map<String, String> values, List<Input> inputs) {
        BigDecimal minRate = number(values.get("minRate"));
        BigDecimal maxRate = number(values.get("maxRate"));
        if (minRate != null && maxRate != null) {
            return rateBase(values.get("minFine"), inputs) + "的" + percent(minRate) + "至" + percent(maxRate);
        }
        BigDecimal min = number(values.get("minFine"));
        BigDecimal max = number(values.get("maxFine"));
        if (min != null && max != null) {
            return plain(min) + "元至" + plain(max) + "元";
        }
        return "见处罚依据";
    }

    /**
     * What a rate applies to, named as the table's input that the rule's amount multiplies: 工程合同价款（元） for
     * {@code contractPrice * 0.013} gives 工程合同价款. Not every rate is of the contract price (安全条例第63条: 挪用费用;
     * 城乡规划法第64条: 建设工程造价; 质量条例第73条: 单位罚款数额).
     */
    private static String rateBase(String minFine, List<Input> inputs) {
        Matcher matcher = minFine == null ? null : RATE_BASE.matcher(minFine);
        if (matcher != null && matcher.find()) {
            for (Input input : inputs) {
                if (matcher.group(1).equals(input.getInputExpression().getText().getTextContent().trim())
                        && input.getLabel() != null) {
                    return input.getLabel().replaceFirst("（元）$", "").trim();
                }
            }
        }
        return "工程合同价款";
    }

    private static String percent(BigDecimal rate) {
        return plain(rate.movePointRight(2)) + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        return trimmed.isEmpty() || trimmed.equals("null") ? null : trimmed;
    }

    private static String unquote(String raw) {
        String text = text(raw);
        if (text != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
