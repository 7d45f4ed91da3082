package org.sunlight.supervision.internal.watch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.StatutoryClock;

/**
 * Demo cases for the deadline watch and the analytics page, in the demo profile, once: real cases driven through
 * their procedures as if started weeks ago (the engine's clock is set back while they are driven, then reset), so
 * that the record, the due dates and the clocks are what the procedures computed — a penalty case past its 90 days,
 * one nearing them, one past its promised 60 days only, and a licensing case whose clock stands still for an expert
 * review. Run when the context is refreshed, before the job executor starts. Skipped when any of them exists.
 */
@Component
@Profile("demo")
class WatchDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(WatchDemoData.class);
    static final String MARK = "（演示）";

    private final FormService forms;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RepositoryService repository;
    private final DeadlineMapper mapper;
    private final StatutoryClock clock;
    private final boolean enabled;

    WatchDemoData(FormService forms, TaskService tasks, IdentityService identity, RepositoryService repository,
                  DeadlineMapper mapper, StatutoryClock clock,
                  @Value("${sunlight.supervision.watch.demo-cases:true}") boolean enabled) {
        this.forms = forms;
        this.tasks = tasks;
        this.identity = identity;
        this.repository = repository;
        this.mapper = mapper;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ContextRefreshedEvent.class)
    void seed() {
        if (!enabled || mapper.demoCases(MARK + "%") > 0 || identity.createUserQuery().userId("zhangsan").count() == 0) {
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.now().toInstant(), clock.zone());
        try {
            penalty(now.minusDays(100), "沈阳某某建筑工程有限公司");
            penalty(now.minusDays(88), "沈阳某某市政工程有限公司");
            penalty(now.minusDays(70), "沈阳某某装饰工程有限公司");
            licensingInExpertReview(now.minusDays(40));
            LOG.info("Seeded the demo cases of the deadline watch (期限监督演示案件)");
        } catch (RuntimeException e) {
            LOG.warn("Demo cases of the deadline watch not seeded: {}", e.getMessage());
        } finally {
            ClockUtil.reset();
            identity.clearAuthentication();
        }
    }

    private void penalty(LocalDateTime at, String party) {
        at(at);
        LocalDate day = at.toLocalDate();
        ProcessInstance c = start("zhangsan", "penalty-general", Map.of("caseSource", "inspection",
                "partyType", "organization", "partyName", MARK + party, "partyIdNumber", "91210100MA0Y6XQ12A",
                "partyAddress", "沈阳市和平区南京北街1号", "partyPhone", "024-23456789", "violationCode", "quality-59",
                "violationDate", day.minusDays(40).toString(), "discoveredDate", day.minusDays(3).toString(),
                "caseSummary", "某住宅工程竣工验收后三个月未向城建档案馆移交建设项目档案（演示）"));
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false,
                "filingOpinion", ""));
    }

    private void licensingInExpertReview(LocalDateTime at) {
        at(at);
        Map<String, Object> application = new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "general"),
                Map.entry("licenceMatterName", "城市建筑垃圾处置核准"), Map.entry("partyType", "organization"),
                Map.entry("partyName", MARK + "沈阳某某运输有限公司"), Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"),
                Map.entry("partyAddress", "沈阳市沈河区青年大街2号"),
                Map.entry("submittedMaterials", List.of("applicationForm", "other")),
                Map.entry("materialsNote", "运输车辆清单、处置场所证明"),
                Map.entry("receivedDate", at.toLocalDate().toString())));
        ProcessInstance c = start("zhangsan", "licensing", application);
        submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "accept",
                "acceptanceNoticeNo", "市建许受（演示）1号"));
        at(at.plusDays(3));
        submit("zhangsan", c, "Task_SubstantiveReview", new HashMap<>(Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "verificationNote", "材料齐全，需专家评审（演示）",
                "reviewStep", "specialProcedure", "specialProcedureKind", "expertReview",
                "specialProcedureTime", "约60日", "timeExclusionNoticeNo", "市建许期（演示）1号")));
    }

    private void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(clock.zone()).toInstant()));
    }

    private void as(String user) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
    }

    private ProcessInstance start(String user, String processKey, Map<String, Object> variables) {
        as(user);
        try {
            String definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                    .latestVersion().singleResult().getId();
            return forms.submitStartForm(definition, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void submit(String user, ProcessInstance c, String activity, Map<String, Object> variables) {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(c.getBusinessKey())
                .taskDefinitionKey(activity).singleResult().getId();
        as(user);
        try {
            forms.submitTaskForm(task, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
