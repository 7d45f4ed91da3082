package org.sunlight.inspection;

import java.util.List;

/**
 * The published random-inspection item list (随机抽查事项清单, 国办发〔2015〕58号二(一); RULES 1.2, 5.1) as the public
 * sees it. The inspection module owns the list; publicity shows it.
 */
public interface RandomInspectionList {

    /**
     * @param objects the kinds of regulated entity inspected, in Chinese
     * @param method  how targets and inspectors are chosen
     * @param ratio   the sampling ratio by risk class, as applied (DMN sample-rate)
     */
    record Item(String code, String name, String legalBasis, String content, String objects, String method, String ratio) {
    }

    List<Item> published();
}
