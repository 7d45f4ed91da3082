package org.sunlight.procedure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One year's official schedule (国务院办公厅关于部分节假日安排的通知): holidays that are not working days, and
 * make-up workdays (调休上班) that are working days although they fall on a weekend.
 * Parsed from the format of cn-workday-calendar.yaml (JSON is accepted too): year → source, holidays, workdays;
 * entries are dates or ranges "2026-02-15 .. 2026-02-23".
 */
public record HolidaySchedule(int year, String source, Set<LocalDate> holidays, Set<LocalDate> workdays) {

    public HolidaySchedule {
        holidays = Set.copyOf(new TreeSet<>(holidays));
        workdays = Set.copyOf(new TreeSet<>(workdays));
        for (LocalDate day : holidays) {
            check(day.getYear() == year, "节假日 " + day + " 不在 " + year + " 年内", "holiday " + day + " is outside " + year);
            check(!workdays.contains(day), day + " 不能既是节假日又是调休上班日",
                    day + " cannot be both a holiday and a workday");
        }
        for (LocalDate day : workdays) {
            check(day.getYear() == year, "调休上班日 " + day + " 不在 " + year + " 年内",
                    "workday " + day + " is outside " + year);
        }
        check(source != null && !source.isBlank(), "请注明放假安排的来源（通知文号）",
                "the source (the State Council notice) is required");
    }

    /** Parses a whole file (several years). */
    public static Map<Integer, HolidaySchedule> parseAll(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new RuleViolation("calendar-unreadable", "放假安排格式错误：" + e.getMessage(),
                    "Unreadable schedule: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> years)) {
            throw new RuleViolation("calendar-unreadable", "放假安排应按年份组织", "The schedule must be keyed by year");
        }
        Map<Integer, HolidaySchedule> result = new TreeMap<>();
        years.forEach((key, value) -> {
            int year = parseYear(key);
            result.put(year, parseYear(year, value));
        });
        return result;
    }

    /** Parses one year's entry (source, holidays, workdays). */
    public static HolidaySchedule parseYear(int year, Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new RuleViolation("calendar-unreadable", year + " 年的放假安排格式错误", "Malformed schedule for " + year);
        }
        Object source = map.get("source");
        return new HolidaySchedule(year, source == null ? null : source.toString(), days(map.get("holidays")),
                days(map.get("workdays")));
    }

    /** Parses a single year from text whose root is either {year: {...}} or the year's entry itself. */
    public static HolidaySchedule parseOne(int year, String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new RuleViolation("calendar-unreadable", "放假安排格式错误", "Unreadable schedule");
        }
        if (root instanceof Map<?, ?> map && map.size() == 1
                && map.keySet().iterator().next().toString().trim().matches("\\d{4}")) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            if (parseYear(only.getKey()) != year) {
                throw new RuleViolation("calendar-year-mismatch", "文件中的年份与地址中的年份不一致",
                        "The year in the body differs from the year in the path");
            }
            return parseYear(year, only.getValue());
        }
        return parseYear(year, root);
    }

    private static int parseYear(Object key) {
        try {
            int year = Integer.parseInt(key.toString().trim());
            check(year >= 1990 && year <= 2200, "年份超出范围：" + year, "year out of range: " + year);
            return year;
        } catch (NumberFormatException e) {
            throw new RuleViolation("calendar-unreadable", "无效的年份：" + key, "Invalid year: " + key);
        }
    }

    private static Set<LocalDate> days(Object list) {
        Set<LocalDate> days = new TreeSet<>();
        if (list == null) {
            return days;
        }
        if (!(list instanceof List<?> entries)) {
            throw new RuleViolation("calendar-unreadable", "日期应为列表", "Dates must be a list");
        }
        for (Object entry : entries) {
            if (entry instanceof Date date) {
                days.add(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
                continue;
            }
            String text = String.valueOf(entry).trim();
            try {
                if (text.contains("..")) {
                    String[] range = text.split("\\.\\.");
                    LocalDate from = LocalDate.parse(range[0].trim());
                    LocalDate to = LocalDate.parse(range[1].trim());
                    check(!to.isBefore(from) && from.plusDays(60).isAfter(to), "日期区间无效：" + text,
                            "Invalid range: " + text);
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        days.add(d);
                    }
                } else {
                    days.add(LocalDate.parse(text));
                }
            } catch (java.time.format.DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new RuleViolation("calendar-unreadable", "无效的日期：" + text, "Invalid date: " + text);
            }
        }
        return days;
    }

    private static void check(boolean ok, String zh, String en) {
        if (!ok) {
            throw new RuleViolation("calendar-invalid", zh, en);
        }
    }

    /** Rows for storage: every holiday and make-up workday. */
    public List<Map.Entry<LocalDate, String>> rows() {
        List<Map.Entry<LocalDate, String>> rows = new ArrayList<>();
        holidays.forEach(d -> rows.add(Map.entry(d, "holiday")));
        workdays.forEach(d -> rows.add(Map.entry(d, "workday")));
        return rows;
    }
}
