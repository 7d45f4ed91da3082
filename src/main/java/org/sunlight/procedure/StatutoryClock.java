package org.sunlight.procedure;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.internal.ProvisionalDeadlines;
import org.sunlight.procedure.internal.WorkCalendar;

/**
 * The statutory clock: due dates of tasks and timers computed the way the law counts time. BPMN files call it as
 * {@code ${statutoryClock.workingDaysAfter(noticeDeliveredDate, 5)}}.
 * <ul>
 * <li>"N working days" (工作日, 行政处罚法第85条, 行政许可法第82条, 行政强制法第69条): the start day is not counted
 * (民法典第201条); the period ends at the end of the N-th working day after it. Working days come from the official
 * holiday schedule, make-up workdays included.</li>
 * <li>"N days" (自然日): the start day is not counted; when the last day is not a working day, the period ends on the
 * next working day (民事诉讼法第八十五条, applied to administrative periods through 行政诉讼法第一百零一条 and
 * 行政复议法第八十八条).</li>
 * </ul>
 * A period ends at 23:59:59 of its last day in the configured zone (sunlight.zone, default Asia/Shanghai).
 * "Now" is Camunda's clock, so tests and the engine agree.
 */
@Component("statutoryClock")
public class StatutoryClock {

    private final WorkCalendar calendar;
    private final ZoneId zone;

    /** Told of counts made into a year without a schedule, to make them again once it is loaded; none in unit tests. */
    private ProvisionalDeadlines provisional;

    public StatutoryClock(WorkCalendar calendar, @Value("${sunlight.zone}") String zone) {
        this.calendar = calendar;
        this.zone = ZoneId.of(zone);
    }

    @Autowired(required = false)
    void setProvisionalDeadlines(ProvisionalDeadlines provisional) {
        this.provisional = provisional;
    }

    private LocalDate counted(String kind, LocalDate start, int amount, LocalDate result) {
        if (provisional != null) {
            provisional.note(kind, start, amount, result);
        }
        return result;
    }

    public ZoneId zone() {
        return zone;
    }

    public Date now() {
        return ClockUtil.getCurrentTime();
    }

    public LocalDate today() {
        return toDate(now());
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /** An official public holiday (法定节假日), weekends not included: {@link WorkCalendar#isOfficialHoliday}. */
    public boolean isOfficialHoliday(LocalDate day) {
        return calendar.isOfficialHoliday(day);
    }

    public boolean hasSchedule(int year) {
        return calendar.hasSchedule(year);
    }

    /** The N-th working day after the start day. */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        requireNonNegative(workingDays);
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return counted(ProvisionalDeadlines.WORKING_DAYS, start, workingDays, day);
    }

    /** The last day of a period of N calendar days, moved to the next working day when it is not one. */
    public LocalDate addCalendarDays(LocalDate start, int days) {
        requireNonNegative(days);
        return counted(ProvisionalDeadlines.CALENDAR_DAYS, start, days, nextWorkingDayFrom(start.plusDays(days)));
    }

    /** The last day of a period of N months (e.g. 建筑法第9条 three months), moved like calendar days. */
    public LocalDate addMonths(LocalDate start, int months) {
        requireNonNegative(months);
        return counted(ProvisionalDeadlines.MONTHS, start, months, nextWorkingDayFrom(start.plusMonths(months)));
    }

    public LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate result = day;
        while (!calendar.isWorkingDay(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    /** Working days in (from, to]: the start day is not counted, the end day is. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    // ---- for BPMN expressions: accept what forms and the engine store (Date, ISO strings), answer java.util.Date ----

    public Date workingDaysAfter(Object start, int workingDays) {
        return endOfDay(addWorkingDays(toDate(start), workingDays));
    }

    public Date calendarDaysAfter(Object start, int days) {
        return endOfDay(addCalendarDays(toDate(start), days));
    }

    public Date monthsAfter(Object start, int months) {
        return endOfDay(addMonths(toDate(start), months));
    }

    /** The start of the N-th calendar day after the start day, not moved: for reminders (e.g. day 75 of 90). */
    public Date dayStartAfter(Object start, int days) {
        return startOfDay(toDate(start).plusDays(days));
    }

    public Date hoursAfter(Object start, int hours) {
        return Date.from(toInstant(start).plusSeconds(hours * 3600L));
    }

    public Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(zone).toInstant());
    }

    public Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    /** The calendar day (in the configured zone) of a Date, LocalDate or ISO string ("2026-03-02", "2026-03-02T10:00"). */
    public LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof String s && s.trim().length() == 10) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeException e) {
                throw invalidDate(s);
            }
        }
        return toInstant(value).atZone(zone).toLocalDate();
    }

    public Instant toInstant(Object value) {
        if (value == null) {
            throw new RuleViolation("missing-date", "缺少计算期限所需的日期", "A date needed to compute the time limit is missing");
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(zone).toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        String text = value.toString().trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw invalidDate(text);
        }
    }

    private static RuleViolation invalidDate(String text) {
        return new RuleViolation("invalid-date", "日期格式无效：" + text, "Invalid date: " + text);
    }

    private static void requireNonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("period must not be negative: " + n);
        }
    }
}
