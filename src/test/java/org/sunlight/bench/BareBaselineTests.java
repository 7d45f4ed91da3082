package org.sunlight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.ThisContextsEngine;

/**
 * The benchmark's bare-Camunda baseline ({@code sunlight.bench.bare=true}): the same procedures close on the same
 * engine, and Sunlight's additions are really off — no record entry, no publication, no outbox event, no closure
 * score or case summary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sunlight.bench.bare=true")
@ActiveProfiles({"demo", "test"})
@ExtendWith(ThisContextsEngine.class)
class BareBaselineTests {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void theSameCasesCloseWithSunlightsAdditionsOff() throws InterruptedException {
        PenaltyLoadTests.Gained gained = PenaltyLoadTests.run(port, jdbc);
        // this context's database is fresh: two concurrent first starts of the year got numbers 1 and 2
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(jdbc.queryForList("SELECT business_key FROM sl_case", String.class))
                .containsExactlyInAnyOrder("CF-" + year + "-00001", "CF-" + year + "-00002");
        assertThat(gained.evidence()).as("the evidence upload is part of the procedure").isEqualTo(2);
        assertThat(gained.recordEntries()).isZero();
        assertThat(gained.publications()).isZero();
        assertThat(gained.publicationReviews()).isZero();
        assertThat(gained.outboxRows()).isZero();
        assertThat(gained.summaries()).isZero();
        assertThat(context.containsBean("scoreOnClosure")).as("closure scoring is not even installed").isFalse();
        // no score three seconds after the closure (with everything on, PenaltyLoadTests sees both cases scored)
        assertThat(PenaltyLoadTests.scores(jdbc, gained.businessKeys(), java.time.Duration.ofSeconds(3))).isZero();
    }
}
