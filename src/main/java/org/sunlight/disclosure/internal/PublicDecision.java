package org.sunlight.disclosure.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision as the public sees it, on the portal, in the JSON API and in the events sent to the provincial platform:
 * masked text only. A withdrawn decision keeps its document number, dates and the public reason of the withdrawal;
 * its content (party, facts, result, basis) is gone (行政处罚法第四十八条第二款).
 */
record PublicDecision(String id, String status, String statusName, String category, String categoryName, String kind,
                      String kindName, String documentNo, String partyName, String partyCode, String matter,
                      String result, String legalBasis, String actingBody, String departmentName, LocalDate decidedOn,
                      LocalDate publishedOn, int revision, List<Correction> corrections, Withdrawal withdrawal) {

    record Correction(LocalDate on, String reason) {
    }

    record Withdrawal(LocalDate on, String reason) {
    }

    public boolean withdrawn() {
        return withdrawal != null;
    }
}
