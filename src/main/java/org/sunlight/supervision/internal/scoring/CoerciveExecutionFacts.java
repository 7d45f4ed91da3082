package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;

/**
 * coercive-execution (行政强制执行): processes/coercive-execution.bpmn. A written demand (催告) first, the party's
 * statement recorded and reviewed, the execution proposed (reason, legal basis) and decided by the leader, then carried
 * out on site (directly or by substitute performance) or applied for at the court within the window of Art. 53. The
 * law names no number of officers for execution (Art. 18 is the measures'), so only their credentials are checked.
 */
@Component
class CoerciveExecutionFacts implements ProcedureFacts {

    static final String DEMAND = "Task_Demand";
    static final String DEMAND_PERIOD = "Task_DemandPeriod";
    static final String STATEMENT_REVIEW = "Task_StatementReview";
    static final String PROPOSAL = "Task_ExecutionProposal";
    static final String DECISION = "Task_ExecutionDecision";
    static final String ON_SITE = "Task_OnSiteExecution";
    static final String DEMOLITION = "Task_OnSiteDemolition";
    static final String COURT = "Task_CourtApplication";

    @Override
    public String procedure() {
        return "coercive-execution";
    }

    @Override
    public Set<String> endsWithoutFile() {
        return Set.of();
    }

    @Override
    public void read(CaseFile f) {
        f.decisionAt(DECISION);
        f.actingBody();
        f.recorded("evidenceRecorded", List.of("basisDocumentNo"));
        if (f.trail.lastCompleted(PROPOSAL).isPresent()) {
            f.recorded("factsRecorded", List.of("executionReason"));
            f.recorded("legalBasisRecorded", List.of("legalBasis"));
        }
        f.review();
        f.heard("responseType", "statement", STATEMENT_REVIEW);

        boolean demanded = f.trail.completed(DEMAND).stream().anyMatch(f::before)
                && f.trail.text("demandServedDate") != null;
        List<Proof> demandProof = new ArrayList<>(List.of(f.trail.variable("demandDocumentNo"),
                f.trail.variable("demandServedDate")));
        f.trail.completed(DEMAND).forEach(a -> demandProof.add(CaseFile.activity(a)));
        demandProof.addAll(f.decisionProof);
        f.facts.put("priorNoticeDelivered", demanded, demandProof);

        Optional<HistoricActivityInstance> onSite = f.trail.firstCompleted(ON_SITE, DEMOLITION);
        if (onSite.isPresent()) {
            f.officers("coercion", ON_SITE, DEMOLITION);
            f.evidenceFiles();
        }
        Optional<HistoricActivityInstance> carriedOut = f.trail.firstCompleted(ON_SITE, DEMOLITION, COURT);
        if (carriedOut.isPresent()) {
            boolean decided = "approve".equals(f.trail.text("executionDecision"))
                    && f.trail.completed(DECISION).stream()
                            .anyMatch(a -> !a.getEndTime().after(carriedOut.get().getStartTime()));
            List<Proof> proof = new ArrayList<>(List.of(f.trail.variable("executionDecision"),
                    CaseFile.activity(carriedOut.get())));
            f.trail.completed(DECISION).forEach(a -> proof.add(CaseFile.activity(a)));
            f.facts.put("approvalMissing", !decided, proof);
        }

        f.documents();
        f.document("缺催告书文号", "demandDocumentNo", DEMAND);
        f.document("缺强制执行决定书文号", "decisionDocumentNo", DECISION);
        f.document("缺现场执行笔录", "executionRecordNo", ON_SITE, DEMOLITION);
        f.document("缺申请人民法院强制执行的材料", "courtMaterials", COURT);

        f.deadlines();
        f.dueTask(COURT);
        f.overdueEvent("Event_CourtWindowCloses");

        f.order(List.of(List.of(DEMAND), List.of(DEMAND_PERIOD), List.of(STATEMENT_REVIEW), List.of(PROPOSAL),
                List.of(DECISION), List.of("Task_ScheduleExecution", "Task_SubstituteNotice", "Task_AwaitCourtWindow"),
                List.of(ON_SITE, DEMOLITION, COURT)));
    }
}
