package org.sunlight.supervision.internal.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * licensing (行政许可): processes/licensing.bpmn. Acceptance within 5 working days (or deemed accepted), substantive
 * review by two officers, review opinion, the leader's decision within the decision period (decisionDue, 20 working
 * days — 45 when handled jointly, 行政许可法第四十二条第二款 — plus an approved extension), then the certificate or the refusal delivered within 10 working days (deliveryDue).
 * An application not needing a licence, not accepted or withdrawn has no case file.
 */
@Component
class LicensingFacts implements ProcedureFacts {

    static final String ACCEPTANCE = "Task_AcceptanceReview";
    static final String DEEMED_ACCEPTANCE = "Task_DeemedAcceptanceReceipt";
    static final String REVIEW = "Task_SubstantiveReview";
    static final String OPINION = "Task_ReviewOpinion";
    static final String HEARING = "Task_HoldHearing";
    static final String DECISION = "Task_LicensingDecision";
    static final String CERTIFICATE = "Task_IssueCertificate";
    static final String REFUSAL = "Task_DeliverRefusal";

    @Override
    public String procedure() {
        return "licensing";
    }

    @Override
    public Set<String> endsWithoutFile() {
        return Set.of("EndEvent_NotRequired", "EndEvent_NotAccepted", "EndEvent_Withdrawn");
    }

    @Override
    public void read(CaseFile f) {
        f.decisionAt(DECISION);
        f.actingBody();
        f.officers("licensing", REVIEW);
        f.recorded("factsRecorded", List.of("verificationNote", "reviewFindings"), OPINION);
        Object materials = f.trail.value("submittedMaterials");
        boolean recorded = materials instanceof Collection<?> list ? !list.isEmpty()
                : Trail.text(materials) != null && !"[]".equals(Trail.text(materials));
        f.facts.put("evidenceRecorded", recorded, List.of(f.trail.variable("submittedMaterials")));
        if (f.trail.lastCompleted(DECISION).isPresent()) {
            // the decision form records the legal basis: a pre-check before it has nothing to test
            f.recorded("legalBasisRecorded", List.of("legalBasis"));
        }
        f.heard("responseType", "hearingRequest", HEARING);
        f.review();

        f.documents();
        f.document("缺受理通知书（受理凭证）", "acceptanceNoticeNo", REVIEW);
        f.document("缺许可决定书文号", "decisionDocumentNo", DECISION);
        f.document("缺许可证件编号", "certificateNo", CERTIFICATE);
        f.document("缺送达回证", "deliveryReceiptNo", CERTIFICATE, REFUSAL);
        if (f.decided) {
            f.step("决定后未颁发、送达证件或不予许可决定书", CERTIFICATE, REFUSAL);
        }

        f.deadlines();
        f.dueTask(ACCEPTANCE);
        f.overdueEvent("Event_DeemedAccepted");
        f.dueTask(DECISION);
        f.dueTask(CERTIFICATE);
        f.dueTask(REFUSAL);

        f.order(List.of(List.of(ACCEPTANCE, DEEMED_ACCEPTANCE), List.of(REVIEW), List.of(OPINION), List.of(DECISION),
                List.of(CERTIFICATE, REFUSAL)));
    }
}
