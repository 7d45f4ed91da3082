package org.sunlight.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * legal-review: separation of duties is enforced by the engine, not only by group membership. lisi, an officer who
 * investigated the case, is given the legalReviewer group for these tests: he still may neither claim nor complete the
 * review of his own case.
 */
class LegalReviewProcessTests extends ProcessTest {

    @BeforeEach
    void lisiAlsoInLegalReviewGroup() {
        identityService.createMembership("lisi", "legalReviewer");
    }

    @AfterEach
    void removeMembership() {
        identityService.deleteMembership("lisi", "legalReviewer");
    }

    private ProcessInstance caseAtReview() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseNumber", "市建罚〔2026〕99号");
        vars.put("category", "penalty");
        vars.put("handler", "zhangsan");
        vars.put("actingOfficers", "zhangsan,lisi");
        vars.put("penaltyKind", "fine");
        vars.put("fineAmount", 90000.0);
        return runtimeService.startProcessInstanceByKey("legal-review", "CF-TEST-REVIEW-" + System.nanoTime(), vars);
    }

    static Map<String, Object> checklist(String conclusion, String lawPoint) {
        return Map.ofEntries(Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"), Map.entry("checkLaw", lawPoint),
                Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"), Map.entry("checkCriminal", "ok"),
                Map.entry("reviewOpinion", "意见"), Map.entry("reviewConclusion", conclusion));
    }

    @Test
    void theReviewIsDueTheConfiguredWorkingDaysAfterItWasSent() {
        // local policy, not law (RULES 1.19): sunlight.review.working-days, 7 in application.yaml
        assertThat(applicationContext.getEnvironment().getProperty("sunlight.review.working-days", Integer.class))
                .isEqualTo(7);
        // sent on Friday 2026-09-25: 09-28, 09-29, 09-30, then the National Day holiday (10-01 .. 10-07), 10-08, 10-09,
        // Saturday 10-10 (an adjusted working day), Monday 10-12 is the seventh working day
        at(java.time.LocalDateTime.of(2026, 9, 25, 16, 0));
        ProcessInstance review = caseAtReview();
        assertThat(task(review, "Task_LegalReview").getDueDate()).isEqualTo(endOf(java.time.LocalDate.of(2026, 10, 12)));
        // another department's policy, 3 working days: the process reads it, it holds no number of its own
        Object deadline = applicationContext.getBean("reviewDeadline");
        Object configured = org.springframework.test.util.ReflectionTestUtils.getField(deadline, "policy");
        try {
            org.springframework.test.util.ReflectionTestUtils.setField(deadline, "policy",
                    org.springframework.beans.BeanUtils.instantiateClass(configured.getClass().getDeclaredConstructors()[0], 3));
            ProcessInstance shorter = caseAtReview();
            // 09-28, 09-29, 09-30 are the three working days after Friday 09-25
            assertThat(task(shorter, "Task_LegalReview").getDueDate()).isEqualTo(endOf(java.time.LocalDate.of(2026, 9, 30)));
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(deadline, "policy", configured);
        }
    }

    @Test
    void anInvestigatorCannotClaimOrCompleteTheReviewOfHisCase() {
        ProcessInstance review = caseAtReview();
        Task task = task(review, "Task_LegalReview");
        as("lisi");
        try {
            assertThatThrownBy(() -> taskService.claim(task.getId(), "lisi"))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("回避");
            assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), checklist("approved", "ok")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("回避");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(review).isWaitingAt("Task_LegalReview");
        submit("wangwu", review, "Task_LegalReview", checklist("approved", "ok"));
        assertThat(review).isEnded().variables().containsEntry("reviewApproved", true).containsEntry("reviewerId", "wangwu");
    }

    @Test
    void theHandlerCannotEvenSeeTheReviewTask() {
        ProcessInstance review = caseAtReview();
        Task task = task(review, "Task_LegalReview");
        as("zhangsan");
        try {
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
            assertThatThrownBy(() -> taskService.complete(task.getId()))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void aReviewWithAProblemCannotApprove() {
        ProcessInstance review = caseAtReview();
        assertThatThrownBy(() -> submit("wangwu", review, "Task_LegalReview", checklist("approved", "problem")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("裁量基准");
        submit("wangwu", review, "Task_LegalReview", checklist("rejected", "problem"));
        assertThat(review).isEnded().variables().containsEntry("reviewApproved", false);
    }

    @Test
    void reviewerMustBeQualified() {
        ProcessInstance review = caseAtReview();
        identityService.createMembership("zhouba", "legalReviewer");
        try {
            assertThatThrownBy(() -> submit("zhouba", review, "Task_LegalReview", checklist("approved", "ok")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十八条第二款");
        } finally {
            identityService.deleteMembership("zhouba", "legalReviewer");
        }
    }

    /** 行政处罚法第四十三条: a reviewer the calling case recused (its recusedOfficers) may neither claim nor complete it. */
    @Test
    void aReviewerRecusedFromTheCaseCannotReviewIt() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseNumber", "市建检〔2026〕98号");
        vars.put("category", "inspection");
        vars.put("handler", "zhangsan");
        vars.put("actingOfficers", "zhangsan,lisi");
        vars.put("recusedOfficers", "wangwu");
        ProcessInstance review = runtimeService.startProcessInstanceByKey("legal-review", "JC-TEST-REVIEW-" + System.nanoTime(), vars);
        Task task = task(review, "Task_LegalReview");
        as("wangwu");
        try {
            assertThatThrownBy(() -> taskService.claim(task.getId(), "wangwu"))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("回避").hasMessageContaining("第四十三条");
            assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), checklist("approved", "ok")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("回避");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(review).isWaitingAt("Task_LegalReview");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }
}
