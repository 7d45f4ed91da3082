package org.sunlight.review.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one extension of the legal review's time limit (sunlight.review.extension-working-days).
 *
 * @param extensionWorkingDays working days the review may be extended by, once, with a leader's approval. Local policy,
 *                             not law: 国办发〔2018〕118号 sets no period for legal review; RULES 1.19 cites 宁夏住建厅审核目录
 *                             (7 working days, extendable by 3 with approval). 0 means the department allows no
 *                             extension. Kept apart from {@link ReviewPolicy} so that both bind under sunlight.review.
 */
@ConfigurationProperties("sunlight.review")
record ReviewExtensionPolicy(@DefaultValue("3") int extensionWorkingDays) {

    ReviewExtensionPolicy {
        if (extensionWorkingDays < 0) {
            throw new IllegalArgumentException("sunlight.review.extension-working-days must not be negative (RULES 1.19)");
        }
    }
}
