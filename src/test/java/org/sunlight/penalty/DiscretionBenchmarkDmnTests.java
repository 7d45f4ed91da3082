package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunlight.dmn.DecisionTableFixture;
import org.sunlight.dmn.DecisionTableFixture.Evaluation;

/**
 * {@code dmn/discretion-benchmark.dmn}: 裁量基准 (行政处罚法第34条, 国办发〔2022〕27号) for the demo violations of
 * RULES §7. Statutory ranges checked against 建设工程质量管理条例 第54、56、57、59、64、65条 and 建设工程安全生产管理条例
 * 第55条; 建筑工程施工许可管理办法第12条 (施工单位 ≤ 3万元) from a public source quoting it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscretionBenchmarkDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("discretion-benchmark");

    private static final Map<String, String> TIER_NAMES = Map.of("lenient", "从轻", "normal", "一般", "severe", "从重");

    /** Tiers by floor area and consequence (卢氏县 benchmark): the builder's rate of the contract price. */
    @ParameterizedTest(name = "[{index}] area={0} consequence={1} rectified={2} repeat={3} -> {4} ({9})")
    @CsvSource(nullValues = "null", textBlock = """
            # floorArea, consequence, rectified, repeatOffense, tier,   minRate, maxRate, minFine, maxFine, rule
            0,           none,        true,      false,         lenient, 0.01,    0.013,   100000,  130000,  Rule_quality_57_builder_lenient
            19999.99,    minor,       false,     false,         lenient, 0.01,    0.013,   100000,  130000,  Rule_quality_57_builder_lenient
            19999.99,    none,        true,      true,          lenient, 0.01,    0.013,   100000,  130000,  Rule_quality_57_builder_lenient
            20000,       none,        true,      false,         normal,  0.013,   0.017,   130000,  170000,  Rule_quality_57_builder_normal
            35000,       minor,       null,      null,          normal,  0.013,   0.017,   130000,  170000,  Rule_quality_57_builder_normal
            50000,       none,        true,      false,         normal,  0.013,   0.017,   130000,  170000,  Rule_quality_57_builder_normal
            null,        null,        null,      null,          normal,  0.013,   0.017,   130000,  170000,  Rule_quality_57_builder_normal
            50000.01,    none,        true,      false,         severe,  0.017,   0.02,    170000,  200000,  Rule_quality_57_builder_severe_area
            120000,      null,        null,      null,          severe,  0.017,   0.02,    170000,  200000,  Rule_quality_57_builder_severe_area
            10000,       serious,     true,      false,         severe,  0.017,   0.02,    170000,  200000,  Rule_quality_57_builder_severe_consequence
            30000,       serious,     null,      null,          severe,  0.017,   0.02,    170000,  200000,  Rule_quality_57_builder_severe_consequence
            """)
    void builderWithoutPermitIsRateOfContractPrice(Double floorArea, String consequence, Boolean rectified,
                                                   Boolean repeatOffense, String tier, double minRate,
                                                   double maxRate, double minFine, double maxFine, String rule) {
        Evaluation evaluation = TABLE.evaluate("violationCode", "quality-57-builder", "floorArea", floorArea,
                "contractPrice", 10_000_000, "consequence", consequence, "rectified", rectified,
                "repeatOffense", repeatOffense);

        Map<String, Object> row = evaluation.row();
        assertThat(row).containsEntry("tier", tier).containsEntry("tierName", TIER_NAMES.get(tier))
                .containsEntry("minRate", minRate).containsEntry("maxRate", maxRate)
                .containsEntry("minFine", minFine).containsEntry("maxFine", maxFine);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /** Same criteria as the builder; the contractor gets a fixed amount up to 30000 yuan. */
    @ParameterizedTest(name = "[{index}] area={0} consequence={1} -> {2} ({5})")
    @CsvSource(nullValues = "null", textBlock = """
            # floorArea, consequence, tier,    minFine, maxFine, rule
            0,           none,        lenient, 0,       10000,   Rule_permit_12_contractor_lenient
            19999.99,    minor,       lenient, 0,       10000,   Rule_permit_12_contractor_lenient
            20000,       none,        normal,  10000,   20000,   Rule_permit_12_contractor_normal
            50000,       minor,       normal,  10000,   20000,   Rule_permit_12_contractor_normal
            null,        none,        normal,  10000,   20000,   Rule_permit_12_contractor_normal
            50000.01,    none,        severe,  20000,   30000,   Rule_permit_12_contractor_severe_area
            19999.99,    serious,     severe,  20000,   30000,   Rule_permit_12_contractor_severe_consequence
            """)
    void contractorWithoutPermitIsFixedAmount(Double floorArea, String consequence, String tier,
                                              double minFine, double maxFine, String rule) {
        Evaluation evaluation = TABLE.evaluate("violationCode", "permit-12-contractor", "floorArea", floorArea,
                "contractPrice", 10_000_000, "consequence", consequence, "rectified", true,
                "repeatOffense", false);

        Map<String, Object> row = evaluation.row();
        assertThat(row).containsEntry("tier", tier).containsEntry("tierName", TIER_NAMES.get(tier))
                .containsEntry("minFine", minFine).containsEntry("maxFine", maxFine)
                .containsEntry("minRate", null).containsEntry("maxRate", null);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /**
     * Generic criteria for the fixed-range violations: severe if serious consequence or repeat offence, lenient if
     * no consequence and rectified, otherwise normal. Ranges: 30/40/30 split of the statutory range (local).
     */
    @ParameterizedTest(name = "[{index}] {0} consequence={1} rectified={2} repeat={3} -> {4} ({7})")
    @CsvSource(nullValues = "null", textBlock = """
            # violationCode, consequence, rectified, repeatOffense, tier,   minFine, maxFine, rule
            quality-54,      none,        true,      false,         lenient, 500000,  650000,  Rule_quality_54_lenient
            quality-54,      none,        true,      null,          lenient, 500000,  650000,  Rule_quality_54_lenient
            quality-54,      minor,       true,      false,         normal,  650000,  850000,  Rule_quality_54_normal
            quality-54,      none,        false,     false,         normal,  650000,  850000,  Rule_quality_54_normal
            quality-54,      none,        null,      false,         normal,  650000,  850000,  Rule_quality_54_normal
            quality-54,      null,        null,      null,          normal,  650000,  850000,  Rule_quality_54_normal
            quality-54,      serious,     true,      false,         severe,  850000,  1000000, Rule_quality_54_severe_consequence
            quality-54,      none,        true,      true,          severe,  850000,  1000000, Rule_quality_54_severe_repeat
            quality-56,      none,        true,      false,         lenient, 200000,  290000,  Rule_quality_56_lenient
            quality-56,      minor,       false,     false,         normal,  290000,  410000,  Rule_quality_56_normal
            quality-56,      serious,     false,     false,         severe,  410000,  500000,  Rule_quality_56_severe_consequence
            quality-56,      minor,       true,      true,          severe,  410000,  500000,  Rule_quality_56_severe_repeat
            quality-59,      none,        true,      false,         lenient, 10000,   37000,   Rule_quality_59_lenient
            quality-59,      none,        false,     false,         normal,  37000,   73000,   Rule_quality_59_normal
            quality-59,      serious,     true,      true,          severe,  73000,   100000,  Rule_quality_59_severe_consequence
            quality-59,      none,        true,      true,          severe,  73000,   100000,  Rule_quality_59_severe_repeat
            quality-65,      none,        true,      false,         lenient, 100000,  130000,  Rule_quality_65_lenient
            quality-65,      minor,       null,      null,          normal,  130000,  170000,  Rule_quality_65_normal
            quality-65,      serious,     null,      null,          severe,  170000,  200000,  Rule_quality_65_severe_consequence
            quality-65,      null,        null,      true,          severe,  170000,  200000,  Rule_quality_65_severe_repeat
            safety-55,       none,        true,      false,         lenient, 200000,  290000,  Rule_safety_55_lenient
            safety-55,       minor,       true,      false,         normal,  290000,  410000,  Rule_safety_55_normal
            safety-55,       serious,     true,      false,         severe,  410000,  500000,  Rule_safety_55_severe_consequence
            safety-55,       none,        false,     true,          severe,  410000,  500000,  Rule_safety_55_severe_repeat
            """)
    void fixedRangeViolations(String violationCode, String consequence, Boolean rectified, Boolean repeatOffense,
                              String tier, double minFine, double maxFine, String rule) {
        // floor area must not matter for these violations
        Evaluation evaluation = TABLE.evaluate("violationCode", violationCode, "floorArea", 100_000,
                "contractPrice", 10_000_000, "consequence", consequence, "rectified", rectified,
                "repeatOffense", repeatOffense);

        Map<String, Object> row = evaluation.row();
        assertThat(row).containsEntry("tier", tier).containsEntry("tierName", TIER_NAMES.get(tier))
                .containsEntry("minFine", minFine).containsEntry("maxFine", maxFine)
                .containsEntry("minRate", null).containsEntry("maxRate", null);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /** 质量条例第64条: 2%–4% of the contract price, generic criteria. */
    @ParameterizedTest(name = "[{index}] price={0} consequence={1} rectified={2} repeat={3} -> {4} ({9})")
    @CsvSource(nullValues = "null", textBlock = """
            # contractPrice, consequence, rectified, repeatOffense, tier,   minRate, maxRate, minFine, maxFine, rule
            10000000,        none,        true,      false,         lenient, 0.02,    0.026,   200000,  260000,  Rule_quality_64_lenient
            10000000,        minor,       true,      false,         normal,  0.026,   0.034,   260000,  340000,  Rule_quality_64_normal
            10000000,        none,        false,     null,          normal,  0.026,   0.034,   260000,  340000,  Rule_quality_64_normal
            10000000,        serious,     true,      false,         severe,  0.034,   0.04,    340000,  400000,  Rule_quality_64_severe_consequence
            10000000,        none,        true,      true,          severe,  0.034,   0.04,    340000,  400000,  Rule_quality_64_severe_repeat
            2500000,         none,        true,      false,         lenient, 0.02,    0.026,   50000,   65000,   Rule_quality_64_lenient
            """)
    void shoddyWorkIsRateOfContractPrice(double contractPrice, String consequence, Boolean rectified,
                                         Boolean repeatOffense, String tier, double minRate, double maxRate,
                                         double minFine, double maxFine, String rule) {
        Evaluation evaluation = TABLE.evaluate("violationCode", "quality-64", "floorArea", null,
                "contractPrice", contractPrice, "consequence", consequence, "rectified", rectified,
                "repeatOffense", repeatOffense);

        Map<String, Object> row = evaluation.row();
        assertThat(row).containsEntry("tier", tier).containsEntry("tierName", TIER_NAMES.get(tier))
                .containsEntry("minRate", minRate).containsEntry("maxRate", maxRate);
        assertThat((Double) row.get("minFine")).isCloseTo(minFine, within(0.005));
        assertThat((Double) row.get("maxFine")).isCloseTo(maxFine, within(0.005));
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    @Test
    void rateAmountsAreComputedFromAnyContractPrice() {
        Map<String, Object> row = TABLE.evaluate("violationCode", "quality-57-builder", "floorArea", 30_000,
                "contractPrice", 1_234_567.89, "consequence", "minor", "rectified", false,
                "repeatOffense", false).row();

        assertThat((Double) row.get("minFine")).isCloseTo(1_234_567.89 * 0.013, within(0.005));
        assertThat((Double) row.get("maxFine")).isCloseTo(1_234_567.89 * 0.017, within(0.005));
    }

    @Test
    void missingContractPriceGivesRatesButNoAmounts() {
        Map<String, Object> row = TABLE.evaluate("violationCode", "quality-57-builder", "floorArea", 30_000,
                "contractPrice", null, "consequence", "none", "rectified", true, "repeatOffense", false).row();

        assertThat(row).containsEntry("tier", "normal").containsEntry("minRate", 0.013)
                .containsEntry("maxRate", 0.017).containsEntry("minFine", null).containsEntry("maxFine", null);
    }

    /**
     * For each violation: the three tiers are contiguous and together cover exactly the statutory range (as a
     * fine for fixed ranges, as a rate for rate-based ones), and the name and legal basis are the right ones.
     */
    @ParameterizedTest(name = "{0}: {1}–{2} ({3})")
    @CsvSource(textBlock = """
            # violationCode,      statutory min, statutory max, article, range text,    violationName
            quality-57-builder,   0.01,    0.02,    《建设工程质量管理条例》第57条,   1%以上2%以下,       建设单位未取得施工许可证擅自施工
            permit-12-contractor, 0,       30000,   《建筑工程施工许可管理办法》第12条, 3万元以下,        施工单位无证施工
            quality-54,           500000,  1000000, 《建设工程质量管理条例》第54条,   50万元以上100万元以下, 将工程发包给不具有相应资质等级的单位
            quality-56,           200000,  500000,  《建设工程质量管理条例》第56条,   20万元以上50万元以下,  任意压缩合理工期、施工图未经审查擅自施工等
            quality-59,           10000,   100000,  《建设工程质量管理条例》第59条,   1万元以上10万元以下,   竣工验收后未移交建设项目档案
            quality-64,           0.02,    0.04,    《建设工程质量管理条例》第64条,   2%以上4%以下,       偷工减料、使用不合格材料、不按图施工
            quality-65,           100000,  200000,  《建设工程质量管理条例》第65条,   10万元以上20万元以下,  未对材料、混凝土进行检验或未取样检测
            safety-55,            200000,  500000,  《建设工程安全生产管理条例》第55条, 20万元以上50万元以下,  建设单位提出违反安全强制性标准的要求、压缩合同工期等
            """)
    void tiersPartitionTheStatutoryRange(String violationCode, double statutoryMin, double statutoryMax,
                                         String article, String rangeText, String violationName) {
        Map<String, Object> lenient = tierRow(violationCode, "lenient");
        Map<String, Object> normal = tierRow(violationCode, "normal");
        Map<String, Object> severe = tierRow(violationCode, "severe");
        boolean rateBased = lenient.get("minRate") != null;
        String lo = rateBased ? "minRate" : "minFine";
        String hi = rateBased ? "maxRate" : "maxFine";

        assertThat(lenient.get(lo)).isEqualTo(statutoryMin);
        assertThat((Double) lenient.get(hi)).isEqualTo(normal.get(lo)).isGreaterThan((Double) lenient.get(lo));
        assertThat((Double) normal.get(hi)).isEqualTo(severe.get(lo)).isGreaterThan((Double) normal.get(lo));
        assertThat((Double) severe.get(hi)).isEqualTo(statutoryMax).isGreaterThan((Double) severe.get(lo));
        for (Map<String, Object> row : java.util.List.of(lenient, normal, severe)) {
            assertThat(row.get("violationName")).isEqualTo(violationName);
            assertThat((String) row.get("legalBasis")).startsWith(article).contains(rangeText);
        }
    }

    private static Map<String, Object> tierRow(String violationCode, String tier) {
        boolean areaBased = violationCode.equals("quality-57-builder") || violationCode.equals("permit-12-contractor");
        Object floorArea = switch (tier) {
            case "lenient" -> 1000;
            case "normal" -> 30_000;
            default -> areaBased ? 60_000 : 1000;
        };
        Object consequence = tier.equals("lenient") ? "none" : tier.equals("normal") ? "minor" : "serious";
        Map<String, Object> row = TABLE.evaluate("violationCode", violationCode, "floorArea", floorArea,
                "contractPrice", 10_000_000, "consequence", consequence, "rectified", tier.equals("lenient"),
                "repeatOffense", false).row();
        assertThat(row.get("tier")).as("%s %s", violationCode, tier).isEqualTo(tier);
        return row;
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-violation", "quality-57", "QUALITY-54", "quality-58", ""})
    void unknownViolationCodeGivesNoResult(String violationCode) {
        Evaluation evaluation = TABLE.evaluate("violationCode", violationCode, "floorArea", 60_000,
                "contractPrice", 10_000_000, "consequence", "serious", "rectified", false, "repeatOffense", true);

        assertThat(evaluation.isEmpty()).isTrue();
        assertThat(evaluation.matchedRuleIds()).isEmpty();
    }

    @Test
    void nullViolationCodeGivesNoResult() {
        Evaluation evaluation = TABLE.evaluate("violationCode", null, "floorArea", 60_000,
                "contractPrice", 10_000_000, "consequence", "serious", "rectified", false, "repeatOffense", true);

        assertThat(evaluation.isEmpty()).isTrue();
    }

    /** No silent "normal tier" for input the table cannot judge: the case stops with "no rule applies" instead. */
    @ParameterizedTest(name = "{0} area={1} price={2} consequence={3} -> no rule")
    @CsvSource(nullValues = "null", textBlock = """
            quality-57-builder,   null,   -100,     none
            quality-64,           null,   -1,       minor
            quality-57-builder,   -5,     1000000,  none
            permit-12-contractor, -5,     null,     none
            quality-59,           null,   null,     Serious
            quality-65,           null,   null,     unknown
            safety-55,            null,   null,     ''
            """)
    void negativeAmountsAndUnknownConsequencesGiveNoResult(String violationCode, Double floorArea, Double contractPrice,
                                                            String consequence) {
        assertThat(TABLE.evaluate("violationCode", violationCode, "floorArea", floorArea, "contractPrice", contractPrice,
                "consequence", consequence, "rectified", false, "repeatOffense", false).isEmpty()).isTrue();
    }

    @Test
    void anUnassessedConsequenceIsTheNormalTier() {
        assertThat(TABLE.evaluate("violationCode", "quality-59", "rectified", false, "repeatOffense", false).row())
                .containsEntry("tier", "normal");
    }

    @Test
    void variablesThatDoNotApplyMayBeLeftOut() {
        // a fixed-range violation needs neither floor area nor contract price
        Evaluation evaluation = TABLE.evaluate("violationCode", "quality-59", "consequence", "none",
                "rectified", true, "repeatOffense", false);

        assertThat(evaluation.row()).containsEntry("tier", "lenient").containsEntry("minFine", 10000.0)
                .containsEntry("maxFine", 37000.0);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).as("rules of %s no test case reached", TABLE.decisionId()).isEmpty();
    }
}
