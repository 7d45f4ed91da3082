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
            名后接“作”                   | 证人张伟作证，工人李强作出说明                     | 证人张某作证，工人李某作出说明
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
            全角统一社会信用代码            | 统一社会信用代码９１２１０１００ＭＡ０Ｙ６ＸＱ１２Ａ
            点分日期                     | 2026.03.10至2026.04.10
            空格分隔的日期                | 2026 03 10
            金额带小数                    | 罚款人民币30000.00元，合同价款1 250 000元
            条款与序号                    | 第57条、第59条 第2款 第3项
            全数字统一社会信用代码（社会组织） | 统一社会信用代码：531000005000012345
            全数字统一社会信用代码（企业）    | 当事人某某公司（914403001922038216）
            其子公司                      | 其子公司未办理施工许可
            单位后括注身份                  | 沈阳某某置业有限公司（业主）与项目部（施工员）
            施工许可证编号（许可决定公开）     | 施工许可证编号210102202503030101
            原许可证件编号（延续）            | 建筑工程施工许可证核发延续（原许可证件210102202503030101）
            """)
    void leavesAlone(String what, String text) {
        assertThat(mask(text)).as(what).isEqualTo(text);
    }

    static final MaskingRules.Party WANG_XIAOMING = new MaskingRules.Party("individual", "重庆市渝中区解放碑路88号",
            "023-63831234", "110101199003071233");

    /**
     * The publication-review text of the external check, published verbatim before: an identity number in full-width
     * digits and one split by spaces, a mobile number with dots, and the party's own stored address without a label
     * (RULES 1.8; 《政府信息公开条例》第十五条).
     */
    @Test
    void theReviewTextOfTheExternalCheckLosesEveryNumberAndThePartysAddress() {
        String text = "当事人身份证号１１０１０１１９９００３０７１２３３，另号110101 1990 0307 1233，手机138.0013.8000，"
                + "当事人王小明位于重庆市渝中区解放碑路88号";

        MaskingRules.Masked masked = RULES.mask(text, WANG_XIAOMING);

        assertThat(masked.text()).isEqualTo("当事人身份证号［身份证号码已隐去］，另号［身份证号码已隐去］，手机［电话号码已隐去］，"
                + "当事人王小明位于［住址已隐去］");
        assertThat(masked.counts()).containsEntry("party-address", 1).containsKey("mobile");
        // the numbers are found by their format, whoever they belong to
        assertThat(mask(text)).startsWith("当事人身份证号［身份证号码已隐去］，另号［身份证号码已隐去］，手机［电话号码已隐去］，");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            身份证号，全角数字              | 身份证号１１０１０１１９９００３０７１２３３。       | 身份证号［身份证号码已隐去］。
            身份证号，全角数字和全角Ｘ       | 证号１１０１０１１９９００３０７１２３Ｘ，          | 证号［身份证号码已隐去］，
            身份证号，空格分组              | 另号110101 1990 0307 1233，                    | 另号［身份证号码已隐去］，
            身份证号，空格分组、小写 x       | 另号110101 1990 0307 123x，                    | 另号［身份证号码已隐去］，
            身份证号，X 单独一组            | 另号110101 19900307 123 X，                    | 另号［身份证号码已隐去］，
            身份证号，连字符分组            | 身份证110101-19900307-1233                     | 身份证［身份证号码已隐去］
            身份证号，点分组               | 身份证110101.19900307.123X                     | 身份证［身份证号码已隐去］
            身份证号，全角空格分组           | 身份证１１０１０１　１９９０　０３０７　１２３３       | 身份证［身份证号码已隐去］
            手机号码，点分隔               | 手机138.0013.8000，                            | 手机［电话号码已隐去］，
            手机号码，全角数字              | 手机１３８００１３８０００。                      | 手机［电话号码已隐去］。
            手机号码，全角连字符            | 手机１３８－００１３－８０００。                  | 手机［电话号码已隐去］。
            手机号码，连字符               | 联系人刘某138-0013-8000                         | 联系人刘某［电话号码已隐去］
            手机号码，无提示词、点分隔        | 请拨打138.0013.8000联系                         | 请拨打［电话号码已隐去］联系
            手机号码，带国家码、点分隔        | +86 138.0013.8000                             | ［电话号码已隐去］
            手机号码，两个号码以空格分开      | 电话13912345678 13812345678                     | 电话［电话号码已隐去］ ［电话号码已隐去］
            银行卡号，全角数字              | 转入６２１７００００１２３４５６７８９０１            | 转入［银行账号已隐去］
            银行卡号，点分组               | 转入6217.0000.1234.5678.901                    | 转入［银行账号已隐去］
            固定电话，全角数字              | 请拨打０２４－２３４５６７８９联系                 | 请拨打［电话号码已隐去］联系
            银行卡号，Visa 16 位无提示词     | 转入4367 4212 3456 7890                        | 转入［银行账号已隐去］
            银行卡号，万事达 16 位连写        | 转入5187123456789012，                          | 转入［银行账号已隐去］，
            银行卡号，中国银行 60 开头        | 汇至6013821234567890                           | 汇至［银行账号已隐去］
            银行卡号，农业银行 19 位          | 转入9559980123456789012                        | 转入［银行账号已隐去］
            银行卡号，全角数字、Visa          | 转入４３６７４２１２３４５６７８９０              | 转入［银行账号已隐去］
            住址，户口所在地                 | 户口所在地沈阳市和平区南京北街1号，               | 户口所在地［住址已隐去］，
            住址，家庭地址                   | 家庭地址：沈阳市铁西区兴华街12号。                | 家庭地址：［住址已隐去］。
            亲属简称后的人名                 | 其妻李娜在场，其子王小虎称                       | 其妻李某在场，其子王某称
            配偶与“之妻”后的人名              | 当事人之妻王芳在场，其配偶刘洋称                  | 当事人之妻王某在场，其配偶刘某称
            姓名后括注身份                   | 李娜（证人）称，经询问，张伟（现场负责人）称        | 李某（证人）称，经询问，张某（现场负责人）称
            被询问人、受委托人、目击者          | 被询问人张伟称，受委托人王五到场，目击者刘洋称       | 被询问人张某称，受委托人王某到场，目击者刘某称
            特种作业操作证号（T+身份证号）     | 电工刘某特种作业操作证号T110101199003071233      | 电工刘某特种作业操作证号T［身份证号码已隐去］
            证书编号中的身份证号             | 资格证书编号：110101199003071233                | 资格证书编号：［身份证号码已隐去］
            许可证号旁的身份证号仍隐去         | 许可证编号210102202503030101，身份证号210102202503030101 | 许可证编号210102202503030101，身份证号［身份证号码已隐去］
            更正理由：联系人姓名后接电话     | 更正，联系人王大锤电话13912345678               | 更正，联系人王某电话［电话号码已隐去］
            证人姓名后接身份证号            | 证人李娜身份证号110101199003071233             | 证人李某身份证号［身份证号码已隐去］
            并列人名后接住址               | 工人张某、李四住址沈阳市和平区南京北街1号          | 工人张某、李某住址［住址已隐去］
            """)
    void masksEveryCommonWriting(String what, String text, String expected) {
        assertThat(mask(text)).as(what).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            住址，无提示词                 | 当事人王小明位于重庆市渝中区解放碑路88号，            | 当事人王小明位于［住址已隐去］，
            住址，省去市和区               | 其在解放碑路88号经营                             | 其在［住址已隐去］经营
            住址，省去市                   | 其在渝中区解放碑路88号经营                        | 其在［住址已隐去］经营
            住址，全角数字和空格             | 地处重庆市 渝中区 解放碑路８８号                   | 地处［住址已隐去］
            电话，本人的座机                | 其座机023-63831234                             | 其座机［电话号码已隐去］
            电话，本人座机不带区号            | 可拨打63831234询问                             | 可拨打［电话号码已隐去］询问
            电话，本人座机带括号             | 可拨打（023）63831234询问                       | 可拨打［电话号码已隐去］询问
            身份证号，本人的，无提示词         | 王小明（110101199003071233）                   | 王小明（［身份证号码已隐去］）
            """)
    void theIndividualPartysOwnStoredDataAreHiddenWhereverTheyAppear(String what, String text, String expected) {
        assertThat(RULES.mask(text, WANG_XIAOMING).text()).as(what).isEqualTo(expected);
    }

    @Test
    void anOrganisationsAddressAndCreditCodeStayPublic() {
        MaskingRules.Party company = new MaskingRules.Party("organization", "重庆市渝中区解放碑路88号", "023-63831234",
                "91500103MA5U7XQ12A");
        String text = "当事人重庆某某建设有限公司（统一社会信用代码91500103MA5U7XQ12A）位于重庆市渝中区解放碑路88号";

        assertThat(RULES.mask(text, company).text()).isEqualTo(text);
        assertThat(RULES.mask(text, MaskingRules.Party.NONE).text()).isEqualTo(text);
        assertThat(RULES.mask("统一社会信用代码９１５００１０３ＭＡ５Ｕ７ＸＱ１２Ａ", company).changed()).isFalse();
    }

    @Test
    void aPartyWithoutStoredDataOrWithTooLittleOfItMasksNothingMore() {
        MaskingRules.Party sparse = new MaskingRules.Party("individual", "渝中区", "12", null);
        assertThat(RULES.mask("渝中区住建委对渝中区某工地检查，第12项", sparse).changed()).isFalse();
        assertThat(RULES.mask("渝中区某工地", null).changed()).isFalse();
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
        assertThat(RULES.rules()).filteredOn(MaskingRules.Rule::separated).extracting(MaskingRules.Rule::id)
                .contains("id-number", "mobile", "bank-card");
        assertThat(RULES.partyRules()).extracting(MaskingRules.PartyRule::field)
                .containsExactlyInAnyOrder("address", "phone", "id-number");
        assertThat(RULES.partyRules()).allSatisfy(rule -> {
            assertThat(rule.partyTypes()).containsExactly("individual");
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
