package org.sunlight.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Conventions every file in {@code dmn/} must keep (see DESIGN.md "Contracts"): decision id == file name, Chinese
 * names and labels, inputs are process-variable names, every rule annotated with its legal basis, a DRD shape,
 * no per-file history time-to-live.
 */
class DecisionCatalogueDmnTests {

    /** Decision ids that clients, processes and tests depend on. */
    private static final List<String> CONTRACT_IDS = List.of(
            "penalty-procedure", "hearing-right", "legal-review-required", "discretion-benchmark", "av-recording",
            // licensing and collection
            "permit-required", "infrastructure-fee", "licensing-time-limit");

    private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    private static final String MODEL_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";

    /** An article reference: 第57条, 第五十七条. */
    private static final Pattern ARTICLE = Pattern.compile("第[0-9一二三四五六七八九十百千]+条");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    static Stream<String> decisionFiles() {
        return dmnFileIds().stream();
    }

    private static List<String> dmnFileIds() {
        URL folder = DecisionCatalogueDmnTests.class.getClassLoader().getResource("dmn");
        assertThat(folder).as("classpath folder dmn/").isNotNull();
        try {
            File[] files = new File(folder.toURI()).listFiles((dir, name) -> name.endsWith(".dmn"));
            assertThat(files).isNotNull();
            List<String> ids = new ArrayList<>();
            Arrays.stream(files).map(f -> f.getName().substring(0, f.getName().length() - ".dmn".length()))
                    .sorted().forEach(ids::add);
            return ids;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyContractDecisionHasItsFile() {
        assertThat(dmnFileIds()).containsAll(CONTRACT_IDS);
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void decisionKeyEqualsFileName(String fileId) {
        DmnModelInstance model = DecisionTableFixture.readModel(fileId);
        assertThat(model.getModelElementsByType(Decision.class)).extracting(Decision::getId).containsExactly(fileId);

        List<DmnDecision> parsed = DecisionTableFixture.engine().parseDecisions(model);
        assertThat(parsed).extracting(DmnDecision::getKey).containsExactly(fileId);
        assertThat(parsed.get(0).isDecisionTable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void everyRuleCitesItsLegalBasis(String fileId) {
        DmnModelInstance model = DecisionTableFixture.readModel(fileId);
        List<Rule> rules = new ArrayList<>(model.getModelElementsByType(Rule.class));
        assertThat(rules).isNotEmpty();
        for (Rule rule : rules) {
            String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
            assertThat(description).as("annotation of rule %s in %s.dmn", rule.getId(), fileId)
                    .isNotBlank()
                    .containsPattern(CHINESE)
                    .containsPattern(ARTICLE);
        }
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void namesAndLabelsAreChineseAndInputsAreVariableNames(String fileId) {
        DmnModelInstance model = DecisionTableFixture.readModel(fileId);
        Decision decision = model.getModelElementsByType(Decision.class).iterator().next();
        assertThat(decision.getName()).as("decision name").containsPattern(CHINESE);

        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        // the case-file checklist collects every item a file fails (案卷评查: all findings, not the first)
        assertThat(table.getHitPolicy()).as("hit policy (all tables use FIRST with a catch-all or no-match row)")
                .isEqualTo("case-file-checklist".equals(fileId) ? HitPolicy.COLLECT : HitPolicy.FIRST);
        for (Input input : table.getInputs()) {
            assertThat(input.getLabel()).as("input label %s", input.getId()).containsPattern(CHINESE);
            assertThat(input.getInputExpression().getText().getTextContent().trim())
                    .as("input expression of %s is a process variable name", input.getLabel())
                    .matches(VARIABLE_NAME);
        }
        for (Output output : table.getOutputs()) {
            assertThat(output.getLabel()).as("output label %s", output.getId()).containsPattern(CHINESE);
            assertThat(output.getName()).as("output name of %s", output.getLabel()).matches(VARIABLE_NAME);
        }
    }

    @ParameterizedTest
    @MethodSource("decisionFiles")
    void hasOneDrdShapePerDecisionAndNoHistoryTimeToLive(String fileId) throws Exception {
        Document document = parseXml(fileId);

        NodeList decisions = document.getElementsByTagNameNS(MODEL_NS, "decision");
        NodeList shapes = document.getElementsByTagNameNS(DMNDI_NS, "DMNShape");
        assertThat(shapes.getLength()).isEqualTo(decisions.getLength()).isEqualTo(1);
        assertThat(((Element) shapes.item(0)).getAttribute("dmnElementRef")).isEqualTo(fileId);
        assertThat(((Element) decisions.item(0)).hasAttributeNS(CAMUNDA_NS, "historyTimeToLive"))
                .as("history time-to-live is configured globally, not per file").isFalse();
    }

    private static Document parseXml(String fileId) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = DecisionCatalogueDmnTests.class.getClassLoader()
                .getResourceAsStream("dmn/" + fileId + ".dmn")) {
            assertThat(in).isNotNull();
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
