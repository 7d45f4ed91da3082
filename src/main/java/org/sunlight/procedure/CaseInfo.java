package org.sunlight.procedure;

import java.util.Date;

/** A case as Sunlight's other modules see it (row of sl_case). */
public record CaseInfo(String businessKey, String caseNumber, String processInstanceId, String processKey,
                       String category, String departmentId, String handlerId, String partyName, String partyType,
                       String status, Date startedAt, Date endedAt) {
}
