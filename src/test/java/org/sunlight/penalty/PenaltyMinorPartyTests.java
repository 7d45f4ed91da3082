package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.RuleViolation;

/**
 * 行政处罚法第三十条: a party under 14 when the violation was committed is not punished; one aged 14 to 17 is punished
 * 从轻或者减轻 — judged on the day of the violation, not of the decision. quality-59: statutory range 10,000–100,000
 * yuan; the minor's ceiling (sunlight.penalty.minor-lenient-share 0.3) is 37,000 yuan, the benchmark's 从轻 tier.
 * The violation was committed on 2026-02-10; the clock starts on Monday 2026-03-02.
 */
class PenaltyMinorPartyTests extends ProcessTest {

    /** Born 2012-02-15: 13 on the day of the violation, 14 from 2026-02-16 on, so 14 when the case is decided. */
    static final String THIRTEEN_AT_VIOLATION = "210102201202151236";
    /** Born 2012-02-10: the violation on the 14th birthday itself — 周岁 count from the day after — still under 14. */
    static final String FOURTEENTH_BIRTHDAY = "210102201202101239";
    /** Born 2008-02-20: 17 on the day of the violation, 18 when the case is decided. */
    static final String SEVENTEEN_AT_VIOLATION = "210102200802201239";
    /** Born 2008-02-10: the violation on the 18th birthday itself, still 不满十八周岁. */
    static final String EIGHTEENTH_BIRTHDAY = "210102200802101238";
    static final String ADULT = "210102199001011237";

    private ProcessInstance caseAgainst(String idNumber) {
        Map<String, Object> registration = new HashMap<>(registration());
        registration.put("partyType", "individual");
        registration.put("partyName", "王小明");
        registration.put("partyIdNumber", idNumber);
        ProcessInstance c = start("zhangsan", "penalty-general", registration);
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        return c;
    }

    private ProcessInstance atDecision(String idNumber, double fine) {
        ProcessInstance c = caseAgainst(idNumber);
        submit("zhangsan", c, "Task_InvestigationReport", report("none", true, false, false));
        submit("zhangsan", c, "Task_ProposePenalty", proposal(fine));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        if (taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_LeaderDecision").count() == 0) {
            submit("wangwu", c, "Task_LegalReview", review("approved"));
        }
        assertThat(c).isWaitingAt("Task_LeaderDecision");
        return c;
    }

    private CaseDecided decided(ProcessInstance c) {
        return events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())).findFirst()
                .orElseThrow();
    }

    @Test
    void aPartyUnderFourteenAtTheViolationIsNotPunishedThoughFourteenAtTheDecision() {
        ProcessInstance c = atDecision(THIRTEEN_AT_VIOLATION, 10000);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(10000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不满十四周岁").hasMessageContaining("第三十条")
                .hasMessageContaining("2012-02-15");
        Map<String, Object> warning = new HashMap<>(decision(0));
        warning.put("finalPenaltyKind", "warning");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", warning))
                .as("a warning is a penalty too").isInstanceOf(RuleViolation.class).hasMessageContaining("不满十四周岁");
        assertThat(c).isWaitingAt("Task_LeaderDecision");

        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty", "decisionOpinion",
                "当事人违法时不满十四周岁，不予行政处罚，责令监护人加以管教"));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("decisionResult", "不予行政处罚");
        // a child's record stays a child's record: not published, although 14 by now (RULES 1.8)
        assertThat(decided(c).partyIsMinor()).isTrue();
    }

    @Test
    void onTheFourteenthBirthdayAPartyIsStillUnderFourteen() {
        ProcessInstance c = atDecision(FOURTEENTH_BIRTHDAY, 10000);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LeaderDecision", decision(10000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不满十四周岁");
    }

    @Test
    void aPartyAgedSeventeenAtTheViolationIsPunishedMoreLightlyThoughEighteenAtTheDecision() {
        ProcessInstance c = caseAgainst(SEVENTEEN_AT_VIOLATION);
        // harm and no correction: the benchmark's 从重 tier, in which an adult is fined 73,000 yuan and more
        submit("zhangsan", c, "Task_InvestigationReport", report("serious", false, false, false));
        assertThat(c).variables().containsEntry("tier", "severe");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", proposal(90000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("应当从轻或者减轻").hasMessageContaining("第三十条")
                .hasMessageContaining("不得超过37000元");
        Map<String, Object> withReason = new HashMap<>(proposal(37000.01));
        withReason.put("deviationReason", "情节恶劣");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", withReason))
                .as("应当 leaves no discretion upwards, not even with a reason").isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不得超过37000元");
        // below the statutory minimum (减轻): Art. 30 is the ground, no Art. 32 ground is needed; outside the
        // benchmark's tier it has its written reason and goes to the leader
        Map<String, Object> mitigated = new HashMap<>(proposal(8000));
        mitigated.put("deviationReason", "当事人违法时未满十八周岁，依法减轻处罚（行政处罚法第三十条）");
        submit("zhangsan", c, "Task_ProposePenalty", mitigated);
        assertThat(c).isWaitingAt("Task_DeviationApproval").variables().containsEntry("outsideBenchmark", true);
    }

    @Test
    void aFineWithinTheMinorsCeilingIsDecidedAndNeverPublishedThoughThePartyIsEighteenAtTheDecision() {
        ProcessInstance c = atDecision(SEVENTEEN_AT_VIOLATION, 30000);
        submit("zhaoliu", c, "Task_LeaderDecision", decision(30000));
        assertThat(c).isWaitingAt("Task_DeliverDecision");
        assertThat(decided(c).partyIsMinor()).as("a minor at the violation: not published").isTrue();
    }

    @Test
    void anAdultAtTheViolationIsPunishedAsTheBenchmarkSays() {
        ProcessInstance c = caseAgainst(ADULT);
        submit("zhangsan", c, "Task_InvestigationReport", report("serious", false, false, false));
        submit("zhangsan", c, "Task_ProposePenalty", proposal(90000));
        assertThat(c).isWaitingAt("Task_PriorNotice");
    }

    @Test
    void eighteenOnTheDayAfterTheEighteenthBirthday() {
        // born 2008-02-10: on 2026-02-10 (the birthday) still 17, so the ceiling holds
        ProcessInstance c = caseAgainst(EIGHTEENTH_BIRTHDAY);
        submit("zhangsan", c, "Task_InvestigationReport", report("serious", false, false, false));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", proposal(90000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十条");
    }

    /** An on-the-spot fine of 50 yuan for a violation committed on 2026-02-10 by the holder of the given number. */
    private static Map<String, Object> onSpotAgainst(String idNumber) {
        return new HashMap<>(Map.of("partyType", "individual", "partyName", "王小明", "partyIdNumber", idNumber,
                "caseSummary", "施工现场未设置围挡", "legalBasisText", "《建设工程安全生产管理条例》第六十四条",
                "violationDate", "2026-02-10", "place", "和平区某工地", "penaltyKind", "fine", "fineAmount", 50,
                "factsConclusive", true));
    }

    @Test
    void theSummaryProcedureFinesNoChildUnderFourteen() {
        Map<String, Object> onSpot = onSpotAgainst(THIRTEEN_AT_VIOLATION);
        long before = runtimeService.createProcessInstanceQuery().count();
        assertThatThrownBy(() -> start("zhangsan", "penalty-summary", onSpot))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不满十四周岁").hasMessageContaining("第三十条");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
        onSpot.put("partyIdNumber", ADULT);
        assertThat(start("zhangsan", "penalty-summary", onSpot)).isWaitingAt("Task_OnSpotDecision");
    }

    /**
     * 第三十条 for a 17-year-old fined on the spot: the summary procedure knows no statutory range (no violation code),
     * so the officer must state how the penalty was made lighter; an adult's decision needs no such statement.
     */
    @Test
    void anOnTheSpotPenaltyOfAMinorStatesHowItWasMadeLighter() {
        Map<String, Object> onSpot = onSpotAgainst(SEVENTEEN_AT_VIOLATION);
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot);
        assertThat(c).isWaitingAt("Task_OnSpotDecision").variables().containsEntry("minorAtViolation", true);
        Map<String, Object> decided = new HashMap<>(Map.of("officer1Credential", ZHANGSAN_CREDENTIAL,
                "officer2Credential", LISI_CREDENTIAL, "credentialsShown", true, "statementHeard", true,
                "decisionDocumentNo", "当场〔2026〕0007", "partySigned", "signed", "onSpotCollected", false));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSpotDecision", decided))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("从轻或者减轻").hasMessageContaining("第三十条");
        assertThat(c).isWaitingAt("Task_OnSpotDecision");
        decided.put("minorMitigation", "当事人违法时未满十八周岁，依法减轻，罚款五十元");
        submit("zhangsan", c, "Task_OnSpotDecision", decided);
        assertThat(c).hasPassed("Task_OnSpotDecision");

        onSpot.put("partyIdNumber", ADULT);
        ProcessInstance adult = start("zhangsan", "penalty-summary", onSpot);
        assertThat(adult).variables().containsEntry("minorAtViolation", false);
        decided.remove("minorMitigation");
        decided.put("decisionDocumentNo", "当场〔2026〕0008");
        submit("zhangsan", adult, "Task_OnSpotDecision", decided);
        assertThat(adult).hasPassed("Task_OnSpotDecision");
    }
}
