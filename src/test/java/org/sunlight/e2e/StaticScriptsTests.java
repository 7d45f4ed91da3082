package org.sunlight.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every page script Sunlight serves parses (e2e/check-scripts.mjs): a syntax error leaves a supervision page or a
 * webapp plugin blank, and the browser stories visit only some of them.
 */
class StaticScriptsTests {

    @Test
    void everyServedScriptParses() {
        Node.Result result = Node.run("check-scripts.mjs", List.of("src/main/resources"), Map.of(), 120);
        assertThat(result.exitCode()).as("scripts that do not parse:%n%s", result.output()).isZero();
        assertThat(result.output()).containsPattern("[1-9]\\d* scripts checked");
    }
}
