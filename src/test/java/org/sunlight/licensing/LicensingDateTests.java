package org.sunlight.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.licensing.LicensingCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.RuleViolation;

/**
 * Dates a department cannot enter without shortening the applicant's or an interested party's periods: each refused
 * step changes nothing (the case waits where it was) and says why, citing the article.
 */
class LicensingDateTests extends ProcessTest {

    @Autowired CaseClocks clocks;

    /** Accepted on 2026-03-02; the school, told on 2026-03-03, asks for a hearing on Monday 2026-03-16. */
    ProcessInstance hearingRequestedOn16March() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        at(LocalDateTime.of(2026, 3, 11, 10, 0));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, true, false));
        submit("zhangsan", c, "Task_NotifyParties", Map.of("interestedPartyList", "相邻单位：沈阳某某小学", "partyNoticeNo",
                "市建许告〔2026〕7号", "partyNoticeDeliveredDate", "2026-03-11"));
        at(LocalDateTime.of(2026, 3, 16, 10, 0));
        submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "hearingRequest", "respondent", "沈阳某某小学",
                "responseReceivedDate", "2026-03-16"));
        assertThat(c).isWaitingAt("Task_ScheduleHearing");
        return c;
    }

    @Test
    void aHearingNoticeCannotBeDatedBeforeTheHearingRequestItAnswers() {
        ProcessInstance c = hearingRequestedOn16March();
        at(LocalDateTime.of(2026, 3, 17, 10, 0));
        // dated a week before the request, the notice would let the hearing be held on Wednesday 2026-03-18, two days
        // after the request: the school would lose the seven working days to prepare (第四十八条第一款第一项)
        Map<String, Object> notice = new HashMap<>(Map.of("hearingNoticeDate", "2026-03-09", "hearingDate", "2026-03-18T09:00",
                "hearingPlace", "第二会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕7号"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不能早于收到听证申请的日期（2026-03-16）").hasMessageContaining("第四十八条第一款第一项")
                .hasMessageContaining("cannot precede the hearing request received on 2026-03-16");
        assertThat(c).isWaitingAt("Task_ScheduleHearing");
        assertThat(variable(c, "hearingDate")).isNull();

        // served on the day of the request, the hearing is at the earliest seven working days later: 2026-03-25
        notice.put("hearingNoticeDate", "2026-03-16");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-03-25");
        notice.put("hearingDate", "2026-03-25T09:00");
        submit("zhangsan", c, "Task_ScheduleHearing", notice);
        assertThat(c).isWaitingAt("Task_HoldHearing");
    }

    @Test
    void theNoticeOfAHearingByLawCannotBeDatedBeforeTheApplicationWasAccepted() {
        at(LocalDateTime.of(2026, 3, 16, 9, 0));
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-16"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, true));
        submit("zhangsan", c, "Task_HearingAnnouncement", Map.of("announcementNo", "市建许听公〔2026〕5号", "announcedDate", "2026-03-16"));
        Map<String, Object> notice = new HashMap<>(Map.of("hearingNoticeDate", "2026-03-06", "hearingDate", "2026-03-17T09:00",
                "hearingPlace", "第一会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕8号"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于受理日期（2026-03-16）")
                .hasMessageContaining("第四十八条第一款第一项");
        assertThat(c).isWaitingAt("Task_ScheduleHearing");
        notice.putAll(Map.of("hearingNoticeDate", "2026-03-16", "hearingDate", "2026-03-25T09:00"));
        submit("zhangsan", c, "Task_ScheduleHearing", notice);
        assertThat(c).isWaitingAt("Task_HoldHearing");
    }

    @Test
    void aHearingByLawIsAnnouncedAfterAcceptanceAndHeldAtLeastSevenWorkingDaysAfterTheAnnouncement() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, true));
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        // the public announcement of 第四十六条 is made for this application: it cannot precede the acceptance on 03-02
        Map<String, Object> announcement = new HashMap<>(Map.of("announcementNo", "市建许听公〔2026〕6号", "announcedDate", "2026-02-27"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_HearingAnnouncement", announcement))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("announcement-before-acceptance"))
                .hasMessageContaining("听证公告日期（2026-02-27）不能早于受理日期（2026-03-02）").hasMessageContaining("第四十六条")
                .hasMessageContaining("cannot precede the acceptance on 2026-03-02");
        assertThat(c).isWaitingAt("Task_HearingAnnouncement");
        announcement.put("announcedDate", "2026-03-10");
        submit("zhangsan", c, "Task_HearingAnnouncement", announcement);
        assertThat(c).isWaitingAt("Task_ScheduleHearing");

        // the applicant was notified on Thursday 03-05, which alone would allow Monday 03-16; but the public learns of
        // the hearing from the announcement of Tuesday 03-10: seven working days later is Thursday 03-19
        // (第四十六条、第四十八条第一款第一项; working days, 第八十二条)
        Map<String, Object> notice = new HashMap<>(Map.of("hearingNoticeDate", "2026-03-05", "hearingDate", "2026-03-18T09:00",
                "hearingPlace", "第一会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕10号"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("hearing-too-soon-after-announcement"))
                .hasMessageContaining("听证最早可安排在 2026-03-19").hasMessageContaining("公告日期 2026-03-10")
                .hasMessageContaining("第四十六条").hasMessageContaining("第四十八条第一款第一项")
                .hasMessageContaining("earliest 2026-03-19");
        assertThat(c).isWaitingAt("Task_ScheduleHearing");
        assertThat(variable(c, "hearingDate")).isNull();
        notice.put("hearingDate", "2026-03-16T09:00");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ScheduleHearing", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("2026-03-19");
        assertThat(c).isWaitingAt("Task_ScheduleHearing");

        // exactly seven working days after the announcement is in time
        notice.put("hearingDate", "2026-03-19T09:00");
        submit("zhangsan", c, "Task_ScheduleHearing", notice);
        assertThat(c).isWaitingAt("Task_HoldHearing");
    }

    @Test
    void aWithdrawnHearingStopsTheClockOnlyUntilTheDayOfTheWithdrawalNotUntilItIsRegistered() {
        ProcessInstance c = hearingRequestedOn16March();
        submit("zhangsan", c, "Task_ScheduleHearing", Map.of("hearingNoticeDate", "2026-03-16", "hearingDate", "2026-03-25T09:00",
                "hearingPlace", "第二会议室", "hearingHost", "zhaoliu", "timeExclusionNoticeNo", "市建许期〔2026〕9号"));
        // the school withdraws its request on Wednesday 2026-03-18; the office registers it on Wednesday 2026-04-01
        at(LocalDateTime.of(2026, 4, 1, 10, 0));
        Map<String, Object> withdrawal = new HashMap<>(Map.of("hearingOutcome", "withdrawn", "hearingWithdrawalNote",
                "沈阳某某小学书面撤回听证申请"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_HoldHearing", withdrawal))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("撤回听证申请日期");
        withdrawal.put("hearingWithdrawnDate", "2026-03-13");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_HoldHearing", withdrawal))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于收到听证申请的日期（2026-03-16）")
                .hasMessageContaining("cannot precede the hearing request");
        assertThat(c).isWaitingAt("Task_HoldHearing");
        assertThat(clocks.isPaused(c.getBusinessKey(), "decision")).isTrue();
        withdrawal.put("hearingWithdrawnDate", "2026-03-18");
        submit("zhangsan", c, "Task_HoldHearing", withdrawal);
        // 第四十五条: only 03-17 and 03-18 are excluded, not the two weeks until the registration: 22 working days after
        // the acceptance on 2026-03-02 is Wednesday 2026-04-01 (not Thursday 2026-04-16)
        assertThat(clocks.pausedWorkingDays(c.getBusinessKey(), "decision")).isEqualTo(2);
        assertThat(c).isWaitingAt("Task_ReviewOpinion").variables().containsEntry("hearingHeld", false);
        assertThat(task(c, "Task_ReviewOpinion").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 1)));
    }

    @Test
    void theNoticeToInterestedPartiesCannotBeDatedBeforeTheReviewThatFoundThem() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        // the review finds on Friday 2026-03-20 that the licence touches the school's major interests (第三十六条)
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, true, false));
        // dated 2026-03-05, the notice would have closed the five working days of 第四十七条 on 2026-03-12, before the
        // school was told: the window's timer would fire at once and the hearing right be lost
        Map<String, Object> notice = new HashMap<>(Map.of("interestedPartyList", "相邻单位：沈阳某某小学", "partyNoticeNo",
                "市建许告〔2026〕8号", "partyNoticeDeliveredDate", "2026-03-05"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_NotifyParties", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于审查核查认定须告知利害关系人之日（2026-03-20）")
                .hasMessageContaining("第四十七条").hasMessageContaining("cannot precede the review");
        assertThat(c).isWaitingAt("Task_NotifyParties");
        assertThat(variable(c, "responseWindowEnd")).isNull();
        notice.put("partyNoticeDeliveredDate", "2026-03-20");
        submit("zhangsan", c, "Task_NotifyParties", notice);
        // five working days from Friday 2026-03-20: Friday 2026-03-27
        assertThat(task(c, "Task_PartyResponse").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 27)));
    }

    @Test
    void theApplicantCannotBeToldOfAnExtensionBeforeItWasApproved() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        at(LocalDateTime.of(2026, 3, 25, 10, 0));
        fireTimer(c, "StartEvent_DecisionWarning", instant(LocalDateTime.of(2026, 3, 25, 0, 0)));
        submit("zhangsan", c, "Task_DeadlineWarning", Map.of("warningAction", "requestExtension",
                "extensionReason", "需补充核查运输路线"));
        submit("zhaoliu", c, "Task_ExtensionApproval", Map.of("extensionDecision", "approve", "extensionOpinion", "同意延长十个工作日"));
        Map<String, Object> notice = new HashMap<>(Map.of("extensionNoticeNo", "市建许延〔2026〕2号", "extensionNoticeDate", "2026-03-20"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ExtensionNotice", notice))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于批准延长之日（2026-03-25）")
                .hasMessageContaining("第四十二条").hasMessageContaining("cannot precede the approval");
        assertThat(c).isWaitingAt("Task_ExtensionNotice");
        notice.put("extensionNoticeDate", "2026-03-25");
        submit("zhangsan", c, "Task_ExtensionNotice", notice);
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey("Task_ExtensionNotice").count()).isZero();
    }
}
