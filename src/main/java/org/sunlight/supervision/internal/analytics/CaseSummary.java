package org.sunlight.supervision.internal.analytics;

import java.util.Date;

/**
 * What the analytics need of one ended case (a row of sl_case_summary), taken from sl_case and the engine's history
 * when the case ends. The period columns follow sunlight.supervision.watch.procedures as configured then.
 */
record CaseSummary(String businessKey, String caseNumber, String processKey, String category, String departmentId,
                   String handlerId, String partyName, String status, Date startedAt, Date endedAt,
                   Long periodStartMs, Long periodEndMs, Long periodDueMs, boolean decisionRecorded,
                   boolean hearingHeld, int legalReviews, int legalReviewsEnded, int legalReviewsRejected,
                   Double fineAmount, Double minFine, Double maxFine, String inspectionResult,
                   String handlingDecision, Date summarizedAt) {
}
