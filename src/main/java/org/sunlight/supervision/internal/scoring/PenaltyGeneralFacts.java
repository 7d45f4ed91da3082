package org.sunlight.supervision.internal.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.ClockPause;

/**
 * penalty-general (行政处罚普通程序): activity ids and variables of processes/penalty-general.bpmn and its forms
 * (PenaltyRules sets filingDate, decisionDeadline, decisionDate, responseWindowEnd).
 */
@Component
class PenaltyGeneralFacts implements ProcedureFacts {

    static final String FILING = "Task_FilingApproval";
    static final String INVESTIGATION = "Task_Investigation";
    static final String REPORT = "Task_InvestigationReport";
    static final String NOTICE = "Task_PriorNotice";
    static final String HEARING = "Task_HoldHearing";
    static final String DECISION = "Task_LeaderDecision";
    static final String DELIVERY = "Task_DeliverDecision";
    static final String PRESERVATION_HANDLING = "Task_PreservationHandling";
    static final String PRESERVATION_OVERDUE = "Event_PreservationOverdue";
    /** The order of a case file (RULES §8.2: 立案→调查→审查→决定→送达). */
    static final List<List<String>> ORDER = List.of(List.of(FILING), List.of(INVESTIGATION), List.of(REPORT),
            List.of(NOTICE), List.of(DECISION), List.of(DELIVERY));

    @Override
    public String procedure() {
        return "penalty-general";
    }

    @Override
    public Set<String> endsWithoutFile() {
        return Set.of("EndEvent_NotFiled");
    }

    @Override
    public void read(CaseFile f) {
        Trail trail = f.trail;
        CaseFacts facts = f.facts;
        f.decisionAt(DECISION);
        f.actingBody();
        f.officers("penalty", INVESTIGATION);
        f.recorded("factsRecorded", List.of("factsFound"), REPORT);
        facts.put("evidenceRecorded", trail.text("evidenceSummary") != null
                        && (trail.text("inquiryRecordNo") != null || trail.text("inspectionRecordNo") != null),
                List.of(trail.variable("evidenceSummary"), trail.variable("inquiryRecordNo"),
                        trail.variable("inspectionRecordNo")));
        f.recorded("legalBasisRecorded", List.of("legalBasis"));
        f.heard("responseType", "hearingRequest", HEARING);
        f.review();

        // 立案审批 may have been worked twice: an extension (住建部令第55号第十五条) sends it back due 10 days later. The
        // filing was late if either round was completed after its own due date (an extension granted late, or the
        // decision after the extended period); the days are those of the later miss.
        List<HistoricTaskInstance> filingRounds = trail.completedTasks(FILING);
        Optional<HistoricTaskInstance> filing = filingRounds.stream().findFirst();
        Integer filingOverdue = filingRounds.stream().filter(t -> t.getDueDate() != null)
                .map(t -> t.getEndTime().after(t.getDueDate())
                        ? (int) Math.max(1, ChronoUnit.DAYS.between(f.clock.toDate(t.getDueDate()), f.clock.toDate(t.getEndTime())))
                        : 0)
                .reduce(Math::max).orElse(null);
        List<Proof> filingProof = new ArrayList<>();
        filingRounds.forEach(t -> filingProof.add(CaseFile.task(t)));
        filingProof.add(trail.variable("filingDecision"));
        if (trail.value("filingExtended") != null) {
            filingProof.add(trail.variable("filingExtended"));
            filingProof.add(trail.variable("filingExtensionReason"));
        }
        if (trail.value("filingLate") != null) {
            filingProof.add(trail.variable("filingLate"));
        }
        facts.put("filingOverdueDays", filingOverdue, filingProof);
        facts.put("filingApproved", filing.isPresent() && "file".equals(trail.text("filingDecision")), filingProof);

        boolean noticeBeforeDecision = trail.completed(NOTICE).stream().anyMatch(f::before);
        List<Proof> noticeProof = new ArrayList<>(List.of(trail.variable("noticeDocumentNo"),
                trail.variable("noticeDeliveredDate")));
        trail.completed(NOTICE).forEach(a -> noticeProof.add(CaseFile.activity(a)));
        noticeProof.addAll(f.decisionProof);
        // only a penalty is notified first (行政处罚法第四十四条): no penalty and a transfer are decided without a notice
        String decisionKind = trail.text("decision");
        boolean noticeOwed = decisionKind == null || "penalty".equals(decisionKind);
        facts.put("priorNoticeDelivered", !noticeOwed || noticeBeforeDecision && trail.text("noticeDeliveredDate") != null,
                noticeProof);

        Integer deliveryDays = null;
        List<Proof> deliveryProof = new ArrayList<>(f.decisionProof);
        if (f.decided && !"transfer".equals(decisionKind) && trail.text("deliveredDate") != null) {
            Object decidedOn = trail.value("decisionDate") != null ? trail.value("decisionDate") : f.decisionTime;
            deliveryDays = f.clock.workingDaysBetween(f.clock.toDate(decidedOn),
                    f.clock.toDate(trail.value("deliveredDate")));
            deliveryProof.add(trail.variable("decisionDate"));
            deliveryProof.add(trail.variable("deliveredDate"));
            trail.lastCompleted(DELIVERY).ifPresent(a -> deliveryProof.add(CaseFile.activity(a)));
        }
        facts.put("deliveryWorkingDays", deliveryDays, deliveryProof);

        f.documents();
        if (trail.lastCompleted(REPORT).isEmpty()) {
            f.missing("缺调查终结报告", List.of());
        }
        if (trail.flag("seriousCase") && trail.text("discussionMinutesNo") == null) {
            f.missing("缺集体讨论笔录（情节复杂或重大违法案件）", List.of(trail.variable("discussionMinutesNo")));
        }
        if (f.decided && "penalty".equals(decisionKind) && trail.text("decisionDocumentNo") == null) {
            f.missing("缺行政处罚决定书文号", List.of(trail.variable("decisionDocumentNo")));
        }
        if (f.decided && !"transfer".equals(decisionKind) && trail.text("deliveryReceiptNo") == null) {
            f.missing("缺送达回证", List.of(trail.variable("deliveryReceiptNo")));
        }
        if ((Integer) facts.values().get("missingDocuments") > 0) {
            facts.put("missingDocuments", facts.values().get("missingDocuments"), f.decisionProof);
        }

        f.evidenceFiles();

        Integer overdue = null;
        List<Proof> deadlineProof = new ArrayList<>(List.of(trail.variable("filingDate"),
                trail.variable("decisionDeadline")));
        deadlineProof.addAll(f.decisionProof);
        if (trail.value("decisionDeadline") != null) {
            // days the decision clock stood still are not counted (e.g. a hearing or testing, recorded as pauses)
            int paused = f.caseClocks.pausedCalendarDays(f.info.businessKey(), "decision");
            for (ClockPause pause : f.caseClocks.pauses(f.info.businessKey())) {
                deadlineProof.add(new Proof("pause", pause.clockName(), pause.reason(), pause.pausedAt(),
                        pause.resumedAt() == null ? "计时中止中" : "恢复于 " + pause.resumedAt().toInstant(), null));
            }
            LocalDate deadline = f.clock.toDate(trail.value("decisionDeadline")).plusDays(paused);
            LocalDate decidedOn = f.clock.toDate(f.decisionTime);
            overdue = decidedOn.isAfter(deadline) ? (int) ChronoUnit.DAYS.between(deadline, decidedOn) : 0;
        }
        facts.put("decisionOverdueDays", overdue, deadlineProof);

        f.order(ORDER);

        preservations(f);
    }

    /**
     * preservationsLate: 先行登记保存 whose handling decision was not made within seven working days (行政处罚法第五十六条、
     * 第八十五条; RULES §8.3 “先行登记保存未在法定期限内处理”): the overdue timer fired, or the handling task was
     * completed on a day after its due date. Every case has the fact (0 without preservations).
     */
    private static void preservations(CaseFile f) {
        int late = 0;
        List<Proof> proof = new ArrayList<>();
        for (org.camunda.bpm.engine.history.HistoricActivityInstance a : f.trail.reached(PRESERVATION_OVERDUE)) {
            late++;
            proof.add(CaseFile.activity(a));
            f.facts.note("preservationsLate", "先行登记保存七个工作日的处理期限届满时尚未作出处理决定，"
                    + f.clock.toDate(a.getStartTime()) + " 转负责人督办");
        }
        for (HistoricTaskInstance t : f.trail.completedTasks(PRESERVATION_HANDLING)) {
            if (t.getDueDate() != null && f.clock.toDate(t.getEndTime()).isAfter(f.clock.toDate(t.getDueDate()))) {
                late++;
                proof.add(CaseFile.task(t));
                f.facts.note("preservationsLate", "先行登记保存处理决定到期 " + f.clock.toDate(t.getDueDate()) + "，完成于 "
                        + f.clock.toDate(t.getEndTime()));
            }
        }
        f.facts.put("preservationsLate", late, proof);
    }
}
