package org.sunlight.record.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.CaseLink;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.StatutoryClock;

/**
 * The case's whole-process record read from the engine's history (level FULL) and Sunlight's evidence, as one
 * timeline in order: start, activities, tasks (who, credential, created, claimed, completed, due vs actual), form
 * submissions (each value old → new), DMN evaluations (inputs, outputs, version), comments, evidence (hashes),
 * operations (who cancelled, modified, migrated), incidents; called sub-processes (legal review) included; linked
 * cases listed. Each item carries its stage of the standard case file (立案 → 调查 → 审查 → 决定 → 送达 → 执行).
 */
@Component
class RecordTimeline {

    /** The record of one case. */
    record Timeline(Map<String, Object> caseInfo, List<Map<String, Object>> processes, List<Map<String, Object>> links,
                    List<Item> items, List<EvidenceItem> evidence) {
    }

    /** One event of the record. {@code details} hold the kind-specific facts. */
    record Item(Date time, String kind, String kindZh, String title, String stage, String stageZh, String userId,
                String userName, String processInstanceId, String activityId, Map<String, Object> details) {
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Cases cases;
    private final EngineAccess engine;
    private final HistoryService history;
    private final TaskService taskService;
    private final RepositoryService repository;
    private final EvidenceMapper evidence;
    private final Organization organization;
    private final StatutoryClock clock;
    private final ChainMapper chain;
    private final FormLabels formLabels;

    RecordTimeline(Cases cases, EngineAccess engine, HistoryService history, TaskService taskService,
                   RepositoryService repository, EvidenceMapper evidence, Organization organization,
                   StatutoryClock clock, ChainMapper chain, FormLabels formLabels) {
        this.chain = chain;
        this.formLabels = formLabels;
        this.cases = cases;
        this.engine = engine;
        this.history = history;
        this.taskService = taskService;
        this.repository = repository;
        this.evidence = evidence;
        this.organization = organization;
        this.clock = clock;
    }

    Timeline of(CaseInfo info) {
        return engine.asSystem(() -> build(info));
    }

    private Timeline build(CaseInfo info) {
        String root = engine.chainKey(info);
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(root).orderByProcessInstanceStartTime().asc().list();
        List<Sortable> items = new ArrayList<>();
        List<Map<String, Object>> processes = new ArrayList<>();
        Map<String, String> userNames = new HashMap<>();
        StageRules stages = new StageRules(repository);

        for (HistoricProcessInstance instance : instances) {
            processes.add(map("processInstanceId", instance.getId(), "processKey", instance.getProcessDefinitionKey(),
                    "processName", instance.getProcessDefinitionName(), "version", instance.getProcessDefinitionVersion(),
                    "superProcessInstanceId", instance.getSuperProcessInstanceId(), "state", instance.getState(),
                    "startTime", instance.getStartTime(), "endTime", instance.getEndTime()));
            collect(instance, items, userNames, stages, info);
        }
        for (EvidenceItem item : evidence.ofCase(info.businessKey())) {
            Date uploaded = Date.from(item.uploadedAt().atZone(clock.zone()).toInstant());
            items.add(new Sortable(uploaded, 5, 0, null, "evidence", "证据材料",
                    "上传证据：" + item.fileName(), item.uploaderId(), null, item.taskKey(), map(
                    "evidenceId", item.id(), "taskId", item.taskId(), "taskName", item.taskName(),
                    "fileName", item.fileName(), "mediaType", item.mediaType(), "sizeBytes", item.sizeBytes(),
                    "sha256", item.sha256(), "capturedAt", item.capturedAt(), "deviceNote", item.deviceNote(),
                    "credentialNo", item.credentialNo())).row(RecordTables.EVIDENCE, String.valueOf(item.id())));
        }
        // Within a second (MySQL keeps whole seconds; one step writes many rows at once) the chain's sequence is the
        // order in which the engine wrote the rows; without it, kinds and activity occurrence decide.
        Map<String, ChainMapper.RowSeq> seqs = new HashMap<>();
        chain.rowSeqs(root).forEach(r -> seqs.put(r.tableName() + '#' + r.rowId(), r));
        for (Sortable item : items) {
            ChainMapper.RowSeq seq = item.row == null ? null : seqs.get(item.row);
            item.seq = item.first ? Long.MIN_VALUE : seq == null ? Long.MAX_VALUE
                    : item.lastEntry ? seq.lastSeq() : seq.firstSeq();
        }
        items.sort(Comparator.comparing((Sortable s) -> s.time.getTime() / 1000).thenComparingLong(s -> s.seq)
                .thenComparingInt(s -> s.rank).thenComparingInt(s -> s.order));

        // stages carry forward: an item belongs to the stage of its activity, or to the stage the case was in
        String stage = "filing";
        Map<String, String> stageOfActivity = new HashMap<>();
        List<Item> timeline = new ArrayList<>(items.size());
        for (Sortable s : items) {
            String own = null;
            if (s.activityId != null) {
                if (s.stageName != null) {
                    own = stageOfActivity.computeIfAbsent(s.activityId, k -> Objects.toString(
                            stages.stage(s.processDefinitionId, s.activityId, s.stageName), ""));
                } else {
                    own = stageOfActivity.get(s.activityId);
                }
            }
            if (own != null && !own.isEmpty() && s.rank <= 2) {
                stage = own;
            }
            String itemStage = own != null && !own.isEmpty() ? own : stage;
            timeline.add(new Item(s.time, s.kind, s.kindZh, s.title, itemStage, StageRules.label(itemStage),
                    s.userId, name(s.userId, userNames), s.processInstanceId, s.activityId, s.details));
        }

        List<Map<String, Object>> links = new ArrayList<>();
        for (CaseLink link : cases.links(info.businessKey())) {
            boolean outgoing = link.fromBusinessKey().equals(info.businessKey());
            String other = outgoing ? link.toBusinessKey() : link.fromBusinessKey();
            CaseInfo otherCase = cases.find(other).orElse(null);
            links.add(map("businessKey", other, "caseNumber", otherCase == null ? null : otherCase.caseNumber(),
                    "category", otherCase == null ? null : otherCase.category(), "relation", link.relation(),
                    "direction", outgoing ? "led-to" : "came-from",
                    "descriptionZh", outgoing ? "本案引出的案件" : "本案由该案件引出"));
        }
        Map<String, Object> caseInfo = map("businessKey", info.businessKey(), "caseNumber", info.caseNumber(),
                "processKey", info.processKey(), "category", info.category(), "departmentId", info.departmentId(),
                "departmentName", organization.department(info.departmentId()).map(d -> d.name()).orElse(null),
                "handlerId", info.handlerId(), "handlerName", name(info.handlerId(), userNames),
                "partyName", info.partyName(), "partyType", info.partyType(), "status", info.status(),
                "statusZh", caseStatusZh(info.status()),
                "startedAt", info.startedAt(), "endedAt", info.endedAt(), "rootProcessInstanceId", root);
        return new Timeline(caseInfo, processes, links, timeline, evidence.ofCase(info.businessKey()));
    }

    private void collect(HistoricProcessInstance instance, List<Sortable> items, Map<String, String> userNames,
                         StageRules stages, CaseInfo info) {
        String pi = instance.getId();
        String definitionId = instance.getProcessDefinitionId();
        String processName = instance.getProcessDefinitionName();
        boolean called = instance.getSuperProcessInstanceId() != null;

        items.add(new Sortable(instance.getStartTime(), 0, 0, definitionId, called ? "subprocess-start" : "case-start",
                called ? "子流程开始" : "案件开始", (called ? "开始子流程：" : "启动案件：") + processName,
                instance.getStartUserId(), pi, null, map("processName", processName, "businessKey",
                instance.getBusinessKey(), "version", instance.getProcessDefinitionVersion()))
                .row(called ? "ACT_HI_PROCINST" : null, pi));
        if (instance.getEndTime() != null) {
            items.add(new Sortable(instance.getEndTime(), 9, Integer.MAX_VALUE, definitionId,
                    called ? "subprocess-end" : "case-end", called ? "子流程结束" : "案件结束",
                    (called ? "子流程结束：" : "案件结束：") + processName + "（" + stateZh(instance.getState()) + "）",
                    null, pi, null, map("state", instance.getState(), "stateZh", stateZh(instance.getState()),
                    "deleteReason", instance.getDeleteReason())).endOf("ACT_HI_PROCINST", pi));
        }

        // activities, in the order they occurred; user tasks are reported with their task
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(pi).orderPartiallyByOccurrence().asc().list();
        Map<String, Integer> order = new HashMap<>();
        Map<String, HistoricActivityInstance> byId = new HashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            HistoricActivityInstance activity = activities.get(i);
            order.put(activity.getId(), i);
            byId.put(activity.getId(), activity);
            if ("userTask".equals(activity.getActivityType())) {
                continue;
            }
            items.add(new Sortable(activity.getStartTime(), 1, i, definitionId, "activity", "流程活动",
                    activityTypeZh(activity.getActivityType()) + "：" + Objects.toString(activity.getActivityName(),
                    activity.getActivityId()), null, pi, activity.getActivityId(), map("activityName",
                    activity.getActivityName(), "activityType", activity.getActivityType(), "activityTypeZh",
                    activityTypeZh(activity.getActivityType()), "startTime", activity.getStartTime(), "endTime",
                    activity.getEndTime(), "canceled", activity.isCanceled(), "calledProcessInstanceId",
                    activity.getCalledProcessInstanceId(), "processName", processName))
                    .named(activity.getActivityName()).row("ACT_HI_ACTINST", activity.getId()));
        }

        // operations (op log), grouped by operation: who did what to the case, through which API or webapp
        Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
        for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(pi)
                .orderByTimestamp().asc().list()) {
            operations.computeIfAbsent(entry.getOperationId(), k -> new ArrayList<>()).add(entry);
        }
        Map<String, String> userOfOperation = new HashMap<>();
        operations.forEach((id, entries) -> userOfOperation.put(id, entries.get(0).getUserId()));

        // who completed each task (a candidate may complete an unclaimed task: the op log names them)
        Map<String, String> completedBy = new HashMap<>();
        operations.values().forEach(entries -> {
            UserOperationLogEntry first = entries.get(0);
            if ("Complete".equals(first.getOperationType()) && first.getTaskId() != null) {
                completedBy.put(first.getTaskId(), first.getUserId());
            }
        });

        // tasks
        Map<String, HistoricTaskInstance> tasks = new HashMap<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(pi).list()) {
            tasks.put(task.getId(), task);
            Map<String, Object> details = map("taskId", task.getId(), "taskName", task.getName(), "taskKey",
                    task.getTaskDefinitionKey(), "processName", processName, "assignee", task.getAssignee(),
                    "assigneeName", name(task.getAssignee(), userNames), "created", task.getStartTime(),
                    "completed", task.getEndTime(), "due", task.getDueDate(), "deleteReason", task.getDeleteReason());
            HistoricIdentityLinkLog claim = claim(task.getId());
            if (claim != null) {
                details.put("claimed", claim.getTime());
                details.put("claimedBy", claim.getUserId());
            }
            String worker = task.getAssignee() != null ? task.getAssignee() : completedBy.get(task.getId());
            details.put("completedBy", completedBy.get(task.getId()));
            details.put("completedByName", name(completedBy.get(task.getId()), userNames));
            details.put("credentialNo", credentialOf(worker, task.getEndTime() != null ? task.getEndTime()
                    : task.getStartTime(), info.category()));
            if (task.getDueDate() != null) {
                Date actual = task.getEndTime() != null ? task.getEndTime() : clock.now();
                boolean overdue = actual.after(task.getDueDate());
                details.put("overdue", overdue);
                details.put("timelinessZh", overdue ? (task.getEndTime() == null ? "已超期（未办结）" : "超期办结")
                        : (task.getEndTime() == null ? "办理中，未超期" : "按期办结"));
            }
            boolean completed = "completed".equals(task.getDeleteReason());
            items.add(new Sortable(task.getStartTime(), 2, order.getOrDefault(task.getActivityInstanceId(), 0),
                    definitionId, "task", "任务", task.getName() + (task.getEndTime() == null ? "（办理中）"
                    : completed ? "" : "（未完成：" + task.getDeleteReason() + "）"), worker, pi,
                    task.getTaskDefinitionKey(), details).named(task.getName()).row("ACT_HI_TASKINST", task.getId()));
        }

        // form submissions and other variable changes, grouped by the user operation (or activity) that made them
        Map<String, Object> lastValue = new HashMap<>();
        Map<String, Sortable> submissions = new LinkedHashMap<>();
        for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(pi).variableUpdates()
                .disableBinaryFetching().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc()
                .list()) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            String group = update.getUserOperationId() != null ? "op:" + update.getUserOperationId()
                    : "ai:" + update.getActivityInstanceId() + "@" + update.getTime().getTime();
            HistoricTaskInstance task = update.getTaskId() == null ? null : tasks.get(update.getTaskId());
            Sortable submission = submissions.get(group);
            if (submission == null) {
                String user = update.getUserOperationId() == null ? null
                        : userOfOperation.get(update.getUserOperationId());
                HistoricActivityInstance activity = byId.get(update.getActivityInstanceId());
                String where = task != null ? task.getName() : activity != null ? activity.getActivityName() : null;
                boolean form = user != null;
                submission = new Sortable(update.getTime(), 3, order.getOrDefault(update.getActivityInstanceId(), 0),
                        definitionId, form ? "form" : "variables", form ? "表单提交" : "变量变更",
                        (form ? "提交表单" : "系统记录数据") + (where == null ? "" : "：" + where), user, pi,
                        task != null ? task.getTaskDefinitionKey() : activity != null ? activity.getActivityId() : null,
                        map("taskId", update.getTaskId(), "taskName", task == null ? null : task.getName(),
                                "changes", new ArrayList<Map<String, Object>>()))
                        .row("ACT_HI_DETAIL", update.getId());
                submissions.put(group, submission);
                items.add(submission);
            }
            Object value = displayValue(update);
            Object old = lastValue.put(update.getVariableInstanceId(), value);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> changes = (List<Map<String, Object>>) submission.details.get("changes");
            // as the officer read it on the form: its label, an option's label (null: the value as it is)
            HistoricActivityInstance at = byId.get(update.getActivityInstanceId());
            FormLabels.Field field = formLabels.field(definitionId, task != null ? task.getTaskDefinitionKey()
                    : at != null ? at.getActivityId() : null, update.getVariableName());
            changes.add(map("variable", update.getVariableName(), "type", update.getTypeName(), "old", old,
                    "new", value, "label", field == null ? null : field.label(),
                    "oldZh", field == null ? null : field.show(old), "newZh", field == null ? null : field.show(value)));
        }

        // DMN evaluations
        Map<String, DecisionDefinition> definitions = new HashMap<>();
        for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(pi)
                .includeInputs().includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            DecisionDefinition definition = definitions.computeIfAbsent(decision.getDecisionDefinitionId(),
                    repository::getDecisionDefinition);
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (HistoricDecisionInputInstance input : decision.getInputs()) {
                inputs.add(map("clause", input.getClauseName(), "clauseId", input.getClauseId(), "value",
                        plain(input.getValue())));
            }
            List<Map<String, Object>> outputs = new ArrayList<>();
            for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
                outputs.add(map("clause", output.getClauseName(), "variable", output.getVariableName(), "value",
                        plain(output.getValue()), "ruleId", output.getRuleId(), "ruleOrder", output.getRuleOrder()));
            }
            HistoricActivityInstance activity = byId.get(decision.getActivityInstanceId());
            items.add(new Sortable(decision.getEvaluationTime(), 3,
                    order.getOrDefault(decision.getActivityInstanceId(), 0), definitionId, "decision", "决策表评估",
                    "评估决策表：" + decision.getDecisionDefinitionName() + "（第 " + definition.getVersion() + " 版）",
                    null, pi, decision.getActivityId(), map("decisionKey", decision.getDecisionDefinitionKey(),
                    "decisionName", decision.getDecisionDefinitionName(), "version", definition.getVersion(),
                    "versionTag", definition.getVersionTag(), "activityName", activity == null ? null
                    : activity.getActivityName(), "inputs", inputs, "outputs", outputs))
                    .row("ACT_HI_DECINST", decision.getId()));
        }

        // comments: Tasklist files a task's comment under the task only (assignProcessInstanceIdToTaskComment is off)
        Map<String, Comment> comments = new LinkedHashMap<>();
        taskService.getProcessInstanceComments(pi).forEach(c -> comments.put(c.getId(), c));
        for (String taskId : tasks.keySet()) {
            taskService.getTaskComments(taskId).forEach(c -> comments.putIfAbsent(c.getId(), c));
        }
        for (Comment comment : comments.values()) {
            HistoricTaskInstance task = comment.getTaskId() == null ? null : tasks.get(comment.getTaskId());
            items.add(new Sortable(comment.getTime(), 4, 0, definitionId, "comment", "意见",
                    "填写意见" + (task == null ? "" : "：" + task.getName()), comment.getUserId(), pi,
                    task == null ? null : task.getTaskDefinitionKey(), map("message", comment.getFullMessage(),
                    "taskId", comment.getTaskId(), "taskName", task == null ? null : task.getName()))
                    .row("ACT_HI_COMMENT", comment.getId()));
        }

        // operations on the case outside normal task work are administrative (cancel, modify, migrate, ...)
        operations.forEach((id, entries) -> {
            UserOperationLogEntry first = entries.get(0);
            List<Map<String, Object>> properties = new ArrayList<>();
            for (UserOperationLogEntry entry : entries) {
                if (entry.getProperty() != null) {
                    properties.add(map("property", entry.getProperty(), "old", entry.getOrgValue(), "new",
                            entry.getNewValue()));
                }
            }
            HistoricTaskInstance task = first.getTaskId() == null ? null : tasks.get(first.getTaskId());
            boolean administrative = !"TaskWorker".equals(first.getCategory());
            items.add(new Sortable(first.getTimestamp(), 6, 0, definitionId, "operation",
                    administrative ? "管理操作" : "办理操作", operationZh(first.getOperationType())
                    + (task == null ? "" : "：" + task.getName()), first.getUserId(), pi,
                    task == null ? null : task.getTaskDefinitionKey(), map("operationType", first.getOperationType(),
                    "operationZh", operationZh(first.getOperationType()), "entityType", first.getEntityType(),
                    "category", first.getCategory(), "administrative", administrative, "taskId", first.getTaskId(),
                    "properties", properties)).row("ACT_HI_OP_LOG", first.getId()));
        });

        // incidents
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(pi).list()) {
            items.add(new Sortable(incident.getCreateTime(), 7, 0, definitionId, "incident", "异常事件",
                    "流程异常：" + incident.getIncidentType(), null, pi, incident.getActivityId(), map("incidentType",
                    incident.getIncidentType(), "message", incident.getIncidentMessage(), "resolved",
                    incident.isResolved(), "endTime", incident.getEndTime(), "deleted", incident.isDeleted()))
                    .row("ACT_HI_INCIDENT", incident.getId()));
        }
    }

    private HistoricIdentityLinkLog claim(String taskId) {
        List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(taskId)
                .type("assignee").operationType("add").orderByTime().asc().list();
        return links.isEmpty() ? null : links.get(0);
    }

    /** The credential the assignee held on the day (行政处罚法第四十二条), preferring one for the case's category. */
    private String credentialOf(String userId, Date when, String category) {
        if (userId == null || when == null) {
            return null;
        }
        LocalDate day = LocalDateTime.ofInstant(when.toInstant(), ZONE).toLocalDate();
        return organization.credentialsOf(userId).stream().filter(c -> c.isValidOn(day))
                .sorted((a, b) -> Boolean.compare(b.covers(category), a.covers(category)))
                .map(Credential::credentialNo).findFirst().orElse(null);
    }

    private String name(String userId, Map<String, String> cache) {
        if (userId == null) {
            return null;
        }
        return cache.computeIfAbsent(userId, id -> organization.officer(id).map(Officer::name).orElse(id));
    }

    private static Object displayValue(HistoricVariableUpdate update) {
        if (update.getErrorMessage() != null) {
            return "（无法读取：" + update.getErrorMessage() + "）";
        }
        // read without deserializing custom objects: show their serialized form (JSON) or their type, so that one odd
        // value never makes the whole record unreadable
        if (update.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.ObjectValue object
                && !object.isDeserialized()) {
            return "application/json".equals(object.getSerializationDataFormat()) ? object.getValueSerialized()
                    : "（对象 " + object.getObjectTypeName() + "）";
        }
        return plain(update.getValue());
    }

    /** Values as a person reads them: JSON values as their text, dates as ISO text. */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), ZONE).toString();
        }
        return value.toString();
    }

    /** The case's status (sl_case.status) as the record tab shows it: an administrator reads Chinese, not codes. */
    static String caseStatusZh(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "open" -> "办理中";
            case "closed" -> "已结案";
            case "cancelled" -> "已撤销";
            default -> status;
        };
    }

    static String stateZh(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "ACTIVE" -> "办理中";
            case "SUSPENDED" -> "已挂起";
            case "COMPLETED" -> "已办结";
            case "EXTERNALLY_TERMINATED" -> "被撤销（外部终止）";
            case "INTERNALLY_TERMINATED" -> "流程内终止";
            default -> state;
        };
    }

    static String activityTypeZh(String type) {
        if (type == null) {
            return "活动";
        }
        return switch (type) {
            case "startEvent" -> "开始事件";
            case "endEvent", "noneEndEvent" -> "结束事件";
            case "exclusiveGateway" -> "判断";
            case "parallelGateway" -> "并行";
            case "inclusiveGateway" -> "条件并行";
            case "businessRuleTask" -> "规则判定";
            case "serviceTask" -> "系统处理";
            case "callActivity" -> "调用子流程";
            case "subProcess" -> "子流程";
            case "boundaryTimer", "intermediateTimer" -> "期限到达";
            case "boundaryMessage", "intermediateMessageCatch" -> "收到消息";
            default -> type;
        };
    }

    static String operationZh(String type) {
        if (type == null) {
            return "操作";
        }
        return switch (type) {
            case "Complete" -> "完成任务";
            case "Claim" -> "认领任务";
            case "Assign" -> "指派任务";
            case "SetOwner" -> "设置任务所有人";
            case "Delegate" -> "委派任务";
            case "Resolve" -> "解决";
            case "Create" -> "创建";
            case "Delete" -> "删除（撤销）";
            case "ModifyProcessInstance" -> "修改流程实例（跳转）";
            case "Migrate" -> "迁移流程版本";
            case "Suspend", "SuspendJob" -> "挂起";
            case "Activate", "ActivateJob" -> "激活";
            case "SetVariable", "SetVariables" -> "设置变量";
            case "ModifyVariable" -> "修改变量";
            case "RemoveVariable" -> "删除变量";
            case "SetJobRetries" -> "设置作业重试次数";
            case "SetPriority" -> "设置优先级";
            case "SetDueDate", "Update" -> "修改任务";
            case "AddComment", "CreateComment" -> "添加意见";
            case "UpdateComment" -> "修改意见";
            case "DeleteComment" -> "删除意见";
            case "AddAttachment" -> "添加附件";
            case "DeleteAttachment" -> "删除附件";
            case "SetName" -> "修改任务名称";
            case "SetDescription" -> "修改任务说明";
            case "SetFollowUpDate" -> "设置跟进日期";
            case "RecalculateDueDate" -> "重新计算期限";
            case "AddUserLink", "AddGroupLink" -> "添加候选办理人";
            case "DeleteUserLink", "DeleteGroupLink" -> "移除候选办理人";
            case "Unlock" -> "解除锁定";
            case "Execute" -> "执行作业";
            case "Evaluate" -> "执行决策";
            case "SuspendJobDefinition", "SuspendProcessDefinition", "SuspendBatch" -> "挂起";
            case "ActivateJobDefinition", "ActivateProcessDefinition", "ActivateBatch" -> "激活";
            case "CreateHistoryCleanupJobs" -> "创建历史清理作业";
            case "UpdateHistoryTimeToLive" -> "修改历史保存期限";
            case "SetExternalTaskRetries" -> "设置外部任务重试次数";
            case "CorrelateMessage" -> "发送消息";
            case "DeleteHistory" -> "删除历史";
            case "Restart", "RestartProcessInstance" -> "重启流程实例";
            case "SetRemovalTime" -> "设置历史删除时间";
            case "CreateIncident" -> "创建异常事件";
            case "AnnotateIncident", "SetAnnotation" -> "添加注释";
            case "ClearAnnotation" -> "清除注释";
            // a type a later Camunda adds: said in Chinese, with the engine's name for the record's reader
            default -> "其他操作（" + type + "）";
        };
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** An item before ordering: rank orders kinds that share a timestamp (whole seconds on MySQL). */
    private static final class Sortable {
        final Date time;
        final int rank;
        final int order;
        final String processDefinitionId;
        final String kind;
        final String kindZh;
        final String title;
        final String userId;
        final String processInstanceId;
        final String activityId;
        final Map<String, Object> details;
        String stageName;
        /** The record row behind the item (table#id) and whether its latest chain entry (an end) places it. */
        String row;
        boolean lastEntry;
        boolean first;
        long seq;

        Sortable(Date time, int rank, int order, String processDefinitionId, String kind, String kindZh, String title,
                 String userId, String processInstanceId, String activityId, Map<String, Object> details) {
            this.time = time == null ? new Date(0) : time;
            this.rank = rank;
            this.order = order;
            this.processDefinitionId = processDefinitionId;
            this.kind = kind;
            this.kindZh = kindZh;
            this.title = title;
            this.userId = userId;
            this.processInstanceId = processInstanceId;
            this.activityId = activityId;
            this.details = details;
        }

        /** Without a table: placed before everything of its second (the start of the case, whose start form's
         * variables the engine writes before the instance row). */
        Sortable row(String table, String id) {
            this.row = table == null ? null : table + '#' + id;
            this.first = table == null;
            return this;
        }

        Sortable endOf(String table, String id) {
            this.row = table + '#' + id;
            this.lastEntry = true;
            return this;
        }

        /** The activity's name, from which its stage is read (tasks and activities set the stage). */
        Sortable named(String name) {
            this.stageName = name;
            return this;
        }
    }

    /**
     * The stage of the case file an activity belongs to: the BPMN property {@code recordStage} where the designer
     * set one, otherwise read from the activity's Chinese name (the words every procedure uses for its steps).
     */
    static final class StageRules {

        static final List<String> ORDER = List.of("filing", "investigation", "review", "decision", "delivery",
                "execution");
        private static final Map<String, String> LABELS = Map.of("filing", "立案", "investigation", "调查",
                "review", "审查", "decision", "决定", "delivery", "送达", "execution", "执行");
        /** Checked in this order: 告知书的送达 is part of the review (行政处罚法第四十四条), 决定书的送达 is delivery. */
        private static final List<Map.Entry<String, List<String>>> WORDS = List.of(
                Map.entry("review", List.of("告知", "陈述", "申辩", "听证")),
                Map.entry("filing", List.of("立案", "登记", "受理")),
                Map.entry("execution", List.of("缴纳", "缴付", "收缴", "执行", "结案", "拆除", "履行", "逾期")),
                Map.entry("delivery", List.of("送达")),
                Map.entry("review", List.of("审核", "审查", "复核", "法制", "裁量", "偏离")),
                Map.entry("decision", List.of("决定", "讨论", "移送", "备案")),
                Map.entry("investigation", List.of("调查", "取证", "检查", "勘验", "询问", "查封", "扣押")));

        private final RepositoryService repository;
        private final Map<String, BpmnModelInstance> models = new HashMap<>();

        StageRules(RepositoryService repository) {
            this.repository = repository;
        }

        static String label(String stage) {
            return LABELS.getOrDefault(stage, stage);
        }

        String stage(String processDefinitionId, String activityId, String name) {
            String declared = declared(processDefinitionId, activityId);
            if (declared != null && LABELS.containsKey(declared)) {
                return declared;
            }
            if (name == null) {
                return null;
            }
            for (Map.Entry<String, List<String>> rule : WORDS) {
                for (String word : rule.getValue()) {
                    if (name.contains(word)) {
                        return rule.getKey();
                    }
                }
            }
            return null;
        }

        private String declared(String processDefinitionId, String activityId) {
            if (processDefinitionId == null || activityId == null) {
                return null;
            }
            BpmnModelInstance model = models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
            ModelElementInstance element = model == null ? null : model.getModelElementById(activityId);
            if (!(element instanceof BaseElement base) || base.getExtensionElements() == null) {
                return null;
            }
            for (CamundaProperties properties : base.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaProperties.class).list()) {
                for (CamundaProperty property : properties.getCamundaProperties()) {
                    if ("recordStage".equals(property.getCamundaName())) {
                        return property.getCamundaValue();
                    }
                }
            }
            return null;
        }
    }
}
