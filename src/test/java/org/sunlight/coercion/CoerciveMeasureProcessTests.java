package org.sunlight.coercion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.coercion.CoercionCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.CaseLink;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;

/**
 * Every path of coercive-measure (查封、扣押, 行政强制法第三章). The clock starts on Monday 2026-03-02 09:00.
 */
class CoerciveMeasureProcessTests extends ProcessTest {

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

    @Autowired CaseClocks caseClocks;
    @Autowired Cases cases;

    private ProcessInstance approvedAndSeized() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("seizure", "approval"));
        submit("zhaoliu", c, "Task_LeaderApproval", approval("approve"));
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite("2026-03-02T09:00"));
        return c;
    }

    @Test
    void priorApprovalSeizureInForceForThirtyDaysThenReleasedWhenTheGroundsEnd() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("seizure", "approval"));
        assertThat(c.getBusinessKey()).matches("QZ-2026-\\d{5}");
        // no catalogue row and no criterion of 118号: no legal review; the leader approves first (Art 18(1))
        assertThat(c).hasPassed("Task_LegalReviewRequired").isWaitingAt("Task_LeaderApproval").variables()
                .containsEntry("reviewRequired", false).containsEntry("category", "coercion");
        submit("zhaoliu", c, "Task_LeaderApproval", approval("approve"));
        assertThat(c).isWaitingAt("Task_OnSiteSeizure");

        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite("2026-03-02T09:30"));
        assertThat(variable(c, "actingOfficers")).isEqualTo("zhangsan,lisi");
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("coercive-measure");
                    assertThat(e.documentNo()).isEqualTo("市建强扣〔2026〕5号");
                    assertThat(e.result()).isEqualTo("依法扣押，期限30日");
                    assertThat(e.matter()).startsWith("扣押：HRB400");
                    assertThat(e.legalBasis()).contains("第四十八条");
                });
        // 30 days from the action on 2026-03-02 (Art 25(1)): 2026-04-01
        assertThat(task(c, "Task_MeasureHandling").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 1)));
        assertThat(timer(c, "Event_MeasureExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 1)));

        at(LocalDateTime.of(2026, 3, 12, 9, 0));
        submit("zhangsan", c, "Task_MeasureHandling", Map.of("handlingAction", "release", "releaseReason", "no-violation"));
        assertThat(task(c, "Task_Release").getDueDate()).isEqualTo(instant(LocalDateTime.of(2026, 3, 12, 9, 0)));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Release", Map.of("releaseDocumentNo", "市建强解〔2026〕5号",
                "releasedAt", "2026-03-12T08:30", "propertyReturned", false, "returnReceiptNo", "退还清单1号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("立即退还财物");
        // seized on 2026-03-02 09:30: a release dated earlier is refused
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Release", Map.of("releaseDocumentNo", "市建强解〔2026〕5号",
                "releasedAt", "2026-03-02T09:00", "propertyReturned", true, "returnReceiptNo", "退还清单1号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于查封、扣押的实施时间");
        submit("zhangsan", c, "Task_Release", Map.of("releaseDocumentNo", "市建强解〔2026〕5号",
                "releasedAt", "2026-03-12T08:30", "propertyReturned", true, "returnReceiptNo", "退还清单1号"));
        assertThat(c).isEnded().hasPassedInOrder("Task_LeaderApproval", "Task_OnSiteSeizure", "Task_MeasureHandling",
                "Task_Release").hasPassed("EndEvent_Released").hasNotPassed("Event_MeasureExpired");
    }

    @Test
    void theOnSiteChecklistOfArticle18IsEnforcedItemByItem() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("sealing", "approval"));
        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        submit("zhaoliu", c, "Task_LeaderApproval", approval("approve"));
        assertThat(c).isWaitingAt("Task_OnSiteSealing");
        at(LocalDateTime.of(2026, 3, 2, 11, 0));

        // acting before the leader's approval (Art 18(1))
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteSealing", onSite("2026-03-02T09:30")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第十八条第一项");
        for (String item : new String[] {"credentialsShown", "partyNotified", "reasonsAndRightsTold", "statementHeard",
                "listDelivered"}) {
            Map<String, Object> missing = new HashMap<>(onSite("2026-03-02T10:30"));
            missing.put(item, false);
            assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteSealing", missing)).as(item)
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("行政强制法第");
        }
        Map<String, Object> absent = new HashMap<>(onSite("2026-03-02T10:30"));
        absent.put("partyPresence", "absent");
        absent.put("partySignature", null);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteSealing", absent))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("见证人").hasMessageContaining("第九项");
        Map<String, Object> tooLong = new HashMap<>(onSite("2026-03-02T10:30"));
        tooLong.put("measureDays", 31);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteSealing", tooLong)).isInstanceOf(RuleViolation.class);
        Map<String, Object> oneOfficer = new HashMap<>(onSite("2026-03-02T10:30"));
        oneOfficer.put("officer2Credential", ZHANGSAN_CREDENTIAL);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteSealing", oneOfficer))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("两名");
        assertThat(c).isWaitingAt("Task_OnSiteSealing");
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey()))).isEmpty();

        absent.put("witnessName", "王某（物业管理员）");
        absent.put("measureDays", 20);
        submit("zhangsan", c, "Task_OnSiteSealing", absent);
        // 20 days from 2026-03-02: 2026-03-22 is a Sunday, moved to Monday 2026-03-23
        assertThat(timer(c, "Event_MeasureExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 23)));
    }

    @Test
    void theOnSiteStepRefusesWhatArticle23Excludes() {
        // a citizen's property: only what the case concerns, never the living necessities of the party and of the
        // dependants he supports (行政强制法第二十三条第一款)
        Map<String, Object> citizen = new HashMap<>(measureRequest("seizure", "approval"));
        citizen.putAll(Map.of("partyType", "individual", "partyName", "王小明", "partyIdNumber", "210102198001011232",
                "partyAddress", "沈阳市和平区南京北街3号"));
        ProcessInstance c = start("zhangsan", "coercive-measure", citizen);
        submit("zhaoliu", c, "Task_LeaderApproval", approval("approve"));
        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        for (String item : new String[] {"caseRelatedOnly", "noLivingNecessities"}) {
            Map<String, Object> unchecked = new HashMap<>(onSite("2026-03-02T09:30"));
            unchecked.remove(item);
            assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteSeizure", unchecked)).as(item)
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("第二十三条第一款");
        }
        assertThat(c).isWaitingAt("Task_OnSiteSeizure");
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite("2026-03-02T09:30"));
        assertThat(c).isWaitingAt("Task_MeasureHandling");

        // an organisation's site already sealed by another state organ is not sealed again (第二十三条第二款); an
        // organisation has no living necessities to confirm
        ProcessInstance s = start("zhangsan", "coercive-measure", measureRequest("sealing", "approval"));
        submit("zhaoliu", s, "Task_LeaderApproval", approval("approve"));
        at(LocalDateTime.of(2026, 3, 2, 11, 0));
        Map<String, Object> sealedElsewhere = new HashMap<>(onSite("2026-03-02T10:30"));
        sealedElsewhere.put("notSealedElsewhere", false);
        assertThatThrownBy(() -> submit("zhangsan", s, "Task_OnSiteSealing", sealedElsewhere))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不得重复查封").hasMessageContaining("第二十三条第二款");
        Map<String, Object> organisation = new HashMap<>(onSite("2026-03-02T10:30"));
        organisation.remove("noLivingNecessities");
        submit("zhangsan", s, "Task_OnSiteSealing", organisation);
        assertThat(s).isWaitingAt("Task_MeasureHandling");
    }

    @Test
    void onSiteTasksDeclareTheirAudioVideoAction() {
        var model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey("coercive-measure").latestVersion().singleResult().getId());
        assertThat(avAction(model.getModelElementById("Task_OnSiteSeizure"))).isEqualTo("seizure");
        assertThat(avAction(model.getModelElementById("Task_OnSiteSealing"))).isEqualTo("sealing");
    }

    static String avAction(UserTask task) {
        return task.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                .getCamundaProperties().stream().filter(p -> "avAction".equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    @Test
    void emergencyMeasureNotReportedWithin24HoursGoesToTheLeaderWhoReleasesIt() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("seizure", "emergency"));
        // on the spot first (Art 19): no approval task yet
        assertThat(c).isWaitingAt("Task_OnSiteSeizure");
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite("2026-03-02T08:30"));
        assertThat(c).isWaitingAt("Task_EmergencyReport");
        // 24 hours from the action (Art 19)
        assertThat(task(c, "Task_EmergencyReport").getDueDate()).isEqualTo(instant(LocalDateTime.of(2026, 3, 3, 8, 30)));
        fireTimer(c, "Event_ReportOverdue", instant(LocalDateTime.of(2026, 3, 3, 8, 30)));
        assertThat(c).isWaitingAt("Task_LeaderApproval").variables().containsEntry("reportOverdue", true);

        at(LocalDateTime.of(2026, 3, 3, 9, 0));
        submit("zhaoliu", c, "Task_LeaderApproval", approval("reject"));
        // the leader finds the measure unjustified: released at once (Art 19)
        assertThat(c).isWaitingAt("Task_Release").variables().containsEntry("releaseReason", "not-approved");
        assertThat(task(c, "Task_Release").getDueDate()).isEqualTo(instant(LocalDateTime.of(2026, 3, 3, 9, 0)));
        submit("zhangsan", c, "Task_Release", Map.of("releaseDocumentNo", "市建强解〔2026〕6号",
                "releasedAt", "2026-03-03T09:00", "propertyReturned", true, "returnReceiptNo", "退还清单2号"));
        assertThat(c).isEnded().hasPassed("Event_ReportOverdue").hasNotPassed("Task_MeasureHandling");
    }

    @Test
    void emergencyMeasureReportedInTimeAndApprovedAfterwardsRunsFromTheAction() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("seizure", "emergency"));
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite("2026-03-02T08:30"));
        at(LocalDateTime.of(2026, 3, 2, 18, 0));
        submit("zhangsan", c, "Task_EmergencyReport", Map.of("reportedAt", "2026-03-02T17:45",
                "reportContent", "已当场扣押钢筋12吨，请补办批准手续"));
        assertThat(c).isWaitingAt("Task_LeaderApproval").variables().containsEntry("reportOverdue", false);
        submit("zhaoliu", c, "Task_LeaderApproval", approval("approve"));
        assertThat(c).isWaitingAt("Task_MeasureHandling").hasNotPassed("Task_OnSiteSealing");
        assertThat(timer(c, "Event_MeasureExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 1)));
    }

    @Test
    void anEmergencyMeasureStillAwaitingApprovalIsReleasedWhenItsPeriodEnds() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("seizure", "emergency"));
        Map<String, Object> onSite = new HashMap<>(onSite("2026-03-02T08:30"));
        onSite.put("measureDays", 5);
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite);
        at(LocalDateTime.of(2026, 3, 2, 18, 0));
        submit("zhangsan", c, "Task_EmergencyReport", Map.of("reportedAt", "2026-03-02T17:45",
                "reportContent", "已当场扣押钢筋12吨，期限5日，请补办批准手续"));
        assertThat(c).isWaitingAt("Task_LeaderApproval");
        // the seizure is in force since the action: its 5 days end with Saturday 2026-03-07, counted like the period in
        // force (to Monday 2026-03-09), whether or not the leader has decided (第十九条、第二十五条第一款); then it is
        // released at once (第二十八条第一款第四项)
        fireTimer(c, "Event_ExpiredAwaitingApproval", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("Task_Release").variables().containsEntry("releaseReason", "expired");
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        submit("zhangsan", c, "Task_Release", Map.of("releaseDocumentNo", "市建强解〔2026〕9号",
                "releasedAt", "2026-03-10T09:00", "propertyReturned", true, "returnReceiptNo", "退还清单9号"));
        assertThat(c).isEnded().hasNotPassed("Task_MeasureHandling");

        // the same holds while the legal review is still looking at it
        Map<String, Object> reviewed = new HashMap<>(measureRequest("seizure", "emergency"));
        reviewed.put("majorThirdPartyRights", true);
        ProcessInstance r = start("zhangsan", "coercive-measure", reviewed);
        at(LocalDateTime.of(2026, 3, 11, 9, 0));
        submit("zhangsan", r, "Task_OnSiteSeizure", onSite("2026-03-11T08:30"));
        submit("zhangsan", r, "Task_EmergencyReport", Map.of("reportedAt", "2026-03-11T09:00", "reportContent", "已当场扣押"));
        assertThat(r).isWaitingAt("CallActivity_LegalReview");
        fireTimer(r, "Event_ExpiredInReview", endOf(LocalDate.of(2026, 4, 10)));
        assertThat(r).isWaitingAt("Task_Release").variables().containsEntry("releaseReason", "expired");
    }

    @Test
    void theSeizureDecisionDatesFromTheActionOnSiteNotFromItsRegistration() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("seizure", "approval"));
        submit("zhaoliu", c, "Task_LeaderApproval", approval("approve"));
        // seized and the decision handed over on Monday 2026-03-02 09:30 (Art 24(1)); registered on Wednesday 03-04
        at(LocalDateTime.of(2026, 3, 4, 10, 0));
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite("2026-03-02T09:30"));
        Date decided = instant(LocalDateTime.of(2026, 3, 2, 9, 30));
        assertThat(variable(c, "decisionDate")).isEqualTo(decided);
        // its publication runs 20 working days from the decision (国办发〔2018〕118号二(六)): to 2026-03-30, not 04-01
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> assertThat(e.decidedAt()).isEqualTo(decided));
        assertThat(taskService.createTaskQuery().processDefinitionKey("publication")
                .processInstanceBusinessKey(c.getBusinessKey()).singleResult().getDueDate())
                .isEqualTo(endOf(LocalDate.of(2026, 3, 30)));
    }

    @Test
    void onlyTheTestingPeriodItselfIsExcludedWhenItsReportIsRegisteredLater() {
        ProcessInstance c = approvedAndSeized();
        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        submit("zhangsan", c, "Task_MeasureHandling", Map.of("handlingAction", "testing", "testingKind", "detection",
                "testingBody", "沈阳市建设工程质量检测中心", "testingExpectedEnd", "2026-03-20",
                "testingNoticeNo", "检测告知〔2026〕2号", "testingNoticeServedDate", "2026-03-10"));
        // the test ended on Monday 2026-03-16; its report is registered on Friday 2026-03-20
        at(LocalDateTime.of(2026, 3, 20, 15, 0));
        submit("zhangsan", c, "Task_Testing", Map.of("testingEndedDate", "2026-03-16", "testingReportNo", "检测报告〔2026〕10号",
                "testingResult", "屈服强度不合格"));
        // Art 25(3): the 6 days of testing (03-11 .. 03-16) do not count, the 4 days until the registration do:
        // 2026-04-01 + 6 = Tuesday 2026-04-07 (not 2026-04-11, a Saturday, moved to Monday 2026-04-13)
        assertThat(variable(c, "measureDeadline")).isEqualTo(endOf(LocalDate.of(2026, 4, 7)));
        assertThat(task(c, "Task_MeasureHandling").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 7)));
        assertThat(timer(c, "Event_MeasureExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 7)));
        assertThat(caseClocks.pausedCalendarDays(c.getBusinessKey(), "measure")).isEqualTo(6);
    }

    @Test
    void testingTimeIsExcludedAndOneExtensionMovesTheEndThenExpiryReleases() {
        ProcessInstance c = approvedAndSeized();
        assertThat(timer(c, "Event_MeasureExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 1)));

        // testing from 2026-03-10, notified in writing (Art 25(3)): the period stands still
        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        Map<String, Object> testing = new HashMap<>(Map.of("handlingAction", "testing", "testingKind", "detection",
                "testingBody", "沈阳市建设工程质量检测中心", "testingExpectedEnd", "2026-03-20",
                "testingNoticeNo", "检测告知〔2026〕1号", "testingNoticeServedDate", "2026-03-10"));
        testing.put("testingExpectedEnd", "2026-03-09");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_MeasureHandling", testing))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第二十五条第三款");
        testing.put("testingExpectedEnd", "2026-03-20");
        submit("zhangsan", c, "Task_MeasureHandling", testing);
        assertThat(c).isWaitingAt("Task_Testing");
        assertThat(caseClocks.isPaused(c.getBusinessKey(), "measure")).isTrue();
        assertThat(task(c, "Task_Testing").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 20)));
        // no expiry timer runs while the goods are being tested
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).timers().count()).isZero();

        at(LocalDateTime.of(2026, 3, 17, 9, 0));
        // the excluded period is the time the test took: it cannot end before it began (Art 25(3))
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Testing", Map.of("testingEndedDate", "2026-03-09",
                "testingReportNo", "检测报告〔2026〕9号", "testingResult", "屈服强度不合格")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于期限中止之日");
        submit("zhangsan", c, "Task_Testing", Map.of("testingEndedDate", "2026-03-17", "testingReportNo", "检测报告〔2026〕9号",
                "testingResult", "屈服强度不合格"));
        // 7 days of testing (2026-03-10 .. 17) do not count: the end moves from 2026-04-01 to 2026-04-08
        assertThat(task(c, "Task_MeasureHandling").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 8)));
        assertThat(timer(c, "Event_MeasureExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 8)));

        // one extension of at most 30 days, approved and notified in writing (Art 25(1)(2))
        at(LocalDateTime.of(2026, 3, 20, 9, 0));
        Map<String, Object> extend = new HashMap<>(Map.of("handlingAction", "extend", "extensionRequestDays", 31,
                "extensionReason", "涉案钢筋来源复杂，需追查供货单位"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_MeasureHandling", extend)).isInstanceOf(RuleViolation.class);
        extend.put("extensionRequestDays", 30);
        submit("zhangsan", c, "Task_MeasureHandling", extend);
        assertThat(task(c, "Task_ExtensionApproval").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 8)));
        submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "approve", "extensionOpinion", "同意延长30日"));
        submit("zhangsan", c, "Task_ExtensionNotice", Map.of("extensionNoticeNo", "市建强延〔2026〕1号",
                "extensionNoticeServedDate", "2026-03-20"));
        // 30 + 30 days + 7 days of testing from 2026-03-02: 2026-05-08
        assertThat(variable(c, "measureDeadline")).isEqualTo(endOf(LocalDate.of(2026, 5, 8)));
        assertThat(task(c, "Task_MeasureHandling").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 5, 8)));

        // a second extension is refused (Art 25(1): once)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_MeasureHandling", extend))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只能延长一次");

        // the period passes without a decision: release at once and return the property (Art 28(1)(4), 28(2))
        fireTimer(c, "Event_MeasureExpired", endOf(LocalDate.of(2026, 5, 8)));
        assertThat(c).isWaitingAt("Task_Release").variables().containsEntry("releaseReason", "expired");
        assertThat(task(c, "Task_Release").getDueDate()).isEqualTo(instant(LocalDateTime.of(2026, 5, 9, 0, 0)));
        submit("zhangsan", c, "Task_Release", Map.of("releaseDocumentNo", "市建强解〔2026〕7号", "releasedAt", "2026-05-09T00:00",
                "soldBeforeRelease", true, "saleProceeds", 36000, "returnReceiptNo", "退还清单3号"));
        assertThat(c).isEnded().hasPassed("Event_MeasureExpired", "Task_Testing", "Task_ExtensionNotice");
    }

    @Test
    void anExtensionTheLeaderRefusesLeavesThePeriodUnchanged() {
        ProcessInstance c = approvedAndSeized();
        submit("zhangsan", c, "Task_MeasureHandling", Map.of("handlingAction", "extend", "extensionRequestDays", 15,
                "extensionReason", "情况复杂"));
        submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "reject", "extensionOpinion", "事实已清楚"));
        assertThat(c).isWaitingAt("Task_MeasureHandling").variables().containsEntry("extended", false);
        assertThat(timer(c, "Event_MeasureExpired").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 1)));
    }

    @Test
    void aDisposalDecisionEndsTheMeasure() {
        ProcessInstance c = approvedAndSeized();
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_MeasureHandling", Map.of("handlingAction", "dispose",
                "disposalKind", "confiscation", "disposalDocumentNo", "市建罚决〔2026〕9号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第二十七条");
        submit("zhangsan", c, "Task_MeasureHandling", Map.of("handlingAction", "dispose", "disposalKind", "confiscation",
                "disposalDocumentNo", "市建罚决〔2026〕9号", "disposalBasis", "《建设工程质量管理条例》第六十四条，没收不合格建筑材料"));
        assertThat(c).isEnded().hasPassed("EndEvent_Disposed");
    }

    @Test
    void legalReviewWhenACriterionOf118AppliesAndAMeasureLinkedToItsPenaltyCase() {
        ProcessInstance penalty = start("zhangsan", "penalty-general", penaltyRegistration());
        Map<String, Object> request = new HashMap<>(measureRequest("seizure", "approval"));
        request.put("majorThirdPartyRights", true);
        request.put("linkedCase", penalty.getBusinessKey());
        ProcessInstance c = start("zhangsan", "coercive-measure", request);
        assertThat(cases.links(c.getBusinessKey())).containsExactly(
                new CaseLink(penalty.getBusinessKey(), c.getBusinessKey(), "coercive-measure"));
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("reviewRequired", true);
        assertThat((String) variable(c, "reviewReason")).contains("重大权益");
        submit("wangwu", c, "Task_LegalReview", review("rejected"));
        assertThat(c).isWaitingAt("Task_ReviseAfterReview");
        submit("zhangsan", c, "Task_ReviseAfterReview", Map.of("revisionNote", "补充了检测依据"));
        submit("wangwu", c, "Task_LegalReview", review("approved"));
        assertThat(c).isWaitingAt("Task_LeaderApproval");
        submit("zhaoliu", c, "Task_LeaderApproval", approval("reject"));
        assertThat(c).isEnded().hasPassed("EndEvent_NotApproved");

        Map<String, Object> unknown = new HashMap<>(measureRequest("seizure", "approval"));
        unknown.put("linkedCase", "CF-2026-99999");
        assertThatThrownBy(() -> start("zhangsan", "coercive-measure", unknown)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不存在");
    }

    static Map<String, Object> penaltyRegistration() {
        return Map.of("caseSource", "inspection", "partyType", "organization", "partyName", COMPANY,
                "partyIdNumber", COMPANY_CODE, "partyAddress", "沈阳市和平区南京北街1号", "violationCode", "quality-64",
                "violationDate", "2026-02-20", "discoveredDate", "2026-02-27", "caseSummary", "使用不合格钢筋");
    }

    @Test
    void theOnSiteSealingCannotBeCompletedWithoutItsRecording() {
        ProcessInstance c = start("zhangsan", "coercive-measure", measureRequest("sealing", "approval"));
        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        submit("zhaoliu", c, "Task_LeaderApproval", approval("approve"));
        at(LocalDateTime.of(2026, 3, 2, 11, 0));
        assertThatThrownBy(() -> super.submit("zhangsan", c, "Task_OnSiteSealing", onSite("2026-03-02T10:30")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("音频或视频").hasMessageContaining("118号");
        attachVideo("zhangsan", c, "Task_OnSiteSealing");
        super.submit("zhangsan", c, "Task_OnSiteSealing", onSite("2026-03-02T10:30"));
        assertThat(c).hasPassed("Task_OnSiteSealing");
    }
}
