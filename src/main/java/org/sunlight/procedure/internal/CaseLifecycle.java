package org.sunlight.procedure.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.CaseEnded;
import org.sunlight.procedure.CaseLink;
import org.springframework.stereotype.Component;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.PartyChecks;
import org.sunlight.procedure.Vars;

/**
 * Start and end of every case. Each procedure's process element calls
 * {@code ${caseLifecycle.start(execution, 'penalty')}} on start and {@code ${caseLifecycle.end(execution)}} on end.
 * On start the case gets its number (the business key), its handler (the officer who started it) and department,
 * a row in sl_case, and read access for its department — all in the start's transaction.
 */
@Component("caseLifecycle")
public class CaseLifecycle implements Cases {

    private final CaseMapper mapper;
    private final CaseNumbering numbering;
    private final Organization organization;
    private final StatutoryClock clock;
    private final AuthorizationService authorizationService;
    private final ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionTemplate newTransaction;

    CaseLifecycle(CaseMapper mapper, CaseNumbering numbering, Organization organization, StatutoryClock clock,
                  AuthorizationService authorizationService, ApplicationEventPublisher events,
                  org.springframework.transaction.PlatformTransactionManager transactions) {
        this.events = events;
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.mapper = mapper;
        this.numbering = numbering;
        this.organization = organization;
        this.clock = clock;
        this.authorizationService = authorizationService;
    }

    public void start(DelegateExecution execution, String category) {
        String supplied = execution.getProcessBusinessKey();
        if (supplied != null && !supplied.isBlank()) {
            throw new RuleViolation("business-key-supplied", "案号由系统自动编号，发起案件时请勿填写业务键（Business Key）",
                    "The case number is assigned by Sunlight; do not supply a business key");
        }
        String handler = initiator(execution);
        Officer officer = organization.officer(handler).filter(Officer::active).orElseThrow(() -> new RuleViolation(
                "not-an-officer", "只有在册的执法人员可以发起案件", "Only a registered officer can start a case"));
        Department department = organization.department(officer.departmentId()).orElseThrow();

        LocalDate today = clock.today();
        CaseNumbering.Scheme scheme = numbering.scheme(category);
        long sequence = next(scheme.key(), today.getYear());
        String businessKey = String.format("%s-%d-%05d", scheme.key(), today.getYear(), sequence);
        String caseNumber = scheme.display().replace("{year}", String.valueOf(today.getYear()))
                .replace("{seq}", String.valueOf(sequence));

        execution.setProcessBusinessKey(businessKey);
        execution.setVariable("caseNumber", caseNumber);
        execution.setVariable("category", category);
        execution.setVariable("handler", handler);
        execution.setVariable("handlerName", officer.name());
        execution.setVariable("department", department.id());
        execution.setVariable("departmentName", department.name());
        execution.setVariable("actingBody", department.actingBody());

        mapper.insert(new CaseInfo(businessKey, caseNumber, execution.getProcessInstanceId(),
                execution.getProcessDefinitionId().split(":")[0], category, department.id(), handler,
                Vars.text(execution, "partyName"), Vars.text(execution, "partyType"), "open", clock.now(), null));
        grantDepartment(execution.getProcessInstanceId(), department.id());
        String linked = Vars.text(execution, "linkedCase");
        if (linked != null) {
            mapper.insertLink(linked, businessKey, Vars.text(execution, "linkRelation") == null ? "follow-up"
                    : Vars.text(execution, "linkRelation"));
        }
    }

    /**
     * A decision was made: publishes {@link CaseDecided} in the step's transaction. Reads the case's standard variables:
     * decisionDocumentNo, decisionMatter, decisionResult, legalBasis, containsSecrets and the party's (partyType,
     * partyName, partyIdNumber, partyIsMinor, partyAddress, partyPhone).
     */
    public void decided(DelegateExecution execution, String kind) {
        decided(execution, kind, clock.now());
    }

    /**
     * A decision whose publication period runs from an earlier day than its hand-over: an inspection's result is
     * published within 20 working days of the end of the inspection (RULES 5.5, 国发〔2019〕5号), not of the day the
     * result was confirmed or its timer handed it over.
     */
    public void decided(DelegateExecution execution, String kind, Date periodStart) {
        if (periodStart == null) {
            throw new IllegalStateException("No start of the publication period for " + kind);
        }
        CaseInfo info = mapper.findByProcessInstance(execution.getProcessInstanceId());
        if (info == null) {
            throw new IllegalStateException("No case for process instance " + execution.getProcessInstanceId());
        }
        events.publishEvent(new CaseDecided(info.businessKey(), info.caseNumber(), info.processInstanceId(),
                info.category(), kind, periodStart, Vars.text(execution, "decisionDocumentNo"),
                Vars.text(execution, "partyType"), Vars.text(execution, "partyName"),
                Vars.text(execution, "partyIdNumber"), minorParty(execution),
                Vars.flag(execution, "containsSecrets"), Vars.text(execution, "decisionMatter"),
                Vars.text(execution, "decisionResult"), Vars.text(execution, "legalBasis"),
                Vars.text(execution, "actingBody"), info.departmentId(), Vars.text(execution, "partyAddress"),
                Vars.text(execution, "partyPhone")));
    }

    /**
     * The handler's flag, or a party who was a minor when the violation was committed (violationDate, where the
     * procedure has one): a decision on what a child did stays a child's record after the 18th birthday (RULES 1.8;
     * 行政处罚法第三十条 judges age at the violation too). Publicity also checks the age at the decision.
     */
    private boolean minorParty(DelegateExecution execution) {
        return Vars.flag(execution, "partyIsMinor") || PartyChecks.underAgeWhenViolating(execution, clock, 18);
    }

    public void end(DelegateExecution execution) {
        boolean cancelled = execution instanceof ExecutionEntity entity && entity.isCanceled();
        mapper.end(execution.getProcessInstanceId(), cancelled ? "cancelled" : "closed", clock.now());
        String processKey = execution instanceof ExecutionEntity entity ? entity.getProcessDefinition().getKey()
                : execution.getProcessDefinitionId().substring(0, execution.getProcessDefinitionId().indexOf(':'));
        events.publishEvent(new CaseEnded(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), processKey,
                cancelled));
    }

    /**
     * The case gets another handler (承办人), e.g. when the leader recused the handler (回避, 行政处罚法第四十三条): the
     * variables {@code handler} and {@code handlerName}, the register (sl_case) and every open task of the case assigned
     * to, or offered by name to, the previous handler. Later tasks follow {@code ${handler}}. What the previous handler
     * did stays in the history; the change itself is recorded there too (variable and assignment history).
     */
    @Override
    public void reassignHandler(DelegateExecution execution, String officerId) {
        Officer officer = organization.officer(officerId).filter(Officer::active).orElseThrow(() -> new RuleViolation(
                "not-an-officer", "承办人须为在册的执法人员", "The handler must be a registered officer"));
        String previous = Vars.text(execution, "handler");
        execution.setVariable("handler", officer.userId());
        execution.setVariable("handlerName", officer.name());
        mapper.updateHandler(execution.getProcessInstanceId(), officer.userId());
        if (previous == null || previous.equals(officer.userId())) {
            return;
        }
        for (org.camunda.bpm.engine.impl.persistence.entity.TaskEntity task : Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId())) {
            if (previous.equals(task.getAssignee())) {
                task.setAssignee(officer.userId());
            }
            boolean offered = task.getIdentityLinks().stream().anyMatch(link -> previous.equals(link.getUserId())
                    && org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()));
            if (offered) {
                task.deleteCandidateUser(previous);
                task.addCandidateUser(officer.userId());
            }
        }
    }

    private String initiator(DelegateExecution execution) {
        Object initiator = execution.getVariable("initiator");
        if (initiator != null) {
            return initiator.toString();
        }
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication == null) {
            throw new RuleViolation("no-initiator", "无法确定发起案件的执法人员（请登录后发起）",
                    "Cannot tell which officer starts the case (log in first)");
        }
        return authentication.getUserId();
    }

    private long next(String prefix, int year) {
        if (mapper.increment(prefix, year) == 0) {
            // The year's first case: the counter row is created in its own short transaction, then incremented here.
            // Inserting it in the start's transaction deadlocked concurrent first starts on MariaDB: the losers of the
            // duplicate key hold a shared lock on the new row and then all want the exclusive one (penalty benchmark).
            try {
                newTransaction.executeWithoutResult(status -> mapper.insertSequence(prefix, year));
            } catch (DuplicateKeyException createdByAnotherStart) {
                // fine: it exists now
            }
            if (mapper.increment(prefix, year) != 1) {
                throw new IllegalStateException("No case number counter for " + prefix + " " + year);
            }
        }
        return mapper.current(prefix, year);
    }

    /** Officers of the case's department may read the case (runtime and history) — not other departments'. */
    private void grantDepartment(String processInstanceId, String departmentId) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
            Authorization runtime = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            runtime.setGroupId(departmentId);
            runtime.setResource(Resources.PROCESS_INSTANCE);
            runtime.setResourceId(processInstanceId);
            runtime.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(runtime);

            Authorization history = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            history.setGroupId(departmentId);
            history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
            history.setResourceId(processInstanceId);
            history.addPermission(HistoricProcessInstancePermissions.READ);
            authorizationService.saveAuthorization(history);
            return null;
        });
    }

    @Override
    public Optional<CaseInfo> find(String businessKey) {
        return Optional.ofNullable(businessKey).map(mapper::find);
    }

    @Override
    public Optional<CaseInfo> findByProcessInstance(String processInstanceId) {
        return Optional.ofNullable(processInstanceId).map(mapper::findByProcessInstance);
    }

    @Override
    public CaseInfo requireReadable(String businessKey, StaffUser user) {
        return find(businessKey)
                .filter(c -> user.readsAllCases() || user.inGroup(c.departmentId()))
                .orElseThrow(() -> ApiException.notFound("未找到案件 " + businessKey, "No case " + businessKey));
    }

    @Override
    public java.util.List<CaseLink> links(String businessKey) {
        return mapper.links(businessKey);
    }
}
