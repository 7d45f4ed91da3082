package org.sunlight.penalty.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.EnforcementTeam;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * 回避申请 (行政处罚法第四十三条): 当事人认为执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避。
 * 当事人提出回避申请的，行政机关应当依法审查，由行政机关负责人决定。决定作出之前，不停止调查.
 * <p>
 * Each application is one instance of the non-interrupting event sub-process {@code SubProcess_Recusal} inside
 * {@code SubProcess_Handling} of penalty-general, started by the message {@value #MESSAGE} that {@link CaseRequests}
 * correlates after checking the application; the investigation goes on meanwhile (non-interrupting). The leader decides
 * ({@code Task_RecusalDecision}); a granted recusal puts the officer the leader names in the recused officer's place:
 * as handler (承办人: the case and its open tasks, {@link Cases#reassignHandler}) and in the acting team
 * ({@code actingOfficers} with the credential in {@code officer1Credential}/{@code officer2Credential}). The recused
 * officer joins {@code recusedOfficers} and is offered for, and accepted in, no later step; everything he recorded
 * before stays in the case's history (the whole-process record is never rewritten).
 */
@Component("recusals")
public class Recusals {

    static final String MESSAGE = "PenaltyRecusalApplication";
    static final String DECISION = "Task_RecusalDecision";
    static final Set<String> GROUNDS = Set.of("direct-interest", "other-relation");
    static final Set<String> FORMS = Set.of("written", "oral");
    static final String OPTIONS = "replacementOptions";

    /** The variables of one application, local to its instance of the event sub-process. */
    static final List<String> LOCAL = List.of("recusalOfficer", "recusalOfficerName", "recusalOfficerRole",
            "recusalGround", "recusalReason", "recusalAppliedDate", "recusalApplicant", "recusalApplicationForm",
            "recusalRegisteredBy", "recusalDecision", "recusalOpinion", "replacementCredential", "replacementOfficer",
            "replacementOfficerName", "recusalDecidedBy");

    private final StatutoryClock clock;
    private final Organization organization;
    private final Cases cases;

    Recusals(StatutoryClock clock, Organization organization, Cases cases) {
        this.clock = clock;
        this.organization = organization;
        this.cases = cases;
    }

    // ---------------------------------------------------------------- the application (REST)

    /**
     * The party's application as registered by an officer of the case's department: whom it challenges (the handler or
     * one of the acting officers), on which ground of 第四十三条第二款, why, when and how it came in. Bad input is a
     * 400 ({@link RuleViolation}) and nothing is started.
     */
    Map<String, Object> application(Map<String, Object> body, VariableScope caseScope, String registeredBy) {
        CaseRequests.onlyFields(body, Set.of("officer", "ground", "reason", "appliedDate", "applicant", "form"));
        String officer = CaseRequests.text(body, "officer", "被申请回避的执法人员（用户名）", 64, false);
        List<String> team = caseOfficers(caseScope);
        if (!team.contains(officer)) {
            throw new RuleViolation("not-a-case-officer", "“" + officer + "”不是本案的承办人或调查人员，当事人只能对本案执法人员申请回避"
                    + "（行政处罚法第四十三条第二款）",
                    "'" + officer + "' is neither the handler nor an acting officer of this case (Art. 43(2))");
        }
        String ground = CaseRequests.text(body, "ground", "申请回避的理由类别", 20, false);
        if (!GROUNDS.contains(ground)) {
            throw new RuleViolation("invalid-ground", "理由类别只能是与案件有直接利害关系（direct-interest）或者有其他关系可能影响公正执法"
                    + "（other-relation）（行政处罚法第四十三条第二款）", "ground must be direct-interest or other-relation (Art. 43(2))");
        }
        String form = CaseRequests.text(body, "form", "申请方式", 10, false);
        if (!FORMS.contains(form)) {
            throw new RuleViolation("invalid-form", "申请方式只能是书面（written）或口头（oral）", "form must be written or oral");
        }
        LocalDate applied = CaseRequests.date(body, "appliedDate", "申请日期");
        if (applied.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", "申请日期不能晚于今天", "appliedDate cannot be in the future");
        }
        Object filed = caseScope.getVariable("filingDate");
        if (filed != null && applied.isBefore(clock.toDate(filed))) {
            throw new RuleViolation("applied-before-filing", "申请日期不能早于立案日期 " + clock.toDate(filed),
                    "The application cannot precede the filing");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("recusalOfficer", officer);
        variables.put("recusalOfficerName", organization.officer(officer).map(Officer::name).orElse(officer));
        variables.put("recusalOfficerRole", officer.equals(Vars.text(caseScope, "handler")) ? "承办人" : "调查人员");
        variables.put("recusalGround", ground);
        variables.put("recusalReason", CaseRequests.text(body, "reason", "申请回避的事实和理由", 2000, false));
        variables.put("recusalAppliedDate", applied.toString());
        String applicant = CaseRequests.text(body, "applicant", "申请人", 100, true);
        variables.put("recusalApplicant", applicant == null ? Vars.text(caseScope, "partyName") : applicant);
        variables.put("recusalApplicationForm", form);
        variables.put("recusalRegisteredBy", registeredBy);
        return variables;
    }

    /** The officers of the case a party may challenge: its handler and its acting officers, less those recused. */
    static List<String> caseOfficers(VariableScope scope) {
        Set<String> officers = new LinkedHashSet<>();
        String handler = Vars.text(scope, "handler");
        if (handler != null) {
            officers.add(handler);
        }
        officers.addAll(EnforcementTeam.actingOfficers(scope));
        officers.removeAll(EnforcementTeam.recusedOfficers(scope));
        return new ArrayList<>(officers);
    }

    // ---------------------------------------------------------------- listeners named in penalty-general.bpmn

    /** Start of an instance: its variables become local to it (two applications never overwrite each other). */
    public void opened(DelegateExecution execution) {
        for (String name : LOCAL) {
            if (!execution.hasVariableLocal(name)) {
                execution.setVariableLocal(name, null);
            }
        }
    }

    /**
     * The leader's choice of a replacement: officers of the case's department with credentials valid today and
     * covering penalties, who are neither on the case now nor recused from it (so the team stays two different
     * persons, 第四十二条).
     */
    public void offerReplacements(DelegateTask task) {
        Set<String> excluded = new LinkedHashSet<>(caseOfficers(task));
        excluded.addAll(EnforcementTeam.recusedOfficers(task));
        StringBuilder json = new StringBuilder("[");
        for (Credential credential : organization.validCredentials(Vars.text(task, "department"), clock.today())) {
            if (excluded.contains(credential.userId()) || !credential.covers("penalty")) {
                continue;
            }
            String name = organization.officer(credential.userId()).map(Officer::name).orElse(credential.userId());
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"label\":\"").append(escape(name + "（执法证号 " + credential.credentialNo() + "）"))
                    .append("\",\"value\":\"").append(escape(credential.credentialNo())).append("\"}");
        }
        task.setVariableLocal(OPTIONS, SpinValues.jsonValue(json.append(']').toString()).create());
    }

    /**
     * 负责人决定 (第四十三条第三款). Refused: the officer stays; the reason is given. Granted: the officer named by the
     * leader takes the recused officer's place as handler and in the acting team; the recused officer is barred from
     * the case from now on.
     */
    public void decide(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "recusalDecision", "回避决定", Set.of("grant", "refuse"));
        Vars.requireText(task, "recusalOpinion", "审查意见");
        task.setVariable("recusalDecidedBy", Context.getCommandContext().getAuthenticatedUserId());
        if ("refuse".equals(decision)) {
            return;
        }
        String recused = Vars.requireText(task, "recusalOfficer", "被申请回避的执法人员");
        if (!caseOfficers(task).contains(recused)) {
            throw new RuleViolation("already-replaced", "被申请回避的执法人员已不在本案执法人员之列（已回避或已更换），请作出不予回避的决定并说明",
                    "The challenged officer is no longer on the case");
        }
        String credentialNo = Vars.requireText(task, "replacementCredential", "接替的执法人员");
        Credential credential = organization.credential(credentialNo).orElseThrow(() -> new RuleViolation(
                "unknown-credential", "执法证号 " + credentialNo + " 不存在", "Unknown credential " + credentialNo));
        String replacement = credential.userId();
        Officer officer = organization.officer(replacement).filter(Officer::active).orElseThrow(() -> new RuleViolation(
                "inactive-officer", "执法证 " + credentialNo + " 的持证人已不在岗", "The holder of " + credentialNo + " is inactive"));
        if (!credential.isValidOn(clock.today()) || !credential.covers("penalty")) {
            throw new RuleViolation("invalid-credential", "执法证 " + credentialNo + " 今日无效或不含行政处罚执法类别，不得接替办案（行政处罚法第四十二条）",
                    "Credential " + credentialNo + " is not valid for penalties today (Art. 42)");
        }
        if (!officer.departmentId().equals(Vars.text(task, "department"))) {
            throw new RuleViolation("other-department", "接替人员须为本案承办部门的执法人员", "The replacement must belong to the case's department");
        }
        List<String> current = caseOfficers(task);
        if (current.contains(replacement) || EnforcementTeam.recusedOfficers(task).contains(replacement)) {
            throw new RuleViolation("replacement-on-case", officer.name() + "已是本案执法人员或已回避，不能作为接替人员；执法人员须为两名不同人员（行政处罚法第四十二条）",
                    "The replacement is already on the case or recused (Art. 42)");
        }

        // the recused officer is barred from the case from now on
        List<String> recusedList = new ArrayList<>(EnforcementTeam.recusedOfficers(task));
        recusedList.add(recused);
        task.getExecution().setVariable(EnforcementTeam.RECUSED_OFFICERS, String.join(",", recusedList));
        // the acting team: the replacement takes the recused officer's place and credential field
        List<String> acting = new ArrayList<>(EnforcementTeam.actingOfficers(task));
        int place = acting.indexOf(recused);
        if (place >= 0) {
            acting.set(place, replacement);
            task.getExecution().setVariable(EnforcementTeam.ACTING_OFFICERS, String.join(",", acting));
            for (String field : List.of(EnforcementTeam.OFFICER_1, EnforcementTeam.OFFICER_2)) {
                String number = Vars.text(task, field);
                if (number != null && organization.credential(number).map(c -> c.userId().equals(recused)).orElse(false)) {
                    task.getExecution().setVariable(field, credentialNo);
                }
            }
        }
        // the case and its open tasks: the replacement becomes the handler
        if (recused.equals(Vars.text(task, "handler"))) {
            cases.reassignHandler(task.getExecution(), replacement);
        }
        task.setVariable("replacementOfficer", replacement);
        task.setVariable("replacementOfficerName", officer.name());
    }

    /**
     * No decision on the case while a party's recusal application is undecided: the leader decides it first
     * (第四十三条第三款); the investigation went on meanwhile.
     */
    public void requireDecided(DelegateTask task) {
        if ("return".equals(task.getVariable("decision"))) {
            return; // the leader sends the proposal back: no decision is made yet
        }
        long open = Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices()
                .getTaskService().createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(DECISION).count());
        if (open > 0) {
            throw new RuleViolation("recusal-undecided", "当事人的回避申请尚未决定，应当先由负责人作出回避决定（行政处罚法第四十三条第三款）",
                    "A party's recusal application is undecided; the leader decides it first (Art. 43(3))");
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
