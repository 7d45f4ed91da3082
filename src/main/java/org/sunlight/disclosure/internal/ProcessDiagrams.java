package org.sunlight.disclosure.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The flowchart of a procedure (执法流程图, RULES 1.2) as the public gets it: the latest deployed BPMN of the process,
 * so the chart is the procedure that runs — stripped of what is engine configuration rather than procedure
 * (camunda:* attributes and extensions, expressions of conditions and timers, scripts). Names, documentation with
 * the legal basis, and the diagram remain.
 */
@Component
class ProcessDiagrams {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> REMOVED = Set.of("extensionElements", "conditionExpression", "timeDate",
            "timeCycle", "timeDuration", "script", "completionCondition", "loopCardinality");

    private final RepositoryService repositoryService;

    ProcessDiagrams(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The procedure is deployed and its BPMN carries a diagram (BPMNDI) that a viewer can draw. */
    boolean drawable(String processKey) {
        ProcessDefinition definition = latest(processKey);
        return definition != null && repositoryService.getBpmnModelInstance(definition.getId())
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class).size() > 0;
    }

    Optional<String> publicXml(String processKey) {
        ProcessDefinition definition = latest(processKey);
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream in = repositoryService.getProcessModel(definition.getId())) {
            Document document = parser().newDocumentBuilder().parse(in);
            strip(document.getDocumentElement());
            return Optional.of(write(document));
        } catch (IOException | SAXException | ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("Cannot prepare the diagram of " + processKey, e);
        }
    }

    private ProcessDefinition latest(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
    }

    private static void strip(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> camundaAttributes = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            boolean camundaNamespaceDeclaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                    && CAMUNDA.equals(attribute.getValue());
            if (CAMUNDA.equals(attribute.getNamespaceURI()) || camundaNamespaceDeclaration) {
                camundaAttributes.add(attribute);
            }
        }
        camundaAttributes.forEach(element::removeAttributeNode);
        NodeList children = element.getChildNodes();
        List<Node> removed = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                if (CAMUNDA.equals(e.getNamespaceURI()) || (BPMN.equals(e.getNamespaceURI())
                        && REMOVED.contains(e.getLocalName()))) {
                    removed.add(e);
                } else {
                    strip(e);
                }
            }
        }
        removed.forEach(element::removeChild);
    }

    private static DocumentBuilderFactory parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static String write(Document document) throws TransformerException {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
