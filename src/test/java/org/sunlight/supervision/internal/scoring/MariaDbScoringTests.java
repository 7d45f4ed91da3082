package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scoring on MariaDB 10.11 through MySQL Connector/J (whole-second timestamps): the V50 table, the stored score, the
 * list's filter/sort/paging SQL and the rescoring query, in its own database ({@code SUNLIGHT_TEST_DB}_score).
 */
@ActiveProfiles({"demo", "test", "mysql"})
class MariaDbScoringTests extends ScoringProcessTest {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_score");
        registry.add("spring.datasource.url", () -> url);
    }

    @Test
    void closedCasesAreScoredStoredListedAndRescored() {
        ProcessInstance clean = clean();
        at(LocalDateTime.of(2026, 3, 2, 9, 0));
        ProcessInstance late = registered();
        file(late);
        untilDecided(late);
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        deliver(late, "2026-03-20");
        payAndClose(late, "2026-03-20");

        assertThat(score(clean).score()).isEqualTo(100);
        CaseScore lateScore = score(late);
        assertThat(codes(lateScore)).containsExactly("D-LATE-DELIVERY");
        assertThat(lateScore.findings().get(0).proofs()).anySatisfy(p -> assertThat(p.recordSeq()).isNotNull());

        // when each variable was last set, read by scoring's own query, is what the engine's detail query answers
        Map<String, Date> engine = new HashMap<>();
        historyService.createHistoricDetailQuery().processInstanceId(late.getProcessInstanceId()).variableUpdates()
                .orderByTime().asc().list().forEach(d -> engine.put(
                        ((HistoricVariableUpdate) d).getVariableInstanceId(), d.getTime()));
        Map<String, Date> lastSet = new HashMap<>();
        mapper.lastSet(late.getProcessInstanceId()).forEach(v -> lastSet.put(v.variableInstanceId(), v.lastSet()));
        assertThat(lastSet).isNotEmpty().isEqualTo(engine);

        // both scored; the list sorts by score and filters by it
        assertThat(scoring.rescoreOutdated(100)).isZero();
        List<StoredScore> byScore = mapper.list(new ScoreFilter(null, true, null, null, null, null, "score asc", 10, 0));
        assertThat(byScore).as(jdbc().queryForList("SELECT business_key, score, passed, checklist_version, scored_at FROM sl_case_score").toString())
                .extracting(StoredScore::businessKey)
                .containsExactly(late.getBusinessKey(), clean.getBusinessKey());
        assertThat(mapper.count(new ScoreFilter(null, null, 95, null, null, null, "score asc", 10, 0))).isEqualTo(1);
        assertThat(mapper.list(new ScoreFilter("zhifa", null, null, null, null, null, "closed_at desc", 1, 1)))
                .hasSize(1);
        assertThat(scoring.read(mapper.find(late.getBusinessKey()).findings()).get(0).label()).isEqualTo("送达超期");

        // a stored score of an older checklist version is picked up by the rescoring query
        jdbc().update("UPDATE sl_case_score SET checklist_version = 0 WHERE business_key = ?", clean.getBusinessKey());
        assertThat(scoring.rescoreOutdated(100)).isEqualTo(1);
        assertThat(mapper.find(clean.getBusinessKey()).checklistVersion()).isPositive();
    }

    private org.springframework.jdbc.core.JdbcTemplate jdbc() {
        return applicationContext.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    }
}
