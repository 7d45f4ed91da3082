package org.sunlight.inspection.internal;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * An item of the random-inspection list (随机抽查事项清单): what is inspected, on which legal basis, which kinds of
 * regulated entities. Only a published item can found an inspection (国办发〔2015〕58号二(一)).
 *
 * @param targetKinds comma separated kinds of regulated entity (see {@link RegulatedEntity#KINDS})
 */
record InspectionItem(String code, String name, String legalBasis, String content, String targetKinds,
                      boolean published, Date updatedAt, String updatedBy) {

    List<String> kinds() {
        return Arrays.stream(targetKinds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
