package org.sunlight.coercion.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;

/**
 * 行政强制法第四十三条第一款: no coercive execution at night or on a statutory holiday, except in an emergency. An
 * execution is refused when any part of it (from its start to its end) falls into a night (sunlight.coercion.night-start
 * .. night-end, local time) or onto an official public holiday of the State Council schedule (法定节假日, the statutory
 * clock's calendar; ordinary weekends are rest days, not 法定节假日).
 */
@Component
class ExecutionHours {

    private final StatutoryClock clock;
    private final LocalTime nightStart;
    private final LocalTime nightEnd;

    ExecutionHours(StatutoryClock clock, CoercionPolicy policy) {
        this.clock = clock;
        this.nightStart = policy.nightStart();
        this.nightEnd = policy.nightEnd();
    }

    /**
     * Refuses an execution from start to end unless it keeps clear of nights and holidays, or the officer states the
     * emergency that justifies it (第四十三条第一款但书).
     */
    void check(Instant start, Instant end, boolean emergency, String emergencyReason) {
        if (!end.isAfter(start)) {
            throw new RuleViolation("execution-end-before-start", "执行结束时间应晚于开始时间", "The execution must end after it starts");
        }
        String conflict = conflict(start, end);
        if (conflict == null) {
            return;
        }
        if (emergency) {
            if (emergencyReason == null || emergencyReason.isBlank()) {
                throw new RuleViolation("emergency-reason-missing", "在夜间或者法定节假日实施强制执行的，须写明紧急情况（行政强制法第四十三条第一款）",
                        "Executing at night or on a statutory holiday needs the emergency stated (Art. 43(1))");
            }
            return;
        }
        throw new RuleViolation("execution-at-night-or-holiday", "不得在夜间或者法定节假日实施行政强制执行（行政强制法第四十三条第一款）："
                + conflict + "。情况紧急的，请勾选“情况紧急”并写明理由",
                "No coercive execution at night or on a statutory holiday (Art. 43(1)): " + conflict);
    }

    /** What the interval runs into, in Chinese, or null. */
    String conflict(Instant start, Instant end) {
        ZoneId zone = clock.zone();
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (overlaps(from, to, day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)) && clock.isOfficialHoliday(day)) {
                return day + " 为法定节假日";
            }
        }
        if (nightStart.equals(nightEnd)) {
            return null;
        }
        for (LocalDate day = from.toLocalDate().minusDays(1); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            ZonedDateTime nightFrom = day.atTime(nightStart).atZone(zone);
            ZonedDateTime nightTo = (nightEnd.isAfter(nightStart) ? day : day.plusDays(1)).atTime(nightEnd).atZone(zone);
            if (overlaps(from, to, nightFrom, nightTo)) {
                return "执行时间进入夜间（" + nightStart + (nightEnd.isAfter(nightStart) ? "至" : "至次日") + nightEnd + "）";
            }
        }
        return null;
    }

    private static boolean overlaps(ZonedDateTime from, ZonedDateTime to, ZonedDateTime otherFrom, ZonedDateTime otherTo) {
        return from.isBefore(otherTo) && to.isAfter(otherFrom);
    }
}
