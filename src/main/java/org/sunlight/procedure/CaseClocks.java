package org.sunlight.procedure;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Statutory clocks that stand still and run on (计时暂停与恢复). Some periods exclude time spent on something else:
 * a licensing decision's 20 working days exclude hearings, testing, expert review (行政许可法第四十五条); a seizure's 30
 * days exclude testing (行政强制法第二十五条第三款). A case may have several named clocks; each pause is recorded
 * with its reason (the written notice to the party is the BPMN step's business), so that due dates, the record and
 * supervision all see the same facts.
 * <p>
 * A due date is the plain due date moved by the paused days: for working-day periods, every working day on which the
 * clock stood still (from the day after it stopped through the day it resumed) is added; for calendar-day periods,
 * every such day. BPMN waits at a task whose due date and boundary timer are computed here when it is (re)entered after
 * a resumption: {@code ${caseClocks.workingDaysDue(execution, 'decision', acceptedAt, 20)}}.
 */
@Component("caseClocks")
public class CaseClocks {

    private final StatutoryClock clock;
    private final org.sunlight.procedure.internal.ClockPauses pauses;

    CaseClocks(StatutoryClock clock, org.sunlight.procedure.internal.ClockPauses pauses) {
        this.clock = clock;
        this.pauses = pauses;
    }

    public void pause(DelegateExecution execution, String clockName, String reason) {
        String key = execution.getProcessBusinessKey();
        if (isPaused(key, clockName)) {
            throw new RuleViolation("clock-already-paused", "期限计算已经中止，不能重复中止", "The clock " + clockName + " is already paused");
        }
        pauses.pause(key, clockName, reason, clock.now());
    }

    public void resume(DelegateExecution execution, String clockName) {
        resumeAt(execution, clockName, clock.now());
    }

    /**
     * Resumes the clock as of the day the excluded procedure ended, not the day an officer records it: only the time
     * the testing, expert review or hearing actually took is left out of the period (行政许可法第四十五条“所需时间不计算在
     * 本节规定的期限内”; 行政强制法第二十五条第三款“检测、检验、检疫或者技术鉴定的期间不计入查封、扣押的期间”). The
     * period runs again from the day after {@code endedOn}; an end recorded as today resumes now. Never before the pause
     * began (that end is refused by {@link #requireNotBeforePause}).
     */
    public void resume(DelegateExecution execution, String clockName, LocalDate endedOn) {
        Date now = clock.now();
        Date at = clock.endOfDay(endedOn);
        if (at.after(now)) {
            at = now;
        }
        for (ClockPause pause : pauses.pauses(execution.getProcessBusinessKey(), clockName)) {
            if (pause.resumedAt() == null && at.before(pause.pausedAt())) {
                at = pause.pausedAt();
            }
        }
        resumeAt(execution, clockName, at);
    }

    private void resumeAt(DelegateExecution execution, String clockName, Date at) {
        if (!pauses.resume(execution.getProcessBusinessKey(), clockName, at)) {
            throw new RuleViolation("clock-not-paused", "期限计算没有中止，无需恢复", "The clock " + clockName + " is not paused");
        }
    }

    /**
     * What ends a pause (a test, an expert review) cannot have ended before the pause began: the excluded period is the
     * time it actually took (行政强制法第二十五条第三款; 行政许可法第四十五条).
     */
    public void requireNotBeforePause(DelegateExecution execution, String clockName, LocalDate ended, String label) {
        for (ClockPause pause : pauses.pauses(execution.getProcessBusinessKey(), clockName)) {
            LocalDate began = clock.toDate(pause.pausedAt());
            if (pause.resumedAt() == null && ended.isBefore(began)) {
                throw new RuleViolation("ended-before-pause", label + "（" + ended + "）不能早于期限中止之日（" + began + "）",
                        label + " (" + ended + ") cannot be before the clock was paused (" + began + ")");
            }
        }
    }

    public boolean isPaused(String businessKey, String clockName) {
        return pauses.pauses(businessKey, clockName).stream().anyMatch(p -> p.resumedAt() == null);
    }

    public List<ClockPause> pauses(String businessKey) {
        return pauses.allPauses(businessKey);
    }

    /** Working days the clock stood still so far (an open pause counts up to today). */
    public int pausedWorkingDays(String businessKey, String clockName) {
        int days = 0;
        for (ClockPause pause : pauses.pauses(businessKey, clockName)) {
            LocalDate from = clock.toDate(pause.pausedAt());
            LocalDate to = pause.resumedAt() == null ? clock.today() : clock.toDate(pause.resumedAt());
            days += clock.workingDaysBetween(from, to);
        }
        return days;
    }

    public int pausedCalendarDays(String businessKey, String clockName) {
        long days = 0;
        for (ClockPause pause : pauses.pauses(businessKey, clockName)) {
            LocalDate from = clock.toDate(pause.pausedAt());
            LocalDate to = pause.resumedAt() == null ? clock.today() : clock.toDate(pause.resumedAt());
            days += java.time.temporal.ChronoUnit.DAYS.between(from, to);
        }
        return (int) days;
    }

    /** End of a period of N working days from start, plus the working days the named clock stood still. */
    public Date workingDaysDue(VariableScope scope, String clockName, Object start, int workingDays) {
        String key = businessKey(scope);
        return clock.workingDaysAfter(start, workingDays + pausedWorkingDays(key, clockName));
    }

    /** End of a period of N calendar days from start, plus the days the named clock stood still. */
    public Date calendarDaysDue(VariableScope scope, String clockName, Object start, int days) {
        String key = businessKey(scope);
        return clock.calendarDaysAfter(start, days + pausedCalendarDays(key, clockName));
    }

    private static String businessKey(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessBusinessKey();
        }
        if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
            return task.getExecution().getProcessBusinessKey();
        }
        throw new IllegalArgumentException("Unsupported scope " + scope);
    }
}
