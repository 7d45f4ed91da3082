package org.sunlight.procedure.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.HolidaySchedule;

/**
 * Administrators see which years have an official schedule and load a new year without a redeploy. The body is the
 * year's entry in the format of cn-workday-calendar.yaml, as YAML or JSON.
 */
@RestController
@RequestMapping("/api/admin/calendar")
class CalendarController {

    private final WorkCalendar calendar;
    private final ProvisionalDeadlines provisional;

    CalendarController(WorkCalendar calendar, ProvisionalDeadlines provisional) {
        this.calendar = calendar;
        this.provisional = provisional;
    }

    @GetMapping
    Map<String, Object> overview() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("years", calendar.loadedYears());
        List<Integer> missing = calendar.missingYears();
        result.put("missingYears", missing);
        result.put("warnings", missing.stream().map(y -> y + " 年放假安排尚未导入，该年暂按仅周末休息计算工作日 / The "
                + "holiday schedule of " + y + " is missing; weekends only are counted").toList());
        return result;
    }

    @GetMapping("/{year}")
    Map<String, Object> year(@PathVariable int year) {
        return calendar.schedule(year).<Map<String, Object>>map(s -> Map.of("year", s.year(), "source", s.source(),
                        "holidays", s.holidays().stream().sorted().toList(),
                        "workdays", s.workdays().stream().sorted().toList()))
                .orElseThrow(() -> org.sunlight.organization.ApiException.notFound(year + " 年放假安排尚未导入",
                        "No schedule loaded for " + year));
    }

    @PutMapping(value = "/{year}", consumes = {"application/json", "application/yaml", "application/x-yaml", "text/yaml",
            "text/plain"})
    @org.springframework.transaction.annotation.Transactional
    public Map<String, Object> load(@PathVariable int year, @RequestBody String body) {
        if (year < 2000 || year > 2100) {
            throw org.sunlight.organization.ApiException.badRequest("year-out-of-range", "年份须在 2000 至 2100 之间",
                    "The year must be between 2000 and 2100");
        }
        HolidaySchedule schedule = HolidaySchedule.parseOne(year, body);
        calendar.replace(schedule, StaffUser.require().userId());
        // the deadlines running cases counted through this year without its schedule are counted again, in the same
        // transaction: the schedule and the moved deadlines commit together
        List<ProvisionalDeadlines.Moved> moved = provisional.recount(year);
        Map<String, Object> result = new LinkedHashMap<>(year(year));
        result.put("movedDeadlines", moved.stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("businessKey", m.businessKey());
            item.put("from", m.from().toString());
            item.put("to", m.to().toString());
            item.put("items", m.items());
            return item;
        }).toList());
        return result;
    }
}
