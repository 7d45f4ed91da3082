package org.sunlight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.ThisContextsEngine;

/**
 * The penalty benchmark's driver works (BENCHMARKS.md): with everything on, its cases reach closure over HTTP, and
 * Sunlight's additions — the record's hash chain, the decision's publication and its outbox event — did their part.
 * {@link BareBaselineTests} checks that the baseline really switches them off. No timing is asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(ThisContextsEngine.class)
class PenaltyLoadTests {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    /** Runs two cases with two clients; what the tables gained. */
    static Gained run(int port, JdbcTemplate jdbc) {
        long entries = count(jdbc, "sl_record_entry");
        long outbox = count(jdbc, "sl_outbox");
        long publications = count(jdbc, "sl_publication");
        long evidence = count(jdbc, "sl_evidence");
        long summaries = count(jdbc, "sl_case_summary");
        PenaltyLoad.Result result = new PenaltyLoad(List.of(port), 2).run(2);
        assertThat(result.businessKeys()).hasSize(2).doesNotHaveDuplicates();
        for (String key : result.businessKeys()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND PROC_DEF_KEY_ = "
                    + "'penalty-general' AND STATE_ = 'COMPLETED' AND END_ACT_ID_ = 'EndEvent_Closed'", Long.class, key))
                    .as("case %s closed", key).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT status FROM sl_case WHERE business_key = ?", String.class, key))
                    .isEqualTo("closed");
        }
        // every completion was timed: start + 11 tasks (+ the publication review) per case
        assertThat(result.completions().getTotalCount()).isEqualTo(2L * 12 + result.publicationReviews());
        return new Gained(count(jdbc, "sl_record_entry") - entries, count(jdbc, "sl_outbox") - outbox,
                count(jdbc, "sl_publication") - publications, count(jdbc, "sl_evidence") - evidence,
                count(jdbc, "sl_case_summary") - summaries, result.publicationReviews(), result.businessKeys());
    }

    record Gained(long recordEntries, long outboxRows, long publications, long evidence, long summaries,
                  int publicationReviews, List<String> businessKeys) {
    }

    /**
     * How many of the two cases have a closure score, once both have one or {@code wait} has passed: scores are written
     * after the commit, in the background, so an absence only counts after the whole wait.
     */
    static long scores(JdbcTemplate jdbc, List<String> keys, java.time.Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long found;
        do {
            Thread.sleep(100);
            found = jdbc.queryForObject("SELECT COUNT(*) FROM sl_case_score WHERE business_key IN (?, ?)", Long.class,
                    keys.get(0), keys.get(1));
        } while (found < 2 && System.nanoTime() < deadline);
        return found;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void casesWorkedByTheDriverCloseWithTheRecordAndThePublicationWritten() throws InterruptedException {
        Gained gained = run(port, jdbc);
        assertThat(gained.summaries()).isEqualTo(2);
        assertThat(scores(jdbc, gained.businessKeys(), java.time.Duration.ofSeconds(10))).as("both cases scored at closure").isEqualTo(2);
        assertThat(gained.evidence()).isEqualTo(2);
        assertThat(gained.publicationReviews()).isEqualTo(2);
        assertThat(gained.publications()).isEqualTo(2);
        assertThat(gained.outboxRows()).isEqualTo(2);
        assertThat(gained.recordEntries()).isGreaterThan(100);
    }
}
