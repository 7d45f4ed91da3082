package org.sunlight.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sunlight.dmn.DecisionTableFixture;
import org.sunlight.dmn.DecisionTableFixture.Evaluation;

/**
 * {@code dmn/legal-review-required.dmn}: 行政处罚法第58条, 国办发〔2018〕118号四(十二) and the local review
 * catalogue (目录清单) for penalties.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegalReviewRequiredDmnTests {

    private static final DecisionTableFixture TABLE = DecisionTableFixture.load("legal-review-required");

    @ParameterizedTest(name = "[{index}] {0} {1} {2} {3} h={4} pi={5} si={6} tp={7} cx={8} -> {9} ({10})")
    @CsvSource(nullValues = "null", textBlock = """
            # category, penaltyKind, fineAmount, partyType, hearingHeld, majorPublicInterest, majorSocialImpact, majorThirdPartyRights, complexCase, reviewRequired, rule, reason contains
            # the five criteria of 118号, for every category, in priority order
            penalty,    warning,     null,  individual,   false, true,  false, false, false, true,  Rule_major_public_interest,    第58条第1款第1项
            licensing,  null,        null,  organization, null,  true,  true,  true,  true,  true,  Rule_major_public_interest,    重大公共利益
            coercion,   null,        null,  organization, true,  true,  null,  null,  null,  true,  Rule_major_public_interest,    118号
            licensing,  null,        null,  organization, null,  false, true,  true,  true,  true,  Rule_major_social_impact,      重大社会影响
            inspection, null,        null,  individual,   false, null,  true,  false, false, true,  Rule_major_social_impact,      118号
            collection, null,        null,  organization, false, false, false, true,  false, true,  Rule_major_third_party_rights, 第三人重大权益
            penalty,    fine,        100,   individual,   false, false, false, true,  false, true,  Rule_major_third_party_rights, 第58条第1款第2项
            penalty,    fine,        100,   individual,   true,  false, false, false, true,  true,  Rule_hearing_held,             经过听证程序
            licensing,  null,        null,  organization, true,  null,  null,  null,  null,  true,  Rule_hearing_held,             118号
            penalty,    fine,        100,   individual,   false, false, false, false, true,  true,  Rule_complex_case,             第58条第1款第3项
            coercion,   null,        null,  organization, null,  null,  null,  null,  true,  true,  Rule_complex_case,             疑难复杂
            # local catalogue for penalties (no criterion flag set)
            penalty,    license-revocation,      null, organization, false, false, false, false, false, true, Rule_catalogue_heavy_penalty, 审核目录
            penalty,    qualification-downgrade, null, organization, null,  null,  null,  null,  null,  true, Rule_catalogue_heavy_penalty, 降低资质等级
            penalty,    suspension,              0,    organization, false, false, false, false, false, true, Rule_catalogue_heavy_penalty, 责令停产停业
            penalty,    closure,                 null, individual,   false, false, false, false, false, true, Rule_catalogue_heavy_penalty, 责令关闭
            penalty,    fine,         50000,    organization, false, false, false, false, false, false, Rule_not_required_penalty_fine,          不在本机关
            penalty,    fine,         50000.01, organization, false, false, false, false, false, true,  Rule_catalogue_organization_fine, 超过5万元
            penalty,    confiscation, 80000,    organization, null,  null,  null,  null,  null,  true,  Rule_catalogue_organization_fine, 超过5万元
            penalty,    fine,         3000,     individual,   false, false, false, false, false, false, Rule_not_required_penalty_fine,          不在本机关
            penalty,    fine,         3000.01,  individual,   false, false, false, false, false, true,  Rule_catalogue_individual_fine,   超过3000元
            penalty,    fine,         3000.01,  organization, false, false, false, false, false, false, Rule_not_required_penalty_fine,          不在本机关
            # not required
            penalty,    warning,              null, individual,   false, false, false, false, false, false, Rule_not_required_penalty, 不属于法定法制审核范围
            penalty,    fine,                 0,    organization, null,  null,  null,  null,  null,  false, Rule_not_required_penalty_fine, 不属于法定法制审核范围
            penalty,    practice-restriction, null, individual,   false, false, false, false, false, false, Rule_not_required_penalty, 不属于法定法制审核范围
            penalty,    confiscation,         null, individual,   false, false, false, false, false, false, Rule_not_required_penalty, 不属于法定法制审核范围
            licensing,  null,                 null, organization, false, false, false, false, false, false, Rule_not_required, 不属于法定法制审核范围
            coercion,   license-revocation,   null, organization, false, false, false, false, false, false, Rule_not_required, 不属于法定法制审核范围
            inspection, fine,                 999999, organization, false, false, false, false, false, false, Rule_not_required, 不属于法定法制审核范围
            penalty,    fine,                 3000, null,         null,  null,  null,  null,  null,  false, Rule_not_required_fine_unknown_party, 不属于法定法制审核范围
            penalty,    confiscation,         null, null,         false, false, false, false, false, false, Rule_not_required_small_fine, 不属于法定法制审核范围
            penalty,    warning,              null, null,         false, false, false, false, false, false, Rule_not_required_small_fine, 不属于法定法制审核范围
            """)
    void reviewFollowsArticle58And118AndCatalogue(String category, String penaltyKind, Double fineAmount,
                                                 String partyType, Boolean hearingHeld, Boolean majorPublicInterest,
                                                 Boolean majorSocialImpact, Boolean majorThirdPartyRights,
                                                 Boolean complexCase, boolean reviewRequired, String rule,
                                                 String reasonFragment) {
        Evaluation evaluation = TABLE.evaluate("category", category, "penaltyKind", penaltyKind,
                "fineAmount", fineAmount, "partyType", partyType, "hearingHeld", hearingHeld,
                "majorPublicInterest", majorPublicInterest, "majorSocialImpact", majorSocialImpact,
                "majorThirdPartyRights", majorThirdPartyRights, "complexCase", complexCase);

        Map<String, Object> row = evaluation.row();
        assertThat(row).containsOnlyKeys("reviewRequired", "reason");
        assertThat(row.get("reviewRequired")).isEqualTo(reviewRequired);
        assertThat((String) row.get("reason")).contains(reasonFragment);
        assertThat(evaluation.ruleId()).isEqualTo(rule);
    }

    /**
     * No silent "no review needed" (第58条: a decision the catalogue lists may not be made without it): an unknown
     * category, a fine above 3000 yuan to a party of unknown type (the catalogue's amount depends on the type), a fine
     * without its amount (the catalogue's amount) or a penalty of unknown kind (revocation, suspension, closure are in
     * the catalogue) has no rule, and the process or REST client gets "no rule applies" until the input is corrected.
     */
    @ParameterizedTest(name = "{0} {1} {2} {3} -> no rule")
    @CsvSource(nullValues = "null", textBlock = """
            null,     fine, 100,      individual
            Penalty,  fine, 100,      individual
            collect,  null, null,     organization
            penalty,  fine, 50000.01, null
            penalty,  fine, 3000.01,  company
            penalty,  fine, null,     individual
            penalty,  fine, null,     organization
            penalty,  fine, null,     null
            penalty,  null, null,     organization
            penalty,  null, 100,      individual
            penalty,  null, null,     null
            penalty,  Fine, 100,      organization
            """)
    void unknownCategoriesAndPartiesHaveNoRule(String category, String penaltyKind, Double fineAmount, String partyType) {
        assertThat(TABLE.evaluate("category", category, "penaltyKind", penaltyKind, "fineAmount", fineAmount,
                "partyType", partyType, "hearingHeld", false, "majorPublicInterest", false, "majorSocialImpact", false,
                "majorThirdPartyRights", false, "complexCase", false).isEmpty()).isTrue();
    }

    @Test
    void reasonsCiteTheirBasis() {
        // every "review required" reason names a legal source a reviewer can look up
        assertThat(reason("majorPublicInterest")).contains("《行政处罚法》第58条第1款第1项").contains("国办发〔2018〕118号");
        assertThat(reason("majorSocialImpact")).contains("国办发〔2018〕118号");
        assertThat(reason("majorThirdPartyRights")).contains("国办发〔2018〕118号").contains("第58条第1款第2项");
        assertThat(reason("hearingHeld")).contains("国办发〔2018〕118号").contains("第58条第1款第2项");
        assertThat(reason("complexCase")).contains("《行政处罚法》第58条第1款第3项").contains("国办发〔2018〕118号");
    }

    private static String reason(String flag) {
        Map<String, Object> row = TABLE.evaluate("category", "penalty", "penaltyKind", "fine", "fineAmount", 100,
                "partyType", "individual", "hearingHeld", "hearingHeld".equals(flag),
                "majorPublicInterest", "majorPublicInterest".equals(flag),
                "majorSocialImpact", "majorSocialImpact".equals(flag),
                "majorThirdPartyRights", "majorThirdPartyRights".equals(flag),
                "complexCase", "complexCase".equals(flag)).row();
        assertThat(row.get("reviewRequired")).isEqualTo(true);
        return (String) row.get("reason");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRuleIsExercised() {
        assertThat(TABLE.unexercisedRuleIds()).as("rules of %s no test case reached", TABLE.decisionId()).isEmpty();
    }
}
