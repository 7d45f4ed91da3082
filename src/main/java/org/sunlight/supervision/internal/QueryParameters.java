package org.sunlight.supervision.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Date;

import org.sunlight.organization.ApiException;
import org.sunlight.procedure.StatutoryClock;

/**
 * The date range and the paging of the supervision lists, tables and exports, checked in one place. A date is
 * {@code yyyy-MM-dd} between 1990 and 2999 (as the public portal accepts it): {@link LocalDate} parses years up to
 * ±999,999,999, whose start of day or following day no {@link Date} can hold, so such a date is a 400 here and not a
 * 500 later. A page is a row offset the database can take: page × size fits an int.
 */
public final class QueryParameters {

    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2999;

    private QueryParameters() {
    }

    /** Both days inclusive; either may be open (null). */
    public record Period(LocalDate from, LocalDate to) {

        /** The first instant of {@code from}, or null. */
        public Date start(StatutoryClock clock) {
            return from == null ? null : clock.startOfDay(from);
        }

        /** The first instant after {@code to}, or null. */
        public Date endExclusive(StatutoryClock clock) {
            return to == null ? null : clock.startOfDay(to.plusDays(1));
        }
    }

    /** The period from {@code from} to {@code to}: each a date in range, {@code to} not before {@code from}. */
    public static Period period(String from, String to) {
        LocalDate fromDay = day(from, "from", "起始日期");
        LocalDate toDay = day(to, "to", "截止日期");
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ApiException.badRequest("invalid-period", "截止日期不能早于起始日期", "'to' is before 'from'");
        }
        return new Period(fromDay, toDay);
    }

    /** The row offset of {@code page} (from 0) with {@code size} rows a page, at most {@code maxSize}. */
    public static int offset(int page, int size, int maxSize) {
        long offset = (long) page * size;
        if (page < 0 || size < 1 || size > maxSize || offset > Integer.MAX_VALUE) {
            throw ApiException.badRequest("bad-page", "分页参数不正确（page 从 0 起，每页 1 至 " + maxSize
                            + " 条，page × size 不超过 " + Integer.MAX_VALUE + "）",
                    "Bad paging (page from 0, size 1 to " + maxSize + ", page x size at most " + Integer.MAX_VALUE + ")");
        }
        return (int) offset;
    }

    private static LocalDate day(String value, String name, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
                return day;
            }
        } catch (DateTimeException e) {
            // refused below, like a date out of range
        }
        throw ApiException.badRequest("invalid-date", label + "（" + name + "）无效：应为 " + FIRST_YEAR + " 至 " + LAST_YEAR
                        + " 年间的日期，格式 yyyy-MM-dd",
                "Invalid '" + name + "' date: yyyy-MM-dd between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
}
