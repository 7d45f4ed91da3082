package org.sunlight.inspection.internal;

import java.util.Date;
import java.util.Map;

/**
 * A regulated entity of the registry (检查对象名录库), identified by its unified social credit code.
 *
 * @param riskClass the risk class the sample rate depends on (DMN sample-rate)
 */
record RegulatedEntity(String id, String name, String kind, String riskClass, String address, boolean active,
                       Date updatedAt, String updatedBy) {

    static final Map<String, String> KINDS = Map.of("owner", "建设单位", "contractor", "施工单位",
            "supervision", "工程监理单位", "testing", "工程质量检测机构");
    static final Map<String, String> RISK_CLASSES = Map.of("high", "高风险", "medium", "中风险", "low", "低风险");
}
