package org.sunlight.inspection.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inspection settings (sunlight.inspection.*).
 *
 * @param inspectorsPerTarget    inspectors drawn per target: at least two (行政处罚法第四十二条、第五十五条; RULES 5.6)
 * @param publicationWorkingDays results are published within 20 working days of the inspection's end (RULES 5.5:
 *                               国发〔2019〕5号 and local rules, e.g. 河北)
 */
@ConfigurationProperties("sunlight.inspection")
record InspectionPolicy(int inspectorsPerTarget, int publicationWorkingDays) {

    InspectionPolicy {
        if (inspectorsPerTarget < 2) {
            throw new IllegalArgumentException("sunlight.inspection.inspectors-per-target must be at least 2 (RULES 5.6)");
        }
    }
}
