package org.sunlight.review.internal;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.EnforcementTeam;
import org.sunlight.procedure.RuleViolation;

/**
 * Separation of duties in legal review, enforced by the engine on claim and on completion — not only by group
 * membership: the reviewer may not be the case's handler or one of its acting officers (回避, 行政处罚法第四十三条;
 * 国办发〔2018〕118号 四(十四): the handling unit and the legal department answer for different things) nor one recused
 * from it (the caller's {@code recusedOfficers}: a leader's recusal decision, or a declared conflict of interest with the
 * party), and must be
 * qualified for legal review (第五十八条第二款).
 */
@Component("reviewRecusal")
public class ReviewRecusal {

    private final Organization organization;

    ReviewRecusal(Organization organization) {
        this.organization = organization;
    }

    public void check(DelegateTask task) {
        String reviewer = reviewer(task);
        if (reviewer == null) {
            return;
        }
        Set<String> handledBy = new HashSet<>(EnforcementTeam.actingOfficers(task));
        Object handler = task.getVariable("handler");
        if (handler != null) {
            handledBy.add(handler.toString());
        }
        // an officer recused from the case — by a leader's decision or by his own declared conflict of interest with the
        // party — may not review it either (第四十三条: 有直接利害关系或者其他关系可能影响公正执法的，应当回避)
        if (EnforcementTeam.recusedOfficers(task).contains(reviewer)) {
            throw new RuleViolation("reviewer-recused", "审核人员与本案当事人有利害关系或已被决定回避，不得审核本案（行政处罚法第四十三条）",
                    "The legal reviewer is recused from this case (conflict of interest, Art. 43)");
        }
        if (handledBy.contains(reviewer)) {
            throw new RuleViolation("reviewer-recusal", "法制审核人员不得为本案承办人或调查人员，应当回避（行政处罚法第四十三条）",
                    "The legal reviewer must not be the case's handler or investigator (recusal, Art. 43)");
        }
        boolean qualified = organization.officer(reviewer).map(Officer::lawQualified).orElse(false);
        if (!qualified) {
            throw new RuleViolation("reviewer-not-qualified", "审核人员须具备法制审核资格（行政处罚法第五十八条第二款：初次从事法制审核须取得法律职业资格）",
                    "The reviewer is not qualified for legal review (Art. 58(2))");
        }
    }

    /** On claim the new assignee; on completion the person completing it (or the assignee). */
    private static String reviewer(DelegateTask task) {
        if ("complete".equals(task.getEventName())) {
            Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (current != null && current.getUserId() != null) {
                return current.getUserId();
            }
        }
        return task.getAssignee();
    }
}
