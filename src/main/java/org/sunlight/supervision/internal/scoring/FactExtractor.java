package org.sunlight.supervision.internal.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.ClockPause;
import org.sunlight.procedure.StatutoryClock;

/**
 * Reads the facts the checklist tests from what the engine recorded of a penalty-general case (activity instances,
 * task completions, variable values with their last update) and from Sunlight's tables (evidence files, clock
 * pauses). No scoring happens here: each fact is a plain value (a flag or a count) named like the DMN input, with the
 * history entries it was read from. The activity ids and variable names are those of processes/penalty-general.bpmn
 * and its forms (PenaltyRules sets filingDate, decisionDeadline, decisionDate, responseWindowEnd).
 * <p>
 * A pre-check (open case) reads the same facts as if the decision were made now: steps after the decision (decision
 * document, delivery) are not yet due and are left out.
 */
@Component
class FactExtractor {

    static final String FILING = "Task_FilingApproval";
    static final String INVESTIGATION = "Task_Investigation";
    static final String REPORT = "Task_InvestigationReport";
    static final String NOTICE = "Task_PriorNotice";
    static final String HEARING = "Task_HoldHearing";
    static final String REVIEW = "CallActivity_LegalReview";
    static final String DECISION = "Task_LeaderDecision";
    static final String DELIVERY = "Task_DeliverDecision";
    /** The order of a case file (RULES §8.2: 立案→调查→审查→决定→送达). */
    static final List<String> ORDER = List.of(FILING, INVESTIGATION, REPORT, NOTICE, DECISION, DELIVERY);

    private final HistoryService history;
    private final Organization organization;
    private final StatutoryClock clock;
    private final CaseClocks caseClocks;
    private final ScoreMapper mapper;

    FactExtractor(HistoryService history, Organization organization, StatutoryClock clock, CaseClocks caseClocks,
                  ScoreMapper mapper) {
        this.history = history;
        this.organization = organization;
        this.clock = clock;
        this.caseClocks = caseClocks;
        this.mapper = mapper;
    }

    /** What the engine and Sunlight recorded of one case. */
    private final class Trail {
        final List<HistoricActivityInstance> activities = new ArrayList<>();
        final List<HistoricTaskInstance> tasks = new ArrayList<>();
        final Map<String, HistoricVariableInstance> variables = new HashMap<>();
        final Map<String, HistoricDetail> lastUpdate = new HashMap<>();

        Trail(String processInstanceId) {
            List<String> instances = new ArrayList<>();
            instances.add(processInstanceId);
            for (HistoricProcessInstance sub : history.createHistoricProcessInstanceQuery()
                    .superProcessInstanceId(processInstanceId).list()) {
                instances.add(sub.getId());
            }
            for (String id : instances) {
                activities.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(id)
                        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list());
                tasks.addAll(history.createHistoricTaskInstanceQuery().processInstanceId(id).list());
            }
            // the case's own variables; a name set in several scopes keeps the latest
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(processInstanceId).list()) {
                HistoricVariableInstance known = variables.get(v.getName());
                if (known == null || !v.getCreateTime().before(known.getCreateTime())) {
                    variables.put(v.getName(), v);
                }
            }
            for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
                    .variableUpdates().orderByTime().asc().list()) {
                lastUpdate.put(((HistoricVariableUpdate) d).getVariableInstanceId(), d);
            }
        }

        Object value(String name) {
            HistoricVariableInstance v = variables.get(name);
            return v == null ? null : v.getValue();
        }

        String text(String name) {
            Object value = value(name);
            return value == null || value.toString().isBlank() ? null : value.toString().trim();
        }

        boolean flag(String name) {
            Object value = value(name);
            return Boolean.TRUE.equals(value) || "true".equals(value);
        }

        Proof variable(String name) {
            HistoricVariableInstance v = variables.get(name);
            if (v == null) {
                return new Proof("variable", null, name, null, "（无记录）", null);
            }
            HistoricDetail update = lastUpdate.get(v.getId());
            Date time = update == null ? v.getCreateTime() : update.getTime();
            return new Proof("variable", v.getId(), name, time, v.getValue() == null ? null : v.getValue().toString(),
                    null);
        }

        /** Completed (not cancelled) instances of an activity, in order. */
        List<HistoricActivityInstance> completed(String activityId) {
            return activities.stream().filter(a -> activityId.equals(a.getActivityId()) && a.getEndTime() != null
                    && !a.isCanceled()).toList();
        }

        Optional<HistoricActivityInstance> lastCompleted(String activityId) {
            List<HistoricActivityInstance> done = completed(activityId);
            return done.isEmpty() ? Optional.empty() : Optional.of(done.get(done.size() - 1));
        }

        Optional<HistoricTaskInstance> completedTask(String taskKey) {
            return tasks.stream().filter(t -> taskKey.equals(t.getTaskDefinitionKey()) && t.getEndTime() != null
                            && "completed".equals(t.getDeleteReason()))
                    .min(Comparator.comparing(HistoricTaskInstance::getEndTime));
        }
    }

    static Proof activity(HistoricActivityInstance a) {
        return new Proof("activity", a.getId(), a.getActivityName() == null ? a.getActivityId() : a.getActivityName(),
                a.getEndTime() == null ? a.getStartTime() : a.getEndTime(), a.getActivityId(), null);
    }

    static Proof task(HistoricTaskInstance t) {
        return new Proof("task", t.getId(), t.getName(), t.getEndTime(),
                "到期 " + (t.getDueDate() == null ? "—" : t.getDueDate().toInstant()) + "，办理人 " + t.getAssignee(), null);
    }

    CaseFacts extract(CaseInfo info, boolean precheck) {
        Trail trail = new Trail(info.processInstanceId());
        CaseFacts facts = new CaseFacts();
        Optional<HistoricActivityInstance> decision = trail.lastCompleted(DECISION);
        boolean decided = decision.isPresent() && !precheck;
        // the moment the checklist looks at: the decision, or now for a pre-check (or a case closed without one)
        Date decisionTime = decided ? decision.get().getEndTime() : clock.now();
        List<Proof> decisionProof = decided ? List.of(activity(decision.get())) : List.of();

        facts.put("actingBodyPresent", trail.text("actingBody") != null, List.of(trail.variable("actingBody")));

        String acting = trail.text("actingOfficers");
        Set<String> officers = acting == null ? Set.of() : Arrays.stream(acting.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Proof> investigationProof = new ArrayList<>(List.of(trail.variable("actingOfficers")));
        trail.lastCompleted(INVESTIGATION).ifPresent(a -> investigationProof.add(activity(a)));
        facts.put("officerCount", officers.size(), investigationProof);

        LocalDate investigated = clock.toDate(trail.lastCompleted(INVESTIGATION).map(HistoricActivityInstance::getEndTime)
                .orElse(decisionTime));
        int unqualified = 0;
        List<Proof> credentialProof = new ArrayList<>(investigationProof);
        for (String field : List.of("officer1Credential", "officer2Credential")) {
            String number = trail.text(field);
            if (number == null) {
                continue;
            }
            credentialProof.add(trail.variable(field));
            Optional<Credential> credential = organization.credential(number);
            String problem = credential.isEmpty() ? "执法证 " + number + " 不存在"
                    : !credential.get().isValidOn(investigated)
                    ? "执法证 " + number + " 于 " + investigated + " " + credential.get().statusTextOn(investigated)
                    : !credential.get().covers("penalty") ? "执法证 " + number + " 不含行政处罚执法类别" : null;
            if (problem != null) {
                unqualified++;
                facts.note("unqualifiedOfficers", problem);
            }
        }
        facts.put("unqualifiedOfficers", unqualified, credentialProof);

        List<Proof> reportProof = new ArrayList<>(List.of(trail.variable("factsFound")));
        trail.lastCompleted(REPORT).ifPresent(a -> reportProof.add(activity(a)));
        facts.put("factsRecorded", trail.text("factsFound") != null && trail.lastCompleted(REPORT).isPresent(),
                reportProof);

        facts.put("evidenceRecorded", trail.text("evidenceSummary") != null
                        && (trail.text("inquiryRecordNo") != null || trail.text("inspectionRecordNo") != null),
                List.of(trail.variable("evidenceSummary"), trail.variable("inquiryRecordNo"),
                        trail.variable("inspectionRecordNo")));

        facts.put("legalBasisRecorded", trail.text("legalBasis") != null, List.of(trail.variable("legalBasis")));

        boolean hearingRequested = "hearingRequest".equals(trail.text("responseType"));
        boolean hearingHeld = trail.completed(HEARING).stream().anyMatch(a -> !a.getEndTime().after(decisionTime));
        List<Proof> hearingProof = new ArrayList<>(List.of(trail.variable("responseType")));
        trail.completed(HEARING).forEach(a -> hearingProof.add(activity(a)));
        hearingProof.addAll(decisionProof);
        facts.put("hearingDenied", hearingRequested && !hearingHeld, hearingProof);

        boolean reviewRequired = trail.flag("reviewRequired");
        boolean reviewed = trail.completed(REVIEW).stream().anyMatch(a -> !a.getEndTime().after(decisionTime))
                && trail.flag("reviewApproved");
        List<Proof> reviewProof = new ArrayList<>(List.of(trail.variable("reviewRequired"),
                trail.variable("reviewApproved")));
        trail.completed(REVIEW).forEach(a -> reviewProof.add(activity(a)));
        reviewProof.addAll(decisionProof);
        facts.put("reviewSkipped", reviewRequired && !reviewed, reviewProof);

        Optional<HistoricTaskInstance> filing = trail.completedTask(FILING);
        Integer filingOverdue = filing.filter(t -> t.getDueDate() != null).map(t -> t.getEndTime().after(t.getDueDate())
                ? (int) Math.max(1, ChronoUnit.DAYS.between(clock.toDate(t.getDueDate()), clock.toDate(t.getEndTime())))
                : 0).orElse(null);
        List<Proof> filingProof = new ArrayList<>();
        filing.ifPresent(t -> filingProof.add(task(t)));
        filingProof.add(trail.variable("filingDecision"));
        facts.put("filingOverdueDays", filingOverdue, filingProof);
        facts.put("filingApproved", filing.isPresent() && "file".equals(trail.text("filingDecision")), filingProof);

        boolean noticeBeforeDecision = trail.completed(NOTICE).stream()
                .anyMatch(a -> !a.getEndTime().after(decisionTime));
        List<Proof> noticeProof = new ArrayList<>(List.of(trail.variable("noticeDocumentNo"),
                trail.variable("noticeDeliveredDate")));
        trail.completed(NOTICE).forEach(a -> noticeProof.add(activity(a)));
        noticeProof.addAll(decisionProof);
        facts.put("priorNoticeDelivered", noticeBeforeDecision && trail.text("noticeDeliveredDate") != null,
                noticeProof);

        String decisionKind = trail.text("decision");
        Integer deliveryDays = null;
        List<Proof> deliveryProof = new ArrayList<>(decisionProof);
        if (decided && !"transfer".equals(decisionKind) && trail.text("deliveredDate") != null) {
            Object decidedOn = trail.value("decisionDate") != null ? trail.value("decisionDate") : decisionTime;
            deliveryDays = clock.workingDaysBetween(clock.toDate(decidedOn), clock.toDate(trail.value("deliveredDate")));
            deliveryProof.add(trail.variable("decisionDate"));
            deliveryProof.add(trail.variable("deliveredDate"));
            trail.lastCompleted(DELIVERY).ifPresent(a -> deliveryProof.add(activity(a)));
        }
        facts.put("deliveryWorkingDays", deliveryDays, deliveryProof);

        List<Proof> documentProof = new ArrayList<>();
        int missing = 0;
        if (trail.lastCompleted(REPORT).isEmpty()) {
            missing++;
            facts.note("missingDocuments", "缺调查终结报告");
        }
        if (trail.flag("seriousCase") && trail.text("discussionMinutesNo") == null) {
            missing++;
            facts.note("missingDocuments", "缺集体讨论笔录（情节复杂或重大违法案件）");
            documentProof.add(trail.variable("discussionMinutesNo"));
        }
        if (decided && "penalty".equals(decisionKind) && trail.text("decisionDocumentNo") == null) {
            missing++;
            facts.note("missingDocuments", "缺行政处罚决定书文号");
            documentProof.add(trail.variable("decisionDocumentNo"));
        }
        if (decided && !"transfer".equals(decisionKind) && trail.text("deliveryReceiptNo") == null) {
            missing++;
            facts.note("missingDocuments", "缺送达回证");
            documentProof.add(trail.variable("deliveryReceiptNo"));
        }
        documentProof.addAll(decisionProof);
        facts.put("missingDocuments", missing, documentProof);

        List<Proof> evidenceProof = mapper.evidence(info.businessKey()).stream().map(e -> new Proof("evidence",
                String.valueOf(e.id()), e.fileName(), e.capturedAt(), e.taskKey(), null)).toList();
        facts.put("evidenceFiles", evidenceProof.size(), evidenceProof);

        Integer overdue = null;
        List<Proof> deadlineProof = new ArrayList<>(List.of(trail.variable("filingDate"),
                trail.variable("decisionDeadline")));
        deadlineProof.addAll(decisionProof);
        if (trail.value("decisionDeadline") != null) {
            // days the decision clock stood still are not counted (e.g. a hearing or testing, recorded as pauses)
            int paused = caseClocks.pausedCalendarDays(info.businessKey(), "decision");
            for (ClockPause pause : caseClocks.pauses(info.businessKey())) {
                deadlineProof.add(new Proof("pause", pause.clockName(), pause.reason(), pause.pausedAt(),
                        pause.resumedAt() == null ? "计时中止中" : "恢复于 " + pause.resumedAt().toInstant(), null));
            }
            LocalDate deadline = clock.toDate(trail.value("decisionDeadline")).plusDays(paused);
            LocalDate decidedOn = clock.toDate(decisionTime);
            overdue = decidedOn.isAfter(deadline) ? (int) ChronoUnit.DAYS.between(deadline, decidedOn) : 0;
        }
        facts.put("decisionOverdueDays", overdue, deadlineProof);

        // steps in the file's order, each by its first completion: a step that began before the previous one was
        // completed is out of order (a step never completed is a missing document or step, not an order fault)
        int outOfOrder = 0;
        List<Proof> orderProof = new ArrayList<>();
        HistoricActivityInstance previous = null;
        for (String step : ORDER) {
            Optional<HistoricActivityInstance> first = trail.completed(step).stream().findFirst();
            if (first.isEmpty()) {
                continue;
            }
            HistoricActivityInstance current = first.get();
            if (previous != null && current.getStartTime().before(previous.getEndTime())) {
                outOfOrder++;
                facts.note("outOfOrderSteps", "“" + current.getActivityName() + "”开始于“"
                        + previous.getActivityName() + "”完成之前");
                orderProof.add(activity(previous));
                orderProof.add(activity(current));
            }
            previous = current;
        }
        facts.put("outOfOrderSteps", outOfOrder, orderProof);
        return facts;
    }

    /** The case ended at "不予立案" (EndEvent_NotFiled): no case file exists to score. */
    boolean endedUnfiled(CaseInfo info) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(info.processInstanceId())
                .activityId("EndEvent_NotFiled").count() > 0;
    }
}
