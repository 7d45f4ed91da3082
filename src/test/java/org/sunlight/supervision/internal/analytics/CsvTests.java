package org.sunlight.supervision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The supervision CSV exports: Excel opens them as UTF-8 and never runs a party's name as a formula. */
class CsvTests {

    @Test
    void excelOpensItAsUtf8AndRunsNoCellAsAFormula() {
        byte[] body = Csv.of("案卷评查.csv", List.of("当事人", "得分"), List.of(
                Arrays.asList("=HYPERLINK(\"http://x\")", 100),
                Arrays.asList("\t=1+1", 90),
                Arrays.asList("-2+3", null),
                Arrays.asList("某公司,分公司", -5))).getBody();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF当事人,得分\r\n");
        assertThat(text.lines().skip(1).toList()).containsExactly(
                "\"'=HYPERLINK(\"\"http://x\"\")\",100",
                "'\t=1+1,90",
                "'-2+3,",
                "\"某公司,分公司\",-5");
    }
}
