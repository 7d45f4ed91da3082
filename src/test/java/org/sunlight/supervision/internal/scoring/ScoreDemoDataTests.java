package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile's closed cases: the 案卷评查 page has three scored files from a clean start, seeded once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "sunlight.supervision.demo-cases=true")
@ActiveProfiles({"demo", "test"})
class ScoreDemoDataTests {

    @Autowired ScoreMapper mapper;
    @Autowired ScoreDemoData demo;

    @Test
    void threeClosedCasesAreScoredAndSeedingAgainAddsNothing() {
        ScoreFilter all = new ScoreFilter(null, null, null, null, null, null, "score desc", 50, 0);
        List<StoredScore> scores = mapper.list(all);
        assertThat(scores).extracting(StoredScore::score).containsExactly(95, 85, 0);
        assertThat(scores.get(2).passed()).isFalse();
        demo.seed();
        assertThat(mapper.count(all)).isEqualTo(3);
    }
}
