package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;

/**
 * 一事不二罚 (行政处罚法第二十九条; RULES 2.22): a second fine of the same party for the same violation on the same day is
 * pointed out to the legal reviewer and the leader (variable priorFines, shown read-only by their forms), never refused.
 * Each test has parties of its own (random credit codes): the tests share one database.
 */
class PenaltyDoubleFineProcessTests extends ProcessTest {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A valid unified social credit code no other test uses. */
    private static String newCreditCode() {
        StringBuilder code = new StringBuilder("91210100");
        for (int i = 0; i < 9; i++) {
            code.append(USCC_CHARS.charAt(ThreadLocalRandom.current().nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        return code.append(USCC_CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    private static Map<String, Object> registrationOf(String creditCode, String violationDate) {
        Map<String, Object> registration = new HashMap<>(registration());
        registration.put("partyIdNumber", creditCode);
        registration.put("violationDate", violationDate);
        return registration;
    }

    /** Registration to the prior notice delivered on 2026-03-02; complex cases need legal review (第五十八条). */
    private ProcessInstance noticed(Map<String, Object> registration, boolean complex) {
        at(java.time.LocalDateTime.of(2026, 3, 2, 9, 0));
        ProcessInstance c = start("zhangsan", "penalty-general", registration);
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        submit("zhangsan", c, "Task_InvestigationReport", report("none", true, false, complex));
        submit("zhangsan", c, "Task_ProposePenalty", proposal(30000));
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        return c;
    }

    private void windowExpires(ProcessInstance c) {
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
    }

    /** A first case of the party decided with a fine of 30,000 yuan on 2026-03-10. */
    private ProcessInstance decidedWithAFine(Map<String, Object> registration) {
        ProcessInstance first = noticed(registration, false);
        windowExpires(first);
        submit("zhaoliu", first, "Task_LeaderDecision", decision(30000));
        assertThat(first).isWaitingAt("Task_DeliverDecision");
        return first;
    }

    private String caseNumber(ProcessInstance c) {
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getId())
                .variableName("caseNumber").singleResult().getValue();
    }

    private Object taskVariable(Task task, String name) {
        return taskService.getVariable(task.getId(), name);
    }

    private String deployedForm(Task task) {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSecondFineForTheSameActIsPointedOutToTheReviewerAndTheLeaderAndCanStillBeDecided() {
        String party = newCreditCode();
        ProcessInstance second = noticed(registrationOf(party, "2026-02-10"), true);
        ProcessInstance first = decidedWithAFine(registrationOf(party, "2026-02-10"));
        String firstNumber = caseNumber(first);

        windowExpires(second);
        assertThat(second).isWaitingAt("CallActivity_LegalReview");
        Task review = task(second, "Task_LegalReview");
        String notice = (String) taskVariable(review, "priorFines");
        assertThat(notice).startsWith("同一当事人同一违法行为已有罚款决定：案号 " + firstNumber + "（罚款30000元，决定日期2026-03-10）")
                .endsWith("对同一个违法行为不得给予两次以上罚款（行政处罚法第二十九条）。");
        assertThat(deployedForm(review)).contains("\"key\": \"priorFines\"");

        // non-blocking: the review and the decision go on as they would, the leader sees the same notice
        submit("wangwu", second, "Task_LegalReview", review("approved"));
        Task decision = task(second, "Task_LeaderDecision");
        assertThat((String) taskVariable(decision, "priorFines")).isEqualTo(notice);
        assertThat(deployedForm(decision)).contains("\"key\": \"priorFines\"");
        submit("zhaoliu", second, "Task_LeaderDecision", decision(30000));
        assertThat(second).isWaitingAt("Task_DeliverDecision").variables().containsEntry("fineDue", true)
                .containsEntry("priorFines", notice);
        // kept in the case's record (history) like every variable
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(second.getId())
                .variableName("priorFines").singleResult().getValue()).isEqualTo(notice);
    }

    /**
     * A party fined again and again for one act (a data import, a party reused by a client) made the notice grow with
     * every case until it no longer fitted a string variable's 4,000 characters, and the next case's step failed in the
     * database (found by the penalty benchmark, which works hundreds of cases of one party). The notice names ten.
     */
    @Test
    void manyFinesOfOneActStillLeaveTheCaseWorkableAndTheNoticeShort() {
        String party = newCreditCode();
        org.springframework.jdbc.core.JdbcTemplate jdbc = applicationContext.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        for (int i = 1; i <= 150; i++) {
            jdbc.update("INSERT INTO sl_penalty_fine (business_key, case_number, party_id_number, violation_code, "
                    + "violation_date, fine_amount, status, decision_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "IMPORT-" + party + "-" + i, "京建罚〔2025〕第" + (1000 + i) + "号", party, "quality-59",
                    java.sql.Date.valueOf("2026-02-10"), 30000, i % 3 == 0 ? "proposed" : "decided",
                    i % 3 == 0 ? null : java.sql.Date.valueOf("2026-03-01"), new java.sql.Timestamp(System.currentTimeMillis()));
        }
        ProcessInstance c = noticed(registrationOf(party, "2026-02-10"), true);
        windowExpires(c);
        assertThat(c).isWaitingAt("CallActivity_LegalReview");
        String notice = (String) taskVariable(task(c, "Task_LegalReview"), "priorFines");
        assertThat(notice.length()).isLessThan(1000);
        assertThat(notice).contains("（共150件，此处列出前10件）").contains("京建罚〔2025〕第1001号")
                .endsWith("对同一个违法行为不得给予两次以上罚款（行政处罚法第二十九条）。");
        assertThat(notice.split("案号 ")).hasSize(11);
    }

    @Test
    void aFineStillRunningIsPointedOutToo() {
        String party = newCreditCode();
        ProcessInstance first = noticed(registrationOf(party, "2026-02-10"), false);
        ProcessInstance second = noticed(registrationOf(party, "2026-02-10"), false);
        windowExpires(first);
        assertThat(first).isWaitingAt("Task_LeaderDecision");
        windowExpires(second);
        assertThat((String) taskVariable(task(second, "Task_LeaderDecision"), "priorFines"))
                .contains("另有在办案件拟罚款：案号 " + caseNumber(first) + "（拟罚款30000元，尚未决定）")
                .doesNotContain("已有罚款决定");
    }

    @Test
    void anotherViolationDateOrAnotherPartyIdentityShowsNothing() {
        String party = newCreditCode();
        ProcessInstance otherDay = noticed(registrationOf(party, "2026-02-11"), true);
        // the same name (registration's COMPANY) under another credit code is another party: no match on the name alone
        ProcessInstance otherParty = noticed(registrationOf(newCreditCode(), "2026-02-10"), false);
        ProcessInstance sameAct = noticed(registrationOf(party, "2026-02-10"), false);
        ProcessInstance first = decidedWithAFine(registrationOf(party, "2026-02-10"));

        // the control: the same party, violation and day is pointed out
        windowExpires(sameAct);
        assertThat((String) taskVariable(task(sameAct, "Task_LeaderDecision"), "priorFines"))
                .contains("案号 " + caseNumber(first) + "（罚款30000元");

        windowExpires(otherDay);
        assertThat(taskVariable(task(otherDay, "Task_LegalReview"), "priorFines")).isNull();
        submit("wangwu", otherDay, "Task_LegalReview", review("approved"));
        assertThat(taskVariable(task(otherDay, "Task_LeaderDecision"), "priorFines")).isNull();
        windowExpires(otherParty);
        assertThat(taskVariable(task(otherParty, "Task_LeaderDecision"), "priorFines")).isNull();
        submit("zhaoliu", otherParty, "Task_LeaderDecision", decision(30000));
        assertThat(otherParty).isWaitingAt("Task_DeliverDecision");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(otherParty.getId())
                .variableName("priorFines").count()).isZero();
    }

    @Test
    void aCancelledCasesProposalIsNoLongerPointedOut() {
        String party = newCreditCode();
        ProcessInstance cancelled = noticed(registrationOf(party, "2026-02-10"), false);
        ProcessInstance second = noticed(registrationOf(party, "2026-02-10"), false);
        windowExpires(cancelled);
        assertThat(cancelled).isWaitingAt("Task_LeaderDecision");
        runtimeService.deleteProcessInstance(cancelled.getId(), "案件撤销");

        windowExpires(second);
        assertThat(taskVariable(task(second, "Task_LeaderDecision"), "priorFines")).isNull();
    }
}
