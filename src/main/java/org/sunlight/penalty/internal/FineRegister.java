package org.sunlight.penalty.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.CaseEnded;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * 一事不二罚 (行政处罚法第二十九条; RULES 2.22): "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚". Where a
 * fine of penalty-general is about to be reviewed (CallActivity_LegalReview) or decided (Task_LeaderDecision), the case's
 * proposed fine is registered in sl_penalty_fine and the other fines of the same party (its identity number, never its
 * name alone), the same violation and the same violation date are looked up with one indexed query. What is found
 * becomes the variable {@code priorFines}, a Chinese notice the legal review form and the leader's form show (and the
 * case's record keeps, as every variable). It never refuses a step: whether two records are the same act is the legal
 * judgment of the reviewer and the leader, and clients and data imports reuse test parties.
 */
@Component("fineRegister")
public class FineRegister {

    static final String VARIABLE = "priorFines";
    /**
     * The notice names at most this many cases, then how many there are in all: a string variable is stored in a
     * column of 4,000 characters (ACT_RU_VARIABLE.TEXT_), and a party fined again and again for one act (an import, a
     * test party) must not make the next case's review fail. Ten cases are more than a reviewer needs to see the point.
     */
    static final int LISTED = 10;

    private final PriorFineMapper mapper;
    private final StatutoryClock clock;

    FineRegister(PriorFineMapper mapper, StatutoryClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The proposed fine (fineAmount) is registered, and the notice of other fines of the same act set or cleared. */
    public void note(DelegateExecution execution) {
        Act act = act(execution);
        if (act == null) {
            clear(execution);
            return;
        }
        BigDecimal proposed = PenaltyRules.decimal(execution.getVariable("fineAmount"));
        if (proposed != null && proposed.signum() > 0) {
            save(execution, act, proposed, "proposed", null);
        } else {
            mapper.delete(execution.getProcessBusinessKey());
        }
        String key = execution.getProcessBusinessKey();
        List<PriorFineMapper.PriorFine> fines = mapper.sameAct(key, act.partyIdNumber(), act.violationCode(),
                act.violationDate(), LISTED + 1);
        int total = fines.size() > LISTED
                ? mapper.countSameAct(key, act.partyIdNumber(), act.violationCode(), act.violationDate()) : fines.size();
        String notice = notice(fines, total);
        if (notice != null) {
            execution.setVariable(VARIABLE, notice);
        } else {
            clear(execution);
        }
    }

    /** After the leader's decision (PenaltyRules.checkDecision): a decided fine (finalFine) is registered, or none. */
    public void decided(DelegateExecution execution) {
        Act act = act(execution);
        BigDecimal fine = PenaltyRules.decimal(execution.getVariable("finalFine"));
        if (act == null || !Vars.flag(execution, "fineDue") || fine == null || fine.signum() <= 0) {
            mapper.delete(execution.getProcessBusinessKey());
            return;
        }
        save(execution, act, fine, "decided", clock.toDate(execution.getVariable("decisionDate")));
    }

    /** A cancelled case's proposal is no fine of the act (its decided fine, if any, stays). */
    @EventListener
    void on(CaseEnded ended) {
        if (ended.cancelled() && "penalty-general".equals(ended.processKey()) && ended.businessKey() != null) {
            mapper.deleteProposed(ended.businessKey());
        }
    }

    /**
     * The notice, or null when there is no other fine of the act: the first {@link #LISTED} of {@code fines} (decided
     * ones first) and, when {@code total} is more, how many there are in all.
     */
    static String notice(List<PriorFineMapper.PriorFine> fines, int total) {
        List<String> decided = new ArrayList<>();
        List<String> proposed = new ArrayList<>();
        for (PriorFineMapper.PriorFine f : fines.subList(0, Math.min(LISTED, fines.size()))) {
            if ("decided".equals(f.status())) {
                decided.add("案号 " + f.caseNumber() + "（罚款" + plain(f.fineAmount()) + "元，决定日期"
                        + f.decisionDate() + "）");
            } else {
                proposed.add("案号 " + f.caseNumber() + "（拟罚款" + plain(f.fineAmount()) + "元，尚未决定）");
            }
        }
        if (decided.isEmpty() && proposed.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!decided.isEmpty()) {
            parts.add("已有罚款决定：" + String.join("、", decided));
        }
        if (!proposed.isEmpty()) {
            parts.add("另有在办案件拟罚款：" + String.join("、", proposed));
        }
        String more = total > LISTED ? "（共" + total + "件，此处列出前" + LISTED + "件）" : "";
        return "同一当事人同一违法行为" + String.join("；", parts) + more
                + "。对同一个违法行为不得给予两次以上罚款（行政处罚法第二十九条）。";
    }

    private void save(DelegateExecution execution, Act act, BigDecimal fine, String status, LocalDate decisionDate) {
        String key = execution.getProcessBusinessKey();
        String caseNumber = Vars.text(execution, "caseNumber");
        java.util.Date now = clock.now();
        if (mapper.update(key, caseNumber, act.partyIdNumber(), act.violationCode(), act.violationDate(), fine, status,
                decisionDate, now) == 0) {
            mapper.insert(key, caseNumber, act.partyIdNumber(), act.violationCode(), act.violationDate(), fine, status,
                    decisionDate, now);
        }
    }

    /** Only a variable that exists is cleared: a case without a notice gets no variable of it. */
    private static void clear(DelegateExecution execution) {
        if (execution.getVariable(VARIABLE) != null) {
            execution.setVariable(VARIABLE, null);
        }
    }

    /** The act: the party's identity number (normalised at registration), the violation and its date; or null. */
    private Act act(DelegateExecution execution) {
        String id = Vars.text(execution, "partyIdNumber");
        String code = Vars.text(execution, "violationCode");
        Object date = execution.getVariable("violationDate");
        if (id == null || code == null || date == null || date.toString().isBlank()) {
            return null;
        }
        return new Act(id.toUpperCase(), code, clock.toDate(date));
    }

    private record Act(String partyIdNumber, String violationCode, LocalDate violationDate) {
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
