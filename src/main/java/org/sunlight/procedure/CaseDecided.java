package org.sunlight.procedure;

import java.util.Date;

/**
 * A decision was made in a case (行政执法决定): published inside the deciding step's transaction, so that what reacts
 * (publicity, supervision) commits or rolls back with the decision itself.
 *
 * @param kind         what was decided, e.g. "penalty", "no-penalty", "licence-granted", "licence-refused",
 *                     "coercive-measure", "inspection-result"
 * @param matter       what the case is about (违法行为, 许可事项, 强制措施, 检查事项), in Chinese
 * @param result       the decision's content in words (e.g. 罚款人民币30000元), in Chinese
 * @param confidential the handler flagged state or commercial secrets: the decision is not published
 * @param partyAddress the party's stored address (partyAddress), if any: publicity hides a natural person's address
 *                     wherever it appears in a public text (RULES 1.8)
 * @param partyPhone   the party's stored telephone (partyPhone), if any: hidden likewise (RULES 1.8)
 */
public record CaseDecided(String businessKey, String caseNumber, String processInstanceId, String category, String kind,
                          Date decidedAt, String documentNo, String partyType, String partyName, String partyIdNumber,
                          boolean partyIsMinor, boolean confidential, String matter, String result, String legalBasis,
                          String actingBody, String departmentId, String partyAddress, String partyPhone) {
}
