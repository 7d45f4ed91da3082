package org.sunlight.supervision.internal.scoring;

import java.util.Date;

/** A row of sl_case_score; findings is the JSON array the API returns. */
record StoredScore(String businessKey, String caseNumber, String processKey, String departmentId, String handlerId,
                   String partyName, int score, boolean passed, int vetoCount, String checklistId,
                   int checklistVersion, String findings, Date closedAt, Date scoredAt) {
}
