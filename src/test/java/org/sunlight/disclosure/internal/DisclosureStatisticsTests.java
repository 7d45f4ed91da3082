package org.sunlight.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;

/**
 * 年度执法数据 (RULES 1.9): after the year ends the previous year's decisions and their publication are counted, once,
 * even when several nodes try at the same time; public before 31 January.
 */
class DisclosureStatisticsTests extends ProcessTest {

    @Autowired DisclosureStatistics statistics;
    @Autowired PublicationMapper publications;
    @Autowired StatisticsMapper mapper;
    @Autowired OutboxMapper outbox;

    private void publishOnTime(ProcessInstance c) {
        PublicationRow row = publications.findOpenByCase(c.getBusinessKey()).get(0);
        Task review = taskService.createTaskQuery().processInstanceId(row.reviewInstanceId).singleResult();
        as("zhangsan");
        try {
            formService.submitTaskForm(review.getId(), Map.of("publicMatter", row.matter, "publicResult",
                    row.decisionResult, "publicLegalBasis", row.legalBasis, "reviewDecision", "publish"));
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void lastYearsFiguresAreCompiledOnceInJanuary() {
        // 2026 is the year counted: one published on time, one withheld (secrets), one still pending
        ProcessInstance published = DecidedCases.generalDecided(this, Map.of());
        publishOnTime(published);
        DecidedCases.generalDecided(this, Map.of("containsSecrets", true));
        DecidedCases.generalDecided(this, Map.of());
        DisclosureStatistics.Report expected = statistics.build(2026);

        at(LocalDateTime.of(2027, 1, 1, 1, 30));
        statistics.ensurePreviousYear();
        statistics.ensurePreviousYear();

        DisclosureStatistics.Report report = statistics.find(2026).orElseThrow();
        assertThat(report).usingRecursiveComparison().ignoringFields("compiledOn").isEqualTo(expected);
        assertThat(report.compiledOn()).hasToString("2027-01-01");
        assertThat(report.total().decisions()).isGreaterThanOrEqualTo(3);
        assertThat(report.total().published()).isGreaterThanOrEqualTo(1);
        assertThat(report.total().withheld()).isGreaterThanOrEqualTo(1);
        assertThat(report.total().pending()).isGreaterThanOrEqualTo(1);
        assertThat(report.byCategory()).extracting(DisclosureStatistics.Line::name).contains("行政处罚");
        assertThat(report.byKind()).extracting(DisclosureStatistics.Line::name).contains("行政处罚决定");
        assertThat(report.byDepartment()).extracting(DisclosureStatistics.Line::name).contains("建设执法支队");
        assertThat(mapper.years()).containsOnlyOnce(2026);
        assertThat(outbox.list(null, "statistics-2026", 10, 0)).as("reported upwards once").hasSize(1);
    }

    @Test
    void aDecisionPublishedAfterItsDeadlineCountsAsLate() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publications.findOpenByCase(c.getBusinessKey()).get(0);
        int lateBefore = statistics.build(2026).total().publishedLate();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        publishOnTime(c);

        DisclosureStatistics.Report report = statistics.build(2026);
        assertThat(report.total().publishedLate()).isEqualTo(lateBefore + 1);
        assertThat(publications.find(row.id).publishedAt).isAfter(row.dueAt);
    }

    @Test
    void aYearBeforeSunlightWasInstalledIsNotReportedAsZeros() {
        // the test database was installed today; 2024 ended before that
        at(LocalDateTime.of(2025, 1, 2, 9, 0));

        statistics.ensurePreviousYear();

        assertThat(statistics.find(2024)).isEmpty();
        assertThat(outbox.list(null, "statistics-2024", 10, 0)).isEmpty();
    }
}
