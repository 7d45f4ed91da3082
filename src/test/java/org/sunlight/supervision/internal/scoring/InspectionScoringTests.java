package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * 案卷评查 of inspection (双随机、一公开) on generated history: one plan of the demo list (JC-AQ-01), three drawn
 * targets, each inspected by its two drawn inspectors and its result published. The target items are read per target,
 * from each target's own scope. Its own items: the listed legal basis of the inspection (RULES 5.1), two inspectors per
 * target (RULES 5.6), inspection within the approved plan period (RULES 5.7). The clock starts on Monday 2026-03-02.
 */
class InspectionScoringTests extends ScoringProcessTest {

    static final Map<String, String> CREDENTIALS = Map.of("zhangsan", "21010020230001", "lisi", "21010020230002",
            "zhouba", "21010020230003", "wujiu", "21010020230004");

    ProcessInstance approvedPlan() {
        ProcessInstance c = start("zhangsan", "inspection", Map.of("planName", "2026年第一季度建筑施工安全双随机抽查",
                "planPeriodStart", "2026-03-02", "planPeriodEnd", "2026-03-31"));
        submit("zhangsan", c, "Task_PlanDetails", Map.of("itemCode", "JC-AQ-01", "inspectorDepartments",
                List.of("zhifa", "zhijian")));
        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        submit("zhaoliu", c, "Task_PlanApproval", Map.of("planDecision", "approve", "planOpinion", "同意"));
        assertThat(tasks(c, "Task_OnSiteInspection")).hasSize(3);
        return c;
    }

    List<Task> tasks(ProcessInstance c, String key) {
        return taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey(key).list();
    }

    void complete(String user, Task task, Map<String, Object> variables) {
        as(user);
        try {
            formService.submitTaskForm(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A compliant on-site record by the task's two drawn inspectors, on the given day. */
    void inspect(Task task, String day) {
        String inspector1 = (String) taskService.getVariable(task.getId(), "inspector1");
        String inspector2 = (String) taskService.getVariable(task.getId(), "inspector2");
        Map<String, Object> v = new HashMap<>();
        v.put("officer1Credential", CREDENTIALS.get(inspector1));
        v.put("officer2Credential", CREDENTIALS.get(inspector2));
        v.put("credentialsShown", true);
        v.put("inspectionStartedAt", day + "T09:00");
        v.put("inspectionEndedAt", day + "T11:00");
        v.put("recordNo", "检查笔录〔2026〕" + task.getId() + "号");
        v.put("partyRepresentative", "项目经理王某");
        v.put("findings", "安全防护设施齐全");
        v.put("result", "compliant");
        for (String flag : List.of("majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase",
                "containsSecrets")) {
            v.put(flag, false);
        }
        complete(inspector1, task, v);
    }

    /** Every target inspected (on the given day), then every result published; the plan is done. */
    void inspectAndPublishAll(ProcessInstance c, String day) {
        for (Task task : tasks(c, "Task_OnSiteInspection")) {
            inspect(task, day);
        }
        publishAll(c);
    }

    void publishAll(ProcessInstance c) {
        for (Task task : tasks(c, "Task_ResultPublication")) {
            complete((String) taskService.getVariable(task.getId(), "inspector1"), task,
                    Map.of("publicResult", "检查合格，未发现违法违规问题", "containsSecrets", false));
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getEndTime()).as("plan done").isNotNull();
    }

    @Test
    void aCleanPlanScoresFullMarks() {
        ProcessInstance c = approvedPlan();
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        inspectAndPublishAll(c, "2026-03-03");
        CaseScore score = score(c);
        assertThat(score.findings()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void vetoWhenOneTargetWasInspectedByFewerThanTwoInspectors() {
        ProcessInstance c = approvedPlan();
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        List<Task> onSite = tasks(c, "Task_OnSiteInspection");
        for (Task task : onSite) {
            inspect(task, "2026-03-03");
        }
        // one target's record is changed afterwards to a single inspector, in that target's own scope
        Task publication = tasks(c, "Task_ResultPublication").get(0);
        String party = (String) taskService.getVariable(publication.getId(), "partyName");
        String alone = (String) taskService.getVariable(publication.getId(), "inspector1");
        taskService.setVariable(publication.getId(), "actingOfficers", alone);
        assertThat(taskService.getVariable(publication.getId(), "actingOfficers")).isEqualTo(alone);
        assertThat(runtimeService.getVariable(c.getId(), "actingOfficers")).as("not the plan's own").isNull();
        publishAll(c);
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-TWO-OFFICERS");
        assertThat(score.score()).isZero();
        Finding finding = finding(score, "V-TWO-OFFICERS");
        assertThat(finding.basis()).contains("RULES §8.2").contains("§5.6");
        assertThat(finding.fact()).containsEntry("officerCount", 1);
        // one proof per inspected target; the changed one names the single inspector
        assertThat(finding.proofs()).hasSize(3).filteredOn(p -> alone.equals(p.value())).singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo("variable");
                    assertThat(p.name()).isEqualTo("actingOfficers");
                    assertThat(p.id()).isNotBlank();
                });
        assertThat(party).isNotBlank();
    }

    @Test
    void vetoLegalBasisWhenThePlanRecordsNoListedBasis() {
        ProcessInstance c = approvedPlan();
        runtimeService.setVariable(c.getId(), "legalBasis", "");
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        inspectAndPublishAll(c, "2026-03-03");
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-LEGAL-BASIS");
        assertThat(finding(score, "V-LEGAL-BASIS").basis()).contains("§5.1");
    }

    @Test
    void anInspectionRecordedAfterTheApprovedPlanPeriodDeducts() {
        ProcessInstance c = approvedPlan();
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        List<Task> onSite = tasks(c, "Task_OnSiteInspection");
        inspect(onSite.get(0), "2026-03-03");
        inspect(onSite.get(1), "2026-03-03");
        for (Task task : tasks(c, "Task_ResultPublication")) {
            complete((String) taskService.getVariable(task.getId(), "inspector1"), task,
                    Map.of("publicResult", "检查合格，未发现违法违规问题", "containsSecrets", false));
        }
        // the plan period ended on 2026-03-31; the third target's record is completed on 2026-04-01 (an inspection held
        // after the period is refused by the procedure itself: it has no approval, 国办发〔2024〕54号)
        at(LocalDateTime.of(2026, 4, 1, 12, 0));
        inspect(onSite.get(2), "2026-03-31");
        publishAll(c);
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-LATE-STEPS");
        assertThat(score.score()).isEqualTo(90);
        Finding late = finding(score, "D-LATE-STEPS");
        assertThat(late.basis()).contains("§5.7");
        assertThat(late.notes()).singleElement().asString().contains("现场检查").contains("2026-03-31")
                .contains("2026-04-01");
        assertThat(late.proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("task");
            assertThat(p.id()).isEqualTo(onSite.get(2).getId());
        });
    }
}
