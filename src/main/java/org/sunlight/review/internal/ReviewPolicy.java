package org.sunlight.review.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Legal review settings (sunlight.review.*).
 *
 * @param workingDays the reviewer's time limit, in working days from the submission. Local policy, not law: 国办发〔2018〕118号
 *                    sets no period for legal review; RULES 1.19 cites 7 working days (宁夏住建厅审核目录) as an example
 */
@ConfigurationProperties("sunlight.review")
record ReviewPolicy(int workingDays) {

    ReviewPolicy {
        if (workingDays < 1) {
            throw new IllegalArgumentException("sunlight.review.working-days must be at least 1 (RULES 1.19)");
        }
    }
}
