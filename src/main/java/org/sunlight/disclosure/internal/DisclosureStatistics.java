package org.sunlight.disclosure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.StatutoryClock;

/**
 * 年度执法数据: the previous year's enforcement decisions and their publication, compiled after the year ends and public
 * before 31 January (国办发〔2018〕118号二(六), RULES 1.9; cf. 《政府信息公开条例》第四十九条 for the annual report's
 * deadline). Compiled by a schedule on 1 January and, should that run be missed, when a node starts; several nodes
 * compiling at once leave one row (the year is the key). Sent to the provincial platform as well (并报上级主管部门).
 */
@Component
class DisclosureStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(DisclosureStatistics.class);

    record Counts(int decisions, int published, int publishedOnTime, int publishedLate, int pending, int withheld,
                  int withdrawn, int cancelled) {
    }

    record Line(String code, String name, Counts counts) {
    }

    record Report(int year, LocalDate compiledOn, Counts total, List<Line> byCategory,
                  List<Line> byKind, List<Line> byDepartment) {
    }

    private final StatisticsMapper mapper;
    private final PublicationMapper publications;
    private final Organization organization;
    private final StatutoryClock clock;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Flyway flyway;

    DisclosureStatistics(StatisticsMapper mapper, PublicationMapper publications, Organization organization,
                         StatutoryClock clock, ObjectMapper json, Outbox outbox, TransactionTemplate transaction,
                         Flyway flyway) {
        this.flyway = flyway;
        this.mapper = mapper;
        this.publications = publications;
        this.organization = organization;
        this.clock = clock;
        this.json = json;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        try {
            ensurePreviousYear();
        } catch (RuntimeException e) {
            LOG.warn("Could not compile last year's disclosure statistics at start: {}", e.getMessage());
        }
    }

    /** Compiles last year's statistics unless they exist, or Sunlight was installed only after that year. */
    void ensurePreviousYear() {
        int year = clock.today().getYear() - 1;
        if (mapper.content(year) != null || installedAfter(year)) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                Report report = build(year);
                mapper.insert(year, clock.now(), "system", write(report));
                outbox.add(Outbox.ANNUAL_STATISTICS, "statistics-" + year, report);
            });
            LOG.info("Compiled the disclosure statistics of {}", year);
        } catch (DuplicateKeyException e) {
            LOG.debug("Another node compiled the statistics of {} first", year);
        }
    }

    /** A year before the installation has no figures in Sunlight: reporting zeros for it would mislead. */
    private boolean installedAfter(int year) {
        MigrationInfo first = flyway.info().applied().length == 0 ? null : flyway.info().applied()[0];
        return first != null && first.getInstalledOn() != null
                && !first.getInstalledOn().before(clock.startOfDay(LocalDate.of(year + 1, 1, 1)));
    }

    /** Compiles (again) on an administrator's request, e.g. after late corrections; the new figures replace the old. */
    Report compile(int year, String actor) {
        if (year < 2000 || year >= clock.today().getYear()) {
            throw org.sunlight.organization.ApiException.badRequest("invalid-year", "只能统计已经结束的年度",
                    "Only a year that has ended can be compiled");
        }
        return transaction.execute(status -> {
            Report report = build(year);
            String content = write(report);
            if (mapper.update(year, clock.now(), actor, content) == 0) {
                mapper.insert(year, clock.now(), actor, content);
            }
            outbox.add(Outbox.ANNUAL_STATISTICS, "statistics-" + year, report);
            return report;
        });
    }

    Optional<Report> find(int year) {
        return Optional.ofNullable(mapper.content(year)).map(this::read);
    }

    List<Integer> years() {
        return mapper.years();
    }

    Report build(int year) {
        Date from = clock.startOfDay(LocalDate.of(year, 1, 1));
        Date to = clock.startOfDay(LocalDate.of(year + 1, 1, 1));
        List<PublicationRow> rows = publications.decidedBetween(from, to);
        Map<String, String> departments = new LinkedHashMap<>();
        organization.departments().forEach(d -> departments.put(d.id(), d.name()));
        return new Report(year, clock.today(), count(rows),
                group(rows, r -> r.category, Labels::category),
                group(rows, r -> r.kind, kind -> rows.stream().filter(r -> kind.equals(r.kind)).findFirst()
                        .map(r -> r.kindName).orElse(kind)),
                group(rows, r -> r.departmentId, id -> departments.getOrDefault(id, id)));
    }

    private static List<Line> group(List<PublicationRow> rows, Function<PublicationRow, String> key,
                                    Function<String, String> name) {
        Map<String, List<PublicationRow>> groups = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(key)).forEach(r ->
                groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Line> lines = new ArrayList<>();
        groups.forEach((code, group) -> lines.add(new Line(code, name.apply(code), count(group))));
        return lines;
    }

    private static Counts count(List<PublicationRow> rows) {
        int published = 0;
        int onTime = 0;
        int pending = 0;
        int withheld = 0;
        int withdrawn = 0;
        int cancelled = 0;
        for (PublicationRow row : rows) {
            if (row.publishedAt != null) {
                published++;
                if (!row.publishedAt.after(row.dueAt)) {
                    onTime++;
                }
            }
            switch (row.status) {
                case PublicationRow.PENDING -> pending++;
                case PublicationRow.WITHHELD -> withheld++;
                case PublicationRow.WITHDRAWN -> withdrawn++;
                case PublicationRow.CANCELLED -> cancelled++;
                default -> { }
            }
        }
        return new Counts(rows.size(), published, onTime, published - onTime, pending, withheld, withdrawn, cancelled);
    }

    private String write(Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Report read(String content) {
        try {
            return json.readValue(content, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable statistics: " + e.getMessage(), e);
        }
    }
}
