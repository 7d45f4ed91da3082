package org.sunlight.inspection.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inspection settings (sunlight.inspection.*).
 *
 * @param inspectorsPerTarget           inspectors drawn per target: at least two (行政处罚法第四十二条、第五十五条; RULES 5.6)
 * @param publicationWorkingDays        results are published within 20 working days of the inspection's end (RULES 5.5:
 *                                      国发〔2019〕5号 and local rules, e.g. 河北). This is the one limit the public result
 *                                      meets: the publication's review is due then too (DMN publication-deadline, row
 *                                      inspection-result, counted from the inspection's end), so keep the two equal
 * @param publicationReviewWorkingDays  the last working days of that limit kept for the publication review (公示审查:
 *                                      masking checked, published or withheld): the inspectors' confirmation is due, and
 *                                      the timer hands an unconfirmed result over, this many working days before the
 *                                      limit. Local practice, not law; at least 1, as 0 would hand over at the limit itself
 *                                      and leave the review no time at all
 * @param recordEntryWorkingDays        working days after the plan period in which the record of an inspection held
 *                                      within it may still be entered; a target still without one then goes to
 *                                      未按期检查说明 (its inspection would be outside the approved period, 国办发〔2024〕54号).
 *                                      Local practice, not law
 */
@ConfigurationProperties("sunlight.inspection")
record InspectionPolicy(int inspectorsPerTarget, int publicationWorkingDays,
                        @DefaultValue("5") int publicationReviewWorkingDays,
                        @DefaultValue("5") int recordEntryWorkingDays) {

    InspectionPolicy {
        if (recordEntryWorkingDays < 0) {
            throw new IllegalArgumentException("sunlight.inspection.record-entry-working-days must not be negative");
        }
        if (inspectorsPerTarget < 2) {
            throw new IllegalArgumentException("sunlight.inspection.inspectors-per-target must be at least 2 (RULES 5.6)");
        }
        if (publicationReviewWorkingDays < 1 || publicationReviewWorkingDays >= publicationWorkingDays) {
            throw new IllegalArgumentException("sunlight.inspection.publication-review-working-days must be at least 1 and "
                    + "less than sunlight.inspection.publication-working-days (RULES 5.5: the review happens within the limit)");
        }
    }

    /** Working days after the inspection's end by which the result is handed over to publicity. */
    int handOverWorkingDays() {
        return publicationWorkingDays - publicationReviewWorkingDays;
    }
}
