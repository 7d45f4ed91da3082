package org.sunlight.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The browser end-to-end stories of {@code e2e/stories/} (Playwright driving Debian's Chromium) against the assembled
 * application on a random port, as officers, reviewers and leaders use it. Screenshots of every step are kept under
 * {@code target/e2e/<story>/}; a failing story fails this test with the runner's output.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class BrowserTests {

    /** The engine's date during the stories: a Monday with a known working-day calendar around it. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void storiesPassInChromium() {
        // the webapps find the engine by name in a JVM-wide registry: this context's (see ApplicationContractTests)
        ProcessEngines.registerProcessEngine(processEngine);
        Instant now = TODAY.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        ClockUtil.setCurrentTime(Date.from(now));
        List<String> args = new ArrayList<>(List.of("--base=http://localhost:" + port,
                "--out=" + Node.ROOT.resolve("target/e2e"), "--today=" + TODAY, "--now=" + now));
        // -De2e.stories=10-penalty-general,30-cockpit runs only those (in name order), e.g. while writing a story
        String only = System.getProperty("e2e.stories", "");
        if (!only.isBlank()) {
            args.addAll(List.of(only.split(",")));
        }
        Node.Result result = Node.run("run.mjs", args, Map.of(), 600);
        assertThat(result.exitCode()).as("browser stories:%n%s", result.output()).isZero();
    }
}
