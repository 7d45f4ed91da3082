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
        byte[] body = Csv.of("scores.csv", "案卷评查.csv", List.of("当事人", "得分"), List.of(
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

    /** Tomcat drops a header value that is not Latin-1: the Chinese name goes in filename* (RFC 5987) only. */
    @Test
    void aChineseFileNameTravelsAsRfc5987WithAnAsciiFallback() {
        String disposition = Csv.of("scores-2026-11-30.csv", "案卷评查-2026-11-30.csv", List.of("得分"), List.of())
                .getHeaders().getFirst("Content-Disposition");
        assertThat(disposition).isEqualTo("attachment; filename=\"scores-2026-11-30.csv\"; "
                + "filename*=UTF-8''%E6%A1%88%E5%8D%B7%E8%AF%84%E6%9F%A5-2026-11-30.csv");
        assertThat(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Csv.of("案卷评查.csv", List.of("得分"), List.of()));
    }
}
