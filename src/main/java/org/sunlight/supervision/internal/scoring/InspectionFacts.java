package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * inspection (行政检查，双随机、一公开): processes/inspection.bpmn. One case is one random-inspection plan: approved,
 * drawn, then one instance of the target sub-process per drawn target, each keeping its own variables (InspectionRules
 * TARGET_VARIABLES). The target items are read per inspected target (one that has an inspection record): every target
 * needs two qualified inspectors, findings and a record number; a required legal review must have approved its
 * handling decision; an ordered rectification needs its order and a reinspection its record.
 */
@Component
class InspectionFacts implements ProcedureFacts {

    static final String PLAN_APPROVAL = "Task_PlanApproval";
    static final String DRAW = "Task_Draw";
    static final String ON_SITE = "Task_OnSiteInspection";
    static final String PUBLICATION = "Task_ResultPublication";
    static final String HANDLING = "Task_HandlingDecision";
    static final String RECTIFICATION = "Task_RectificationOrder";
    static final String REINSPECTION = "Task_Reinspection";

    @Override
    public String procedure() {
        return "inspection";
    }

    @Override
    public Set<String> endsWithoutFile() {
        return Set.of();
    }

    @Override
    public void read(CaseFile f) {
        f.decisionAt(HANDLING);
        f.actingBody();
        f.recorded("legalBasisRecorded", List.of("legalBasis"));
        f.documents();
        f.step("缺抽查计划审批", PLAN_APPROVAL);

        // each inspected target: the scope of its sub-process instance, once its inspection record was completed
        List<Map<String, HistoricVariableInstance>> targets = f.trail.scopesWith("inspector1").values().stream()
                .filter(scope -> text(scope, "inspectionEnd") != null).toList();
        if (!targets.isEmpty()) {
            int fewest = Integer.MAX_VALUE;
            int unqualified = 0;
            boolean facts = true;
            boolean records = true;
            boolean reviewSkipped = false;
            List<Proof> officerProof = new ArrayList<>();
            List<Proof> credentialProof = new ArrayList<>();
            List<Proof> factProof = new ArrayList<>();
            List<Proof> recordProof = new ArrayList<>();
            List<Proof> reviewProof = new ArrayList<>();
            for (Map<String, HistoricVariableInstance> target : targets) {
                String party = text(target, "partyName");
                String acting = text(target, "actingOfficers");
                int count = acting == null ? 0 : (int) Arrays.stream(acting.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).distinct().count();
                fewest = Math.min(fewest, count);
                officerProof.add(proof(f, target, "actingOfficers"));
                for (String[] check : new String[][] {{"officer1Credential", "inspectionEnd"},
                        {"officer2Credential", "inspectionEnd"}, {"reinspector1Credential", "reinspectedAt"},
                        {"reinspector2Credential", "reinspectedAt"}}) {
                    String number = text(target, check[0]);
                    if (number == null || text(target, check[1]) == null) {
                        continue;
                    }
                    credentialProof.add(proof(f, target, check[0]));
                    String problem = f.credentialProblem(number, "inspection",
                            f.clock.toDate(target.get(check[1]).getValue()));
                    if (problem != null) {
                        unqualified++;
                        f.facts.note("unqualifiedOfficers", party + "：" + problem);
                    }
                }
                factProof.add(proof(f, target, "findings"));
                facts &= text(target, "findings") != null;
                recordProof.add(proof(f, target, "recordNo"));
                records &= text(target, "recordNo") != null;
                if (flag(target, "reviewRequired") && text(target, "handlingDecision") != null) {
                    reviewProof.add(proof(f, target, "reviewRequired"));
                    reviewProof.add(proof(f, target, "reviewApproved"));
                    reviewSkipped |= !flag(target, "reviewApproved");
                }
                if (!f.precheck && "rectify".equals(text(target, "handlingDecision"))
                        && text(target, "rectificationOrderNo") == null) {
                    f.missing(party + "：缺责令整改通知书", List.of(proof(f, target, "handlingDecision"),
                            proof(f, target, "rectificationOrderNo")));
                }
                if (text(target, "reinspectedAt") != null && text(target, "reinspectionRecordNo") == null) {
                    f.missing(party + "：缺复查笔录", List.of(proof(f, target, "reinspectedAt"),
                            proof(f, target, "reinspectionRecordNo")));
                }
            }
            f.facts.put("officerCount", fewest, officerProof);
            f.facts.put("unqualifiedOfficers", unqualified, credentialProof);
            f.facts.put("factsRecorded", facts, factProof);
            f.facts.put("evidenceRecorded", records, recordProof);
            f.facts.put("reviewSkipped", reviewSkipped, reviewProof);
        }

        f.deadlines();
        f.dueTask(ON_SITE);
        f.dueTask(PUBLICATION);

        f.order(List.of(List.of(PLAN_APPROVAL), List.of(DRAW), List.of(ON_SITE), List.of(HANDLING),
                List.of(RECTIFICATION), List.of(REINSPECTION)));
    }

    private static String text(Map<String, HistoricVariableInstance> scope, String name) {
        HistoricVariableInstance v = scope.get(name);
        return v == null ? null : Trail.text(v.getValue());
    }

    private static boolean flag(Map<String, HistoricVariableInstance> scope, String name) {
        HistoricVariableInstance v = scope.get(name);
        return v != null && (Boolean.TRUE.equals(v.getValue()) || "true".equals(v.getValue()));
    }

    private static Proof proof(CaseFile f, Map<String, HistoricVariableInstance> scope, String name) {
        return f.trail.variable(name, scope.get(name));
    }
}
