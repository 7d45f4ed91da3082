package org.sunlight.procedure.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.HolidaySchedule;

/**
 * Loads the holiday schedules shipped with the release for years the database does not have yet. Years already in
 * the database are left alone: an administrator's correction wins over the shipped file.
 */
@Component
class CalendarBootstrap implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarBootstrap.class);

    private final WorkCalendar calendar;
    private final Resource bundled;

    CalendarBootstrap(WorkCalendar calendar, @Value("${sunlight.calendar.bundled}") Resource bundled) {
        this.calendar = calendar;
        this.bundled = bundled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<Integer, HolidaySchedule> years;
        try {
            years = HolidaySchedule.parseAll(bundled.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled holiday schedule " + bundled, e);
        }
        for (HolidaySchedule schedule : years.values()) {
            if (!calendar.hasSchedule(schedule.year())) {
                try {
                    calendar.replace(schedule, "system");
                } catch (DuplicateKeyException e) {
                    LOG.debug("Another node loaded {} first", schedule.year());
                }
            }
        }
        calendar.evictAll();
        for (Integer year : calendar.missingYears()) {
            LOG.warn("{} 年放假安排尚未导入：该年按仅周末休息计算工作日，请管理员导入国务院办公厅通知。 / The official holiday "
                    + "schedule of {} is not loaded; working days of that year count weekends only.", year, year);
        }
    }
}
