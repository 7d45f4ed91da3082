package org.sunlight.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;

/**
 * RULES 5.5 (国发〔2019〕5号, local rules): an inspection's result is public within 20 working days of the inspection's
 * end — one limit, which the publication review (公示审查) must meet too. The inspectors confirm, or the timer hands the
 * result over, by the 15th working day (sunlight.inspection.publication-review-working-days = 5), so the review is
 * never overdue the moment it exists. Before, the timer handed over on the 20th working day and the publication review,
 * due the same instant, was late by construction.
 * <p>
 * The inspection ends on Wednesday 2026-04-01; 清明 (04-04..06) and the weekends fall inside: the 15th working day is
 * Thursday 04-23, the 20th Thursday 04-30.
 */
class InspectionPublicationDeadlineTests extends ProcessTest {

    static final Map<String, String> CREDENTIALS = InspectionProcessTests.CREDENTIALS;
    static final LocalDateTime INSPECTION_END = LocalDateTime.of(2026, 4, 1, 11, 0);
    static final Date HAND_OVER_DUE = endOf(LocalDate.of(2026, 4, 23));
    static final Date PUBLICATION_DUE = endOf(LocalDate.of(2026, 4, 30));

    @Autowired InspectionDraws draws;

    private List<Task> tasks(ProcessInstance c, String key) {
        return taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey(key).list();
    }

    private Task targetTask(ProcessInstance c, String key, String entityId) {
        return tasks(c, key).stream().filter(t -> entityId.equals(taskService.getVariable(t.getId(), "targetId")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for " + entityId));
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        as(user);
        try {
            formService.submitTaskForm(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Map<String, Object> compliantRecord(List<String> inspectors) {
        Map<String, Object> v = new HashMap<>();
        v.put("officer1Credential", CREDENTIALS.get(inspectors.get(0)));
        v.put("officer2Credential", CREDENTIALS.get(inspectors.get(1)));
        v.put("credentialsShown", true);
        v.put("inspectionStartedAt", "2026-04-01T09:00");
        v.put("inspectionEndedAt", "2026-04-01T11:00");
        v.put("recordNo", "检查笔录〔2026〕Q2-" + inspectors.get(0) + "号");
        v.put("partyRepresentative", "项目经理王某");
        v.put("findings", "见证取样和检测报告齐全");
        v.put("result", "compliant");
        for (String flag : List.of("majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase",
                "containsSecrets")) {
            v.put(flag, false);
        }
        return v;
    }

    /** A second-quarter plan of JC-JC-01 (two targets of the demo registry), drawn and inspected on 2026-04-01. */
    private ProcessInstance inspected() {
        at(LocalDateTime.of(2026, 3, 30, 9, 0));
        ProcessInstance c = start("zhangsan", "inspection", Map.of("planName", "2026年第二季度建设工程质量检测双随机抽查",
                "planPeriodStart", "2026-03-30", "planPeriodEnd", "2026-04-30"));
        submit("zhangsan", c, "Task_PlanDetails", Map.of("itemCode", "JC-JC-01", "inspectorDepartments", List.of("zhifa", "zhijian")));
        submit("zhaoliu", c, "Task_PlanApproval", Map.of("planDecision", "approve", "planOpinion", "同意"));
        at(LocalDateTime.of(2026, 4, 1, 12, 0));
        for (DrawAlgorithm.Target target : draws.targets(((Number) variable(c, "drawId")).longValue())) {
            complete(target.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", target.id()),
                    compliantRecord(target.inspectors()));
        }
        return c;
    }

    /** The publication reviews (公示审查) the inspection's hand-overs started, by the case's business key. */
    private List<Task> publicationReviews(ProcessInstance c) {
        return taskService.createTaskQuery().processDefinitionKey("publication").processInstanceBusinessKey(c.getBusinessKey())
                .taskDefinitionKey("Task_Review").list();
    }

    private Job publicationOverdueTimer(Task review) {
        return managementService.createJobQuery().processInstanceId(review.getProcessInstanceId()).timers()
                .activityId("Event_PublicationOverdue").singleResult();
    }

    @Test
    void aResultConfirmedByTheInspectorsIsReviewedWithinTwentyWorkingDaysOfTheInspectionsEnd() {
        ProcessInstance c = inspected();
        List<Task> confirmations = tasks(c, "Task_ResultPublication");
        assertThat(confirmations).hasSize(2);
        for (Task confirmation : confirmations) {
            // the limit of the public result, and the earlier day by which the inspectors confirm
            assertThat(taskService.getVariable(confirmation.getId(), "publicationDue")).isEqualTo(PUBLICATION_DUE);
            assertThat(confirmation.getDueDate()).isEqualTo(HAND_OVER_DUE);
        }
        // confirmed on its last day, the 15th working day: the review still has five working days
        at(LocalDateTime.of(2026, 4, 23, 17, 0));
        Task first = confirmations.get(0);
        complete(first.getAssignee(), first, Map.of("publicResult", "检查合格，未发现违法违规问题", "containsSecrets", false));

        Task review = publicationReviews(c).get(0);
        assertThat(review.getDueDate()).as("公示审查 due at the end of the 20th working day after the inspection")
                .isEqualTo(PUBLICATION_DUE);
        assertThat(publicationOverdueTimer(review).getDuedate()).isEqualTo(PUBLICATION_DUE);
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> assertThat(e.decidedAt()).isEqualTo(instant(INSPECTION_END)));
    }

    @Test
    void aResultNobodyConfirmedIsHandedOverEarlyEnoughForItsReviewToMeetTheLimit() {
        ProcessInstance c = inspected();
        Task confirmed = tasks(c, "Task_ResultPublication").get(0);
        complete(confirmed.getAssignee(), confirmed, Map.of("publicResult", "检查合格，未发现违法违规问题",
                "containsSecrets", false));

        // the other is not confirmed: the timer hands it over at the end of the 15th working day, not the 20th
        fireTimer(c, "Event_PublicationDue", HAND_OVER_DUE);
        List<Task> reviews = publicationReviews(c);
        assertThat(reviews).hasSize(2);
        Date now = ClockUtil.getCurrentTime();
        for (Task review : reviews) {
            assertThat(review.getDueDate()).isEqualTo(PUBLICATION_DUE);
            assertThat(publicationOverdueTimer(review).getDuedate()).isEqualTo(PUBLICATION_DUE);
            assertThat(now).as("the review is not overdue when it starts").isBefore(review.getDueDate());
        }
        assertThat(taskService.createTaskQuery().processDefinitionKey("publication")
                .processInstanceBusinessKey(c.getBusinessKey()).taskDefinitionKey("Task_OverdueReview").count()).isZero();
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey()))).hasSize(2)
                .allSatisfy(e -> assertThat(e.decidedAt()).isEqualTo(instant(INSPECTION_END)));

        // the handler reviews on the 20th working day and the result is public within the limit
        at(LocalDateTime.of(2026, 4, 30, 16, 0));
        for (Task review : reviews) {
            Map<String, Object> checked = new HashMap<>();
            for (String text : List.of("publicMatter", "publicResult", "publicLegalBasis")) {
                checked.put(text, taskService.getVariable(review.getId(), text));
            }
            checked.put("reviewDecision", "publish");
            complete(review.getAssignee(), review, checked);
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(review.getProcessInstanceId())
                    .activityId("EndEvent_Published").count()).isOne();
        }
        assertThat(c).isEnded();
    }
}
