package org.sunlight.supervision.internal.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.StatutoryClock;

/**
 * One case file being read: its {@link Trail}, the facts read so far, and the readings every procedure shares (acting
 * body, officers and credentials, recorded texts, the legal review, documents, deadlines, order of steps, evidence
 * files). A {@link ProcedureFacts} says which of its activities and variables feed which fact; a fact it never sets
 * does not apply to the procedure (a DMN input without a value fires no row).
 */
final class CaseFile {

    static final String REVIEW = "CallActivity_LegalReview";
    private static final Map<String, String> CATEGORY_NAMES = Map.of("penalty", "行政处罚", "licensing", "行政许可",
            "coercion", "行政强制", "collection", "行政征收", "inspection", "行政检查");

    final CaseInfo info;
    final Trail trail;
    final CaseFacts facts = new CaseFacts();
    /** A pre-check of an open case: read as if the decision were made now. */
    final boolean precheck;
    final StatutoryClock clock;
    final CaseClocks caseClocks;
    final ScoreMapper mapper;
    private final Organization organization;

    /** Whether the decision was made (never for a pre-check), when, and its activity instance. */
    boolean decided;
    Date decisionTime;
    List<Proof> decisionProof = List.of();

    CaseFile(CaseInfo info, Trail trail, boolean precheck, Organization organization, StatutoryClock clock,
             CaseClocks caseClocks, ScoreMapper mapper) {
        this.info = info;
        this.trail = trail;
        this.precheck = precheck;
        this.organization = organization;
        this.clock = clock;
        this.caseClocks = caseClocks;
        this.mapper = mapper;
        this.decisionTime = clock.now();
    }

    static Proof activity(HistoricActivityInstance a) {
        return new Proof("activity", a.getId(), a.getActivityName() == null ? a.getActivityId() : a.getActivityName(),
                a.getEndTime() == null ? a.getStartTime() : a.getEndTime(), a.getActivityId(), null);
    }

    static Proof task(HistoricTaskInstance t) {
        return new Proof("task", t.getId(), t.getName(), t.getEndTime(),
                "到期 " + (t.getDueDate() == null ? "—" : t.getDueDate().toInstant()) + "，办理人 " + t.getAssignee(), null);
    }

    /** The decision is the last completion of one of these activities; the checklist looks at the case as of then. */
    void decisionAt(String... activityIds) {
        Optional<HistoricActivityInstance> decision = trail.lastCompleted(activityIds);
        decided = decision.isPresent() && !precheck;
        decisionTime = decided ? decision.get().getEndTime() : clock.now();
        decisionProof = decided ? List.of(activity(decision.get())) : List.of();
    }

    boolean before(HistoricActivityInstance a) {
        return !a.getEndTime().after(decisionTime);
    }

    /** actingBodyPresent: the acting body (实施机关) recorded when the case started. */
    void actingBody() {
        facts.put("actingBodyPresent", trail.text("actingBody") != null, List.of(trail.variable("actingBody")));
    }

    /**
     * officerCount and unqualifiedOfficers: the officers recorded by the step (actingOfficers, set by the step's
     * two-officer check) and whether each named credential was valid and covered the case's category on the day of
     * the step.
     */
    void officers(String category, String... steps) {
        String acting = trail.text("actingOfficers");
        Set<String> officers = acting == null ? Set.of() : Arrays.stream(acting.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Proof> proof = new ArrayList<>(List.of(trail.variable("actingOfficers")));
        Optional<HistoricActivityInstance> step = trail.lastCompleted(steps);
        step.ifPresent(a -> proof.add(activity(a)));
        facts.put("officerCount", officers.size(), proof);
        LocalDate day = clock.toDate(step.map(HistoricActivityInstance::getEndTime).orElse(decisionTime));
        List<Proof> credentialProof = new ArrayList<>(proof);
        int unqualified = 0;
        for (String field : List.of("officer1Credential", "officer2Credential")) {
            String number = trail.text(field);
            if (number != null) {
                credentialProof.add(trail.variable(field));
                String problem = credentialProblem(number, category, day);
                if (problem != null) {
                    unqualified++;
                    facts.note("unqualifiedOfficers", problem);
                }
            }
        }
        facts.put("unqualifiedOfficers", unqualified, credentialProof);
    }

    /** Why a credential did not allow its holder to act in a case of the category on the day, or null. */
    String credentialProblem(String number, String category, LocalDate day) {
        Optional<Credential> credential = organization.credential(number);
        return credential.isEmpty() ? "执法证 " + number + " 不存在"
                : !credential.get().isValidOn(day)
                ? "执法证 " + number + " 于 " + day + " " + credential.get().statusTextOn(day)
                : !credential.get().covers(category)
                ? "执法证 " + number + " 不含" + CATEGORY_NAMES.getOrDefault(category, category) + "执法类别" : null;
    }

    /** A flag fact: every variable has a non-blank value and, if steps are named, one of them was completed. */
    void recorded(String fact, List<String> variables, String... steps) {
        List<Proof> proof = new ArrayList<>();
        boolean all = true;
        for (String name : variables) {
            proof.add(trail.variable(name));
            all &= trail.text(name) != null;
        }
        if (steps.length > 0) {
            Optional<HistoricActivityInstance> step = trail.lastCompleted(steps);
            step.ifPresent(a -> proof.add(activity(a)));
            all &= step.isPresent();
        }
        facts.put(fact, all, proof);
    }

    /**
     * reviewSkipped: the legal review was required (reviewRequired, from the DMN legal-review-required) and no legal
     * review was completed and approved before the decision (RULES 1.17).
     */
    void review() {
        boolean required = trail.flag("reviewRequired");
        boolean reviewed = trail.completed(REVIEW).stream().anyMatch(this::before) && trail.flag("reviewApproved");
        List<Proof> proof = new ArrayList<>(List.of(trail.variable("reviewRequired"),
                trail.variable("reviewApproved")));
        trail.completed(REVIEW).forEach(a -> proof.add(activity(a)));
        proof.addAll(decisionProof);
        facts.put("reviewSkipped", required && !reviewed, proof);
    }

    /**
     * hearingDenied: the party asked to be heard (the variable has the value) and none of the steps that hear the
     * party was completed before the decision.
     */
    void heard(String requestVariable, String requestValue, String... hearingSteps) {
        boolean requested = requestValue.equals(trail.text(requestVariable));
        boolean heard = trail.completed(hearingSteps).stream().anyMatch(this::before);
        List<Proof> proof = new ArrayList<>(List.of(trail.variable(requestVariable)));
        trail.completed(hearingSteps).forEach(a -> proof.add(activity(a)));
        proof.addAll(decisionProof);
        facts.put("hearingDenied", requested && !heard, proof);
    }

    // ---------------------------------------------------------------- missingDocuments

    /** Starts the count of missing documents (the procedure has documents to check). */
    void documents() {
        facts.put("missingDocuments", 0, List.of());
    }

    /** A document the step records: missing if the step was completed and the variable is blank. */
    void document(String note, String variable, String... steps) {
        Optional<HistoricActivityInstance> step = trail.lastCompleted(steps);
        if (step.isPresent() && trail.text(variable) == null) {
            missing(note, List.of(trail.variable(variable), activity(step.get())));
        }
    }

    /** A step whose document a closed case file must hold: missing if the case is closed and it was never done. */
    void step(String note, String... steps) {
        if (!precheck && "closed".equals(info.status()) && trail.completed(steps).isEmpty()) {
            missing(note, List.of());
        }
    }

    void missing(String note, List<Proof> proof) {
        Object count = facts.values().get("missingDocuments");
        facts.put("missingDocuments", (count == null ? 0 : (Integer) count) + 1, proof);
        facts.note("missingDocuments", note);
    }

    // ---------------------------------------------------------------- lateSteps

    /** Starts the count of statutory time limits missed (the procedure has time-limited steps). */
    void deadlines() {
        facts.put("lateSteps", 0, List.of());
    }

    /**
     * A step whose task is due by a statutory time limit: late if a task instance was completed on a day after its due
     * date (a due "at once", such as a release, is met the same day; hour limits have their own overdue timers).
     */
    void dueTask(String taskKey) {
        for (HistoricTaskInstance t : trail.completedTasks(taskKey)) {
            if (t.getDueDate() != null && clock.toDate(t.getEndTime()).isAfter(clock.toDate(t.getDueDate()))) {
                late("“" + t.getName() + "”到期 " + clock.toDate(t.getDueDate()) + "，完成于 "
                        + clock.toDate(t.getEndTime()), task(t));
            }
        }
    }

    /** A timer that fires only when a statutory time limit has passed unmet: late if it fired. */
    void overdueEvent(String eventId) {
        for (HistoricActivityInstance a : trail.reached(eventId)) {
            late("“" + (a.getActivityName() == null ? eventId : a.getActivityName()) + "”：期限届满时尚未办理",
                    activity(a));
        }
    }

    void late(String note, Proof proof) {
        Object count = facts.values().get("lateSteps");
        facts.put("lateSteps", (count == null ? 0 : (Integer) count) + 1, List.of(proof));
        facts.note("lateSteps", note);
    }

    // ---------------------------------------------------------------- evidence files, order

    /** evidenceFiles: the files uploaded to the case (sl_evidence). */
    void evidenceFiles() {
        List<Proof> proof = mapper.evidence(info.businessKey()).stream().map(e -> new Proof("evidence",
                String.valueOf(e.id()), e.fileName(), e.capturedAt(), e.taskKey(), null)).toList();
        facts.put("evidenceFiles", proof.size(), proof);
    }

    /**
     * outOfOrderSteps: the steps in the file's order, each (one of its activities) by its first completion; a step that
     * began before the previous one was completed is out of order. A step never completed is a missing document or
     * step, not an order fault.
     */
    void order(List<List<String>> steps) {
        int outOfOrder = 0;
        List<Proof> proof = new ArrayList<>();
        HistoricActivityInstance previous = null;
        for (List<String> step : steps) {
            Optional<HistoricActivityInstance> first = trail.firstCompleted(step.toArray(String[]::new));
            if (first.isEmpty()) {
                continue;
            }
            HistoricActivityInstance current = first.get();
            if (previous != null && current.getStartTime().before(previous.getEndTime())) {
                outOfOrder++;
                facts.note("outOfOrderSteps", "“" + current.getActivityName() + "”开始于“"
                        + previous.getActivityName() + "”完成之前");
                proof.add(activity(previous));
                proof.add(activity(current));
            }
            previous = current;
        }
        facts.put("outOfOrderSteps", outOfOrder, proof);
    }
}
