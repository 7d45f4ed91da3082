package org.sunlight.collection;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;

/**
 * A project's infrastructure fee assessments (one per collection case whose decision was made).
 *
 * @param assessments oldest first; empty when no fee has been assessed for the project
 */
public record FeeStatus(String projectCode, List<Assessment> assessments) {

    /** One collection case: status is assessed, enforcing, paid, court or terminated. */
    public record Assessment(String businessKey, String caseNumber, BigDecimal principal, BigDecimal surcharge,
                             String status, Date assessedAt, Date paidAt) {

        public boolean paid() {
            return "paid".equals(status);
        }
    }

    /** Assessed and everything paid: a project with no assessment has not paid its fee. */
    public boolean cleared() {
        return !assessments.isEmpty() && assessments.stream().allMatch(Assessment::paid);
    }

    /** Principal not yet paid, in yuan (surcharges are the collection case's business). */
    public BigDecimal outstanding() {
        return assessments.stream().filter(a -> !a.paid()).map(Assessment::principal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
