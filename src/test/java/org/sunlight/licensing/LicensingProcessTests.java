package org.sunlight.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.licensing.LicensingCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.collection.InfrastructureFees;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.RuleViolation;

/**
 * Every path of licensing (行政许可) under the default policy: the infrastructure fee must be paid before a
 * construction permit (RULES 6.2). The clock starts on Monday 2026-03-02 09:00; working days follow the official 2026
 * schedule (Qingming 04-04..04-06, Labour Day 05-01..05-05, make-up workday Saturday 05-09).
 */
class LicensingProcessTests extends ProcessTest {

    @Autowired InfrastructureFees fees;
    @Autowired CaseClocks clocks;

    /** Pays the project's infrastructure fee through a collection case, as the developer would before the permit. */
    void payFee(String projectCode) {
        ProcessInstance c = start("zhangsan", "collection", Map.of("partyType", "organization", "partyName", DEVELOPER,
                "partyIdNumber", DEVELOPER_CODE, "partyAddress", "沈阳市沈河区青年大街1号", "projectCode", projectCode,
                "projectName", "某某花园二期", "projectType", "residential", "floorArea", 12000,
                "planningPermitNo", "建字第210102202600012号"));
        submit("zhangsan", c, "Task_ConfirmAssessment", Map.of("assessmentBasis", "规划许可证核定面积"));
        submit("zhaoliu", c, "Task_CollectionDecision", Map.of("collectionDecision", "approve",
                "decisionDocumentNo", "市建征〔2026〕8号", "decisionOpinion", "同意"));
        String today = today().toString();
        submit("zhangsan", c, "Task_DeliverNotice", Map.of("deliveryMethod", "direct", "deliveredDate", today,
                "deliveryReceiptNo", "送达〔2026〕1号"));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", today, "paidAmount", 1800000,
                "paymentReceiptNo", "非税〔2026〕5号"));
        assertThat(fees.status(projectCode).cleared()).isTrue();
    }

    @Test
    void constructionPermitIssuedWithinSevenDaysAfterTheFeeIsPaidAndWorkStartsInTime() {
        String project = projectCode();
        ProcessInstance c = start("zhangsan", "licensing", permitApplication(project, 50_000_000, 12000, "2026-03-02"));
        assertThat(c.getBusinessKey()).matches("XK-2026-\\d{5}");
        assertThat(c).hasPassed("Task_TimeLimit", "Task_PermitRequired").isWaitingAt("Task_AcceptanceReview").variables()
                .containsEntry("permitRequired", true).containsEntry("decisionDays", 7)
                .containsEntry("periodUnit", "calendar-days").containsEntry("licenceMatterName", "建筑工程施工许可证核发");
        // 5 working days after receipt on Monday 2026-03-02 (第三十二条、第八十二条): Monday 2026-03-09
        assertThat(task(c, "Task_AcceptanceReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));
        assertThat(timer(c, "Event_DeemedAccepted").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));

        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        // 建筑法第八条: seven days from receipt of the complete application (2026-03-02): Monday 2026-03-09
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).variables().containsEntry("acceptanceMode", "accepted");
        // warned at the start of the third working day before the due day: Wednesday 2026-03-04
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 3, 4, 0, 0)));

        // the two reviewers (第三十四条) must be two different officers with valid credentials
        Map<String, Object> oneOfficer = reviewDone(false, false, false);
        oneOfficer.put("officer2Credential", ZHANGSAN_CREDENTIAL);
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_SubstantiveReview", oneOfficer))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("两名不同执法人员").hasMessageContaining("行政许可法第34条")
                .hasMessageNotContaining("行政处罚法");
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        assertThat(variable(c, "actingOfficers")).isEqualTo("zhangsan,lisi");
        assertThat(c).hasNotPassed("Task_NotifyParties").isWaitingAt("Task_ReviewOpinion");

        // the fee is not paid: no permit (local rule, RULES 6.2)
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        assertThat(c).isWaitingAt("Task_AwaitFee");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AwaitFee", Map.of("feeAction", "recheck")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("尚未核定征收");
        payFee(project);
        submit("zhangsan", c, "Task_AwaitFee", Map.of("feeAction", "recheck"));
        assertThat(c).hasPassed("Task_LegalReviewRequired").isWaitingAt("Task_LicensingDecision").variables()
                .containsEntry("reviewRequired", false);
        assertThat(task(c, "Task_LicensingDecision").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));

        submit("zhaoliu", c, "Task_LicensingDecision", grant());
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("licence-granted");
                    assertThat(e.category()).isEqualTo("licensing");
                    assertThat(e.result()).isEqualTo("准予行政许可：建筑工程施工许可证核发");
                    assertThat(e.matter()).isEqualTo("建筑工程施工许可证核发（某某花园二期）");
                    assertThat(e.legalBasis()).isEqualTo("《中华人民共和国建筑法》第八条");
                    assertThat(e.documentNo()).isEqualTo("市建许〔2026〕21号");
                    assertThat(e.confidential()).isFalse();
                });
        // the permit itself is issued within the seven days (建筑法第八条)
        assertThat(task(c, "Task_IssueCertificate").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));
        submit("zhangsan", c, "Task_IssueCertificate", certificate("2026-03-03"));

        // start within three months of 2026-03-03 (建筑法第九条): Wednesday 2026-06-03
        assertThat(c).isWaitingAt("Task_TrackPermit").variables().containsEntry("permitStage", "issued");
        assertThat(task(c, "Task_TrackPermit").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 6, 3)));
        assertThat(timer(c, "Event_StartDeadline").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 6, 3)));
        assertThat(timer(c, "StartEvent_StartReminder").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 5, 19, 0, 0)));

        at(LocalDateTime.of(2026, 4, 1, 10, 0));
        submit("zhangsan", c, "Task_TrackPermit", Map.of("permitEvent", "started", "constructionStartDate", "2026-04-01"));
        assertThat(c).isEnded().hasPassed("EndEvent_InUse");
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).count()).isZero();
    }

    @Test
    void noNoticeWithinFiveWorkingDaysMeansAcceptedFromReceiptAndTheTwentyDaysRunFromThen() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        assertThat(c).hasNotPassed("Task_PermitRequired").isWaitingAt("Task_AcceptanceReview").variables()
                .containsEntry("decisionDays", 20).containsEntry("extensionDays", 10);
        fireTimer(c, "Event_DeemedAccepted", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).hasPassed("Event_DeemedAccepted").isWaitingAt("Task_DeemedAcceptanceReceipt").variables()
                .containsEntry("acceptanceMode", "deemed")
                .containsEntry("acceptedDate", instant(LocalDateTime.of(2026, 3, 2, 0, 0)));
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_AcceptanceReview").count()).isZero();
        submit("zhangsan", c, "Task_DeemedAcceptanceReceipt", Map.of("acceptanceNoticeNo", "市建许受〔2026〕12号"));
        // 20 working days from 2026-03-02 (第四十二条、第八十二条), the day the materials came in: Monday 2026-03-30
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));
    }

    @Test
    void oneCorrectionNoticeListsEverythingAndOnlyThoseMaterialsCanBeSupplied() {
        ProcessInstance c = start("zhangsan", "licensing", permitApplication(projectCode(), 50_000_000, 12000, "2026-03-02"));
        at(LocalDateTime.of(2026, 3, 4, 10, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "correction",
                "correctionDetails", "补充材料", "correctionNoticeNo", "市建许补〔2026〕1号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十二条第一款第四项");
        submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "correction",
                "missingMaterials", List.of("contractor", "qualitySafety"), "correctionDetails",
                "1. 施工合同未盖章；2. 缺少质量安全措施文件", "correctionNoticeNo", "市建许补〔2026〕1号"));
        // the notice was given in time: no deemed acceptance any more
        assertThat(c).isWaitingAt("Task_AwaitSupplement");
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).activityId("Event_DeemedAccepted").count()).isZero();

        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        submit("zhangsan", c, "Task_AwaitSupplement", Map.of("supplementOutcome", "supplied",
                "supplementReceivedDate", "2026-03-10", "suppliedMaterials", List.of("contractor")));
        assertThat(c).isWaitingAt("Task_AwaitSupplement");
        // a second demand for other materials is not allowed (第三十二条第一款第四项: 一次告知)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AwaitSupplement", Map.of("supplementOutcome", "supplied",
                "supplementReceivedDate", "2026-03-10", "suppliedMaterials", List.of("landUse"))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("一次告知");

        at(LocalDateTime.of(2026, 3, 12, 10, 0));
        Map<String, Object> rest = new HashMap<>(Map.of("supplementOutcome", "supplied", "supplementReceivedDate", "2026-03-12",
                "suppliedMaterials", List.of("qualitySafety")));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AwaitSupplement", rest))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("应当受理");
        rest.put("acceptanceNoticeNo", "市建许受〔2026〕13号");
        submit("zhangsan", c, "Task_AwaitSupplement", rest);
        assertThat(c).isWaitingAt("Task_SubstantiveReview").variables().containsEntry("acceptanceMode", "corrected");
        // seven days from the complete application on 2026-03-12 (建筑工程施工许可管理办法第五条: 顺延): Thursday 2026-03-19
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 19)));
    }

    @Test
    void anApplicantWhoDoesNotCompleteTheMaterialsMayWithdraw() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "correction",
                "missingMaterials", List.of("other"), "correctionDetails", "缺少处置场所证明", "correctionNoticeNo", "市建许补〔2026〕2号"));
        submit("zhangsan", c, "Task_AwaitSupplement", Map.of("supplementOutcome", "withdrawn", "withdrawalNote", "申请人书面撤回"));
        assertThat(c).isEnded().hasPassed("EndEvent_Withdrawn").hasNotPassed("SubProcess_Review");
    }

    @Test
    void smallWorksNeedNoPermitAndTheApplicantIsToldAtOnce() {
        ProcessInstance c = start("zhangsan", "licensing", permitApplication(projectCode(), 300_000, 5000, "2026-03-02"));
        assertThat(c).isWaitingAt("Task_NotRequiredNotice").variables().containsEntry("permitRequired", false);
        assertThat((String) variable(c, "permitRequiredReason")).contains("30万元以下");
        submit("zhangsan", c, "Task_NotRequiredNotice", Map.of("notRequiredNoticeNo", "市建许告〔2026〕1号"));
        assertThat(c).isEnded().hasPassed("EndEvent_NotRequired").hasNotPassed("Task_AcceptanceReview");

        ProcessInstance area = start("zhangsan", "licensing", permitApplication(projectCode(), 5_000_000, 300, "2026-03-02"));
        assertThat(area).isWaitingAt("Task_NotRequiredNotice");
        ProcessInstance above = start("zhangsan", "licensing", permitApplication(projectCode(), 300_000.01, 300.01, "2026-03-02"));
        assertThat(above).isWaitingAt("Task_AcceptanceReview");
    }

    @Test
    void outsideTheDepartmentsPowersTheApplicantIsToldWhereToApply() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        Map<String, Object> reject = new HashMap<>(Map.of("acceptanceDecision", "reject", "rejectionGround", "notInJurisdiction",
                "rejectionNoticeNo", "市建许不受〔2026〕1号"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AcceptanceReview", reject))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("有权受理的行政机关");
        reject.put("competentAuthority", "市城市管理综合执法局");
        submit("zhangsan", c, "Task_AcceptanceReview", reject);
        assertThat(c).isEnded().hasPassed("EndEvent_NotAccepted");
    }

    @Test
    void onlyTheExpertReviewItselfIsExcludedWhenItsEndIsRegisteredLater() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        Map<String, Object> expert = review("specialProcedure");
        expert.putAll(Map.of("specialProcedureKind", "expertReview", "specialProcedureTime", "约3个工作日",
                "timeExclusionNoticeNo", "市建许期〔2026〕2号"));
        submit("zhangsan", c, "Task_SubstantiveReview", expert);
        // the experts concluded on Friday 2026-03-13; the officer registers it on Tuesday 2026-03-17
        at(LocalDateTime.of(2026, 3, 17, 16, 0));
        submit("zhangsan", c, "Task_SpecialProcedure", Map.of("specialProcedureEndDate", "2026-03-13",
                "specialProcedureResult", "专家评审意见：符合条件"));
        // 第四十五条: 3 working days of review (03-11 .. 03-13) are excluded, the 2 until the registration are not:
        // 20 + 3 working days after 2026-03-02 = Thursday 2026-04-02 (not Tuesday 2026-04-07)
        assertThat(variable(c, "decisionDue")).isEqualTo(endOf(LocalDate.of(2026, 4, 2)));
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 2)));
        assertThat(clocks.pausedWorkingDays(c.getBusinessKey(), "decision")).isEqualTo(3);
    }

    @Test
    void aHearingStopsTheClockUntilTheDayItWasHeldNotUntilItsTranscriptIsRegistered() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, true));
        submit("zhangsan", c, "Task_HearingAnnouncement", Map.of("announcementNo", "市建许听公〔2026〕2号", "announcedDate", "2026-03-02"));
        submit("zhangsan", c, "Task_ScheduleHearing", Map.of("hearingNoticeDate", "2026-03-02", "hearingDate", "2026-03-11T09:00",
                "hearingPlace", "第一会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕4号"));
        // held on Wednesday 2026-03-11, its transcript registered on Monday 2026-03-16
        at(LocalDateTime.of(2026, 3, 16, 11, 0));
        submit("zhangsan", c, "Task_HoldHearing", Map.of("hearingOutcome", "held", "hearingTranscriptNo", "听证〔2026〕4号",
                "transcriptConfirmed", true));
        // 第四十五条: the hearing's 7 working days (03-03 .. 03-11) are excluded, the 3 until the registration are not:
        // 27 working days after 2026-03-02 is Thursday 2026-04-09 (not Tuesday 2026-04-14)
        assertThat(clocks.pausedWorkingDays(c.getBusinessKey(), "decision")).isEqualTo(7);
        assertThat(task(c, "Task_ReviewOpinion").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 9)));
    }

    @Test
    void expertReviewAndHearingStopTheClockAndOneApprovedExtensionMovesEveryDueDate() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        String key = c.getBusinessKey();
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 3, 25, 0, 0)));

        // expert review from 2026-03-10 to 2026-03-17 does not count (第四十五条): 5 working days
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        Map<String, Object> expert = review("specialProcedure");
        expert.putAll(Map.of("specialProcedureKind", "expertReview", "specialProcedureTime", "约5个工作日"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_SubstantiveReview", expert))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十五条");
        expert.put("timeExclusionNoticeNo", "市建许期〔2026〕1号");
        submit("zhangsan", c, "Task_SubstantiveReview", expert);
        assertThat(c).isWaitingAt("Task_SpecialProcedure");
        assertThat(clocks.isPaused(key, "decision")).isTrue();
        assertThat(timer(c, "StartEvent_DecisionWarning").isSuspended()).isTrue();
        at(LocalDateTime.of(2026, 3, 17, 16, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_SpecialProcedure", Map.of("specialProcedureEndDate",
                "2026-03-09", "specialProcedureResult", "专家评审意见：符合条件")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于期限中止之日");
        submit("zhangsan", c, "Task_SpecialProcedure", Map.of("specialProcedureEndDate", "2026-03-17",
                "specialProcedureResult", "专家评审意见：符合条件"));
        // 25 working days after 2026-03-02, past Qingming (04-04..04-06): Tuesday 2026-04-07
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 7)));
        assertThat(timer(c, "StartEvent_DecisionWarning").isSuspended()).isFalse();
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 4, 1, 0, 0)));

        // the licence touches a neighbour's major interests: notice and the right to a hearing (第三十六条、第四十七条)
        at(LocalDateTime.of(2026, 3, 18, 10, 0));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, true, false));
        assertThat(c).isWaitingAt("Task_NotifyParties").variables().containsEntry("interestedParties", true);
        submit("zhangsan", c, "Task_NotifyParties", Map.of("interestedPartyList", "相邻单位：沈阳某某小学", "partyNoticeNo",
                "市建许告〔2026〕3号", "partyNoticeDeliveredDate", "2026-03-18"));
        // 5 working days after the notice on 2026-03-18: Wednesday 2026-03-25
        assertThat(task(c, "Task_PartyResponse").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 25)));
        at(LocalDateTime.of(2026, 3, 19, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "statement", "respondent", "沈阳某某小学",
                "responseReceivedDate", "2026-03-19", "statementContent", "运输车辆不得在上下学时段通行"));
        assertThat(c).isWaitingAt("Task_PartyResponse");
        assertThat((String) variable(c, "statements")).contains("沈阳某某小学：运输车辆不得在上下学时段通行");

        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest", "respondent", "沈阳某某小学",
                "responseReceivedDate", "2026-03-20"));
        // a requested hearing is held within 20 working days (第四十七条): by Monday 2026-04-20
        assertThat(task(c, "Task_ScheduleHearing").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 20)));
        assertThat(clocks.isPaused(key, "decision")).isTrue();
        Map<String, Object> notice = new HashMap<>(Map.of("hearingNoticeDate", "2026-03-20", "hearingDate", "2026-03-30T09:00",
                "hearingPlace", "第二会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕2号"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("七个工作日前").hasMessageContaining("2026-03-31");
        notice.put("hearingDate", "2026-04-21T09:00");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十七条");
        notice.put("hearingDate", "2026-03-31T09:00");
        notice.put("hearingHost", "lisi");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十八条第一款第三项");
        notice.put("hearingHost", "zhaoliu");
        submit("zhangsan", c, "Task_ScheduleHearing", notice);
        at(LocalDateTime.of(2026, 3, 31, 15, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_HoldHearing", Map.of("hearingOutcome", "held",
                "hearingTranscriptNo", "听证〔2026〕2号"))).isInstanceOf(RuleViolation.class).hasMessageContaining("签字");
        submit("zhangsan", c, "Task_HoldHearing", Map.of("hearingOutcome", "held", "hearingTranscriptNo", "听证〔2026〕2号",
                "transcriptConfirmed", true, "hearingSummary", "申请人承诺避开上下学时段"));
        // stood still 03-21..03-31 as well: 7 more working days, 32 in all: Thursday 2026-04-16
        assertThat(clocks.pausedWorkingDays(key, "decision")).isEqualTo(12);
        assertThat(clocks.pauses(key)).extracting(p -> p.reason()).containsExactly(
                "检验、检测、鉴定或专家评审等（行政许可法第四十五条）", "听证（行政许可法第四十五条）");
        assertThat(task(c, "Task_ReviewOpinion").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 16)));
        assertThat(timer(c, "StartEvent_DecisionWarning").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 4, 13, 0, 0)));

        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        // a hearing was held: legal review (国办发〔2018〕118号四(十二))
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("reviewRequired", true);

        fireTimer(c, "StartEvent_DecisionWarning", instant(LocalDateTime.of(2026, 4, 13, 0, 0)));
        assertThat(task(c, "Task_DeadlineWarning").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 16)));
        submit("zhangsan", c, "Task_DeadlineWarning", Map.of("warningAction", "requestExtension",
                "extensionReason", "听证后需补充核查运输路线"));
        submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "approve", "extensionOpinion", "同意延长十个工作日"));
        // ten more working days (第四十二条): 42 working days after 2026-03-02, before Labour Day: Thursday 2026-04-30
        assertThat(variable(c, "decisionDue")).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        assertThat(task(c, "Task_ExtensionNotice").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        submit("zhangsan", c, "Task_ExtensionNotice", Map.of("extensionNoticeNo", "市建许延〔2026〕1号",
                "extensionNoticeDate", "2026-04-13"));
        // only once (第四十二条)
        runtimeService.createProcessInstanceModification(c.getId()).startBeforeActivity("Task_ExtensionApproval").execute();
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "approve",
                "extensionOpinion", "再延长"))).isInstanceOf(RuleViolation.class).hasMessageContaining("只能延长一次");
        submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "reject", "extensionOpinion", "不再延长"));

        submit("wangwu", c, "Task_LegalReview", legalReview("approved"));
        assertThat(task(c, "Task_LicensingDecision").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        at(LocalDateTime.of(2026, 4, 14, 10, 0));
        Map<String, Object> decision = grant();
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LicensingDecision", decision))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("听证笔录");
        decision.put("basedOnTranscript", true);
        submit("zhaoliu", c, "Task_LicensingDecision", decision);
        // certificate within 10 working days of the decision on 2026-04-14 (第四十四条): Tuesday 2026-04-28
        assertThat(task(c, "Task_IssueCertificate").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 28)));
        submit("zhangsan", c, "Task_IssueCertificate", certificate("2026-04-14"));
        assertThat(c).isEnded().hasPassed("EndEvent_Granted").hasNotPassed("SubProcess_PermitLife");
    }

    @Test
    void interestedPartiesSilentForFiveWorkingDaysTheReviewGoesOnWithoutAHearing() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, true, false));
        submit("zhangsan", c, "Task_NotifyParties", Map.of("interestedPartyList", "相邻单位：沈阳某某小学", "partyNoticeNo",
                "市建许告〔2026〕3号", "partyNoticeDeliveredDate", "2026-03-03"));
        // five working days from the notice on Tuesday 2026-03-03 (第四十七条): Tuesday 2026-03-10
        assertThat(task(c, "Task_PartyResponse").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 10)));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 10)));
        assertThat(c).isWaitingAt("Task_ReviewOpinion").hasPassed("Event_ResponseWindowExpired")
                .hasNotPassed("Task_ScheduleHearing");
    }

    @Test
    void aRefusalStatesItsReasonsAndTheRightsToReconsiderationAndLitigation() {
        ProcessInstance c = start("zhangsan", "licensing", permitApplication(projectCode(), 50_000_000, 12000, "2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        // a proposed refusal does not wait for the fee
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("refuse"));
        assertThat(c).hasNotPassed("Task_AwaitFee").isWaitingAt("Task_LicensingDecision");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_LicensingDecision", refuse("可以依法申请行政复议。")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十八条第二款");
        submit("zhaoliu", c, "Task_LicensingDecision",
                refuse("如不服本决定，可以在六十日内申请行政复议，或者在六个月内提起行政诉讼。"));
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("licence-refused");
                    assertThat(e.result()).isEqualTo("不予行政许可。理由：未确定建筑施工企业");
                });
        // a construction permit refusal is notified within the seven days (建筑工程施工许可管理办法第五条)
        assertThat(task(c, "Task_DeliverRefusal").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));
        submit("zhangsan", c, "Task_DeliverRefusal", Map.of("deliveryMethod", "mail", "refusalDeliveredDate", "2026-03-02",
                "deliveryReceiptNo", "挂号〔2026〕7号"));
        assertThat(c).isEnded().hasPassed("EndEvent_Refused");
    }

    @Test
    void aHearingByLawIsAnnouncedAndAFailedLegalReviewSendsTheOpinionBack() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, true));
        assertThat(c).isWaitingAt("Task_HearingAnnouncement");
        submit("zhangsan", c, "Task_HearingAnnouncement", Map.of("announcementNo", "市建许听公〔2026〕1号", "announcedDate", "2026-03-02"));
        // a hearing by law has no request, so no 20-day limit of 第四十七条
        assertThat(task(c, "Task_ScheduleHearing").getDueDate()).isNull();
        submit("zhangsan", c, "Task_ScheduleHearing", Map.of("hearingNoticeDate", "2026-03-02", "hearingDate", "2026-03-11T09:00",
                "hearingPlace", "第一会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕3号"));
        at(LocalDateTime.of(2026, 3, 11, 11, 0));
        // nobody asked for a hearing by law, so nobody can withdraw it: it is held (第四十六条)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_HoldHearing", Map.of("hearingOutcome", "withdrawn",
                "hearingWithdrawalNote", "无人参加")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十六条");
        assertThat(c).isWaitingAt("Task_HoldHearing");
        submit("zhangsan", c, "Task_HoldHearing", Map.of("hearingOutcome", "held", "hearingTranscriptNo", "听证〔2026〕3号",
                "transcriptConfirmed", true));
        // stood still 03-03..03-11, 7 working days: 27 working days after 2026-03-02 is Thursday 2026-04-09
        assertThat(task(c, "Task_ReviewOpinion").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 9)));
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        submit("wangwu", c, "Task_LegalReview", legalReview("rejected"));
        assertThat(c).isWaitingAt("Task_ReviewOpinion").variables().containsEntry("reviewApproved", false);
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_LicensingDecision").count()).isZero();
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("补正");
        Map<String, Object> revised = opinion("grant");
        revised.put("revisionNote", "已补充对听证意见的回应");
        submit("zhangsan", c, "Task_ReviewOpinion", revised);
        assertThat(c).isWaitingAt("CallActivity_LegalReview");
        assertThat((String) formService.getTaskFormVariables(task(c, "Task_LegalReview").getId())
                .getValueTyped("proposedDecision").getValue()).startsWith("准予行政许可：城市建筑垃圾处置核准");
        submit("wangwu", c, "Task_LegalReview", legalReview("approved"));
        assertThat(c).isWaitingAt("Task_LicensingDecision");
    }

    @Test
    void aConstructionPermitPeriodCannotBeExtendedAndTheDecisionEndsAnOpenWarning() {
        String project = projectCode();
        payFee(project);
        ProcessInstance c = start("zhangsan", "licensing", permitApplication(project, 50_000_000, 12000, "2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        fireTimer(c, "StartEvent_DecisionWarning", instant(LocalDateTime.of(2026, 3, 4, 0, 0)));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DeadlineWarning", Map.of("warningAction", "requestExtension",
                "extensionReason", "材料较多"))).isInstanceOf(RuleViolation.class).hasMessageContaining("不得延长");
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        submit("zhaoliu", c, "Task_LicensingDecision", grant());
        assertThat(c).isWaitingAt("Task_IssueCertificate");
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_DeadlineWarning").count()).isZero();
    }

    /** A construction permit issued on Tuesday 2026-03-03 (fee paid): start by Wednesday 2026-06-03. */
    ProcessInstance issuedPermit() {
        String project = projectCode();
        payFee(project);
        ProcessInstance c = start("zhangsan", "licensing", permitApplication(project, 50_000_000, 12000, "2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        submit("zhaoliu", c, "Task_LicensingDecision", grant());
        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_IssueCertificate", certificate("2026-03-03"));
        return c;
    }

    @Test
    void aPermitExtensionRequestCannotBeDatedBeforeThePermitWasIssued() {
        ProcessInstance c = issuedPermit();
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        // the developer asks to extend the start period of a permit issued on 2026-03-03 (建筑法第九条): a request dated
        // the day before cannot extend a permit that did not yet exist
        Map<String, Object> request = new HashMap<>(Map.of("permitEvent", "extensionRequest", "extensionRequestDate", "2026-03-02",
                "permitExtensionReason", "拆迁未完成"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_TrackPermit", request))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("extension-request-before-permit"))
                .hasMessageContaining("延期申请日期（2026-03-02）不能早于施工许可证颁发日期（2026-03-03）").hasMessageContaining("建筑法第九条")
                .hasMessageContaining("cannot precede the permit issued on 2026-03-03");
        assertThat(c).isWaitingAt("Task_TrackPermit").variables().containsEntry("permitStage", "issued");
        // on the day of issue it can
        request.put("extensionRequestDate", "2026-03-03");
        submit("zhangsan", c, "Task_TrackPermit", request);
        assertThat(c).isWaitingAt("Task_PermitExtensionDecision");
    }

    @Test
    void aPermitExtensionRunsFromTheDayTheStartPeriodActuallyEnds() {
        at(LocalDateTime.of(2026, 1, 5, 9, 0));
        String project = projectCode();
        payFee(project);
        ProcessInstance c = start("zhangsan", "licensing", permitApplication(project, 50_000_000, 12000, "2026-01-05"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        submit("zhaoliu", c, "Task_LicensingDecision", grant());
        submit("zhangsan", c, "Task_IssueCertificate", certificate("2026-01-05"));
        // three months from Monday 2026-01-05 end on Sunday 2026-04-05, 清明: moved to Tuesday 2026-04-07 (建筑法第九条;
        // 民法典第二百零三条)
        assertThat(task(c, "Task_TrackPermit").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 7)));

        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_TrackPermit", Map.of("permitEvent", "extensionRequest", "extensionRequestDate", "2026-03-20",
                "permitExtensionReason", "拆迁未完成"));
        submit("zhaoliu", c, "Task_PermitExtensionDecision", Map.of("permitExtensionDecision", "approve",
                "permitExtensionMonths", 3, "permitExtensionOpinion", "同意延期三个月"));
        // the extension continues the period that ends on 2026-04-07: three months later is Tuesday 2026-07-07, not
        // Monday 2026-07-06 (2026-01-05 + 6 months = Sunday 07-05, moved)
        assertThat(task(c, "Task_TrackPermit").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 7, 7)));
        assertThat(timer(c, "Event_StartDeadline").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 7, 7)));
    }

    @Test
    void aPermitIsExtendedAtMostTwiceByAtMostThreeMonthsAndLapsesWhenWorkDoesNotStart() {
        ProcessInstance c = issuedPermit();
        fireTimer(c, "StartEvent_StartReminder", instant(LocalDateTime.of(2026, 5, 19, 0, 0)));
        submit("zhangsan", c, "Task_StartReminder", Map.of("reminderSentDate", "2026-05-19", "reminderMethod", "电话"));

        at(LocalDateTime.of(2026, 5, 20, 10, 0));
        submit("zhangsan", c, "Task_TrackPermit", Map.of("permitEvent", "extensionRequest", "extensionRequestDate", "2026-05-20",
                "permitExtensionReason", "拆迁未完成"));
        submit("zhaoliu", c, "Task_PermitExtensionDecision", Map.of("permitExtensionDecision", "refuse",
                "permitExtensionOpinion", "理由不成立"));
        // a refusal leaves the deadline as it was
        assertThat(task(c, "Task_TrackPermit").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 6, 3)));

        at(LocalDateTime.of(2026, 5, 25, 10, 0));
        submit("zhangsan", c, "Task_TrackPermit", Map.of("permitEvent", "extensionRequest", "extensionRequestDate", "2026-05-25",
                "permitExtensionReason", "拆迁未完成，补充材料"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_PermitExtensionDecision", Map.of("permitExtensionDecision", "approve",
                "permitExtensionMonths", 4, "permitExtensionOpinion", "同意"))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不能大于 3");
        submit("zhaoliu", c, "Task_PermitExtensionDecision", Map.of("permitExtensionDecision", "approve",
                "permitExtensionMonths", 3, "permitExtensionOpinion", "同意延期三个月"));
        // six months after 2026-03-03: Thursday 2026-09-03
        assertThat(task(c, "Task_TrackPermit").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 9, 3)));
        assertThat(timer(c, "Event_StartDeadline").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 9, 3)));
        assertThat(timer(c, "StartEvent_StartReminder").getDuedate()).isEqualTo(instant(LocalDateTime.of(2026, 8, 19, 0, 0)));

        at(LocalDateTime.of(2026, 8, 20, 10, 0));
        submit("zhangsan", c, "Task_TrackPermit", Map.of("permitEvent", "extensionRequest", "extensionRequestDate", "2026-08-20",
                "permitExtensionReason", "资金未到位"));
        submit("zhaoliu", c, "Task_PermitExtensionDecision", Map.of("permitExtensionDecision", "approve",
                "permitExtensionMonths", 2, "permitExtensionOpinion", "同意延期两个月"));
        // eight months after 2026-03-03: Tuesday 2026-11-03
        assertThat(timer(c, "Event_StartDeadline").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 11, 3)));
        assertThat(variable(c, "permitExtensions")).isEqualTo(2);

        at(LocalDateTime.of(2026, 10, 20, 10, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_TrackPermit", Map.of("permitEvent", "extensionRequest",
                "extensionRequestDate", "2026-10-20", "permitExtensionReason", "仍未开工")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("两次为限");

        fireTimer(c, "Event_StartDeadline", endOf(LocalDate.of(2026, 11, 3)));
        assertThat(c).isWaitingAt("Task_PermitLapsed");
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).count()).isZero();
        submit("zhangsan", c, "Task_PermitLapsed", Map.of("lapseNoticeNo", "市建许废〔2026〕1号"));
        assertThat(c).isEnded().hasPassed("EndEvent_Lapsed").variables().containsEntry("permitStage", "lapsed");
    }

    @Test
    void aPermitDoesNotLapseWhileATimelyExtensionRequestAwaitsTheAuthority() {
        ProcessInstance c = issuedPermit();
        // the developer applies on Monday 2026-06-01, before the deadline of Wednesday 2026-06-03 (建筑法第九条)
        at(LocalDateTime.of(2026, 6, 1, 10, 0));
        submit("zhangsan", c, "Task_TrackPermit", Map.of("permitEvent", "extensionRequest", "extensionRequestDate", "2026-06-01",
                "permitExtensionReason", "拆迁未完成"));
        // the authority has not decided by the deadline: the permit has not lapsed, the lapse timer stands still
        at(LocalDateTime.of(2026, 6, 5, 10, 0));
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).activityId("Event_StartDeadline")
                .active().count()).isZero();
        assertThat(c).isWaitingAt("Task_PermitExtensionDecision").hasNotPassed("Task_PermitLapsed");
        // approved late, the extension still runs from the day the start period ended: Thursday 2026-09-03
        submit("zhaoliu", c, "Task_PermitExtensionDecision", Map.of("permitExtensionDecision", "approve",
                "permitExtensionMonths", 3, "permitExtensionOpinion", "同意延期三个月"));
        assertThat(timer(c, "Event_StartDeadline").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 9, 3)));
        assertThat(timer(c, "Event_StartDeadline").isSuspended()).isFalse();

        // refused after the deadline: neither started nor extended, the permit lapses at once
        at(LocalDateTime.of(2026, 3, 2, 9, 0));
        ProcessInstance refused = issuedPermit();
        at(LocalDateTime.of(2026, 6, 2, 10, 0));
        submit("zhangsan", refused, "Task_TrackPermit", Map.of("permitEvent", "extensionRequest", "extensionRequestDate", "2026-06-02",
                "permitExtensionReason", "资金未到位"));
        at(LocalDateTime.of(2026, 6, 8, 10, 0));
        assertThat(refused).isWaitingAt("Task_PermitExtensionDecision");
        submit("zhaoliu", refused, "Task_PermitExtensionDecision", Map.of("permitExtensionDecision", "refuse",
                "permitExtensionOpinion", "理由不成立"));
        org.camunda.bpm.engine.runtime.Job lapse = timer(refused, "Event_StartDeadline");
        assertThat(lapse.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 6, 3)));
        assertThat(lapse.isSuspended()).isFalse();
        managementService.executeJob(lapse.getId());
        assertThat(refused).isWaitingAt("Task_PermitLapsed");
    }

    @Test
    void oneRespondentsWaiverLeavesTheOthersTheirFiveDaysToAskForAHearing() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, true, false));
        submit("zhangsan", c, "Task_NotifyParties", Map.of("interestedPartyList", "申请人；相邻单位：沈阳某某小学", "partyNoticeNo",
                "市建许告〔2026〕4号", "partyNoticeDeliveredDate", "2026-03-03"));
        // the applicant waives in writing on day 1; the school, told on the same day, still has until 2026-03-10 (第四十七条)
        at(LocalDateTime.of(2026, 3, 4, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "waiver", "respondent", "沈阳某某运输有限公司",
                "responseReceivedDate", "2026-03-04", "waiverDocumentNo", "放弃〔2026〕1号", "allPartiesWaived", false));
        assertThat(c).isWaitingAt("Task_PartyResponse").hasNotPassed("Task_ReviewOpinion");
        assertThat(task(c, "Task_PartyResponse").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 10)));
        // day 5 (Tuesday 2026-03-10) is still in time
        at(LocalDateTime.of(2026, 3, 10, 16, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest", "respondent", "沈阳某某小学",
                "responseReceivedDate", "2026-03-10"));
        assertThat(c).isWaitingAt("Task_ScheduleHearing");

        // when everyone told has waived, the review goes on at once
        at(LocalDateTime.of(2026, 3, 2, 9, 0));
        ProcessInstance all = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", all, "Task_AcceptanceReview", accept());
        submit("zhangsan", all, "Task_SubstantiveReview", reviewDone(false, true, false));
        submit("zhangsan", all, "Task_NotifyParties", Map.of("interestedPartyList", "申请人；相邻单位：沈阳某某小学", "partyNoticeNo",
                "市建许告〔2026〕5号", "partyNoticeDeliveredDate", "2026-03-02"));
        submit("zhangsan", all, "Task_PartyResponse", Map.of("responseType", "waiver", "respondent", "申请人及沈阳某某小学",
                "responseReceivedDate", "2026-03-02", "waiverDocumentNo", "放弃〔2026〕2号", "allPartiesWaived", true));
        assertThat(all).isWaitingAt("Task_ReviewOpinion");
    }

    @Test
    void aHearingRequestReceivedOnDayFiveButRegisteredAfterTheWindowClosedStillLeadsToAHearing() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        at(LocalDateTime.of(2026, 3, 3, 10, 0));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, true, false));
        submit("zhangsan", c, "Task_NotifyParties", Map.of("interestedPartyList", "相邻单位：沈阳某某小学", "partyNoticeNo",
                "市建许告〔2026〕6号", "partyNoticeDeliveredDate", "2026-03-03"));
        // the school's request arrives late on Tuesday 2026-03-10 (day 5); the window closes before anyone registers it
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 10)));
        assertThat(c).isWaitingAt("Task_ReviewOpinion");
        at(LocalDateTime.of(2026, 3, 11, 10, 0));
        Map<String, Object> opinion = opinion("grant");
        opinion.putAll(Map.of("timelyHearingRequest", true, "lateRegisteredRespondent", "沈阳某某小学",
                "lateRegisteredRequestDate", "2026-03-11"));
        // one received on day 6 is late (第四十七条)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ReviewOpinion", opinion))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十七条");
        opinion.put("lateRegisteredRequestDate", "2026-03-10");
        submit("zhangsan", c, "Task_ReviewOpinion", opinion);
        // held within 20 working days of its receipt on 2026-03-10, past Qingming: Wednesday 2026-04-08
        assertThat(c).isWaitingAt("Task_ScheduleHearing").hasNotPassed("Task_LicensingDecision");
        assertThat(task(c, "Task_ScheduleHearing").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 8)));
        assertThat(clocks.isPaused(c.getBusinessKey(), "decision")).isTrue();
        submit("zhangsan", c, "Task_ScheduleHearing", Map.of("hearingNoticeDate", "2026-03-11", "hearingDate", "2026-03-20T09:00",
                "hearingPlace", "第一会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕6号"));
        at(LocalDateTime.of(2026, 3, 20, 15, 0));
        submit("zhangsan", c, "Task_HoldHearing", Map.of("hearingOutcome", "held", "hearingTranscriptNo", "听证〔2026〕6号",
                "transcriptConfirmed", true));
        // back to the opinion, now on the transcript, unticked
        assertThat(c).isWaitingAt("Task_ReviewOpinion").variables().containsEntry("timelyHearingRequest", false)
                .containsEntry("hearingHeld", true);
    }
}
