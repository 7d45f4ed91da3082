package org.sunlight.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The masking rules of {@code disclosure/masking-rules.yaml} on realistic text of construction enforcement cases:
 * what must be hidden is hidden (RULES 1.8), what the public may read stays readable.
 */
class MaskingRulesTests {

    static final MaskingRules RULES = MaskingRules.load(new ClassPathResource("disclosure/masking-rules.yaml"));

    private static String mask(String text) {
        return RULES.mask(text).text();
    }

    @Test
    void aCaseSummaryLosesEveryPersonalDatumAndKeepsItsMeaning() {
        String summary = "经查，当事人沈阳某某置业有限公司（统一社会信用代码91210100MA0Y6XQ12A）开发的浑南区某住宅项目，"
                + "未取得施工许可证擅自施工。证人王建国（身份证号码210102198503150128，手机13912345678）称，"
                + "项目经理李娜、施工员欧阳娜娜均在场。王建国住沈阳市和平区南京北街1号3栋2单元501室，联系电话024-23456789。"
                + "当事人开户银行账号6222021234567890123。工人张某某患有高血压病，曾住院治疗于沈阳市第一人民医院。";

        MaskingRules.Masked masked = RULES.mask(summary);

        assertThat(masked.text())
                .contains("当事人沈阳某某置业有限公司（统一社会信用代码91210100MA0Y6XQ12A）")
                .contains("未取得施工许可证擅自施工")
                .contains("证人王某（身份证号码［身份证号码已隐去］，手机［电话号码已隐去］）称")
                .contains("项目经理李某、施工员欧阳某均在场")
                .contains("联系电话［电话号码已隐去］")
                .contains("开户银行账号［银行账号已隐去］")
                .contains("工人张某某［健康信息已隐去］")
                .doesNotContain("210102198503150128", "13912345678", "23456789", "6222021234567890123", "李娜",
                        "欧阳娜娜", "南京北街", "高血压", "第一人民医院");
        assertThat(masked.counts()).containsKeys("id-number", "mobile", "landline", "bank-account", "address",
                "health", "person-by-role");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            身份证号码，X 校验位           | 证人身份证号码21010219850315003X。              | 证人身份证号码［身份证号码已隐去］。
            身份证号码，小写 x             | 身份证11010519491231002x                       | 身份证［身份证号码已隐去］
            身份证号码，数字校验位          | 210102199001011237号                          | ［身份证号码已隐去］号
            15 位老身份证号码              | 旧证号码210102850315012，                       | 旧证号码［身份证号码已隐去］，
            手机号码，分组书写             | 手机139 1234 5678。                            | 手机［电话号码已隐去］。
            手机号码，带国家码             | 电话+86 13812345678                            | 电话［电话号码已隐去］
            固定电话，带区号括号            | 座机（024）23456789转801                        | 座机［电话号码已隐去］
            固定电话，无提示词             | 请拨打0411-87654321联系                         | 请拨打［电话号码已隐去］联系
            电话，本地号码有提示词          | 联系电话：23456789。                            | 联系电话：［电话号码已隐去］。
            银行卡号，四位一组             | 转入6217 0000 1234 5678 901                     | 转入［银行账号已隐去］
            对公账号，有提示词             | 账号：2101 0400 0000 1234 5678                  | 账号：［银行账号已隐去］
            住址                        | 家住沈阳市铁西区兴华街12号，                      | 家住［住址已隐去］，
            门牌                        | 位于某小区5号楼3单元602室的房屋                   | 位于某小区［门牌已隐去］的房屋
            电子邮箱                     | 邮箱wang.jianguo@example.com。                  | 邮箱［电子邮箱已隐去］。
            残疾等级                     | 其系肢体残疾二级，                               | 其系［健康信息已隐去］，
            诊断                        | 经诊断为腰椎骨折后遗症。                          | 经［健康信息已隐去］。
            复姓证人                     | 证人司马光明称                                  | 证人司马某称
            并列人名                     | 工人张三、李四和王小五未佩戴安全帽                 | 工人张某、李某和王某未佩戴安全帽
            名后接动词                    | 项目负责人赵志强出具书面说明                      | 项目负责人赵某出具书面说明
            已脱敏的文字不变               | 证人王某称，工人张某某在场                        | 证人王某称，工人张某某在场
            """)
    void masks(String what, String text, String expected) {
        assertThat(mask(text)).as(what).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            统一社会信用代码              | 统一社会信用代码91210100MA0Y6XQ12A
            罚款金额                     | 罚款人民币30000元，没收违法所得人民币125000元
            文号                        | 市建罚决〔2026〕7号
            法条                        | 《建设工程质量管理条例》第57条、第五十七条
            合同价款比例                  | 处工程合同价款1%以上2%以下的罚款
            日期                        | 2026年3月10日、2026-03-10
            面积                        | 建筑面积52000平方米
            施工人员安全                  | 施工人员安全防护不到位
            负责人应当                   | 单位负责人应当组织整改
            业主单位                     | 业主单位未按规定移交档案
            员工宿舍                     | 在建筑物内设员工集体宿舍
            居民楼                       | 紧邻居民楼施工
            当事人本人                    | 当事人张三（个体工商户）未取得施工许可证
            部门名称                     | 依据《住房和城乡建设部令》第55号，住宅工程，市住建局
            """)
    void leavesAlone(String what, String text) {
        assertThat(mask(text)).as(what).isEqualTo(text);
    }

    @Test
    void theRulesAreVersionedDataWithTheirLegalBasis() {
        assertThat(RULES.version()).isNotBlank();
        assertThat(RULES.rules()).extracting(MaskingRules.Rule::id).containsSubsequence("id-number", "bank-account",
                "mobile", "landline", "person-by-role", "person-in-list");
        assertThat(RULES.rules()).allSatisfy(rule -> {
            assertThat(rule.name()).containsPattern("\\p{IsHan}");
            assertThat(rule.basis()).contains("RULES 1.8");
        });
    }

    @Test
    void brokenRulesAreRefusedWhenLoaded() {
        assertThatThrownBy(() -> MaskingRules.parse(Map.of("version", "x", "rules", List.of(Map.of("id", "a",
                "name", "甲", "basis", "b", "pattern", "(unclosed", "replacement", "*")))))
                .hasMessageContaining("invalid pattern");
        assertThatThrownBy(() -> MaskingRules.parse(Map.of("version", "x", "rules", List.of(Map.of("id", "a",
                "name", "甲", "basis", "b", "pattern", "{{nowhere}}", "replacement", "*")))))
                .hasMessageContaining("unknown list");
    }

    @Test
    void nothingToMaskIsNoChange() {
        assertThat(RULES.mask(null).text()).isNull();
        assertThat(RULES.mask("").changed()).isFalse();
        assertThat(RULES.mask("建设单位未取得施工许可证擅自施工").changed()).isFalse();
    }
}
