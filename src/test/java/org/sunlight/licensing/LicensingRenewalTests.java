package org.sunlight.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.licensing.LicensingCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.RuleViolation;

/**
 * 延续 (行政许可法第五十条): the holder applies at least thirty days before the licence expires; the department decides
 * before it expires, or the renewal is granted by law at the end of the last valid day (Asia/Shanghai). The clock starts
 * on Monday 2026-03-02 09:00 (ProcessTest).
 */
class LicensingRenewalTests extends ProcessTest {

    @Autowired JdbcTemplate jdbc;

    /**
     * A renewal of a general licensing matter, received on the given day, of a licence valid from 2023-05-01 until
     * {@code expiry}.
     */
    static Map<String, Object> renewal(String received, String expiry) {
        return renewal(received, "2023-05-01", expiry);
    }

    static Map<String, Object> renewal(String received, String validFrom, String expiry) {
        Map<String, Object> values = generalApplication(received);
        values.put("applicationType", "renewal");
        values.put("renewedLicenceNo", "市建垃核字〔2023〕15号");
        values.put("licenceValidFrom", validFrom);
        values.put("licenceExpiryDate", expiry);
        return values;
    }

    static String code(Throwable refusal) {
        return ((RuleViolation) refusal).code();
    }

    long licensingCases() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("licensing").count();
    }

    @Test
    void aTimelyRenewalDecidedBeforeExpiryIsGrantedAndTheExpiryWaitEnds() {
        ProcessInstance c = start("zhangsan", "licensing", renewal("2026-03-02", "2026-04-30"));
        assertThat(c).isWaitingAt("Task_AcceptanceReview").variables().containsEntry("applicationType", "renewal")
                .containsEntry("renewalDeemed", false)
                .containsEntry("renewalDeemedAt", endOf(LocalDate.of(2026, 4, 30)));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        assertThat(c).isWaitingAt("Task_SubstantiveReview", "Event_LicenceExpiry");
        assertThat(timer(c, "Event_LicenceExpiry").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 30)));
        // the ordinary 20 working days (第四十二条) end before the licence does: Monday 2026-03-30
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));

        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhaoliu", c, "Task_LicensingDecision", grant());
        assertThat(c).isWaitingAt("Task_IssueCertificate").hasNotPassed("Event_RenewedByLaw");
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).activityId("Event_LicenceExpiry").count()).isZero();
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("licence-granted");
                    assertThat(e.result()).isEqualTo("准予延续行政许可：城市建筑垃圾处置核准");
                });
        submit("zhangsan", c, "Task_IssueCertificate", certificate("2026-03-20"));
        assertThat(c).isEnded().hasPassed("EndEvent_Granted").variables().containsEntry("renewalDeemed", false);
    }

    @Test
    void aTimelyRenewalNotDecidedBeforeExpiryIsGrantedByLawAtTheEndOfTheLastDayAndPublished() {
        ProcessInstance c = start("zhangsan", "licensing", renewal("2026-03-02", "2026-04-10"));
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        assertThat(c).isWaitingAt("Task_ReviewOpinion", "Event_LicenceExpiry");

        // 第五十条第二款: not decided by the end of Friday 2026-04-10, Asia/Shanghai: deemed renewed
        fireTimer(c, "Event_LicenceExpiry", endOf(LocalDate.of(2026, 4, 10)));
        assertThat(c).isEnded().hasPassed("Event_LicenceExpiry", "Event_RenewedByLaw", "EndEvent_RenewedByLaw")
                .hasNotPassed("Task_LicensingDecision", "Task_IssueCertificate");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getId())
                .variableName("renewalDeemed").singleResult().getValue()).isEqualTo(true);
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).count()).isZero();
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).count()).isZero();

        // published like a granted licence (第四十条)
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("licence-granted");
                    assertThat(e.result()).startsWith("视为准予延续行政许可：城市建筑垃圾处置核准").contains("市建垃核字〔2023〕15号");
                    assertThat(e.legalBasis()).isEqualTo("《中华人民共和国行政许可法》第五十条第二款");
                    assertThat(e.decidedAt()).isAfter(endOf(LocalDate.of(2026, 4, 10)));
                });
        assertThat(jdbc.queryForObject("SELECT decision_result FROM sl_publication WHERE business_key = ?", String.class,
                c.getBusinessKey())).startsWith("视为准予延续行政许可");
    }

    @Test
    void aRenewalAppliedForLessThanThirtyDaysBeforeExpiryIsRefusedAndNothingStarts() {
        long before = licensingCases();
        // 2026-03-02 + 30 days = 2026-04-01: a licence expiring on 2026-03-31 was due for renewal by 2026-03-01
        assertThatThrownBy(() -> start("zhangsan", "licensing", renewal("2026-03-02", "2026-03-31")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十条第一款").hasMessageContaining("2026-03-01")
                .hasMessageContaining("Art. 50(1)");
        Map<String, Object> noExpiry = renewal("2026-03-02", "2026-04-30");
        noExpiry.remove("licenceExpiryDate");
        assertThatThrownBy(() -> start("zhangsan", "licensing", noExpiry))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("原许可有效期届满日期");
        Map<String, Object> permit = permitApplication(projectCode(), 50_000_000, 12000, "2026-03-02");
        permit.putAll(Map.of("applicationType", "renewal", "renewedLicenceNo", "210102202503030101",
                "licenceExpiryDate", "2026-06-30"));
        assertThatThrownBy(() -> start("zhangsan", "licensing", permit))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("建筑法第九条");
        assertThat(licensingCases()).isEqualTo(before);

        // exactly thirty days before the expiry is in time
        ProcessInstance onTheDay = start("zhangsan", "licensing", renewal("2026-03-02", "2026-04-01"));
        assertThat(onTheDay).isWaitingAt("Task_AcceptanceReview");
    }

    @Test
    void aRenewalCannotBeDatedBeforeTheLicenceIsValidNorAfterItExpiredAndNothingStarts() {
        long before = licensingCases();
        // the licence is valid from Thursday 2026-03-05: an application received on 2026-03-02 renews nothing yet
        assertThatThrownBy(() -> start("zhangsan", "licensing", renewal("2026-03-02", "2026-03-05", "2029-03-04")))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(code(e)).isEqualTo("renewal-before-validity"))
                .hasMessageContaining("收到延续申请日期（2026-03-02）不能早于原许可有效期起始日期（2026-03-05）")
                .hasMessageContaining("第五十条第一款").hasMessageContaining("cannot precede the licence's validity from 2026-03-05");
        // the licence expired on Friday 2026-02-27: there is nothing left to renew; a new application is needed
        assertThatThrownBy(() -> start("zhangsan", "licensing", renewal("2026-03-02", "2023-02-28", "2026-02-27")))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(code(e)).isEqualTo("renewal-after-expiry"))
                .hasMessageContaining("原许可有效期已于2026-02-27届满").hasMessageContaining("第五十条第一款")
                .hasMessageContaining("expired on 2026-02-27");
        // a validity that ends before it starts is a typing error
        assertThatThrownBy(() -> start("zhangsan", "licensing", renewal("2026-03-02", "2026-05-01", "2026-04-30")))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(code(e)).isEqualTo("invalid-licence-validity"));
        // without the start of the validity (optional), an expired licence is still refused
        Map<String, Object> noStart = renewal("2026-03-02", "2023-02-28", "2026-02-27");
        noStart.remove("licenceValidFrom");
        assertThatThrownBy(() -> start("zhangsan", "licensing", noStart))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(code(e)).isEqualTo("renewal-after-expiry"));
        // received in the future (the clock stands at 2026-03-02)
        assertThatThrownBy(() -> start("zhangsan", "licensing", renewal("2026-03-03", "2026-04-30")))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(code(e)).isEqualTo("date-in-future"));
        assertThat(licensingCases()).isEqualTo(before);

        // received on the first valid day, a licence valid for exactly thirty days is renewed in time
        ProcessInstance c = start("zhangsan", "licensing", renewal("2026-03-02", "2026-03-02", "2026-04-01"));
        assertThat(c).isWaitingAt("Task_AcceptanceReview").variables()
                .containsEntry("licenceValidFrom", instant(LocalDateTime.of(2026, 3, 2, 0, 0)));
    }

    @Test
    void anOrdinaryApplicationIsUnchangedAndHasNoExpiryWait() {
        ProcessInstance c = start("zhangsan", "licensing", generalApplication("2026-03-02"));
        assertThat(c).isWaitingAt("Task_AcceptanceReview").variables().containsEntry("applicationType", "new")
                .containsEntry("renewalDeemed", false).doesNotContainKey("renewalDeemedAt");
        submit("zhangsan", c, "Task_AcceptanceReview", accept());
        assertThat(c).isWaitingAt("Task_SubstantiveReview").hasNotPassed("Event_LicenceExpiry");
        assertThat(managementService.createJobQuery().processInstanceId(c.getId()).activityId("Event_LicenceExpiry").count()).isZero();
        assertThat(task(c, "Task_SubstantiveReview").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));
        submit("zhangsan", c, "Task_SubstantiveReview", reviewDone(false, false, false));
        submit("zhangsan", c, "Task_ReviewOpinion", opinion("grant"));
        submit("zhaoliu", c, "Task_LicensingDecision", grant());
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> assertThat(e.result()).isEqualTo("准予行政许可：城市建筑垃圾处置核准"));
        submit("zhangsan", c, "Task_IssueCertificate", certificate("2026-03-02"));
        assertThat(c).isEnded().hasPassed("EndEvent_Granted").hasNotPassed("Event_RenewedByLaw");
    }
}
