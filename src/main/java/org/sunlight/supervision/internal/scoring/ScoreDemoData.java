package org.sunlight.supervision.internal.scoring;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile: three closed penalty cases worked in March 2026 by the demo users, so that the 案卷评查 page has
 * something to show from a clean clone — a clean file without evidence files (95), a late delivery (85) and a file
 * whose record names one officer only (veto, 0). Seeded once: nothing is done when a closed penalty case exists.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "sunlight.supervision.demo-cases", havingValue = "true", matchIfMissing = true)
class ScoreDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreDemoData.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final FormService formService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final CaseScoring scoring;

    ScoreDemoData(JdbcTemplate jdbc, RepositoryService repositoryService, RuntimeService runtimeService,
                  FormService formService, TaskService taskService, ManagementService managementService,
                  IdentityService identityService, CaseScoring scoring) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.formService = formService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.scoring = scoring;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        Integer closed = jdbc.queryForObject("SELECT COUNT(*) FROM sl_case WHERE process_key = 'penalty-general' "
                + "AND status = 'closed'", Integer.class);
        if (closed != null && closed > 0) {
            return;
        }
        try {
            ProcessInstance clean = decided("沈阳某某建设工程有限公司", "91210100MA0Y6XQ12A", false, 7);
            close(clean, "2026-03-10", 3, 20, 7);
            ProcessInstance late = decided("沈阳某某房地产开发有限公司", "91210100MA0Y7J09X6", false, 8);
            close(late, "2026-03-20", 3, 20, 8);
            ProcessInstance oneOfficer = decided("沈阳某某监理有限公司", "91210100MA0Y7C03XL", true, 9);
            close(oneOfficer, "2026-03-10", 3, 20, 9);
            scoring.rescoreOutdated(10);
            LOG.info("Seeded three closed penalty cases for the case-file scoring page (案卷评查)");
        } catch (RuntimeException e) {
            LOG.warn("Demo cases for case-file scoring were not seeded", e);
        } finally {
            ClockUtil.reset();
            identityService.clearAuthentication();
        }
    }

    private static Date at(int month, int day, int hour) {
        return Date.from(LocalDateTime.of(2026, month, day, hour, 0).atZone(ZONE).toInstant());
    }

    /** @param no the case's document numbers (文书编号), one per case as a department numbers them */
    private ProcessInstance decided(String party, String code, boolean oneOfficer, int no) {
        ClockUtil.setCurrentTime(at(3, 2, 9));
        as("zhangsan");
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("penalty-general")
                .latestVersion().singleResult().getId();
        ProcessInstance c = formService.submitStartForm(definition, Map.ofEntries(
                Map.entry("caseSource", "inspection"), Map.entry("partyType", "organization"),
                Map.entry("partyName", party), Map.entry("partyIdNumber", code),
                Map.entry("partyAddress", "沈阳市和平区南京北街1号"), Map.entry("partyPhone", "024-23456789"),
                Map.entry("violationCode", "quality-59"), Map.entry("violationDate", "2026-02-10"),
                Map.entry("discoveredDate", "2026-02-27"),
                Map.entry("caseSummary", "某住宅工程竣工验收后三个月未向城建档案馆移交建设项目档案")));
        identityService.clearAuthentication();
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false,
                "filingOpinion", ""));
        submit("zhangsan", c, "Task_Investigation", Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问〔2026〕" + no + "号",
                "inspectionRecordNo", "", "evidenceSummary", "询问笔录1份；现场照片6张；档案馆证明1份"));
        if (oneOfficer) {
            // as an older version of the form allowed: the record names one officer only
            runtimeService.setVariable(c.getId(), "actingOfficers", "zhangsan");
        }
        submit("zhangsan", c, "Task_InvestigationReport", Map.ofEntries(
                Map.entry("factsFound", "当事人作为建设单位，工程竣工验收后未按规定移交建设项目档案"),
                Map.entry("violationCode", "quality-59"), Map.entry("consequence", "none"),
                Map.entry("rectified", true), Map.entry("repeatOffense", false),
                Map.entry("majorPublicInterest", false), Map.entry("majorSocialImpact", false),
                Map.entry("majorThirdPartyRights", false), Map.entry("complexCase", false),
                Map.entry("seriousCase", false)));
        submit("zhangsan", c, "Task_ProposePenalty", Map.of("penaltyKind", "fine", "fineAmount", 30000,
                "otherMeasures", "责令限期移交档案", "deviationReason", ""));
        submit("zhangsan", c, "Task_PriorNotice", Map.of("noticeDocumentNo", "市建罚告〔2026〕" + no + "号",
                "noticeDeliveryMethod", "direct", "noticeDeliveredDate", "2026-03-02"));
        ClockUtil.setCurrentTime(at(3, 10, 8));
        Job window = managementService.createJobQuery().processInstanceId(c.getId()).timers()
                .activityId("Event_ResponseWindowExpired").singleResult();
        if (window != null) {
            try {
                managementService.executeJob(window.getId());
            } catch (OptimisticLockingException e) {
                // the job executor fired it first
            }
        }
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "penalty", "finalPenaltyKind", "fine",
                "finalFine", 30000, "decisionDocumentNo", "市建罚决〔2026〕" + no + "号", "decisionOpinion", "同意"));
        return c;
    }

    private void close(ProcessInstance c, String deliveredOn, int month, int day, int no) {
        ClockUtil.setCurrentTime(at(month, day, 10));
        submit("zhangsan", c, "Task_DeliverDecision", Map.of("deliveryMethod", "direct", "deliveredDate", deliveredOn,
                "deliveryReceiptNo", "送达〔2026〕" + no + "号"));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", String.format("2026-%02d-%02d", month, day),
                "paidAmount", 30000, "paymentReceiptNo", "非税〔2026〕" + (80 + no) + "号"));
        submit("zhaoliu", c, "Task_Closure", Map.of("executionStatus", "executed", "closureOpinion", "执行完毕，同意结案"));
    }

    private void as(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
    }

    private void submit(String user, ProcessInstance c, String taskKey, Map<String, Object> variables) {
        identityService.clearAuthentication();
        Task task = taskService.createTaskQuery().processInstanceId(c.getId()).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("Demo case " + c.getBusinessKey() + " is not at " + taskKey);
        }
        as(user);
        try {
            formService.submitTaskForm(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
