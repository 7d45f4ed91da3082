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
 * RULES §7. Statutory ranges checked against 建设工程质量管理条例 第54–62、64、65、69、73条, 建设工程安全生产管理条例
 * 第55、63–65条 and 城乡规划法第64条 (laws/); 建筑工程施工许可管理办法第12–15条 from a public source quoting it.
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

    /**
     * A rate without its base is no range: it once gave rates and no amounts, the report went through, and the proposal
     * was refused for want of a range with no field left to give the contract price in. Now no rule matches and the
     * report itself is refused (DecisionOutputs), where the officer can still enter the price.
     */
    @ParameterizedTest
    @ValueSource(strings = {"quality-57-builder", "quality-64"})
    void missingContractPriceMatchesNoRule(String code) {
        for (String consequence : new String[] {"none", "minor", "serious"}) {
            assertThat(TABLE.evaluate("violationCode", code, "floorArea", 60_000, "contractPrice", null,
                    "consequence", consequence, "rectified", true, "repeatOffense", true).isEmpty()).as(consequence).isTrue();
        }
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
            quality-55,            0.005,  0.01,    《建设工程质量管理条例》第55条,   0.5%以上1%以下,     建设单位肢解发包
            quality-58,            0.02,   0.04,    《建设工程质量管理条例》第58条,   2%以上4%以下,       未组织竣工验收或验收不合格擅自交付使用等
            quality-60-contractor, 0.02,   0.04,    《建设工程质量管理条例》第60条,   对施工单位处工程合同价款2%以上4%以下, 施工单位超越资质等级、无资质或以欺骗手段取得资质承揽工程
            quality-61-contractor, 0.02,   0.04,    《建设工程质量管理条例》第61条,   对施工单位处工程合同价款2%以上4%以下, 施工单位允许其他单位或者个人以本单位名义承揽工程
            quality-62-contractor, 0.005,  0.01,    《建设工程质量管理条例》第62条,   对施工单位处工程合同价款0.5%以上1%以下, 施工单位转包或者违法分包
            quality-69-renovation, 500000, 1000000, 《建设工程质量管理条例》第69条,   50万元以上100万元以下, 涉及主体或承重结构变动的装修工程无设计方案擅自施工
            quality-69-user,       50000,  100000,  《建设工程质量管理条例》第69条,   5万元以上10万元以下,   房屋建筑使用者在装修过程中擅自变动房屋建筑主体和承重结构
            quality-73-person,     0.05,   0.1,     《建设工程质量管理条例》第73条,   单位罚款数额5%以上10%以下, 单位受罚时对直接负责的主管人员和其他直接责任人员的罚款
            safety-63,             0.2,    0.5,     《建设工程安全生产管理条例》第63条, 挪用费用20%以上50%以下, 施工单位挪用安全生产作业环境及安全施工措施费用
            safety-64,             50000,  100000,  《建设工程安全生产管理条例》第64条, 逾期未改正的，责令停业整顿，并处5万元以上10万元以下, 施工单位未说明安全技术要求、未设围挡、在建筑物内设员工集体宿舍等，逾期未改正
            safety-65,             100000, 300000,  《建设工程安全生产管理条例》第65条, 逾期未改正的，责令停业整顿，并处10万元以上30万元以下, 施工单位机具未经查验即使用、使用未经验收的起重机械、未编制专项施工方案等，逾期未改正
            planning-64,           0.05,   0.1,     《城乡规划法》第64条,            建设工程造价百分之五以上百分之十以下, 未取得建设工程规划许可证或者未按照规划许可证的规定进行建设（尚可改正）
            permit-13,             10000,  30000,   《建筑工程施工许可管理办法》第13条, 1万元以上3万元以下,   建设单位以欺骗、贿赂等不正当手段取得施工许可证
            permit-14,             10000,  30000,   《建筑工程施工许可管理办法》第14条, 1万元以上3万元以下,   建设单位隐瞒有关情况或提供虚假材料申请施工许可证，或伪造、涂改施工许可证
            permit-15-person,      0.05,   0.1,     《建筑工程施工许可管理办法》第15条, 单位罚款数额5%以上10%以下, 依施工许可管理办法给予单位罚款时对直接责任人员的罚款
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
        // every tier lies inside the statutory range the row reports, and that is the law's range on the same base
        double base = rateBased ? BASE : 1;
        for (Map<String, Object> row : java.util.List.of(lenient, normal, severe)) {
            assertThat(row.get("violationName")).isEqualTo(violationName);
            assertThat((String) row.get("legalBasis")).startsWith(article).contains(rangeText);
            assertThat((Double) row.get("legalMinFine")).as("%s legal minimum", violationCode)
                    .isCloseTo(statutoryMin * base, within(0.005));
            assertThat((Double) row.get("legalMaxFine")).as("%s legal maximum", violationCode)
                    .isCloseTo(statutoryMax * base, within(0.005));
            assertThat((Double) row.get("minFine")).as("%s %s minimum", violationCode, row.get("tier"))
                    .isGreaterThanOrEqualTo((Double) row.get("legalMinFine") - 0.005)
                    .isLessThan((Double) row.get("maxFine"));
            assertThat((Double) row.get("maxFine")).as("%s %s maximum", violationCode, row.get("tier"))
                    .isLessThanOrEqualTo((Double) row.get("legalMaxFine") + 0.005);
            if (rateBased) {
                assertThat((Double) row.get("minFine")).isCloseTo((Double) row.get(lo) * base, within(0.005));
                assertThat((Double) row.get("maxFine")).isCloseTo((Double) row.get(hi) * base, within(0.005));
            }
        }
    }

    /** One amount for every base here; addedRateViolationsUseTheBaseTheLawNames gives each base its own amount. */
    private static final double BASE = 10_000_000;

    private static Map<String, Object> tierRow(String violationCode, String tier) {
        boolean areaBased = violationCode.equals("quality-57-builder") || violationCode.equals("permit-12-contractor");
        Object floorArea = switch (tier) {
            case "lenient" -> 1000;
            case "normal" -> 30_000;
            default -> areaBased ? 60_000 : 1000;
        };
        Object consequence = tier.equals("lenient") ? "none" : tier.equals("normal") ? "minor" : "serious";
        Map<String, Object> row = TABLE.evaluate(Map.of("violationCode", violationCode, "floorArea", floorArea,
                "contractPrice", BASE, "misusedAmount", BASE, "constructionCost", BASE, "unitFineAmount", BASE,
                "correctionOverdue", true, "consequence", consequence, "rectified", tier.equals("lenient"),
                "repeatOffense", false)).row();
        assertThat(row.get("tier")).as("%s %s", violationCode, tier).isEqualTo(tier);
        return row;
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-violation", "quality-57", "QUALITY-54", "quality-60", "safety-62", "planning-64-uncorrectable", ""})
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

    /**
     * The violations added for rules-audit item 1 whose fine is a rate: each tier by the generic criteria, the rate
     * split 30/40/30 (local), the amounts on the base the law names — the contract price, the misused safety funds (安全条例
     * 第63条), the construction cost (城乡规划法第64条) or the organisation's fine (质量条例第73条, 施工许可管理办法第15条).
     * The other bases are given different amounts, so a row on the wrong base would compute other amounts.
     */
    @ParameterizedTest(name = "[{index}] {0} on {1} consequence={2} rectified={3} repeat={4} -> {5} ({8})")
    @CsvSource(nullValues = "null", textBlock = """
            # violationCode,       base,             consequence, rectified, repeatOffense, tier,   minRate, maxRate, rule
            quality-55,            contractPrice,    none,        true,      false,         lenient, 0.005,   0.0065,  Rule_quality_55_lenient
            quality-55,            contractPrice,    minor,       true,      false,         normal,  0.0065,  0.0085,  Rule_quality_55_normal
            quality-55,            contractPrice,    serious,     true,      false,         severe,  0.0085,  0.01,    Rule_quality_55_severe_consequence
            quality-55,            contractPrice,    none,        true,      true,          severe,  0.0085,  0.01,    Rule_quality_55_severe_repeat
            quality-58,            contractPrice,    none,        true,      null,          lenient, 0.02,    0.026,   Rule_quality_58_lenient
            quality-58,            contractPrice,    none,        false,     false,         normal,  0.026,   0.034,   Rule_quality_58_normal
            quality-58,            contractPrice,    serious,     null,      null,          severe,  0.034,   0.04,    Rule_quality_58_severe_consequence
            quality-58,            contractPrice,    minor,       false,     true,          severe,  0.034,   0.04,    Rule_quality_58_severe_repeat
            quality-60-contractor, contractPrice,    none,        true,      false,         lenient, 0.02,    0.026,   Rule_quality_60_contractor_lenient
            quality-60-contractor, contractPrice,    null,        null,      null,          normal,  0.026,   0.034,   Rule_quality_60_contractor_normal
            quality-60-contractor, contractPrice,    serious,     true,      false,         severe,  0.034,   0.04,    Rule_quality_60_contractor_severe_consequence
            quality-60-contractor, contractPrice,    none,        true,      true,          severe,  0.034,   0.04,    Rule_quality_60_contractor_severe_repeat
            quality-61-contractor, contractPrice,    none,        true,      false,         lenient, 0.02,    0.026,   Rule_quality_61_contractor_lenient
            quality-61-contractor, contractPrice,    minor,       true,      false,         normal,  0.026,   0.034,   Rule_quality_61_contractor_normal
            quality-61-contractor, contractPrice,    serious,     false,     false,         severe,  0.034,   0.04,    Rule_quality_61_contractor_severe_consequence
            quality-61-contractor, contractPrice,    none,        false,     true,          severe,  0.034,   0.04,    Rule_quality_61_contractor_severe_repeat
            quality-62-contractor, contractPrice,    none,        true,      false,         lenient, 0.005,   0.0065,  Rule_quality_62_contractor_lenient
            quality-62-contractor, contractPrice,    none,        null,      false,         normal,  0.0065,  0.0085,  Rule_quality_62_contractor_normal
            quality-62-contractor, contractPrice,    serious,     true,      true,          severe,  0.0085,  0.01,    Rule_quality_62_contractor_severe_consequence
            quality-62-contractor, contractPrice,    minor,       true,      true,          severe,  0.0085,  0.01,    Rule_quality_62_contractor_severe_repeat
            quality-73-person,     unitFineAmount,   none,        true,      false,         lenient, 0.05,    0.065,   Rule_quality_73_person_lenient
            quality-73-person,     unitFineAmount,   minor,       false,     false,         normal,  0.065,   0.085,   Rule_quality_73_person_normal
            quality-73-person,     unitFineAmount,   serious,     false,     false,         severe,  0.085,   0.1,     Rule_quality_73_person_severe_consequence
            quality-73-person,     unitFineAmount,   none,        true,      true,          severe,  0.085,   0.1,     Rule_quality_73_person_severe_repeat
            permit-15-person,      unitFineAmount,   none,        true,      false,         lenient, 0.05,    0.065,   Rule_permit_15_person_lenient
            permit-15-person,      unitFineAmount,   minor,       true,      false,         normal,  0.065,   0.085,   Rule_permit_15_person_normal
            permit-15-person,      unitFineAmount,   serious,     true,      false,         severe,  0.085,   0.1,     Rule_permit_15_person_severe_consequence
            permit-15-person,      unitFineAmount,   null,        null,      true,          severe,  0.085,   0.1,     Rule_permit_15_person_severe_repeat
            safety-63,             misusedAmount,    none,        true,      false,         lenient, 0.2,     0.29,    Rule_safety_63_lenient
            safety-63,             misusedAmount,    minor,       true,      false,         normal,  0.29,    0.41,    Rule_safety_63_normal
            safety-63,             misusedAmount,    serious,     true,      false,         severe,  0.41,    0.5,     Rule_safety_63_severe_consequence
            safety-63,             misusedAmount,    none,        true,      true,          severe,  0.41,    0.5,     Rule_safety_63_severe_repeat
            planning-64,           constructionCost, none,        true,      false,         lenient, 0.05,    0.065,   Rule_planning_64_lenient
            planning-64,           constructionCost, none,        false,     false,         normal,  0.065,   0.085,   Rule_planning_64_normal
            planning-64,           constructionCost, serious,     true,      false,         severe,  0.085,   0.1,     Rule_planning_64_severe_consequence
            planning-64,           constructionCost, minor,       false,     true,          severe,  0.085,   0.1,     Rule_planning_64_severe_repeat
            """)
    void addedRateViolationsUseTheBaseTheLawNames(String violationCode, String base, String consequence,
                                                  Boolean rectified, Boolean repeatOffense, String tier, double minRate,
                                                  double maxRate, String rule) {
        Map<String, Object> bases = Map.of("contractPrice", 8_000_000.0, "misusedAmount", 120_000.0,
                "constructionCost", 3_000_000.0, "unitFineAmount", 400_000.0);
        Map<String, Object> variables = new java.util.HashMap<>(bases);
        variables.put("violationCode", violationCode);
        variables.put("floorArea", 100_000);
        variables.put("consequence", consequence);
        variables.put("rectified", rectified);
        variables.put("repeatOffense", repeatOffense);
        Evaluation evaluation = TABLE.evaluate(variables);

        double amount = (Double) bases.get(base);
        Map<String, Object> row = evaluation.row();
        assertThat(row).containsEntry("tier", tier).containsEntry("tierName", TIER_NAMES.get(tier))
                .containsEntry("minRate", minRate).containsEntry("maxRate", maxRate);
        assertThat((Double) row.get("minFine")).isCloseTo(amount * minRate, within(0.005));
        assertThat((Double) row.get("maxFine")).isCloseTo(amount * maxRate, within(0.005));
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /** The added fixed-range violations; 安全条例第64、65条 only where the party did not correct within the period. */
    @ParameterizedTest(name = "[{index}] {0} consequence={1} rectified={2} repeat={3} -> {4} ({7})")
    @CsvSource(nullValues = "null", textBlock = """
            # violationCode,       consequence, rectified, repeatOffense, tier,   minFine, maxFine, rule
            quality-69-renovation, none,        true,      false,         lenient, 500000,  650000,  Rule_quality_69_renovation_lenient
            quality-69-renovation, minor,       true,      false,         normal,  650000,  850000,  Rule_quality_69_renovation_normal
            quality-69-renovation, serious,     true,      false,         severe,  850000,  1000000, Rule_quality_69_renovation_severe_consequence
            quality-69-renovation, none,        false,     true,          severe,  850000,  1000000, Rule_quality_69_renovation_severe_repeat
            quality-69-user,       none,        true,      null,          lenient, 50000,   65000,   Rule_quality_69_user_lenient
            quality-69-user,       none,        false,     false,         normal,  65000,   85000,   Rule_quality_69_user_normal
            quality-69-user,       serious,     null,      null,          severe,  85000,   100000,  Rule_quality_69_user_severe_consequence
            quality-69-user,       minor,       true,      true,          severe,  85000,   100000,  Rule_quality_69_user_severe_repeat
            safety-64,             none,        true,      false,         lenient, 50000,   65000,   Rule_safety_64_lenient
            safety-64,             none,        false,     false,         normal,  65000,   85000,   Rule_safety_64_normal
            safety-64,             serious,     true,      false,         severe,  85000,   100000,  Rule_safety_64_severe_consequence
            safety-64,             none,        true,      true,          severe,  85000,   100000,  Rule_safety_64_severe_repeat
            safety-65,             none,        true,      false,         lenient, 100000,  160000,  Rule_safety_65_lenient
            safety-65,             minor,       true,      false,         normal,  160000,  240000,  Rule_safety_65_normal
            safety-65,             serious,     false,     false,         severe,  240000,  300000,  Rule_safety_65_severe_consequence
            safety-65,             null,        null,      true,          severe,  240000,  300000,  Rule_safety_65_severe_repeat
            permit-13,             none,        true,      false,         lenient, 10000,   16000,   Rule_permit_13_lenient
            permit-13,             minor,       false,     false,         normal,  16000,   24000,   Rule_permit_13_normal
            permit-13,             serious,     true,      false,         severe,  24000,   30000,   Rule_permit_13_severe_consequence
            permit-13,             none,        true,      true,          severe,  24000,   30000,   Rule_permit_13_severe_repeat
            permit-14,             none,        true,      false,         lenient, 10000,   16000,   Rule_permit_14_lenient
            permit-14,             null,        null,      null,          normal,  16000,   24000,   Rule_permit_14_normal
            permit-14,             serious,     null,      null,          severe,  24000,   30000,   Rule_permit_14_severe_consequence
            permit-14,             minor,       false,     true,          severe,  24000,   30000,   Rule_permit_14_severe_repeat
            """)
    void addedFixedRangeViolations(String violationCode, String consequence, Boolean rectified, Boolean repeatOffense,
                                   String tier, double minFine, double maxFine, String rule) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("violationCode", violationCode);
        variables.put("floorArea", 100_000);
        variables.put("contractPrice", 10_000_000);
        variables.put("correctionOverdue", true);
        variables.put("consequence", consequence);
        variables.put("rectified", rectified);
        variables.put("repeatOffense", repeatOffense);
        Evaluation evaluation = TABLE.evaluate(variables);

        assertThat(evaluation.row()).containsEntry("tier", tier).containsEntry("tierName", TIER_NAMES.get(tier))
                .containsEntry("minFine", minFine).containsEntry("maxFine", maxFine)
                .containsEntry("minRate", null).containsEntry("maxRate", null);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /**
     * A rate fine of an added violation without its base has no row at all — not a tier without amounts, and not the
     * contract price in the place of another base: the report is refused (DecisionOutputs) and the officer enters it.
     */
    @ParameterizedTest(name = "{0} without {1} -> no rule")
    @CsvSource(textBlock = """
            quality-55,            contractPrice
            quality-58,            contractPrice
            quality-60-contractor, contractPrice
            quality-61-contractor, contractPrice
            quality-62-contractor, contractPrice
            quality-73-person,     unitFineAmount
            permit-15-person,      unitFineAmount
            safety-63,             misusedAmount
            planning-64,           constructionCost
            """)
    void anAddedRateViolationWithoutItsBaseGivesNoResult(String violationCode, String base) {
        for (String consequence : new String[] {"none", "minor", "serious"}) {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("contractPrice", 10_000_000.0,
                    "misusedAmount", 100_000.0, "constructionCost", 5_000_000.0, "unitFineAmount", 300_000.0));
            variables.put(base, null);
            variables.put("violationCode", violationCode);
            variables.put("consequence", consequence);
            variables.put("rectified", true);
            variables.put("repeatOffense", true);
            assertThat(TABLE.evaluate(variables).isEmpty()).as("%s %s without %s", violationCode, consequence, base)
                    .isTrue();
            variables.remove(base);
            assertThat(TABLE.evaluate(variables).isEmpty()).as("%s %s, %s left out", violationCode, consequence, base)
                    .isTrue();
            variables.put(base, -1.0);
            assertThat(TABLE.evaluate(variables).isEmpty()).as("%s %s, negative %s", violationCode, consequence, base)
                    .isTrue();
            // the same case with its base has its row
            variables.put(base, 0.0);
            assertThat(TABLE.evaluate(variables).row()).as("%s %s with %s", violationCode, consequence, base)
                    .containsEntry("tier", "severe").containsEntry("minFine", 0.0);
        }
    }

    /**
     * 安全条例第64、65条: 责令限期改正；逾期未改正的…并处罚款. Without 逾期未改正 there is no fine under the article and no
     * row; an unknown or unset condition is not taken for "overdue".
     */
    @ParameterizedTest(name = "{0} correctionOverdue={1} -> no rule")
    @CsvSource(nullValues = "null", textBlock = """
            safety-64, false
            safety-64, null
            safety-65, false
            safety-65, null
            """)
    void aSafetyFineBeforeTheCorrectionPeriodRanOutGivesNoResult(String violationCode, Boolean correctionOverdue) {
        for (String consequence : new String[] {"none", "minor", "serious"}) {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("violationCode", violationCode);
            variables.put("consequence", consequence);
            variables.put("rectified", false);
            variables.put("repeatOffense", true);
            variables.put("correctionOverdue", correctionOverdue);
            assertThat(TABLE.evaluate(variables).isEmpty()).as("%s %s", violationCode, consequence).isTrue();
            // once the period ran out without correction, the same case has its fine
            variables.put("correctionOverdue", true);
            assertThat(TABLE.evaluate(variables).row()).as("%s %s overdue", violationCode, consequence)
                    .containsEntry("tier", "severe");
        }
        assertThat(TABLE.evaluate("violationCode", violationCode, "consequence", "none", "rectified", false,
                "repeatOffense", false).isEmpty()).as("%s, correctionOverdue left out", violationCode).isTrue();
    }

    /** The condition and the other bases do not change the violations that do not depend on them. */
    @Test
    void theAddedInputsDoNotChangeTheOtherViolations() {
        assertThat(TABLE.evaluate(Map.of("violationCode", "quality-59", "consequence", "none", "rectified", true,
                "repeatOffense", false, "correctionOverdue", false, "misusedAmount", 1_000.0)).row())
                .containsEntry("tier", "lenient").containsEntry("minFine", 10000.0).containsEntry("maxFine", 37000.0);
        assertThat(TABLE.evaluate(Map.of("violationCode", "quality-64", "contractPrice", 1_000_000.0,
                "constructionCost", 9_000_000.0, "consequence", "minor", "rectified", false,
                "repeatOffense", false)).row()).containsEntry("minFine", 26000.0).containsEntry("maxFine", 34000.0);
        // a negative base is refused for every violation, as a negative contract price is
        assertThat(TABLE.evaluate(Map.of("violationCode", "quality-59", "consequence", "none", "rectified", true,
                "repeatOffense", false, "misusedAmount", -1.0)).isEmpty()).isTrue();
    }

    static final java.util.List<String> ALL_CODES = java.util.List.of("quality-57-builder", "permit-12-contractor",
            "quality-54", "quality-56", "quality-59", "quality-64", "quality-65", "safety-55", "quality-55", "quality-58",
            "quality-60-contractor", "quality-61-contractor", "quality-62-contractor", "quality-69-renovation",
            "quality-69-user", "quality-73-person", "safety-63", "safety-64", "safety-65", "planning-64", "permit-13",
            "permit-14", "permit-15-person");

    /**
     * The input's allowed values, the violations that have rows, and every form select that offers a violation
     * (a value a form does not offer is refused by the form contract, one the table does not know stops the case).
     */
    @ParameterizedTest
    @ValueSource(strings = {"penalty-general-start", "penalty-filing-approval", "penalty-investigation-report",
            "inspection-record", "inspection-reinspection"})
    void everyFormOffersExactlyTheViolationsOfTheTable(String form) throws java.io.IOException {
        String dmn = java.nio.file.Files.readString(java.nio.file.Path.of("dmn/discretion-benchmark.dmn"));
        java.util.regex.Matcher allowed = java.util.regex.Pattern.compile(
                "<inputValues id=\"InputValues_violationCode\">\\s*<text>([^<]*)</text>").matcher(dmn);
        assertThat(allowed.find()).isTrue();
        java.util.List<String> allowedValues = java.util.Arrays.stream(allowed.group(1).split(","))
                .map(v -> v.trim().replace("\"", "")).toList();
        assertThat(allowedValues).containsExactlyElementsOf(ALL_CODES);
        java.util.Set<String> withRows = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile(
                "_violationCode\"><text>\"([^\"]+)\"</text>").matcher(dmn);
        while (code.find()) {
            withRows.add(code.group(1));
        }
        assertThat(withRows).containsExactlyElementsOf(ALL_CODES);

        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("forms", form + ".form").toFile());
        java.util.List<String> offered = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode component : root.path("components")) {
            if ("violationCode".equals(component.path("key").asText())) {
                component.path("values").forEach(v -> offered.add(v.path("value").asText()));
            }
        }
        assertThat(offered).as("violations offered by %s", form).containsExactlyElementsOf(ALL_CODES);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).as("rules of %s no test case reached", TABLE.decisionId()).isEmpty();
    }
}
