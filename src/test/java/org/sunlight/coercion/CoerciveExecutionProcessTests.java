package org.sunlight.coercion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.coercion.CoercionCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.CaseLink;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;

/**
 * Every path of coercive-execution (行政强制执行, 行政强制法第四章、第五章). The clock starts on Monday 2026-03-02 09:00;
 * working days follow the official 2026 schedule.
 */
class CoerciveExecutionProcessTests extends ProcessTest {

    /** Steps that must be recorded on audio/video (avAction; 国办发〔2018〕118号三(八)): the officer attaches the recording first. */
    static final java.util.Set<String> RECORDED_STEPS = java.util.Set.of("Task_OnSiteSeizure", "Task_OnSiteSealing",
            "Task_OnSiteExecution", "Task_OnSiteDemolition");

    @Override
    public void submit(String user, org.camunda.bpm.engine.runtime.ProcessInstance c, String taskKey,
                       java.util.Map<String, Object> variables) {
        if (RECORDED_STEPS.contains(taskKey)) {
            attachVideo(user, c, taskKey);
        }
        super.submit(user, c, taskKey, variables);
    }

    @Autowired Cases cases;

    /** A case past its demand period: served 2026-03-02, performance due 2026-03-09, the timer has fired. */
    private ProcessInstance overdue(String type, String basisDelivered) {
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 0));
        submit("zhangsan", c, "Task_Demand", demand(type, basisDelivered, "2026-03-02", "2026-03-09"));
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("Task_ExecutionProposal");
        return c;
    }

    private String outcome(ProcessInstance c) {
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getId())
                .variableName("executionOutcome").singleResult().getValue();
    }

    @Test
    void aPartyWhoPaysAfterTheWrittenDemandEndsTheCaseAsPerformed() {
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 1500));
        assertThat(c.getBusinessKey()).matches("QZ-2026-\\d{5}");
        assertThat(c).isWaitingAt("Task_Demand").variables().containsEntry("basisDocumentNo", "市建罚决〔2025〕88号")
                .containsEntry("decisionDocumentNo", null).containsEntry("handler", "zhangsan");

        Map<String, Object> demand = new HashMap<>(demand("payment", "2026-02-02", "2026-03-02", "2026-03-12"));
        demand.put("statementRightsNotified", false);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Demand", demand))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十五条第四项");
        demand.put("statementRightsNotified", true);
        demand.put("demandServiceMethod", "mail");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Demand", demand))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十八条");
        demand.put("demandServiceMethod", "direct");
        submit("zhangsan", c, "Task_Demand", demand);
        assertThat(c).variables().containsEntry("amountDue", 51500.0);
        assertThat(task(c, "Task_DemandPeriod").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 12)));
        assertThat(timer(c, "Event_DemandExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 12)));

        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        submit("zhangsan", c, "Task_DemandPeriod", Map.of("responseType", "performed", "performedDate", "2026-03-10",
                "performanceProof", "非税缴款书〔2026〕301号", "paidAmount", 51500));
        assertThat(c).isEnded().hasPassed("EndEvent_Performed").hasNotPassed("Task_ExecutionProposal");
        assertThat(outcome(c)).isEqualTo("performed");
    }

    @Test
    void surchargesNeverExceedThePrincipal() {
        assertThatThrownBy(() -> start("zhangsan", "coercive-execution", executionRequest(50000, 50000.01)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十五条第二款");
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 50000));
        submit("zhangsan", c, "Task_Demand", demand("payment", "2025-08-04", "2026-03-02", "2026-03-09"));
        assertThat(c).variables().containsEntry("amountDue", 100000.0);
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 3, 9)));
        Map<String, Object> proposal = new HashMap<>(proposal("court"));
        proposal.put("surcharge", 50000.01);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExecutionProposal", proposal))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不得超出");
        proposal.put("surcharge", 50000);
        submit("zhangsan", c, "Task_ExecutionProposal", proposal);
        assertThat(c).isWaitingAt("Task_ExecutionDecision");
    }

    @Test
    void aMonetaryObligationIsPerformedOnlyByPayingTheAmountDemanded() {
        // 50,000 yuan fine and 1,500 yuan surcharge demanded: 51,500 yuan (行政强制法第三十五条第三项, 第四十五条)
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 1500));
        submit("zhangsan", c, "Task_Demand", demand("payment", "2025-08-04", "2026-03-02", "2026-03-09"));
        at(LocalDateTime.of(2026, 3, 5, 9, 0));
        Map<String, Object> performed = new HashMap<>(Map.of("responseType", "performed", "performedDate", "2026-03-05",
                "performanceProof", "非税缴款书〔2026〕302号"));
        // the principal alone, without the surcharge, is not performance; nor is an amount not stated at all
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DemandPeriod", performed))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已缴纳的金额");
        performed.put("paidAmount", 50000);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DemandPeriod", performed))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("应缴51500元").hasMessageContaining("第三十五条第三项");
        performed.put("paidAmount", 515000);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DemandPeriod", performed))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("多缴");
        assertThat(c).isWaitingAt("Task_DemandPeriod");

        // the same while the court application waits for its window
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 3, 9)));
        Map<String, Object> court = new HashMap<>(proposal("court"));
        court.put("surcharge", 1500);
        submit("zhangsan", c, "Task_ExecutionProposal", court);
        Map<String, Object> decision = new HashMap<>(decision("市建强申〔2026〕9号"));
        decision.put("leaderSigned", true);
        submit("zhaoliu", c, "Task_ExecutionDecision", decision);
        at(LocalDateTime.of(2026, 3, 12, 9, 0));
        Map<String, Object> paid = new HashMap<>(Map.of("performedDate", "2026-03-12", "performanceProof", "非税缴款书〔2026〕303号",
                "paidAmount", 50000));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AwaitCourtWindow", paid))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("部分缴纳");
        paid.put("paidAmount", variable(c, "amountDue"));
        submit("zhangsan", c, "Task_AwaitCourtWindow", paid);
        assertThat(c).isEnded().hasPassed("EndEvent_Performed").variables().containsEntry("paidAmount", 51500.0);
        assertThat(outcome(c)).isEqualTo("performed");
    }

    @Test
    void theCourtIsAskedOnlyTenWorkingDaysAfterTheDemandWasServed() {
        // decision served 2025-08-04: the appeal periods ended on 2026-02-04 (6 months, 行政诉讼法第四十六条)
        ProcessInstance c = overdue("payment", "2025-08-04");
        assertThat(variable(c, "appealPeriodEnd")).isEqualTo(endOf(LocalDate.of(2026, 2, 4)));
        // 10 working days after the demand served on 2026-03-02 (Art 54, 69): 2026-03-16
        assertThat(variable(c, "courtWindowOpens")).isEqualTo(endOf(LocalDate.of(2026, 3, 16)));
        // 3 months after the appeal periods (Art 53): 2026-05-04, a holiday, moved to 2026-05-06
        assertThat(variable(c, "courtWindowCloses")).isEqualTo(endOf(LocalDate.of(2026, 5, 6)));

        submit("zhangsan", c, "Task_ExecutionProposal", proposal("court"));
        Map<String, Object> decision = new HashMap<>(decision("市建强申〔2026〕1号"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_ExecutionDecision", decision))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十五条第二款");
        decision.put("leaderSigned", true);
        submit("zhaoliu", c, "Task_ExecutionDecision", decision);
        // an application to the court is not an enforcement decision of the department: nothing to publish
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey()))).isEmpty();
        assertThat(task(c, "Task_AwaitCourtWindow").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 16)));

        fireTimer(c, "Event_CourtWindowOpens", endOf(LocalDate.of(2026, 3, 16)));
        assertThat(task(c, "Task_CourtApplication").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 5, 6)));
        Map<String, Object> application = new HashMap<>(Map.of("noAppealFiled", true, "courtName", "沈阳市和平区人民法院",
                "appliedDate", "2026-03-16", "courtMaterials", List.of("application", "decision", "opinions", "subject")));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_CourtApplication", application))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-03-17");
        at(LocalDateTime.of(2026, 3, 17, 10, 0));
        application.put("appliedDate", "2026-03-17");
        application.put("courtMaterials", List.of("application", "decision", "opinions"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_CourtApplication", application))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十五条");
        application.put("courtMaterials", List.of("application", "decision", "opinions", "subject"));
        submit("zhangsan", c, "Task_CourtApplication", application);
        assertThat(c).isEnded().hasPassed("EndEvent_CourtApplied");
        assertThat(outcome(c)).isEqualTo("court-applied");
    }

    @Test
    void tenWorkingDaysSkipTheQingmingHolidays() {
        at(LocalDateTime.of(2026, 4, 1, 9, 0));
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 0));
        submit("zhangsan", c, "Task_Demand", demand("payment", "2025-08-04", "2026-04-01", "2026-04-03"));
        // 2026-04-02, 03, (04–06 清明), 07, 08, 09, 10, 13, 14, 15, 16
        assertThat(variable(c, "courtWindowOpens")).isEqualTo(endOf(LocalDate.of(2026, 4, 16)));
    }

    @Test
    void theCourtWindowOpensWhenTheAppealPeriodsEndAndAMissedWindowIsRecorded() {
        // decision served 2025-10-09: 60 days end 2025-12-08, 6 months end 2026-04-09 — the later one counts
        ProcessInstance c = overdue("payment", "2025-10-09");
        assertThat(variable(c, "courtWindowOpens")).isEqualTo(endOf(LocalDate.of(2026, 4, 9)));
        assertThat(variable(c, "courtWindowCloses")).isEqualTo(endOf(LocalDate.of(2026, 7, 9)));
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("court"));
        Map<String, Object> decision = new HashMap<>(decision("市建强申〔2026〕2号"));
        decision.put("leaderSigned", true);
        submit("zhaoliu", c, "Task_ExecutionDecision", decision);
        fireTimer(c, "Event_CourtWindowOpens", endOf(LocalDate.of(2026, 4, 9)));
        fireTimer(c, "Event_CourtWindowCloses", endOf(LocalDate.of(2026, 7, 9)));
        assertThat(c).isWaitingAt("Task_CourtWindowMissed");
        submit("zhaoliu", c, "Task_CourtWindowMissed", Map.of("missedNote", "承办人调离，未及时申请，已责令整改"));
        assertThat(c).isEnded().hasPassed("EndEvent_Terminated");
        assertThat(outcome(c)).isEqualTo("terminated");
    }

    @Test
    void theCourtRouteIsRefusedOnceItsWindowHasPassed() {
        at(LocalDateTime.of(2026, 9, 24, 9, 0));
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 0));
        // served 2026-01-05: appeal periods end 2026-07-06, the application window closes 2026-10-08 — before the
        // demand served on 2026-09-24 is 10 working days old (2026-10-15)
        submit("zhangsan", c, "Task_Demand", demand("payment", "2026-01-05", "2026-09-24", "2026-09-30"));
        assertThat(variable(c, "courtWindowOpens")).isEqualTo(endOf(LocalDate.of(2026, 10, 15)));
        assertThat(variable(c, "courtWindowCloses")).isEqualTo(endOf(LocalDate.of(2026, 10, 8)));
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 9, 30)));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExecutionProposal", proposal("court")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十三条");
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("terminate"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强终〔2026〕1号"));
        assertThat(c).isEnded().hasPassed("EndEvent_Terminated");
    }

    @Test
    void executionIsNeverAtNightOrOnAStatutoryHolidayExceptInAnEmergency() {
        ProcessInstance c = overdue("other", "2026-01-05");
        Map<String, Object> proposal = new HashMap<>(proposal("direct"));
        proposal.put("noJustification", false);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExecutionProposal", proposal))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十七条第一款");
        proposal.put("noJustification", true);
        submit("zhangsan", c, "Task_ExecutionProposal", proposal);
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强执〔2026〕1号"));
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("coercive-execution");
                    assertThat(e.documentNo()).isEqualTo("市建强执〔2026〕1号");
                    assertThat(e.result()).startsWith("强制执行（方式：");
                });
        assertThat(c).isWaitingAt("Task_ScheduleExecution");

        Map<String, Object> schedule = new HashMap<>(Map.of("executionDecisionServedDate", "2026-03-10",
                "decisionServiceMethod", "direct", "plannedStart", "2026-03-12T21:00", "plannedEnd", "2026-03-12T23:00",
                "emergency", false, "noUtilityCutoff", true));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleExecution", schedule))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("夜间").hasMessageContaining("第四十三条");
        // ending after 22:00 is night too
        schedule.put("plannedStart", "2026-03-12T20:00");
        schedule.put("plannedEnd", "2026-03-12T22:15");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleExecution", schedule)).isInstanceOf(RuleViolation.class);
        // 2026-04-06 is part of the Qingming holiday
        schedule.put("plannedStart", "2026-04-06T09:00");
        schedule.put("plannedEnd", "2026-04-06T11:00");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleExecution", schedule))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-04-06 为法定节假日");
        schedule.put("emergency", true);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleExecution", schedule))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("紧急情况");
        // cutting utilities is never allowed (Art 43(2))
        schedule.put("emergency", false);
        schedule.put("plannedStart", "2026-03-14T09:00");
        schedule.put("plannedEnd", "2026-03-14T11:00");
        schedule.put("noUtilityCutoff", false);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleExecution", schedule))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十三条第二款");
        // a Saturday is a rest day, not a statutory holiday
        schedule.put("noUtilityCutoff", true);
        submit("zhangsan", c, "Task_ScheduleExecution", schedule);
        assertThat(c).isWaitingAt("Task_OnSiteExecution");

        at(LocalDateTime.of(2026, 3, 15, 9, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteExecution",
                onSiteExecution("2026-03-14T05:30", "2026-03-14T08:00")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("夜间");
        Map<String, Object> emergency = new HashMap<>(onSiteExecution("2026-03-14T05:30", "2026-03-14T08:00"));
        emergency.put("emergency", true);
        emergency.put("emergencyReason", "障碍物阻断消防通道，须立即清除");
        submit("zhangsan", c, "Task_OnSiteExecution", emergency);
        assertThat(c).isEnded().hasPassed("EndEvent_Executed").variables();
        assertThat(outcome(c)).isEqualTo("performed");
    }

    @Test
    void newYearsDayIsAStatutoryHolidayEvenBeforeTheNextYearsScheduleIsLoaded() {
        // late December 2026: the 2027 schedule is not loaded, yet 元旦 is a holiday by date (全国年节及纪念日放假办法第二条)
        ProcessInstance c = overdue("other", "2026-01-05");
        at(LocalDateTime.of(2026, 12, 28, 9, 0));
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("direct"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强执〔2026〕31号"));
        Map<String, Object> schedule = new HashMap<>(Map.of("executionDecisionServedDate", "2026-12-28",
                "decisionServiceMethod", "direct", "plannedStart", "2027-01-01T09:00", "plannedEnd", "2027-01-01T11:00",
                "emergency", false, "noUtilityCutoff", true));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleExecution", schedule))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2027-01-01 为法定节假日").hasMessageContaining("第四十三条");
        schedule.put("plannedStart", "2027-01-04T09:00");
        schedule.put("plannedEnd", "2027-01-04T11:00");
        submit("zhangsan", c, "Task_ScheduleExecution", schedule);
        assertThat(c).isWaitingAt("Task_OnSiteExecution");
    }

    @Test
    void substitutePerformanceComesThreeWorkingDaysAfterTheReminder() {
        ProcessInstance c = overdue("other", "2026-01-05");
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("substitute"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强代〔2026〕1号"));
        assertThat(c).isWaitingAt("Task_SubstituteNotice");

        at(LocalDateTime.of(2026, 3, 12, 9, 0));
        Map<String, Object> notice = new HashMap<>(Map.of("substituteDecisionServedDate", "2026-03-11",
                "reminderServedDate", "2026-03-12", "plannedStart", "2026-03-17T09:00", "plannedEnd", "2026-03-17T12:00",
                "emergency", false, "noUtilityCutoff", true));
        // reminded on Thursday 2026-03-12: 3 working days are 13, 16, 17 March — the earliest day is 2026-03-18
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_SubstituteNotice", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-03-18").hasMessageContaining("第五十一条");
        notice.put("plannedStart", "2026-03-18T09:00");
        notice.put("plannedEnd", "2026-03-18T12:00");
        submit("zhangsan", c, "Task_SubstituteNotice", notice);
        assertThat(task(c, "Task_SubstituteWait").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 17)));
        fireTimer(c, "Event_SubstituteNoticeElapsed", endOf(LocalDate.of(2026, 3, 17)));
        assertThat(c).isWaitingAt("Task_OnSiteExecution");

        at(LocalDateTime.of(2026, 3, 18, 13, 0));
        Map<String, Object> onSite = new HashMap<>(onSiteExecution("2026-03-18T09:00", "2026-03-18T12:00"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteExecution", onSite))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("到场监督");
        onSite.putAll(Map.of("supervisorPresent", true, "signaturesObtained", true, "actualCost", 7600));
        submit("zhangsan", c, "Task_OnSiteExecution", onSite);
        assertThat(c).isEnded().hasPassed("EndEvent_Executed");
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> assertThat(e.result()).contains("代履行").contains("8000元"));
    }

    @Test
    void aPartyWhoPerformsAfterTheReminderStopsSubstitutePerformance() {
        ProcessInstance c = overdue("other", "2026-01-05");
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("substitute"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强代〔2026〕2号"));
        submit("zhangsan", c, "Task_SubstituteNotice", Map.of("substituteDecisionServedDate", "2026-03-10",
                "reminderServedDate", "2026-03-10", "plannedStart", "2026-03-16T09:00", "plannedEnd", "2026-03-16T12:00",
                "emergency", false, "noUtilityCutoff", true));
        submit("zhangsan", c, "Task_SubstituteWait", Map.of("performedDate", "2026-03-10", "performanceProof", "现场核查记录1号"));
        assertThat(c).isEnded().hasPassed("EndEvent_Performed").hasNotPassed("Task_OnSiteExecution");
    }

    @Test
    void substitutePerformanceIsNotForPayments() {
        ProcessInstance c = overdue("payment", "2026-01-05");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExecutionProposal", proposal("substitute")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十条");
        // direct enforcement of money only after surcharges ran more than 30 days (Art 46)
        Map<String, Object> direct = new HashMap<>(proposal("direct"));
        direct.put("surcharge", 1000);
        direct.put("surchargeStartDate", "2026-02-10");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExecutionProposal", direct))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十六条");
        direct.put("surchargeStartDate", "2026-02-07");
        submit("zhangsan", c, "Task_ExecutionProposal", direct);
        assertThat(c).isWaitingAt("Task_ExecutionDecision").variables().containsEntry("amountDue", 51000.0);
    }

    @Test
    void aSurchargeDatedFromBeforeTheDecisionReachedThePartyCannotOpenDirectEnforcement() {
        // decision delivered 2026-01-05: its surcharge can run at the earliest from the next day (Art 45(1)), so a
        // start on 2025-12-01 or on 2026-01-05 is wrong and cannot make the 30 days of Art 46(1) look run
        ProcessInstance c = overdue("payment", "2026-01-05");
        Map<String, Object> direct = new HashMap<>(proposal("direct"));
        direct.put("surcharge", 1000);
        for (String wrong : new String[] {"2025-12-01", "2026-01-05"}) {
            direct.put("surchargeStartDate", wrong);
            assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExecutionProposal", direct)).as(wrong)
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-01-05").hasMessageContaining("第四十五条第一款");
        }
        direct.put("surchargeStartDate", "2026-01-21");
        submit("zhangsan", c, "Task_ExecutionProposal", direct);
        assertThat(c).isWaitingAt("Task_ExecutionDecision");
    }

    @Test
    void forcedDemolitionIsReviewedAndWaitsUntilTheAppealPeriodsHavePassed() {
        ProcessInstance c = overdue("demolition", "2026-01-05");
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("direct"));
        // forced demolition directly concerns major property rights (国办发〔2018〕118号三(八)): reviewed
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("majorThirdPartyRights", true)
                .containsEntry("reviewRequired", true);
        submit("wangwu", c, "Task_LegalReview", review("approved"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强拆〔2026〕1号"));
        // 6 months after 2026-01-05 end on Sunday 2026-07-05, moved to 2026-07-06 (行政诉讼法第四十六条)
        assertThat(task(c, "Task_AwaitAppealPeriods").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 7, 6)));
        fireTimer(c, "Event_AppealPeriodsExpired", endOf(LocalDate.of(2026, 7, 6)));
        Map<String, Object> schedule = new HashMap<>(Map.of("executionDecisionServedDate", "2026-07-07",
                "decisionServiceMethod", "direct", "plannedStart", "2026-07-09T09:00", "plannedEnd", "2026-07-09T17:00",
                "emergency", false, "noUtilityCutoff", true));
        at(LocalDateTime.of(2026, 7, 7, 10, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleExecution", schedule))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十四条");
        schedule.put("noAppealFiled", true);
        submit("zhangsan", c, "Task_ScheduleExecution", schedule);
        assertThat(c).isWaitingAt("Task_OnSiteDemolition");
        at(LocalDateTime.of(2026, 7, 9, 18, 0));
        submit("zhangsan", c, "Task_OnSiteDemolition", onSiteExecution("2026-07-09T09:00", "2026-07-09T17:00"));
        assertThat(c).isEnded().hasPassed("EndEvent_Executed");
    }

    @Test
    void anExecutionRecordedAsBegunBeforeItsDecisionWasServedIsRefused() {
        ProcessInstance c = overdue("other", "2026-01-05");
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("direct"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强执〔2026〕7号"));
        at(LocalDateTime.of(2026, 3, 11, 9, 0));
        submit("zhangsan", c, "Task_ScheduleExecution", Map.of("executionDecisionServedDate", "2026-03-11",
                "decisionServiceMethod", "direct", "plannedStart", "2026-03-12T09:00", "plannedEnd", "2026-03-12T11:00",
                "emergency", false, "noUtilityCutoff", true));
        at(LocalDateTime.of(2026, 3, 12, 12, 0));
        // 2026-03-05 lies inside the demand period (due 2026-03-09), before any decision (第三十五条、第三十七条、第三十八条)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteExecution", onSiteExecution("2026-03-05T09:00", "2026-03-05T11:00")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十七条").hasMessageContaining("2026-03-11");
        assertThat(c).isWaitingAt("Task_OnSiteExecution");
        submit("zhangsan", c, "Task_OnSiteExecution", onSiteExecution("2026-03-12T09:00", "2026-03-12T11:00"));
        assertThat(c).isEnded().hasPassed("EndEvent_Executed");
    }

    @Test
    void aSubstitutePerformanceRecordedAsBegunWithinTheReminderPeriodIsRefused() {
        ProcessInstance c = overdue("other", "2026-01-05");
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("substitute"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强代〔2026〕7号"));
        at(LocalDateTime.of(2026, 3, 12, 9, 0));
        submit("zhangsan", c, "Task_SubstituteNotice", Map.of("substituteDecisionServedDate", "2026-03-11",
                "reminderServedDate", "2026-03-12", "plannedStart", "2026-03-18T09:00", "plannedEnd", "2026-03-18T12:00",
                "emergency", false, "noUtilityCutoff", true));
        fireTimer(c, "Event_SubstituteNoticeElapsed", endOf(LocalDate.of(2026, 3, 17)));
        at(LocalDateTime.of(2026, 3, 18, 13, 0));
        Map<String, Object> onSite = new HashMap<>(onSiteExecution("2026-03-17T09:00", "2026-03-17T12:00"));
        onSite.putAll(Map.of("supervisorPresent", true, "signaturesObtained", true, "actualCost", 7600));
        // reminded on 2026-03-12: not before 2026-03-18 (第五十一条第一款第二项、第六十九条)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteExecution", onSite))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十一条").hasMessageContaining("2026-03-18");
        onSite.putAll(Map.of("executionStartedAt", "2026-03-18T09:00", "executionEndedAt", "2026-03-18T12:00"));
        submit("zhangsan", c, "Task_OnSiteExecution", onSite);
        assertThat(c).isEnded().hasPassed("EndEvent_Executed");
    }

    @Test
    void aForcedDemolitionRecordedAsBegunWithinTheAppealPeriodsIsRefused() {
        ProcessInstance c = overdue("demolition", "2026-01-05");
        submit("zhangsan", c, "Task_ExecutionProposal", proposal("direct"));
        submit("wangwu", c, "Task_LegalReview", review("approved"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强拆〔2026〕7号"));
        fireTimer(c, "Event_AppealPeriodsExpired", endOf(LocalDate.of(2026, 7, 6)));
        // the decision was served in March, right after it was made
        submit("zhangsan", c, "Task_ScheduleExecution", Map.of("executionDecisionServedDate", "2026-03-10",
                "decisionServiceMethod", "direct", "noAppealFiled", true, "plannedStart", "2026-07-09T09:00",
                "plannedEnd", "2026-07-09T17:00", "emergency", false, "noUtilityCutoff", true));
        at(LocalDateTime.of(2026, 7, 9, 18, 0));
        // 2026-06-02 is before the litigation period ended on 2026-07-06 (第四十四条)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteDemolition", onSiteExecution("2026-06-02T09:00", "2026-06-02T17:00")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十四条").hasMessageContaining("2026-07-06");
        submit("zhangsan", c, "Task_OnSiteDemolition", onSiteExecution("2026-07-09T09:00", "2026-07-09T17:00"));
        assertThat(c).isEnded().hasPassed("EndEvent_Executed");
    }

    @Test
    void aDemolitionTheyAppealAgainstIsNotCarriedOut() {
        ProcessInstance c = overdue("demolition", "2026-01-05");
        Map<String, Object> proposal = new HashMap<>(proposal("direct"));
        submit("zhangsan", c, "Task_ExecutionProposal", proposal);
        submit("wangwu", c, "Task_LegalReview", review("approved"));
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强拆〔2026〕2号"));
        submit("zhangsan", c, "Task_AwaitAppealPeriods", Map.of("awaitOutcome", "appealFiled",
                "appealNote", "当事人已向市人民政府申请行政复议"));
        assertThat(c).isEnded().hasPassed("EndEvent_Terminated").hasNotPassed("Task_OnSiteDemolition");
    }

    @Test
    void aStatementIsReviewedAndAnAdoptedOneStopsTheExecution() {
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 0));
        submit("zhangsan", c, "Task_Demand", demand("payment", "2026-02-02", "2026-03-02", "2026-03-12"));
        submit("zhangsan", c, "Task_DemandPeriod", Map.of("responseType", "statement", "statementReceivedDate", "2026-03-02",
                "statementContent", "罚款已于2月缴纳"));
        submit("zhangsan", c, "Task_StatementReview", Map.of("statementAdopted", "rejected", "statementReviewNote", "未提供缴款凭证"));
        // rejected within the period: the case waits for performance again
        assertThat(c).isWaitingAt("Task_DemandPeriod");
        submit("zhangsan", c, "Task_DemandPeriod", Map.of("responseType", "statement", "statementReceivedDate", "2026-03-02",
                "statementContent", "补交缴款凭证"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_StatementReview", Map.of("statementAdopted", "rejected",
                "statementReviewNote", "x", "stopExecution", true))).isInstanceOf(RuleViolation.class);
        submit("zhangsan", c, "Task_StatementReview", Map.of("statementAdopted", "adopted",
                "statementReviewNote", "经核实已缴纳", "stopExecution", true));
        assertThat(c).isEnded().hasPassed("EndEvent_Terminated");
        assertThat(outcome(c)).isEqualTo("terminated");
    }

    @Test
    void signsOfHidingPropertyAllowAnImmediateDecision() {
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 0));
        submit("zhangsan", c, "Task_Demand", demand("payment", "2026-02-02", "2026-03-02", "2026-03-12"));
        submit("zhangsan", c, "Task_DemandPeriod", Map.of("responseType", "concealment",
                "concealmentEvidence", "当事人正在转让其唯一的办公用房"));
        assertThat(c).isWaitingAt("Task_ExecutionProposal").variables().containsEntry("immediateExecution", true);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExecutionProposal", proposal("substitute")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十七条第三款");
        Map<String, Object> direct = new HashMap<>(proposal("direct"));
        direct.put("noJustification", false);
        submit("zhangsan", c, "Task_ExecutionProposal", direct);
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强执〔2026〕3号"));
        assertThat(variable(c, "decisionResult").toString()).startsWith("立即强制执行");
    }

    @Test
    void calledByAnotherCaseItGetsItsOwnNumberLinkedBackAndReturnsTheOutcome() {
        String deployment = engine.getRepositoryService().createDeployment()
                .addClasspathResource("processes-test/execution-caller.bpmn").deploy().getId();
        try {
            Map<String, Object> caller = new HashMap<>(executionRequest(20000, 600));
            caller.remove("executionBasis");
            caller.put("decisionDocumentNo", "市建征〔2026〕12号");
            caller.put("obligation", "缴纳城市基础设施配套费20000元");
            ProcessInstance collection = start("zhangsan", "test-execution-caller", caller);
            ProcessInstance c = runtimeService.createProcessInstanceQuery().superProcessInstanceId(collection.getId())
                    .singleResult();
            assertThat(c.getBusinessKey()).matches("QZ-2026-\\d{5}").isNotEqualTo(collection.getBusinessKey());
            assertThat(cases.links(c.getBusinessKey())).containsExactly(
                    new CaseLink(collection.getBusinessKey(), c.getBusinessKey(), "coercive-execution"));
            assertThat(c).isWaitingAt("Task_Demand").variables().containsEntry("handler", "zhangsan")
                    .containsEntry("executionBasis", "collection").containsEntry("basisDocumentNo", "市建征〔2026〕12号")
                    .containsEntry("surcharge", 600.0);

            submit("zhangsan", c, "Task_Demand", demand("payment", "2026-02-02", "2026-03-02", "2026-03-12"));
            submit("zhangsan", c, "Task_DemandPeriod", Map.of("responseType", "performed", "performedDate", "2026-03-02",
                    "performanceProof", "缴款书2号", "paidAmount", 20600));
            assertThat(collection).isWaitingAt("AfterExecution").variables().containsEntry("executionOutcome", "performed");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void aReturnedReviewAndARefusedProposalGoBackToTheHandler() {
        ProcessInstance c = overdue("payment", "2025-08-04");
        Map<String, Object> proposal = new HashMap<>(proposal("court"));
        proposal.put("complexCase", true);
        submit("zhangsan", c, "Task_ExecutionProposal", proposal);
        assertThat(c).isWaitingAt("CallActivity_LegalReview");
        submit("wangwu", c, "Task_LegalReview", review("rejected"));
        submit("zhangsan", c, "Task_ReviseAfterReview", Map.of("revisionNote", "补充催告送达回证"));
        submit("wangwu", c, "Task_LegalReview", review("approved"));
        submit("zhaoliu", c, "Task_ExecutionDecision", Map.of("executionDecision", "reject", "decisionOpinion", "先核实当事人财产状况"));
        assertThat(c).isWaitingAt("Task_ExecutionProposal");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(c.getId())
                .activityId("Task_ReviseAfterReview").count()).isEqualTo(1);
    }
}
