package org.sunlight.supervision.internal.watch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.ClockPause;
import org.sunlight.procedure.StatutoryClock;

/**
 * The live list of limits nearing or past (期限监督). Three kinds of rows:
 * <ul>
 * <li>a case's statutory limit (法定时限): the due date the procedure itself keeps (computed with the statutory clock
 * and the case clocks), cited by article;</li>
 * <li>a case's promised limit (承诺时限): start + the promised period (local policy) counted by the statutory clock,
 * moved by the days the case clock stood still — the same rule CaseClocks applies to statutory periods;</li>
 * <li>an open task's due date (环节期限), as the BPMN computed it.</li>
 * </ul>
 * While the case clock stands still (hearing, testing, expert review: 行政许可法第四十五条, 行政强制法第二十五条) its
 * limits — and the tasks that run against them — are shown as suspended with the pause, never as overdue.
 */
@Component
public class DeadlineWatch {

    /** One row of the list. {@code workingDaysLeft} is negative when past; null while suspended. */
    record Item(String kind, String businessKey, String caseNumber, String processInstanceId, String processKey,
                String procedureName,
                String departmentId, String departmentName, String officerId, String officerName, String partyName,
                String taskId, String taskName, String limitKind, String limitName, String basis, Date dueAt,
                String state, String stateName, Integer workingDaysLeft, Pause pause) {
    }

    record Pause(String reason, Date pausedAt, int pausedWorkingDays) {
    }

    static final List<String> STATES = List.of("overdue", "nearing", "suspended");
    private static final Map<String, String> STATE_NAMES = Map.of("overdue", "已超期", "nearing", "即将到期",
            "suspended", "期限中止", "running", "正常");
    private static final Map<String, String> LIMIT_NAMES = Map.of("statutory", "法定时限", "promised", "承诺时限",
            "task", "环节期限");

    private final DeadlineMapper mapper;
    private final WatchProperties properties;
    private final StatutoryClock clock;
    private final CaseClocks caseClocks;
    private final Organization organization;

    DeadlineWatch(DeadlineMapper mapper, WatchProperties properties, StatutoryClock clock, CaseClocks caseClocks,
                  Organization organization) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
        this.caseClocks = caseClocks;
        this.organization = organization;
    }

    public WatchProperties properties() {
        return properties;
    }

    /** The end of the warning window: the end of the N-th working day from today. */
    Date horizon() {
        return clock.endOfDay(clock.addWorkingDays(clock.today(), properties.warningWorkingDays()));
    }

    /** Rows nearing, past or suspended; department/officer/state null = all. */
    List<Item> list(String department, String officer, String state) {
        Date now = clock.now();
        Date horizon = horizon();
        List<Item> items = new ArrayList<>();
        Map<String, Optional<ClockPause>> openPauses = new HashMap<>();
        Map<String, Date> statutoryDue = new HashMap<>();
        Names names = new Names();
        properties.procedures().forEach((processKey, procedure) -> {
            for (DeadlineMapper.OpenCase c : mapper.openCases(processKey, procedure.startVariable(),
                    procedure.dueVariable(), blankToNull(procedure.variantVariable()), department, officer)) {
                // a kind of case with limits of its own (e.g. a licence handled jointly, 行政许可法第四十二条第二款)
                WatchProperties.Variant variant = procedure.variant(c.variantValue());
                WatchProperties.Limit statutoryLimit = variant == null ? procedure.statutory() : variant.statutory();
                WatchProperties.Limit promisedLimit = variant == null ? procedure.promised() : variant.promised();
                Optional<ClockPause> pause = openPause(c.businessKey(), procedure.clock());
                openPauses.put(c.businessKey(), pause);
                if (c.dueMs() != null) {
                    Date due = new Date(c.dueMs());
                    statutoryDue.put(c.businessKey(), due);
                    items.add(caseItem(c, procedure, "statutory", statutoryLimit, due, pause, now, horizon, names));
                }
                if (promisedLimit != null && c.startMs() != null) {
                    Date due = promisedDue(c.businessKey(), procedure, promisedLimit, new Date(c.startMs()));
                    // a promised time shortens the statutory limit, it never lengthens it: "各地区可以在国家规定的
                    // 政务服务事项办理时限内进一步压减时间" (优化营商环境条例第三十六条第二款). A procedure whose matters
                    // have different statutory periods (a construction permit's 7 days, 建筑法第八条, against the 20
                    // working days of 行政许可法第四十二条) would otherwise promise beyond the law
                    Date statutory = statutoryDue.get(c.businessKey());
                    if (statutory != null && due.after(statutory)) {
                        due = statutory;
                    }
                    items.add(caseItem(c, procedure, "promised", promisedLimit, due, pause, now, horizon, names));
                }
            }
        });
        for (DeadlineMapper.OpenTask t : mapper.tasksDueBy(horizon, department, officer)) {
            // a task that runs against the case's statutory due date stands still with it
            Optional<ClockPause> pause = t.dueAt().equals(statutoryDue.get(t.businessKey()))
                    ? openPauses.getOrDefault(t.businessKey(), Optional.empty()) : Optional.empty();
            WatchProperties.Procedure procedure = properties.procedures().get(t.processKey());
            String officerId = t.assignee() != null ? t.assignee() : t.handlerId();
            String s = state(t.dueAt(), pause, now, horizon);
            items.add(new Item("task", t.businessKey(), t.caseNumber(), t.processInstanceId(), t.processKey(),
                    procedure == null ? t.processKey() : procedure.name(), t.departmentId(),
                    names.department(t.departmentId()), officerId, names.officer(officerId), t.partyName(), t.taskId(),
                    t.taskName(), "task", LIMIT_NAMES.get("task"), null, t.dueAt(), s, STATE_NAMES.get(s),
                    pause.isPresent() ? null : workingDaysLeft(t.dueAt()), pause(t.businessKey(), procedure, pause)));
        }
        return items.stream().filter(i -> !"running".equals(i.state()))
                .filter(i -> state == null || state.equals(i.state()))
                .sorted(Comparator.comparing((Item i) -> STATES.indexOf(i.state())).thenComparing(Item::dueAt))
                .toList();
    }

    /** The promised due date: start + the promised period, moved by the days the case clock stood still. */
    public Date promisedDue(String businessKey, WatchProperties.Procedure procedure, Date start) {
        return promisedDue(businessKey, procedure, procedure.promised(), start);
    }

    /** As above, with the promised limit of the case's kind (a variant's or the procedure's). */
    Date promisedDue(String businessKey, WatchProperties.Procedure procedure, WatchProperties.Limit limit, Date start) {
        int paused = 0;
        if (procedure.clock() != null && !procedure.clock().isBlank()) {
            paused = limit.workingDays() ? caseClocks.pausedWorkingDays(businessKey, procedure.clock())
                    : caseClocks.pausedCalendarDays(businessKey, procedure.clock());
        }
        return limit.workingDays() ? clock.workingDaysAfter(start, limit.days() + paused)
                : clock.calendarDaysAfter(start, limit.days() + paused);
    }

    /** As above, with the days the clock stood still already known (working or calendar days, as the limit counts). */
    public Date promisedDue(WatchProperties.Procedure procedure, Date start, int pausedDays) {
        WatchProperties.Limit limit = procedure.promised();
        return limit.workingDays() ? clock.workingDaysAfter(start, limit.days() + pausedDays)
                : clock.calendarDaysAfter(start, limit.days() + pausedDays);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private Optional<ClockPause> openPause(String businessKey, String clockName) {
        if (clockName == null || clockName.isBlank()) {
            return Optional.empty();
        }
        return caseClocks.pauses(businessKey).stream()
                .filter(p -> clockName.equals(p.clockName()) && p.resumedAt() == null).findFirst();
    }

    private Item caseItem(DeadlineMapper.OpenCase c, WatchProperties.Procedure procedure, String limitKind,
                          WatchProperties.Limit limit, Date due, Optional<ClockPause> pause, Date now, Date horizon,
                          Names names) {
        String s = state(due, pause, now, horizon);
        return new Item("case", c.businessKey(), c.caseNumber(), c.processInstanceId(), c.processKey(),
                procedure.name(), c.departmentId(),
                names.department(c.departmentId()), c.handlerId(), names.officer(c.handlerId()), c.partyName(), null,
                null, limitKind, LIMIT_NAMES.get(limitKind) + "（" + limit.text() + "）", limit.basis(), due, s,
                STATE_NAMES.get(s), pause.isPresent() ? null : workingDaysLeft(due),
                pause(c.businessKey(), procedure, pause));
    }

    private Pause pause(String businessKey, WatchProperties.Procedure procedure, Optional<ClockPause> pause) {
        return pause.map(p -> new Pause(p.reason(), p.pausedAt(),
                caseClocks.pausedWorkingDays(businessKey, procedure.clock()))).orElse(null);
    }

    private static String state(Date due, Optional<ClockPause> pause, Date now, Date horizon) {
        if (pause.isPresent()) {
            return "suspended";
        }
        if (now.after(due)) {
            return "overdue";
        }
        return due.after(horizon) ? "running" : "nearing";
    }

    /** Working days from today to the due day (negative: working days past it). */
    private int workingDaysLeft(Date due) {
        LocalDate today = clock.today();
        LocalDate day = clock.toDate(due);
        return day.isBefore(today) ? -clock.workingDaysBetween(day, today) : clock.workingDaysBetween(today, day);
    }

    /** Department and officer names, looked up once per list. */
    private final class Names {
        private final Map<String, String> departments = new HashMap<>();
        private final Map<String, String> officers = new HashMap<>();

        String department(String id) {
            return id == null ? null : departments.computeIfAbsent(id,
                    k -> organization.department(k).map(Department::name).orElse(k));
        }

        String officer(String id) {
            return id == null ? null : officers.computeIfAbsent(id,
                    k -> organization.officer(k).map(Officer::name).orElse(k));
        }
    }
}
