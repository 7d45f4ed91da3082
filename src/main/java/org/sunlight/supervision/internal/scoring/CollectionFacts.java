package org.sunlight.supervision.internal.scoring;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * collection (行政征收：城市基础设施配套费): processes/collection.bpmn. A desk procedure without an on-site step, so no
 * officer items: the fee assessed (project, floor area, basis) and confirmed, decided by the leader, the payment notice
 * delivered with the late-fee standard (行政强制法第45条), and an overdue payment demanded in writing before coercive
 * execution (第46条). The coercive execution it starts is a case of its own, scored on its own.
 */
@Component
class CollectionFacts implements ProcedureFacts {

    static final String ASSESSMENT = "Task_ConfirmAssessment";
    static final String DECISION = "Task_CollectionDecision";
    static final String NOTICE = "Task_DeliverNotice";
    static final String PAYMENT = "Task_ConfirmPayment";
    static final String DEMAND = "Task_OverdueDemand";
    static final String EXECUTION = "CallActivity_CoerciveExecution";

    @Override
    public String procedure() {
        return "collection";
    }

    @Override
    public Set<String> endsWithoutFile() {
        return Set.of();
    }

    @Override
    public void read(CaseFile f) {
        f.decisionAt(DECISION);
        f.actingBody();
        f.recorded("factsRecorded", List.of("projectName", "floorArea"), ASSESSMENT);
        f.recorded("evidenceRecorded", List.of("planningPermitNo"));
        f.recorded("legalBasisRecorded", List.of("assessmentBasis"));
        f.review();

        f.documents();
        if ("approve".equals(f.trail.text("collectionDecision"))) {
            f.document("缺征收决定（缴费通知书）文号", "decisionDocumentNo", DECISION);
            if (f.decided) {
                f.step("征收决定未送达", NOTICE);
            }
        }
        f.document("缺送达回证", "deliveryReceiptNo", NOTICE);
        if (f.trail.lastCompleted(NOTICE).isPresent() && f.trail.flag("surchargeApplies")
                && !f.trail.flag("surchargeStandardNotified")) {
            f.missing("缴费通知书未告知滞纳金标准", List.of(f.trail.variable("surchargeStandardNotified"),
                    CaseFile.activity(f.trail.lastCompleted(NOTICE).get())));
        }
        if ("demanded".equals(f.trail.text("demandOutcome"))) {
            f.document("缺催缴书文号", "demandDocumentNo", DEMAND);
        }

        f.order(List.of(List.of(ASSESSMENT), List.of(DECISION), List.of(NOTICE), List.of(PAYMENT, DEMAND),
                List.of(EXECUTION)));
    }
}
