package org.sunlight.supervision.internal.scoring;

import java.util.Date;
import java.util.List;

/**
 * The answer of {@code GET /api/cases/{businessKey}/score} (DESIGN.md: {"score": n, "passed": bool, "findings": [...]}).
 *
 * @param precheck true for a pre-check of an open case: the score it would get if decided and closed now
 */
record CaseScore(String businessKey, String caseNumber, int score, boolean passed, boolean precheck, int passMark,
                 String checklistId, int checklistVersion, Date closedAt, Date scoredAt, List<Finding> findings) {
}
