package org.sunlight.procedure.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.procedure.HolidaySchedule;

/**
 * The official working-day calendar, stored in Sunlight's tables so that every node of a cluster sees a year an
 * administrator loads, and cached per year. A year without a schedule counts weekends only, and says so.
 */
@Component
public class WorkCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(WorkCalendar.class);
    /** Another node may load a year; re-read a cached year after this long. */
    private static final long CACHE_MILLIS = 60_000;

    private record Cached(Optional<HolidaySchedule> schedule, long readAt) {
    }

    private final CalendarMapper mapper;
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    private final java.time.ZoneId zone;

    public WorkCalendar(CalendarMapper mapper, @org.springframework.beans.factory.annotation.Value("${sunlight.zone}") String zone) {
        this.mapper = mapper;
        this.zone = java.time.ZoneId.of(zone);
    }

    public boolean isWorkingDay(LocalDate day) {
        Optional<HolidaySchedule> schedule = schedule(day.getYear());
        if (schedule.isPresent()) {
            if (schedule.get().holidays().contains(day)) {
                return false;
            }
            if (schedule.get().workdays().contains(day)) {
                return true;
            }
        } else if (warnedYears.add(day.getYear())) {
            LOG.warn("No official holiday schedule loaded for {}: counting weekends only. An administrator should load "
                    + "it (PUT /api/admin/calendar/{}). / {} 年放假安排未导入，暂按仅周末休息计算。",
                    day.getYear(), day.getYear(), day.getYear());
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The statutory holidays fixed by the solar calendar (全国年节及纪念日放假办法第二条, 2024年修订): 元旦 1 January,
     * 劳动节 1–2 May, 国庆节 1–3 October. They are 法定节假日 every year, loaded schedule or not; the lunar ones (春节,
     * 清明, 端午, 中秋) and the days added around them come only with the State Council's schedule.
     */
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 2),
            MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3));

    /**
     * An official public holiday (法定节假日); weekends are not included. In a year without a schedule, the holidays
     * fixed by date: an act the law bars on holidays (行政强制法第四十三条) must not pass on 1 January because next year's
     * notice is not loaded yet. Counting working days ({@link #isWorkingDay}) stays weekends only in such a year, as
     * cn-workday-calendar.yaml requires.
     */
    public boolean isOfficialHoliday(LocalDate day) {
        return schedule(day.getYear()).map(s -> s.holidays().contains(day))
                .orElse(FIXED_HOLIDAYS.contains(MonthDay.from(day)));
    }

    public boolean hasSchedule(int year) {
        return schedule(year).isPresent();
    }

    public Optional<HolidaySchedule> schedule(int year) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(year);
        if (cached == null || now - cached.readAt() > CACHE_MILLIS) {
            cached = new Cached(read(year), now);
            cache.put(year, cached);
        }
        return cached.schedule();
    }

    private Optional<HolidaySchedule> read(int year) {
        String source = mapper.source(year);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(new HolidaySchedule(year, source, new HashSet<>(mapper.days(year, "holiday")),
                new HashSet<>(mapper.days(year, "workday"))));
    }

    /** Replaces a year's schedule (an administrator loading the State Council's notice). */
    @Transactional
    public void replace(HolidaySchedule schedule, String loadedBy) {
        mapper.deleteDays(schedule.year());
        mapper.deleteYear(schedule.year());
        mapper.insertYear(schedule.year(), schedule.source(), loadedBy);
        for (Map.Entry<LocalDate, String> row : schedule.rows()) {
            mapper.insertDay(row.getKey(), schedule.year(), row.getValue());
        }
        cache.remove(schedule.year());
        warnedYears.remove(schedule.year());
        LOG.info("Loaded the holiday schedule of {} ({}) by {}", schedule.year(), schedule.source(), loadedBy);
    }

    public List<Map<String, Object>> loadedYears() {
        return mapper.years();
    }

    /** The current and the next year, when their schedule is missing: administrators are told to load it. */
    public List<Integer> missingYears() {
        int year = ClockUtil.getCurrentTime().toInstant().atZone(zone).getYear();
        return java.util.stream.Stream.of(year, year + 1).filter(y -> !hasSchedule(y)).toList();
    }

    void evictAll() {
        cache.clear();
    }
}
