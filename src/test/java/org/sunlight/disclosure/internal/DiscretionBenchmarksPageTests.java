package org.sunlight.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;

/**
 * The public benchmark page (/public/benchmarks, 行政处罚法第三十四条: 裁量基准应当向社会公布) reads the deployed DMN
 * discretion-benchmark: every violation of the table is published with its three tiers, and a rate is published as a
 * rate of the base the law names — not always the contract price.
 */
class DiscretionBenchmarksPageTests extends ProcessTest {

    @Autowired DiscretionBenchmarks benchmarks;

    @Test
    void everyViolationIsPublishedWithTheBaseOfItsRate() {
        Map<String, DiscretionBenchmarks.Violation> violations = benchmarks.current().violations().stream()
                .collect(Collectors.toMap(DiscretionBenchmarks.Violation::code, Function.identity()));

        assertThat(violations).containsKeys("quality-55", "quality-58", "quality-60-contractor", "quality-61-contractor",
                "quality-62-contractor", "quality-69-renovation", "quality-69-user", "quality-73-person", "safety-63",
                "safety-64", "safety-65", "planning-64", "permit-13", "permit-14", "permit-15-person");
        violations.values().forEach(v -> assertThat(v.tiers()).as(v.code()).extracting(DiscretionBenchmarks.Tier::tier)
                .containsExactly("severe", "severe", "lenient", "normal"));

        assertThat(range(violations, "quality-64", "lenient")).isEqualTo("工程合同价款的2%至2.6%");
        assertThat(range(violations, "quality-55", "lenient")).isEqualTo("工程合同价款的0.5%至0.65%");
        assertThat(range(violations, "safety-63", "lenient")).isEqualTo("挪用的安全生产费用的20%至29%");
        assertThat(range(violations, "planning-64", "normal")).isEqualTo("建设工程造价的6.5%至8.5%");
        assertThat(range(violations, "quality-73-person", "lenient")).isEqualTo("对单位的罚款数额的5%至6.5%");
        assertThat(range(violations, "safety-65", "lenient")).isEqualTo("100000元至160000元");
        assertThat(tier(violations, "safety-65", "lenient").situation()).startsWith("逾期后、作出决定前已改正");
        assertThat(violations.get("safety-64").legalBasis()).contains("逾期未改正的，责令停业整顿，并处5万元以上10万元以下的罚款");
        assertThat(violations.get("permit-13").tiers().get(0).annotation()).contains("原文未收入本地法规库");
    }

    private static DiscretionBenchmarks.Tier tier(Map<String, DiscretionBenchmarks.Violation> violations, String code,
                                                  String tier) {
        return violations.get(code).tiers().stream().filter(t -> t.tier().equals(tier)).findFirst().orElseThrow();
    }

    private static String range(Map<String, DiscretionBenchmarks.Violation> violations, String code, String tier) {
        return tier(violations, code, tier).range();
    }
}
