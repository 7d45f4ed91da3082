package org.sunlight.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.CaseLink;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;

/**
 * The inspection procedure (双随机、一公开) with the demo list and registry: plan, verifiable draw, on-site records,
 * publication within 20 working days, rectification and re-inspection, the linked penalty case. The clock starts on
 * Monday 2026-03-02 09:00.
 */
class InspectionProcessTests extends ProcessTest {

    static final Map<String, String> CREDENTIALS = Map.of("zhangsan", "21010020230001", "lisi", "21010020230002",
            "zhouba", "21010020230003", "wujiu", "21010020230004");
    /** Contractors of the demo registry (the population of JC-AQ-01). */
    static final List<String> CONTRACTORS = List.of("91210100MA0Y7A01X4", "91210100MA0Y7B02XC", "91210100MA0Y7C03XL",
            "91210100MA0Y7D04XW", "91210100MA0Y7E05X5", "91210100MA0Y7F06XD");
    static final String CONFLICTED = "91210100MA0Y7C03XL";

    @Autowired InspectionDraws draws;
    @Autowired InspectionMapper mapper;
    @Autowired Cases cases;
    @Autowired JdbcTemplate jdbc;
    @Autowired InspectionCatalogue catalogue;

    private ProcessInstance plan(String item, List<String> departments) {
        ProcessInstance c = start("zhangsan", "inspection", Map.of("planName", "2026年第一季度建筑施工安全双随机抽查",
                "planPeriodStart", "2026-03-02", "planPeriodEnd", "2026-03-31"));
        submit("zhangsan", c, "Task_PlanDetails", Map.of("itemCode", item, "inspectorDepartments", departments));
        return c;
    }

    private ProcessInstance drawn(String item) {
        ProcessInstance c = plan(item, List.of("zhifa", "zhijian"));
        submit("zhaoliu", c, "Task_PlanApproval", Map.of("planDecision", "approve", "planOpinion", "同意"));
        return c;
    }

    private long drawId(ProcessInstance c) {
        return ((Number) variable(c, "drawId")).longValue();
    }

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

    private Map<String, Object> record(List<String> inspectors, String result) {
        Map<String, Object> v = new HashMap<>();
        v.put("officer1Credential", CREDENTIALS.get(inspectors.get(0)));
        v.put("officer2Credential", CREDENTIALS.get(inspectors.get(1)));
        v.put("credentialsShown", true);
        v.put("inspectionStartedAt", "2026-03-03T09:00");
        v.put("inspectionEndedAt", "2026-03-03T11:00");
        v.put("recordNo", "检查笔录〔2026〕" + inspectors.get(0) + "号");
        v.put("partyRepresentative", "项目经理王某");
        v.put("findings", "compliant".equals(result) ? "安全防护设施齐全" : "外脚手架未按专项方案搭设，连墙件缺失");
        v.put("result", result);
        if ("rectify".equals(result)) {
            v.put("rectificationRequirements", "按专项施工方案补设连墙件");
        }
        if ("penalty".equals(result)) {
            v.put("violationCode", "safety-55");
            v.put("violationDate", "2026-03-03");
        }
        for (String flag : List.of("majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase",
                "containsSecrets")) {
            v.put(flag, false);
        }
        return v;
    }

    @Test
    void aListedPlanDrawsTargetsAndInspectorsAndEachTargetIsInspectedPublishedAndHandled() {
        ProcessInstance c = start("zhangsan", "inspection", Map.of("planName", "2026年第一季度建筑施工安全双随机抽查",
                "planPeriodStart", "2026-03-02", "planPeriodEnd", "2026-03-31"));
        assertThat(c.getBusinessKey()).matches("JC-2026-\\d{5}");
        Task details = task(c, "Task_PlanDetails");
        assertThat(((SpinJsonNode) taskService.getVariableLocal(details.getId(), "itemOptions")).toString()).contains("JC-AQ-01");
        // no inspection without a listed basis (RULES 5.1)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PlanDetails", Map.of("itemCode", "JC-XX-99",
                "inspectorDepartments", List.of("zhifa")))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("随机抽查事项清单");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_PlanDetails", Map.of("itemCode", "JC-AQ-01",
                "inspectorDepartments", List.of("fagui")))).isInstanceOf(RuleViolation.class).hasMessageContaining("执法部门");
        submit("zhangsan", c, "Task_PlanDetails", Map.of("itemCode", "JC-AQ-01", "inspectorDepartments", List.of("zhifa", "zhijian")));

        // the seed is committed, not revealed
        String commitment = (String) variable(c, "seedCommitment");
        assertThat(commitment).matches("[0-9a-f]{64}");
        Map<String, Object> before = draws.verify(drawId(c));
        assertThat(before).containsEntry("status", "committed").containsEntry("commitment", commitment).doesNotContainKey("seed");

        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        submit("zhaoliu", c, "Task_PlanApproval", Map.of("planDecision", "approve", "planOpinion", "同意"));
        Map<String, Object> verified = draws.verify(drawId(c));
        assertThat(verified).containsEntry("status", "drawn").containsEntry("intact", true);
        assertThat(DrawAlgorithm.commitment((String) verified.get("seed"))).isEqualTo(commitment);
        assertThat((Map<String, Boolean>) verified.get("checks")).containsOnlyKeys("commitmentMatchesSeed",
                "committedBeforeDraw", "recordMatchesDigest", "anchoredInCaseHistory", "resultReproduced").containsValues(true);

        // 2 high × 0.5, 3 medium × 0.2, 1 low × 0.05: one of each, rounded up (DMN sample-rate)
        List<DrawAlgorithm.Target> targets = draws.targets(drawId(c));
        assertThat(targets).extracting(DrawAlgorithm.Target::riskClass).containsExactly("high", "low", "medium");
        assertThat(targets).extracting(DrawAlgorithm.Target::id).isSubsetOf(CONTRACTORS);
        for (DrawAlgorithm.Target target : targets) {
            assertThat(target.inspectors()).hasSize(2).isSubsetOf("zhangsan", "lisi", "zhouba", "wujiu");
            if (target.id().equals(CONFLICTED)) {
                assertThat(target.inspectors()).doesNotContain("lisi");
            }
        }
        assertThat(variable(c, "targetCount")).isEqualTo(3);

        // one task per target, for the first drawn inspector, with the other as candidate
        List<Task> onSite = tasks(c, "Task_OnSiteInspection");
        assertThat(onSite).hasSize(3);
        Map<String, DrawAlgorithm.Target> byId = targets.stream().collect(Collectors.toMap(DrawAlgorithm.Target::id, Function.identity()));
        for (Task t : onSite) {
            DrawAlgorithm.Target target = byId.get((String) taskService.getVariable(t.getId(), "targetId"));
            assertThat(t.getAssignee()).isEqualTo(target.inspectors().get(0));
            assertThat(t.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 31)));
            assertThat(taskService.getVariable(t.getId(), "partyIdNumber")).isEqualTo(target.id());
        }

        DrawAlgorithm.Target compliant = targets.get(0);
        DrawAlgorithm.Target rectify = targets.get(1);
        DrawAlgorithm.Target penalty = targets.get(2);
        at(LocalDateTime.of(2026, 3, 3, 12, 0));

        // only the drawn inspectors may inspect (双随机)
        List<String> others = CREDENTIALS.keySet().stream().filter(u -> !compliant.inspectors().contains(u)).sorted().toList();
        Task first = targetTask(c, "Task_OnSiteInspection", compliant.id());
        assertThatThrownBy(() -> complete(compliant.inspectors().get(0), first, record(others, "compliant")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("随机选派");
        // not before its plan period and the draw (RULES 5.1, 5.2): the end would also start its publicity (5.5)
        Map<String, Object> early = record(compliant.inspectors(), "compliant");
        early.put("inspectionStartedAt", "2026-02-27T09:00");
        early.put("inspectionEndedAt", "2026-02-27T10:00");
        assertThatThrownBy(() -> complete(compliant.inspectors().get(0), first, early))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于检查计划期间");
        Map<String, Object> noCredentials = record(compliant.inspectors(), "compliant");
        noCredentials.put("credentialsShown", false);
        assertThatThrownBy(() -> complete(compliant.inspectors().get(0), first, noCredentials))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第五十五条");

        complete(compliant.inspectors().get(0), first, record(compliant.inspectors(), "compliant"));
        complete(rectify.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", rectify.id()),
                record(rectify.inspectors(), "rectify"));
        Map<String, Object> penaltyRecord = record(penalty.inspectors(), "penalty");
        penaltyRecord.put("majorThirdPartyRights", true);
        complete(penalty.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", penalty.id()), penaltyRecord);

        // results are public within 20 working days of the inspection's end (2026-03-03): 2026-03-31, publication review
        // included; the inspectors confirm by the 15th working day (2026-03-24), leaving the review its 5 (RULES 5.5)
        Task publication = targetTask(c, "Task_ResultPublication", compliant.id());
        assertThat(taskService.getVariable(publication.getId(), "publicationDue")).isEqualTo(endOf(LocalDate.of(2026, 3, 31)));
        assertThat(publication.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 24)));
        complete(compliant.inspectors().get(0), publication, Map.of("publicResult", "检查合格，未发现违法违规问题",
                "containsSecrets", false));
        String name = mapper.entity(compliant.id()).name();
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("inspection-result");
                    // the 20 working days run from the inspection's end, whenever the result is handed over
                    assertThat(e.decidedAt()).isEqualTo(Date.from(LocalDateTime.of(2026, 3, 3, 11, 0)
                            .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
                    assertThat(e.category()).isEqualTo("inspection");
                    assertThat(e.partyName()).isEqualTo(name);
                    assertThat(e.partyIdNumber()).isEqualTo(compliant.id());
                    assertThat(e.result()).isEqualTo("检查合格，未发现违法违规问题");
                    assertThat(e.matter()).isEqualTo("建筑施工安全生产检查");
                    assertThat(e.legalBasis()).contains("建设工程安全生产管理条例");
                });
        // the timer hands over what was not confirmed, as recorded, on the 15th working day
        org.camunda.bpm.engine.runtime.Job timer = managementService.createJobQuery().processInstanceId(c.getId())
                .activityId("Event_PublicationDue").list().stream()
                .filter(j -> rectify.id().equals(runtimeService.getVariable(j.getExecutionId(), "targetId"))).findFirst().orElseThrow();
        assertThat(timer.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 24)));

        // rectification: no review needed, the leader orders it, re-inspection after the deadline
        Task decision = targetTask(c, "Task_HandlingDecision", rectify.id());
        complete("zhaoliu", decision, Map.of("handlingDecision", "rectify", "handlingOpinion", "责令限期整改"));
        complete(rectify.inspectors().get(0), targetTask(c, "Task_RectificationOrder", rectify.id()), Map.of(
                "rectificationOrderNo", "市建责改〔2026〕3号", "rectificationRequirements", "补设连墙件",
                "rectificationServedDate", "2026-03-03", "rectificationDeadline", "2026-03-10"));
        Task reinspection = targetTask(c, "Task_Reinspection", rectify.id());
        assertThat(reinspection.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 10)));
        Map<String, Object> notRectified = new HashMap<>(Map.of("reinspector1Credential", CREDENTIALS.get(rectify.inspectors().get(0)),
                "reinspector2Credential", CREDENTIALS.get(rectify.inspectors().get(1)), "reinspectionCredentialsShown", true,
                "reinspectedAt", "2026-03-03T11:30", "reinspectionRecordNo", "复查笔录1号", "reinspectionFindings", "仍未补设",
                "reinspectionResult", "notRectified", "violationCode", "safety-55", "violationDate", "2026-03-03"));
        assertThatThrownBy(() -> complete(rectify.inspectors().get(0), reinspection, notRectified))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("届满前");

        // the penalty target goes through legal review (a criterion of 118号) and becomes a linked penalty case
        assertThat(task(c, "Task_LegalReview")).isNotNull();
        submit("wangwu", c, "Task_LegalReview", Map.ofEntries(Map.entry("checkSubject", "ok"),
                Map.entry("checkQualification", "ok"), Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"),
                Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", "同意移送立案"), Map.entry("reviewConclusion", "approved")));
        complete("zhaoliu", targetTask(c, "Task_HandlingDecision", penalty.id()), Map.of("handlingDecision", "penalty",
                "handlingOpinion", "移送立案查处"));
        ProcessInstance penaltyCase = runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-general")
                .variableValueEquals("linkedCase", c.getBusinessKey()).singleResult();
        assertThat(penaltyCase.getBusinessKey()).matches("CF-2026-\\d{5}");
        assertThat(penaltyCase).isWaitingAt("Task_FilingApproval").variables().containsEntry("caseSource", "inspection")
                .containsEntry("partyIdNumber", penalty.id()).containsEntry("handler", penalty.inspectors().get(0))
                .containsEntry("violationCode", "safety-55").containsEntry("discoveredDate", "2026-03-03");
        assertThat(cases.links(c.getBusinessKey())).contains(new CaseLink(c.getBusinessKey(), penaltyCase.getBusinessKey(), "inspection"));
        assertThat(cases.links(penaltyCase.getBusinessKey())).containsExactly(
                new CaseLink(c.getBusinessKey(), penaltyCase.getBusinessKey(), "inspection"));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getId())
                .variableName("penaltyCaseKey").list()).extracting(v -> v.getValue()).contains(penaltyCase.getBusinessKey());

        // after the deadline the target that did not rectify becomes a penalty case too
        at(LocalDateTime.of(2026, 3, 11, 10, 0));
        notRectified.put("reinspectedAt", "2026-03-11T09:30");
        complete(rectify.inspectors().get(0), targetTask(c, "Task_Reinspection", rectify.id()), notRectified);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-general")
                .variableValueEquals("linkedCase", c.getBusinessKey()).count()).isEqualTo(2);

        // the remaining publications are handed over when their confirmation period ends, five working days before
        // the 20 of the public result
        for (org.camunda.bpm.engine.runtime.Job job : managementService.createJobQuery().processInstanceId(c.getId())
                .activityId("Event_PublicationDue").list()) {
            assertThat(job.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 24)));
            managementService.executeJob(job.getId());
        }
        assertThat(taskService.createTaskQuery().processDefinitionKey("publication").processInstanceBusinessKey(c.getBusinessKey())
                .taskDefinitionKey("Task_Review").list()).hasSize(3)
                .allSatisfy(review -> assertThat(review.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 31))));
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey()))).hasSize(3)
                .extracting(CaseDecided::result).contains("发现问题：外脚手架未按专项方案搭设，连墙件缺失。涉嫌违法，依法立案查处");
        assertThat(c).isEnded();
    }

    @Test
    void anInspectorWhoDeclaresAConflictAfterTheDrawIsReplacedAndMayNotInspect() {
        ProcessInstance c = drawn("JC-AQ-01");
        DrawAlgorithm.Target target = draws.targets(drawId(c)).get(0);
        String conflicted = target.inspectors().get(0);
        String other = target.inspectors().get(1);
        try {
            // the conflict comes to light after the draw (回避, 行政处罚法第四十三条)
            catalogue.declare(new org.sunlight.organization.StaffUser(conflicted, List.of("officer")), null, target.id(),
                    "配偶在该公司任项目经理");
            // the draw's own rule with the conflicts known now: the other keeps his place, the next in the order joins
            List<String> now = draws.inspectorsNow(drawId(c), target.id());
            assertThat(now).hasSize(2).contains(other).doesNotContain(conflicted);
            Task task = targetTask(c, "Task_OnSiteInspection", target.id());
            assertThat(taskService.getVariable(task.getId(), "inspectorCandidates")).isEqualTo(String.join(",", now));
            assertThat(now).contains(task.getAssignee());
            assertThat(taskService.getIdentityLinksForTask(task.getId())).filteredOn(l -> "candidate".equals(l.getType()))
                    .extracting(l -> l.getUserId()).containsExactlyInAnyOrderElementsOf(now);
            assertThat(((SpinJsonNode) taskService.getVariableLocal(task.getId(), "inspectorOptions")).toString())
                    .doesNotContain(CREDENTIALS.get(conflicted));

            at(LocalDateTime.of(2026, 3, 3, 12, 0));
            // the conflicted inspector may not take part
            assertThatThrownBy(() -> complete(other, task, record(List.of(conflicted, other), "compliant")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("回避").hasMessageContaining("第四十三条");
            complete(other, task, record(now, "compliant"));
            assertThat(tasks(c, "Task_OnSiteInspection")).hasSize(2);
        } finally {
            jdbc.update("DELETE FROM sl_inspection_conflict WHERE user_id = ? AND entity_id = ?", conflicted, target.id());
        }
    }

    @Test
    void tooFewInspectorsWithoutAConflictRefuseTheApprovalAndChangeNothing() {
        // owners of the registry: 某庚 (medium) and 某辛 (low); the pool of 建设执法支队 is zhangsan and lisi
        mapper.insertConflict(new InspectionConflict("zhangsan", "91210100MA0Y7G07XM", "亲属任该公司法定代表人", "zhangsan", new Date()));
        try {
            ProcessInstance c = plan("JC-XK-01", List.of("zhifa"));
            assertThatThrownBy(() -> submit("zhaoliu", c, "Task_PlanApproval", Map.of("planDecision", "approve",
                    "planOpinion", "同意"))).isInstanceOf(RuleViolation.class).hasMessageContaining("不足2名");
            assertThat(c).isWaitingAt("Task_PlanApproval");
            assertThat(draws.verify(drawId(c))).containsEntry("status", "committed");
        } finally {
            jdbc.update("DELETE FROM sl_inspection_conflict WHERE user_id = 'zhangsan' AND entity_id = '91210100MA0Y7G07XM'");
        }
    }

    @Test
    void aPlanReturnedByTheLeaderGetsANewCommitmentAndTheOldOneIsVoid() {
        ProcessInstance c = plan("JC-ZL-01", List.of("zhifa", "zhijian"));
        long first = drawId(c);
        submit("zhaoliu", c, "Task_PlanApproval", Map.of("planDecision", "reject", "planOpinion", "请改为质量检查事项"));
        submit("zhangsan", c, "Task_PlanDetails", Map.of("itemCode", "JC-JC-01", "inspectorDepartments", List.of("zhifa", "zhijian")));
        assertThat(drawId(c)).isNotEqualTo(first);
        assertThat(draws.verify(first)).containsEntry("status", "withdrawn").doesNotContainKey("seed");
        submit("zhaoliu", c, "Task_PlanApproval", Map.of("planDecision", "approve", "planOpinion", "同意"));
        assertThat(draws.verify(drawId(c))).containsEntry("intact", true).containsEntry("itemCode", "JC-JC-01");
    }

    @Test
    void aTamperedDrawRecordIsDetected() {
        ProcessInstance c = drawn("JC-JC-01");
        long id = drawId(c);
        DrawRecord original = mapper.draw(id);
        assertThat(draws.verify(id)).containsEntry("intact", true);
        try {
            // a target swapped for another entity in the recorded result
            jdbc.update("UPDATE sl_inspection_draw SET result_json = REPLACE(result_json, '91210100MA0Y7L11X2', "
                    + "'91210100MA0Y7M12XA') WHERE id = ?", id);
            assertThat(checks(id)).containsEntry("resultReproduced", false).containsEntry("recordMatchesDigest", false);
            restore(original);

            // another seed
            jdbc.update("UPDATE sl_inspection_draw SET seed = ? WHERE id = ?", "ff" + original.seed().substring(2), id);
            assertThat(checks(id)).containsEntry("commitmentMatchesSeed", false);
            restore(original);

            // rewritten inputs with a digest to match: the digest anchored in the case's history no longer does
            String inputs = original.inputsJson().replace("\"riskClass\":\"high\"", "\"riskClass\":\"low\"");
            jdbc.update("UPDATE sl_inspection_draw SET inputs_json = ?, record_digest = ? WHERE id = ?", inputs,
                    InspectionDraws.digest(inputs, original.resultJson(), original.seed()), id);
            assertThat(checks(id)).containsEntry("recordMatchesDigest", true).containsEntry("anchoredInCaseHistory", false);
            assertThat(draws.verify(id)).containsEntry("intact", false);
        } finally {
            restore(original);
        }
        assertThat(draws.verify(id)).containsEntry("intact", true);
    }

    /**
     * The public verification shows each drawn inspector as the officer he is (name and the credential that qualified
     * him), never by login id — also for a draw recorded before the qualifying credentials were kept with it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theVerificationShowsEachDrawnInspectorByNameAndCredentialNumberNotByLoginId() throws Exception {
        ProcessInstance c = drawn("JC-JC-01");
        long id = drawId(c);
        List<DrawAlgorithm.Target> targets = draws.targets(id);
        Map<String, String> names = Map.of("zhangsan", "张三", "lisi", "李四", "zhouba", "周八", "wujiu", "吴九");
        for (boolean legacy : List.of(false, true)) {
            if (legacy) {
                jdbc.update("UPDATE sl_inspection_draw SET pool_json = NULL WHERE id = ?", id);
            }
            Map<String, Object> verified = draws.verify(id);
            assertThat(verified).containsEntry("intact", true);
            String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(verified);
            assertThat(json).doesNotContain("zhangsan", "lisi", "zhouba", "wujiu");
            List<Map<String, Object>> shown = (List<Map<String, Object>>) verified.get("recordedResult");
            assertThat(shown).hasSameSizeAs(targets);
            for (int t = 0; t < targets.size(); t++) {
                List<Map<String, Object>> officers = (List<Map<String, Object>>) shown.get(t).get("inspectors");
                assertThat(officers).extracting(o -> o.get("credentialNo"))
                        .containsExactlyElementsOf(targets.get(t).inspectors().stream().map(CREDENTIALS::get).toList());
                assertThat(officers).extracting(o -> o.get("name"))
                        .containsExactlyElementsOf(targets.get(t).inspectors().stream().map(names::get).toList());
            }
            assertThat(verified.get("recomputedResult")).isEqualTo(shown);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Boolean> checks(long id) {
        Map<String, Object> verified = draws.verify(id);
        assertThat(verified).containsEntry("intact", false);
        return (Map<String, Boolean>) verified.get("checks");
    }

    private void restore(DrawRecord original) {
        jdbc.update("UPDATE sl_inspection_draw SET seed = ?, inputs_json = ?, result_json = ?, record_digest = ? WHERE id = ?",
                original.seed(), original.inputsJson(), original.resultJson(), original.recordDigest(), original.id());
    }

    @Test
    void aRectifiedTargetAndOneLeftAloneAfterAReturnedReviewEndWithoutAPenaltyCase() {
        ProcessInstance c = drawn("JC-JC-01");
        List<DrawAlgorithm.Target> targets = draws.targets(drawId(c));
        assertThat(targets).hasSize(2);
        DrawAlgorithm.Target rectified = targets.get(0);
        DrawAlgorithm.Target reviewed = targets.get(1);
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        complete(rectified.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", rectified.id()),
                record(rectified.inspectors(), "rectify"));
        Map<String, Object> complex = record(reviewed.inspectors(), "rectify");
        complex.put("complexCase", true);
        complete(reviewed.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", reviewed.id()), complex);

        // a returned review goes back to the inspectors, then again to review (国办发〔2018〕118号四)
        submit("wangwu", c, "Task_LegalReview", Map.ofEntries(Map.entry("checkSubject", "ok"),
                Map.entry("checkQualification", "ok"), Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "problem"),
                Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", "事实不清"), Map.entry("reviewConclusion", "rejected")));
        Task revise = targetTask(c, "Task_ReviseAfterReview", reviewed.id());
        assertThat(taskService.getVariable(revise.getId(), "reviewOpinion")).isEqualTo("事实不清");
        complete(reviewed.inspectors().get(0), revise, Map.of("revisionNote", "补充了检测报告"));
        submit("wangwu", c, "Task_LegalReview", Map.ofEntries(Map.entry("checkSubject", "ok"),
                Map.entry("checkQualification", "ok"), Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"),
                Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", "同意"), Map.entry("reviewConclusion", "approved")));
        complete("zhaoliu", targetTask(c, "Task_HandlingDecision", reviewed.id()), Map.of("handlingDecision", "none",
                "handlingOpinion", "问题已当场纠正，不再处理"));

        complete("zhaoliu", targetTask(c, "Task_HandlingDecision", rectified.id()), Map.of("handlingDecision", "rectify",
                "handlingOpinion", "责令整改"));
        complete(rectified.inspectors().get(0), targetTask(c, "Task_RectificationOrder", rectified.id()), Map.of(
                "rectificationOrderNo", "市建责改〔2026〕4号", "rectificationRequirements", "重新见证取样",
                "rectificationServedDate", "2026-03-03", "rectificationDeadline", "2026-03-13"));
        // rectified before the deadline: the re-inspection may say so at once
        complete(rectified.inspectors().get(0), targetTask(c, "Task_Reinspection", rectified.id()), Map.of(
                "reinspector1Credential", CREDENTIALS.get(rectified.inspectors().get(0)),
                "reinspector2Credential", CREDENTIALS.get(rectified.inspectors().get(1)), "reinspectionCredentialsShown", true,
                "reinspectedAt", "2026-03-03T11:50", "reinspectionRecordNo", "复查笔录2号", "reinspectionFindings", "已整改",
                "reinspectionResult", "rectified"));
        for (Task publication : tasks(c, "Task_ResultPublication")) {
            String inspector = publication.getAssignee();
            complete(inspector, publication, Map.of("publicResult", taskService.getVariable(publication.getId(), "publicResult"),
                    "containsSecrets", false));
        }
        assertThat(c).isEnded().hasPassed("Task_Reinspection", "Task_ReviseAfterReview").hasNotPassed("Task_StartPenaltyCase");
        assertThat(cases.links(c.getBusinessKey())).isEmpty();
    }

    /**
     * 行政处罚法第四十二条、第五十五条 (RULES 5.8): the inspectors must have held valid credentials when they inspected.
     * The record is often entered days later; the credential's validity is judged on the inspection's days (as the
     * case-file scoring does), not on the day of entry.
     */
    @Test
    void credentialsAreJudgedOnTheDayOfTheInspectionNotOfItsEntry() {
        ProcessInstance c = drawn("JC-JC-01");
        List<DrawAlgorithm.Target> targets = draws.targets(drawId(c));
        DrawAlgorithm.Target notYet = targets.get(0);
        DrawAlgorithm.Target expiredSince = targets.get(1);
        String newcomer = CREDENTIALS.get(notYet.inspectors().get(0));
        String leaver = CREDENTIALS.get(expiredSince.inspectors().get(0));
        try {
            // a credential issued on 2026-03-04: its holder had none when inspecting on 2026-03-03
            jdbc.update("UPDATE sl_credential SET valid_from = ? WHERE credential_no = ?", LocalDate.of(2026, 3, 4), newcomer);
            at(LocalDateTime.of(2026, 3, 5, 10, 0));
            Task first = targetTask(c, "Task_OnSiteInspection", notYet.id());
            assertThatThrownBy(() -> complete(notYet.inspectors().get(0), first, record(notYet.inspectors(), "compliant")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining(newcomer).hasMessageContaining("尚未生效");
            assertThat(first.getId()).isEqualTo(targetTask(c, "Task_OnSiteInspection", notYet.id()).getId());
            assertThat(taskService.getVariable(first.getId(), "inspectionEnd")).isNull();
            jdbc.update("UPDATE sl_credential SET valid_from = ? WHERE credential_no = ?", LocalDate.of(2023, 1, 1), newcomer);

            // a credential that expired on 2026-03-04, after an inspection on 2026-03-03: the inspection was lawful
            jdbc.update("UPDATE sl_credential SET valid_to = ? WHERE credential_no = ?", LocalDate.of(2026, 3, 4), leaver);
            complete(expiredSince.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", expiredSince.id()),
                    record(expiredSince.inspectors(), "rectify"));
            assertThat(tasks(c, "Task_OnSiteInspection")).hasSize(1);

            jdbc.update("UPDATE sl_credential SET valid_to = ? WHERE credential_no = ?", LocalDate.of(2028, 12, 31), leaver);

            // the same for a re-inspection on 2026-03-03 entered on 2026-03-05, by a holder whose credential dates from
            // 2026-03-04
            complete("zhaoliu", targetTask(c, "Task_HandlingDecision", expiredSince.id()), Map.of("handlingDecision", "rectify",
                    "handlingOpinion", "责令整改"));
            complete(expiredSince.inspectors().get(0), targetTask(c, "Task_RectificationOrder", expiredSince.id()), Map.of(
                    "rectificationOrderNo", "市建责改〔2026〕5号", "rectificationRequirements", "重新见证取样",
                    "rectificationServedDate", "2026-03-03", "rectificationDeadline", "2026-03-13"));
            String second = CREDENTIALS.get(expiredSince.inspectors().get(1));
            jdbc.update("UPDATE sl_credential SET valid_from = ? WHERE credential_no = ?", LocalDate.of(2026, 3, 4), second);
            Map<String, Object> reinspection = Map.of("reinspector1Credential", leaver, "reinspector2Credential", second,
                    "reinspectionCredentialsShown", true, "reinspectedAt", "2026-03-03T11:50", "reinspectionRecordNo", "复查笔录5号",
                    "reinspectionFindings", "已整改", "reinspectionResult", "rectified");
            Task reinspect = targetTask(c, "Task_Reinspection", expiredSince.id());
            assertThatThrownBy(() -> complete(expiredSince.inspectors().get(0), reinspect, reinspection))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining(second).hasMessageContaining("尚未生效");
            assertThat(taskService.getVariable(reinspect.getId(), "reinspectionResult")).isNull();
            jdbc.update("UPDATE sl_credential SET valid_from = ? WHERE credential_no = ?", LocalDate.of(2023, 1, 1), second);
            complete(expiredSince.inspectors().get(0), reinspect, reinspection);
            assertThat(tasks(c, "Task_Reinspection")).isEmpty();
        } finally {
            jdbc.update("UPDATE sl_credential SET valid_from = ?, valid_to = ? WHERE credential_no IN (?, ?, ?, ?)",
                    LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31), CREDENTIALS.get("zhangsan"), CREDENTIALS.get("lisi"),
                    CREDENTIALS.get("zhouba"), CREDENTIALS.get("wujiu"));
        }
    }

    /**
     * 国办发〔2018〕118号四(十三): the legal review judges the decision proposed on a finding — its facts, law and
     * discretion — so the review task shows what is proposed: the rectification with its requirements, or the transfer
     * for a penalty case with the suspected violation.
     */
    @Test
    void theLegalReviewOfAFindingShowsTheProposedHandling() {
        ProcessInstance c = drawn("JC-JC-01");
        List<DrawAlgorithm.Target> targets = draws.targets(drawId(c));
        DrawAlgorithm.Target rectify = targets.get(0);
        DrawAlgorithm.Target penalty = targets.get(1);
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        Map<String, Object> complex = record(rectify.inspectors(), "rectify");
        complex.put("complexCase", true);
        complete(rectify.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", rectify.id()), complex);
        Task review = task(c, "Task_LegalReview");
        assertThat(taskService.getVariable(review.getId(), "reviewMatter")).asString().contains("工程质量检测机构检测行为检查")
                .contains("检查笔录〔2026〕" + rectify.inspectors().get(0) + "号");
        assertThat(taskService.getVariable(review.getId(), "proposedDecision")).isEqualTo("责令限期整改。整改要求：按专项施工方案补设连墙件");

        Map<String, Object> major = record(penalty.inspectors(), "penalty");
        major.put("majorThirdPartyRights", true);
        complete(penalty.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", penalty.id()), major);
        List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKey(c.getBusinessKey())
                .taskDefinitionKey("Task_LegalReview").list();
        assertThat(reviews).hasSize(2).extracting(t -> taskService.getVariable(t.getId(), "proposedDecision"))
                .contains("移送立案查处（行政处罚普通程序）。涉嫌违法行为：safety-55；违法行为发生日期：2026-03-03");
    }

    /**
     * 逾期未整改 (行政处罚法第二十八条第一款: 限期改正): the party may rectify until the end of the deadline's last day, so only
     * a re-inspection held after it can find him not rectified — whenever its record is entered.
     */
    @Test
    void aReInspectionHeldBeforeTheDeadlineCannotFindTheTargetLateThoughEnteredAfterIt() {
        ProcessInstance c = drawn("JC-JC-01");
        DrawAlgorithm.Target target = draws.targets(drawId(c)).get(0);
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        complete(target.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", target.id()),
                record(target.inspectors(), "rectify"));
        complete("zhaoliu", targetTask(c, "Task_HandlingDecision", target.id()), Map.of("handlingDecision", "rectify",
                "handlingOpinion", "责令整改"));
        complete(target.inspectors().get(0), targetTask(c, "Task_RectificationOrder", target.id()), Map.of(
                "rectificationOrderNo", "市建责改〔2026〕6号", "rectificationRequirements", "重新见证取样",
                "rectificationServedDate", "2026-03-03", "rectificationDeadline", "2026-03-10"));

        at(LocalDateTime.of(2026, 3, 11, 10, 0));
        Map<String, Object> notRectified = new HashMap<>(Map.of("reinspector1Credential", CREDENTIALS.get(target.inspectors().get(0)),
                "reinspector2Credential", CREDENTIALS.get(target.inspectors().get(1)), "reinspectionCredentialsShown", true,
                "reinspectedAt", "2026-03-10T15:00", "reinspectionRecordNo", "复查笔录6号", "reinspectionFindings", "仍未整改",
                "reinspectionResult", "notRectified", "violationCode", "quality-65", "violationDate", "2026-03-03"));
        Task reinspection = targetTask(c, "Task_Reinspection", target.id());
        assertThatThrownBy(() -> complete(target.inspectors().get(0), reinspection, notRectified))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("届满前");
        assertThat(targetTask(c, "Task_Reinspection", target.id()).getId()).isEqualTo(reinspection.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-general")
                .variableValueEquals("linkedCase", c.getBusinessKey()).count()).isZero();

        notRectified.put("reinspectedAt", "2026-03-11T09:00");
        complete(target.inspectors().get(0), reinspection, notRectified);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-general")
                .variableValueEquals("linkedCase", c.getBusinessKey()).count()).isEqualTo(1);
    }

    /** The rectification chain in its order: the finding, then the order served, then the re-inspection. */
    @Test
    void aRectificationOrderFollowsTheInspectionAndTheReInspectionFollowsTheOrder() {
        ProcessInstance c = drawn("JC-JC-01");
        DrawAlgorithm.Target target = draws.targets(drawId(c)).get(0);
        at(LocalDateTime.of(2026, 3, 5, 12, 0));
        Map<String, Object> onSite = record(target.inspectors(), "rectify");
        onSite.put("inspectionStartedAt", "2026-03-04T09:00");
        onSite.put("inspectionEndedAt", "2026-03-04T11:00");
        complete(target.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", target.id()), onSite);
        complete("zhaoliu", targetTask(c, "Task_HandlingDecision", target.id()), Map.of("handlingDecision", "rectify",
                "handlingOpinion", "责令整改"));
        Task order = targetTask(c, "Task_RectificationOrder", target.id());
        Map<String, Object> served = new HashMap<>(Map.of("rectificationOrderNo", "市建责改〔2026〕7号",
                "rectificationRequirements", "重新见证取样", "rectificationServedDate", "2026-03-03", "rectificationDeadline", "2026-03-13"));
        assertThatThrownBy(() -> complete(target.inspectors().get(0), order, served))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于发现问题的现场检查（2026-03-04）");
        assertThat(taskService.getVariable(order.getId(), "rectificationDeadlineEnd")).isNull();
        served.put("rectificationServedDate", "2026-03-05");
        complete(target.inspectors().get(0), order, served);

        Task reinspection = targetTask(c, "Task_Reinspection", target.id());
        Map<String, Object> rectified = new HashMap<>(Map.of("reinspector1Credential", CREDENTIALS.get(target.inspectors().get(0)),
                "reinspector2Credential", CREDENTIALS.get(target.inspectors().get(1)), "reinspectionCredentialsShown", true,
                "reinspectedAt", "2026-03-04T15:00", "reinspectionRecordNo", "复查笔录7号", "reinspectionFindings", "已整改",
                "reinspectionResult", "rectified"));
        assertThatThrownBy(() -> complete(target.inspectors().get(0), reinspection, rectified))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于责令限期整改通知书的送达日期（2026-03-05）");
        assertThat(targetTask(c, "Task_Reinspection", target.id()).getId()).isEqualTo(reinspection.getId());
        rectified.put("reinspectedAt", "2026-03-05T11:00");
        complete(target.inspectors().get(0), reinspection, rectified);
        assertThat(tasks(c, "Task_Reinspection")).isEmpty();
    }

    /**
     * Who may be drawn (行政处罚法第四十二条、第五十五条; RULES 5.8): an inspector whose credential lapses before the
     * approved period ends would be sent for a period in which he may not inspect, with no one to replace him. The pool
     * holds only officers valid until the plan's end.
     */
    @Test
    void anOfficerWhoseCredentialLapsesWithinThePlanPeriodIsNotInThePool() {
        String lapsing = CREDENTIALS.get("zhouba");
        try {
            jdbc.update("UPDATE sl_credential SET valid_to = ? WHERE credential_no = ?", LocalDate.of(2026, 3, 20), lapsing);
            ProcessInstance c = drawn("JC-AQ-01");
            DrawAlgorithm.Inputs inputs = InspectionDraws.read(mapper.draw(drawId(c)).inputsJson(), DrawAlgorithm.Inputs.class);
            assertThat(inputs.inspectors()).containsExactly("lisi", "wujiu", "zhangsan");
            assertThat(draws.targets(drawId(c))).allSatisfy(t -> assertThat(t.inspectors()).doesNotContain("zhouba"));
            assertThat(draws.verify(drawId(c))).containsEntry("intact", true);
        } finally {
            jdbc.update("UPDATE sl_credential SET valid_to = ? WHERE credential_no = ?", LocalDate.of(2028, 12, 31), lapsing);
        }
    }

    /**
     * After a rejected review (国办发〔2018〕118号四; 行政处罚法第五十八条) the inspectors correct what the review found wrong
     * in their proposal — here the suspected violation — and the review, then the penalty case, see the correction.
     */
    @Test
    void aRejectedReviewLetsTheInspectorsCorrectTheProposalTheyResubmit() {
        ProcessInstance c = drawn("JC-JC-01");
        DrawAlgorithm.Target target = draws.targets(drawId(c)).get(0);
        at(LocalDateTime.of(2026, 3, 3, 12, 0));
        Map<String, Object> major = record(target.inspectors(), "penalty");
        major.put("majorThirdPartyRights", true);
        complete(target.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", target.id()), major);
        Map<String, Object> rejected = new HashMap<>(LegalReviewChecklist.of("rejected"));
        rejected.put("checkLaw", "problem");
        rejected.put("reviewOpinion", "定性不准：检测机构未对试块取样检测，应适用质量条例第六十五条");
        submit("wangwu", c, "Task_LegalReview", rejected);

        Task revise = targetTask(c, "Task_ReviseAfterReview", target.id());
        Map<String, Object> revision = new HashMap<>(Map.of("revisionNote", "按审核意见改正涉嫌违法行为",
                "violationCode", "quality-65", "violationDate", "2026-03-04"));
        assertThatThrownBy(() -> complete(target.inspectors().get(0), revise, revision))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能晚于今天");
        assertThat(taskService.getVariable(revise.getId(), "violationCode")).isEqualTo("safety-55");
        revision.put("violationDate", "2026-03-03");
        complete(target.inspectors().get(0), revise, revision);

        Task again = task(c, "Task_LegalReview");
        assertThat(taskService.getVariable(again.getId(), "proposedDecision"))
                .isEqualTo("移送立案查处（行政处罚普通程序）。涉嫌违法行为：quality-65；违法行为发生日期：2026-03-03");
        submit("wangwu", c, "Task_LegalReview", LegalReviewChecklist.of("approved"));
        complete("zhaoliu", targetTask(c, "Task_HandlingDecision", target.id()), Map.of("handlingDecision", "penalty",
                "handlingOpinion", "移送立案查处"));
        ProcessInstance penaltyCase = runtimeService.createProcessInstanceQuery().processDefinitionKey("penalty-general")
                .variableValueEquals("linkedCase", c.getBusinessKey()).singleResult();
        assertThat(penaltyCase).isWaitingAt("Task_FilingApproval").variables().containsEntry("violationCode", "quality-65");
    }

    /** The eight points of 国办发〔2018〕118号四(十三), all answered "ok", with a conclusion. */
    static final class LegalReviewChecklist {
        static Map<String, Object> of(String conclusion) {
            return Map.ofEntries(Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                    Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"), Map.entry("checkLaw", "ok"),
                    Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"), Map.entry("checkCriminal", "ok"),
                    Map.entry("reviewOpinion", "同意"), Map.entry("reviewConclusion", conclusion));
        }
    }

    /** 国办发〔2024〕54号 (RULES 5.7): an inspection needs approval, and the approval covers the plan's period only. */
    @Test
    void anInspectionAfterTheApprovedPeriodIsRefused() {
        ProcessInstance c = drawn("JC-JC-01");
        DrawAlgorithm.Target target = draws.targets(drawId(c)).get(0);
        at(LocalDateTime.of(2026, 4, 1, 12, 0));
        Task onSite = targetTask(c, "Task_OnSiteInspection", target.id());
        Map<String, Object> late = record(target.inspectors(), "compliant");
        late.put("inspectionStartedAt", "2026-03-31T23:00");
        late.put("inspectionEndedAt", "2026-04-01T09:45");
        assertThatThrownBy(() -> complete(target.inspectors().get(0), onSite, late))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("批准的检查计划期间").hasMessageContaining("2026-03-31");
        assertThat(targetTask(c, "Task_OnSiteInspection", target.id()).getId()).isEqualTo(onSite.getId());
        assertThat(taskService.getVariable(onSite.getId(), "inspectionEnd")).isNull();
        // recorded late, but held on the period's last day: within the approval
        Map<String, Object> inTime = record(target.inspectors(), "compliant");
        inTime.put("inspectionStartedAt", "2026-03-31T15:00");
        inTime.put("inspectionEndedAt", "2026-03-31T16:30");
        complete(target.inspectors().get(0), onSite, inTime);
        assertThat(tasks(c, "Task_OnSiteInspection")).hasSize(1);
    }

    /**
     * A drawn target nobody inspected within the approved period (2026-03-02 to Tuesday 2026-03-31) can no longer be
     * inspected under the plan; once the records of inspections held in time have had their five working days to be
     * entered (sunlight.inspection.record-entry-working-days; 清明 2026-04-04..06 not counted: Wednesday 2026-04-08),
     * the inspectors explain why it was missed and the target is done — the case no longer waits on a task that can
     * never be completed.
     */
    @Test
    void aTargetNotInspectedInThePeriodIsExplainedOnceLateRecordsHadTheirDays() {
        ProcessInstance c = drawn("JC-JC-01");
        List<DrawAlgorithm.Target> targets = draws.targets(drawId(c));
        List<org.camunda.bpm.engine.runtime.Job> timers = managementService.createJobQuery().processInstanceId(c.getId())
                .activityId("Event_TargetMissed").list();
        assertThat(timers).hasSize(targets.size())
                .allSatisfy(job -> assertThat(job.getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 4, 8))));

        // the first target was inspected on the period's last day and recorded within the days allowed
        DrawAlgorithm.Target inspected = targets.get(0);
        at(LocalDateTime.of(2026, 4, 7, 10, 0));
        Map<String, Object> inTime = record(inspected.inspectors(), "compliant");
        inTime.put("inspectionStartedAt", "2026-03-31T15:00");
        inTime.put("inspectionEndedAt", "2026-03-31T16:30");
        complete(inspected.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", inspected.id()), inTime);

        at(LocalDateTime.of(2026, 4, 9, 9, 0));
        managementService.createJobQuery().processInstanceId(c.getId()).activityId("Event_TargetMissed").list()
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(tasks(c, "Task_OnSiteInspection")).isEmpty();
        List<Task> missed = tasks(c, "Task_MissedTarget");
        assertThat(missed).hasSize(targets.size() - 1);
        Task first = missed.get(0);
        String inspector = (String) taskService.getVariable(first.getId(), "inspector1");
        assertThat(first.getAssignee()).isEqualTo(inspector);
        assertThatThrownBy(() -> complete(inspector, first, Map.of("missedExplanation", "未能到场")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("未按期检查的原因");
        assertThatThrownBy(() -> complete(inspector, first, Map.of("missedReason", "forgot", "missedExplanation", "未能到场")))
                .isInstanceOf(RuleViolation.class);
        assertThat(tasks(c, "Task_MissedTarget")).hasSize(targets.size() - 1);

        for (Task task : missed) {
            complete((String) taskService.getVariable(task.getId(), "inspector1"), task,
                    Map.of("missedReason", "unreachable", "missedExplanation", "两次按登记地址前往，均无法联系"));
        }
        assertThat(tasks(c, "Task_MissedTarget")).isEmpty();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(c.getId())
                .activityId("EndEvent_TargetMissed").count()).isEqualTo(targets.size() - 1);
    }

    /**
     * 回避 (行政处罚法第四十三条; RULES 5.6): a legal reviewer who declared a conflict of interest with a target may not
     * review its finding, as an inspector with one may not inspect it.
     */
    @Test
    void aLegalReviewerWithADeclaredConflictCannotReviewThatTargetsFinding() {
        ProcessInstance c = drawn("JC-JC-01");
        DrawAlgorithm.Target target = draws.targets(drawId(c)).get(0);
        mapper.insertConflict(new InspectionConflict("wangwu", target.id(), "配偶在该公司任技术负责人", "wangwu", new Date()));
        try {
            at(LocalDateTime.of(2026, 3, 3, 12, 0));
            Map<String, Object> complex = record(target.inspectors(), "rectify");
            complex.put("complexCase", true);
            complete(target.inspectors().get(0), targetTask(c, "Task_OnSiteInspection", target.id()), complex);
            assertThatThrownBy(() -> submit("wangwu", c, "Task_LegalReview", LegalReviewChecklist.of("approved")))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("回避");
            assertThat(task(c, "Task_LegalReview")).isNotNull();
            assertThat(tasks(c, "Task_HandlingDecision")).isEmpty();
        } finally {
            jdbc.update("DELETE FROM sl_inspection_conflict WHERE user_id = 'wangwu' AND entity_id = ?", target.id());
        }
    }
}
