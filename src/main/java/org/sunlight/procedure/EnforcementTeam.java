package org.sunlight.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Organization;

/**
 * The officers who act in a case. Enforcement is done by at least two officers holding valid credentials, distinct
 * persons (行政处罚法第42条、第55条; 行政强制法第17条、第18条第2项; 行政许可法第34条 for two reviewers).
 * Tasks name them in the variables {@code officer1Credential} and {@code officer2Credential}; the chosen officers' user
 * ids are kept in {@code actingOfficers} for later separation of duties (a reviewer or hearing host must not be one).
 */
@Component("enforcementTeam")
public class EnforcementTeam {

    public static final String OFFICER_1 = "officer1Credential";
    public static final String OFFICER_2 = "officer2Credential";
    public static final String ACTING_OFFICERS = "actingOfficers";
    public static final String OPTIONS = "officerOptions";
    /**
     * User ids of officers a leader has recused from the case (回避, 行政处罚法第四十三条): they are offered for no
     * further step and may not be named for one.
     */
    public static final String RECUSED_OFFICERS = "recusedOfficers";

    /** The article that asks for two officers, by the case's category: the refusal cites the case's own law. */
    private static final java.util.Map<String, String[]> TWO_OFFICERS_BASIS = java.util.Map.of(
            "penalty", new String[] {"行政处罚法第42条", "Administrative Penalty Law Art. 42"},
            "licensing", new String[] {"行政许可法第34条第3款", "Administrative Licensing Law Art. 34(3)"},
            "coercion", new String[] {"行政强制法第18条第2项", "Administrative Coercion Law Art. 18(2)"},
            "inspection", new String[] {"行政处罚法第55条", "Administrative Penalty Law Art. 55"});

    private final Organization organization;
    private final StatutoryClock clock;

    EnforcementTeam(Organization organization, StatutoryClock clock) {
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * Task create listener: offers the credentials of the case's department valid today as options of the form's
     * select fields (form-js valuesKey "officerOptions").
     */
    public void offerOptions(DelegateTask task) {
        String department = (String) task.getVariable("department");
        List<String> recused = recusedOfficers(task);
        StringBuilder json = new StringBuilder("[");
        for (Credential credential : organization.validCredentials(department, clock.today())) {
            if (recused.contains(credential.userId())) {
                continue;
            }
            String name = organization.officer(credential.userId()).map(o -> o.name()).orElse(credential.userId());
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"label\":\"").append(escape(name + "（执法证号 " + credential.credentialNo() + "）"))
                    .append("\",\"value\":\"").append(escape(credential.credentialNo())).append("\"}");
        }
        json.append(']');
        task.setVariableLocal(OPTIONS, SpinValues.jsonValue(json.toString()).create());
    }

    /**
     * Task complete listener: refuses the step unless two distinct officers with credentials valid today and covering
     * the case's category are named; records their user ids.
     */
    public void requireTwoOfficers(DelegateTask task) {
        List<Credential> team = require(List.of(Vars.text(task, OFFICER_1), Vars.text(task, OFFICER_2)),
                (String) task.getVariable("category"), clock.today());
        requireNotRecused(task, team);
        List<String> users = team.stream().map(Credential::userId).toList();
        task.getExecution().setVariable(ACTING_OFFICERS, String.join(",", users));
    }

    public List<Credential> require(List<String> credentialNos, String category, LocalDate day) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String no : credentialNos) {
            if (no != null && !no.isBlank()) {
                numbers.add(no.trim());
            }
        }
        if (numbers.size() < 2) {
            String[] basis = TWO_OFFICERS_BASIS.getOrDefault(category, TWO_OFFICERS_BASIS.get("penalty"));
            throw new RuleViolation("two-officers", "执法人员不得少于两人，须填写两名不同执法人员的执法证号（" + basis[0] + "）",
                    "At least two different officers' credential numbers are required (" + basis[1] + ")");
        }
        List<Credential> team = new ArrayList<>();
        Set<String> holders = new LinkedHashSet<>();
        for (String no : numbers) {
            Credential credential = organization.credential(no).orElseThrow(() -> new RuleViolation(
                    "unknown-credential", "执法证号 " + no + " 不存在", "Unknown credential " + no));
            if (!credential.isValidOn(day)) {
                throw new RuleViolation("invalid-credential", "执法证 " + no + " 状态为“" + credential.statusTextOn(day)
                        + "”，不得从事执法（行政处罚法第42条、第55条）",
                        "Credential " + no + " is not valid on " + day + " (Administrative Penalty Law Art. 42, 55)");
            }
            if (organization.officer(credential.userId()).filter(o -> o.active()).isEmpty()) {
                throw new RuleViolation("inactive-officer", "执法证 " + no + " 的持证人已不在岗", "The holder of " + no + " is inactive");
            }
            if (category != null && !credential.covers(category)) {
                throw new RuleViolation("credential-scope", "执法证 " + no + " 的执法范围不包括本类案件",
                        "Credential " + no + " does not cover category " + category);
            }
            if (!holders.add(credential.userId())) {
                throw new RuleViolation("same-officer", "两个执法证号属于同一人，执法人员须为两名不同人员",
                        "Both credentials belong to the same person; two different officers are required");
            }
            team.add(credential);
        }
        return team;
    }

    /** Refuses a team with an officer the leader recused from this case (行政处罚法第四十三条). */
    public void requireNotRecused(VariableScope scope, List<Credential> team) {
        List<String> recused = recusedOfficers(scope);
        for (Credential credential : team) {
            if (recused.contains(credential.userId())) {
                String name = organization.officer(credential.userId()).map(o -> o.name()).orElse(credential.userId());
                throw new RuleViolation("officer-recused", name + "（执法证号 " + credential.credentialNo()
                        + "）已被决定回避，不得再参与本案（行政处罚法第四十三条）",
                        "Officer " + credential.userId() + " has been recused from this case (Art. 43)");
            }
        }
    }

    /** The officers recused from a case (user ids), empty when none was. */
    public static List<String> recusedOfficers(VariableScope scope) {
        String value = Vars.text(scope, RECUSED_OFFICERS);
        return value == null ? List.of() : List.of(value.split(","));
    }

    /** The acting officers' user ids recorded in a case. */
    public static List<String> actingOfficers(VariableScope scope) {
        String value = Vars.text(scope, ACTING_OFFICERS);
        return value == null ? List.of() : List.of(value.split(","));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
