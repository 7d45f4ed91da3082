package org.sunlight.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sunlight.procedure.internal.CalendarMapper;
import org.sunlight.procedure.internal.WorkCalendar;

/**
 * The statutory clock against the official 2025 and 2026 schedules (shipped file), and a year without a schedule.
 * The calendar is backed by an in-memory mapper loaded exactly as the application loads the shipped file.
 */
class StatutoryClockTests {

    private StatutoryClock clock;
    private WorkCalendar calendar;

    /** CalendarMapper in memory: the same rows the database would hold. */
    static final class MemoryCalendar implements CalendarMapper {
        final Map<Integer, String> sources = new HashMap<>();
        final Map<LocalDate, String> days = new HashMap<>();

        @Override public List<Map<String, Object>> years() {
            List<Map<String, Object>> rows = new ArrayList<>();
            sources.forEach((y, s) -> rows.add(Map.of("year", y, "source", s)));
            return rows;
        }
        @Override public String source(int year) { return sources.get(year); }
        @Override public List<LocalDate> days(int year, String kind) {
            return days.entrySet().stream().filter(e -> e.getKey().getYear() == year && e.getValue().equals(kind))
                    .map(Map.Entry::getKey).sorted().toList();
        }
        @Override public void deleteDays(int year) { days.keySet().removeIf(d -> d.getYear() == year); }
        @Override public void deleteYear(int year) { sources.remove(year); }
        @Override public void insertYear(int year, String source, String by) { sources.put(year, source); }
        @Override public void insertDay(LocalDate day, int year, String kind) { days.put(day, kind); }
        @Override public java.sql.Timestamp lastChange() { return null; }
    }

    @BeforeEach
    void loadShippedSchedule() throws Exception {
        calendar = new WorkCalendar(new MemoryCalendar(), "Asia/Shanghai");
        String shipped = Files.readString(Path.of("src/main/resources/calendar/cn-workday-calendar.yaml"));
        HolidaySchedule.parseAll(shipped).values().forEach(s -> calendar.replace(s, "test"));
        clock = new StatutoryClock(calendar, "Asia/Shanghai");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // ordinary week: Monday + 5 = next Monday
            "2026-03-02, 5, 2026-03-09",
            // National Day 2026 (10-01..10-07 off, Saturday 10-10 worked): Wednesday 09-30 + 5
            "2026-09-30, 5, 2026-10-13",
            // Spring Festival 2026 (02-15..02-23 off; Saturdays 02-14 and 02-28 worked): Friday 02-13 + 7
            "2026-02-13, 7, 2026-03-02",
            // make-up Saturday 2026-02-14 counts as the first working day after Friday 02-13
            "2026-02-13, 1, 2026-02-14",
            // Mid-Autumn 2026 (09-25..09-27 off), Sunday 09-20 worked: Friday 09-18 + 1
            "2026-09-18, 1, 2026-09-20",
            // New Year 2026 (01-01..01-03 off, Sunday 01-04 worked): Wednesday 2025-12-31 + 1
            "2025-12-31, 1, 2026-01-04",
            // Spring Festival 2025 (01-28..02-04 off; Sunday 01-26 and Saturday 02-08 worked): Friday 01-24 + 3
            "2025-01-24, 3, 2025-02-05",
            // Labour Day 2025 (05-01..05-05 off, Sunday 04-27 worked): Friday 04-25 + 2
            "2025-04-25, 2, 2025-04-28",
            // Dragon Boat 2025 (05-31..06-02 off): Friday 05-30 + 1
            "2025-05-30, 1, 2025-06-03",
            // National Day 2025 (10-01..10-08 off; Sunday 09-28 and Saturday 10-11 worked): Friday 09-26 + 2
            "2025-09-26, 2, 2025-09-29",
            "2025-09-30, 1, 2025-10-09",
            "2025-09-30, 3, 2025-10-11",
            // Qingming 2026 (04-04..04-06 off): Friday 04-03 + 1
            "2026-04-03, 1, 2026-04-07",
            // Labour Day 2026 (05-01..05-05 off, Saturday 05-09 worked): Thursday 04-30 + 1, and + 5 through 05-09
            "2026-04-30, 1, 2026-05-06",
            "2026-04-30, 5, 2026-05-11",
            // a hearing request window (5 working days, 行政处罚法第六十四条、第八十五条) opened on make-up Saturday 05-09
            "2026-05-09, 5, 2026-05-15",
            // Dragon Boat 2026 (06-19..06-21 off): Thursday 06-18 + 1
            "2026-06-18, 1, 2026-06-22",
            // zero working days: the day itself
            "2026-03-02, 0, 2026-03-02"})
    void addsWorkingDaysByTheOfficialSchedule(LocalDate start, int days, LocalDate expected) {
        assertThat(clock.addWorkingDays(start, days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} days = {2}")
    @CsvSource({
            // 90 days from filing on 2026-03-02 end on Sunday 05-31: moved to Monday 06-01
            "2026-03-02, 90, 2026-06-01",
            // ends on a Wednesday: unchanged
            "2026-03-04, 90, 2026-06-02",
            // 15 days ending on National Day 2026-10-01: moved past the holiday to 10-08
            "2026-09-16, 15, 2026-10-08",
            // 15 days ending on Saturday 2026-10-10, a make-up working day: unchanged
            "2026-09-25, 15, 2026-10-10",
            // 15 days (payment, 行政处罚法第六十七条) ending in the Spring Festival 2026 (02-15..02-23): Tuesday 02-24
            "2026-02-01, 15, 2026-02-24",
            // ending on Qingming Saturday 2026-04-04 (04-04..04-06 off): Tuesday 04-07
            "2026-03-20, 15, 2026-04-07",
            // ending on Labour Day 2026-05-01 (05-01..05-05 off): Wednesday 05-06
            "2026-04-16, 15, 2026-05-06",
            // ending on Saturday 2026-05-09, a make-up working day: unchanged
            "2026-04-24, 15, 2026-05-09",
            // ending on Dragon Boat Friday 2026-06-19 (06-19..06-21 off): Monday 06-22
            "2026-06-04, 15, 2026-06-22",
            // ending on Mid-Autumn Friday 2026-09-25 (09-25..09-27 off): Monday 09-28
            "2026-09-10, 15, 2026-09-28",
            // ending on Sunday 2026-09-20, a make-up working day: unchanged
            "2026-09-05, 15, 2026-09-20",
            // 90 days (行政处罚法第六十条) from filing on 2026-07-03 end on National Day 10-01: Thursday 10-08
            "2026-07-03, 90, 2026-10-08"})
    void addsCalendarDaysMovingTheLastDayPastRestDays(LocalDate start, int days, LocalDate expected) {
        assertThat(clock.addCalendarDays(start, days)).isEqualTo(expected);
    }

    @Test
    void aYearWithoutScheduleCountsWeekendsOnlyAndIsReported() {
        assertThat(clock.hasSchedule(2027)).isFalse();
        // 2027-01-01 is a Friday; without the schedule it counts as a working day
        assertThat(clock.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(clock.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(clock.addWorkingDays(LocalDate.of(2027, 1, 1), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        // periods that run from late 2026 into 2027 count 2027-01-01 as an ordinary Friday until 2027 is loaded
        assertThat(clock.addWorkingDays(LocalDate.of(2026, 12, 28), 5)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(clock.addCalendarDays(LocalDate.of(2026, 12, 17), 15)).isEqualTo(LocalDate.of(2027, 1, 1));
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 29, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        assertThat(calendar.missingYears()).containsExactly(2027);

        // an administrator loads 2027: New Year's Day is no longer a working day
        calendar.replace(HolidaySchedule.parseOne(2027, "source: 国务院办公厅通知（测试）\nholidays: ['2027-01-01']\nworkdays: []"), "admin");
        assertThat(clock.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        // the same periods now step over New Year's Day (and, for calendar days, the weekend after it)
        assertThat(clock.addWorkingDays(LocalDate.of(2026, 12, 28), 5)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(clock.addCalendarDays(LocalDate.of(2026, 12, 17), 15)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.missingYears()).isEmpty();
    }

    @Test
    void deadlinesEndAtTheEndOfTheDayInChinaTime() {
        Date due = clock.workingDaysAfter("2026-03-02", 5);
        assertThat(due.toInstant().toString()).isEqualTo("2026-03-09T15:59:59Z");
        assertThat(clock.calendarDaysAfter(LocalDate.of(2026, 3, 2), 90).toInstant().toString()).isEqualTo("2026-06-01T15:59:59Z");
        // a Date late on 2026-03-02 UTC is already 2026-03-03 in China
        assertThat(clock.toDate(Date.from(java.time.Instant.parse("2026-03-02T17:00:00Z")))).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(clock.toDate("2026-03-02T10:15")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> clock.toDate("2026-02-30")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> clock.toDate(null)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void officialHolidaysExcludeOrdinaryWeekends() {
        assertThat(clock.isOfficialHoliday(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(clock.isOfficialHoliday(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(clock.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
    }

    /** 全国年节及纪念日放假办法第二条: 元旦, 劳动节 and 国庆节 are fixed by date; the rest needs the year's schedule. */
    @Test
    void withoutTheYearsScheduleTheHolidaysFixedByDateAreStillHolidaysButWorkingDaysCountWeekendsOnly() {
        assertThat(clock.hasSchedule(2027)).isFalse();
        for (LocalDate day : new LocalDate[] {LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2),
                LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3)}) {
            assertThat(clock.isOfficialHoliday(day)).as("%s", day).isTrue();
        }
        assertThat(clock.isOfficialHoliday(LocalDate.of(2027, 1, 2))).isFalse();
        assertThat(clock.isOfficialHoliday(LocalDate.of(2027, 10, 4))).isFalse();
        // counting stays weekends only (cn-workday-calendar.yaml) until the schedule is loaded
        assertThat(clock.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        // a loaded year answers from its schedule alone: 2026-01-02 is in it, 2026-10-08 is not
        assertThat(clock.isOfficialHoliday(LocalDate.of(2026, 1, 2))).isTrue();
        assertThat(clock.isOfficialHoliday(LocalDate.of(2026, 10, 8))).isFalse();
    }

    @Test
    void malformedSchedulesAreRefused() {
        assertThatThrownBy(() -> HolidaySchedule.parseOne(2027, "source: x\nholidays: ['2026-12-31']"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不在 2027 年内");
        assertThatThrownBy(() -> HolidaySchedule.parseOne(2027, "source: x\nholidays: ['2027-01-01']\nworkdays: ['2027-01-01']"))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> HolidaySchedule.parseOne(2027, "holidays: ['2027-01-01']"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("来源");
        assertThatThrownBy(() -> HolidaySchedule.parseOne(2027, "source: x\nholidays: ['2027-13-01']"))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> HolidaySchedule.parseOne(2027, "{{{")).isInstanceOf(RuleViolation.class);
        HolidaySchedule ranged = HolidaySchedule.parseOne(2027, "{\"source\": \"x\", \"holidays\": [\"2027-02-05 .. 2027-02-11\"]}");
        assertThat(ranged.holidays()).hasSize(7);
    }
}
