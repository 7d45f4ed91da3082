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
                .isInstanceOf(RuleViolation.class).hasMessageContaining("两名不同执法人员");
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
}
