package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;

/**
 * coercive-measure (行政强制措施：查封、扣押): processes/coercive-measure.bpmn. Approved by the leader before it is
 * carried out (urgency "approval"), or carried out at once, reported within 24 hours and approved afterwards
 * ("emergency", 行政强制法第19条); carried out on site by two officers with a record, a decision and a list; handled
 * within the measure's period (measureDeadline) and released when due. A request not approved has no case file.
 */
@Component
class CoerciveMeasureFacts implements ProcedureFacts {

    static final String APPROVAL = "Task_LeaderApproval";
    static final String SEIZURE = "Task_OnSiteSeizure";
    static final String SEALING = "Task_OnSiteSealing";
    static final String REPORT = "Task_EmergencyReport";
    static final String HANDLING = "Task_MeasureHandling";
    static final String EXTENSION_NOTICE = "Task_ExtensionNotice";
    static final String TESTING = "Task_Testing";
    static final String RELEASE = "Task_Release";

    @Override
    public String procedure() {
        return "coercive-measure";
    }

    @Override
    public Set<String> endsWithoutFile() {
        return Set.of("EndEvent_NotApproved");
    }

    @Override
    public void read(CaseFile f) {
        boolean emergency = "emergency".equals(f.trail.text("urgency"));
        f.decisionAt(APPROVAL);
        f.actingBody();
        f.recorded("factsRecorded", List.of("measureGrounds"));
        f.recorded("legalBasisRecorded", List.of("legalBasis"));
        f.review();

        Optional<HistoricActivityInstance> onSite = f.trail.firstCompleted(SEIZURE, SEALING);
        if (onSite.isPresent()) {
            f.officers("coercion", SEIZURE, SEALING);
            f.recorded("evidenceRecorded", List.of("onSiteRecordNo", "propertyList"), SEIZURE, SEALING);
            f.evidenceFiles();
            // approved before it was carried out; in an emergency, approved afterwards (never, once the file is closed)
            List<HistoricActivityInstance> approvals = f.trail.completed(APPROVAL);
            boolean missing = emergency ? approvals.isEmpty() && !f.precheck
                    : approvals.stream().noneMatch(a -> !a.getEndTime().after(onSite.get().getStartTime()));
            List<Proof> proof = new ArrayList<>(List.of(f.trail.variable("urgency"), CaseFile.activity(onSite.get())));
            approvals.forEach(a -> proof.add(CaseFile.activity(a)));
            f.facts.put("approvalMissing", missing, proof);
        }

        f.documents();
        f.document("缺查封、扣押决定书", "decisionDocumentNo", SEIZURE, SEALING);
        if (onSite.isPresent() && !f.trail.flag("listDelivered")) {
            f.missing("查封、扣押清单未当场交付", List.of(f.trail.variable("listDelivered"), CaseFile.activity(onSite.get())));
        }
        f.document("缺延长查封、扣押期限告知书", "extensionNoticeNo", EXTENSION_NOTICE);
        f.document("缺检测、检验、鉴定期间告知书", "testingNoticeNo", TESTING);
        f.document("缺解除查封、扣押决定书", "releaseDocumentNo", RELEASE);
        f.document("缺财物退还清单", "returnReceiptNo", RELEASE);

        f.deadlines();
        f.dueTask(REPORT);
        f.overdueEvent("Event_ReportOverdue");
        f.dueTask(HANDLING);
        f.overdueEvent("Event_MeasureExpired");
        f.dueTask(RELEASE);

        f.order(emergency
                ? List.of(List.of(SEIZURE, SEALING), List.of(REPORT), List.of(APPROVAL), List.of(HANDLING, RELEASE))
                : List.of(List.of(APPROVAL), List.of(SEIZURE, SEALING), List.of(HANDLING), List.of(RELEASE)));
    }
}
