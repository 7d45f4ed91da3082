package org.sunlight.supervision.internal.scoring;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * penalty-summary (行政处罚简易程序，当场处罚): processes/penalty-summary.bpmn. The decision is made on the spot by two
 * officers (行政处罚法第42条 has no exception for it), reported to the department (备案), and a fine collected on the
 * spot is handed over and deposited within two working days each (第71条). A case converted to the general procedure
 * has its file in the general case.
 */
@Component
class PenaltySummaryFacts implements ProcedureFacts {

    static final String DECISION = "Task_OnSpotDecision";
    static final String FILING_RECORD = "Task_FilingRecord";
    static final String HAND_OVER = "Task_HandOverFine";
    static final String DEPOSIT = "Task_DepositFine";

    @Override
    public String procedure() {
        return "penalty-summary";
    }

    @Override
    public Set<String> endsWithoutFile() {
        return Set.of("EndEvent_Converted");
    }

    @Override
    public void read(CaseFile f) {
        f.decisionAt(DECISION);
        f.actingBody();
        f.officers("penalty", DECISION);
        f.facts.put("factsRecorded", f.trail.text("caseSummary") != null && f.trail.flag("factsConclusive"),
                List.of(f.trail.variable("caseSummary"), f.trail.variable("factsConclusive")));
        f.recorded("legalBasisRecorded", List.of("legalBasisText"));
        f.facts.put("priorNoticeDelivered", f.trail.flag("credentialsShown") && f.trail.flag("statementHeard"),
                List.of(f.trail.variable("credentialsShown"), f.trail.variable("statementHeard")));

        f.documents();
        f.document("缺当场处罚决定书编号", "decisionDocumentNo", DECISION);
        if (f.trail.flag("onSpotCollected")) {
            f.document("当场收缴罚款缺财政部门统一制发的专用票据", "fiscalReceiptNo", DECISION);
        }
        f.step("缺当场处罚决定备案", FILING_RECORD);
        f.document("缺备案编号", "filingRecordNo", FILING_RECORD);

        f.deadlines();
        f.dueTask(HAND_OVER);
        f.dueTask(DEPOSIT);

        f.order(List.of(List.of(DECISION), List.of(FILING_RECORD), List.of(HAND_OVER), List.of(DEPOSIT)));
    }
}
