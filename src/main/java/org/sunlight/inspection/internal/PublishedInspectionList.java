package org.sunlight.inspection.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.sunlight.inspection.RandomInspectionList;

/**
 * The published items with the sampling ratio the deployed DMN {@code sample-rate} applies, so that what the portal
 * publishes is what the draws use.
 */
@Component
class PublishedInspectionList implements RandomInspectionList {

    private static final List<String> RISK_ORDER = List.of("high", "medium", "low");

    private final InspectionCatalogue catalogue;
    private final DecisionService decisions;

    PublishedInspectionList(InspectionCatalogue catalogue, DecisionService decisions) {
        this.catalogue = catalogue;
        this.decisions = decisions;
    }

    @Override
    public List<Item> published() {
        String ratio = RISK_ORDER.stream().map(risk -> {
            Object rate = decisions.evaluateDecisionTableByKey("sample-rate", Map.of("riskClass", risk))
                    .getSingleResult().getSingleEntry();
            return RegulatedEntity.RISK_CLASSES.get(risk) + " "
                    + new java.math.BigDecimal(rate.toString()).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }).collect(Collectors.joining("，"));
        return catalogue.publishedItems().stream().map(item -> new Item(item.code(), item.name(), item.legalBasis(),
                item.content(), item.kinds().stream().map(k -> RegulatedEntity.KINDS.getOrDefault(k, k))
                .collect(Collectors.joining("、")), "双随机抽查：随机抽取检查对象、随机选派检查人员", ratio)).toList();
    }
}
