package org.sunlight.penalty.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Roles;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;

/**
 * What an officer registers during a penalty case besides its tasks, each starting a non-interrupting event
 * sub-process of penalty-general while the case is between filing and decision (SubProcess_Handling):
 * <ul>
 * <li>{@code POST /api/cases/{businessKey}/preservations} — a request for 先行登记保存 (行政处罚法第五十六条), which the
 * leader then approves;</li>
 * <li>{@code POST /api/cases/{businessKey}/recusals} — the party's application for recusal of an officer of the case
 * (回避, 第四十三条), which the leader then decides; the investigation does not stop.</li>
 * <li>{@code POST /api/cases/{businessKey}/late-responses} — a statement or hearing request the party made within the
 * response window but registered only after its timer fired (补登记, 第六十二条、第六十四条第一项): before the
 * decision it interrupts the legal review, the revision, the collective discussion or the leader's decision (message
 * boundary events of penalty-general) and sends the case to the statement review or the hearing.</li>
 * </ul>
 * Only officers of the case's department register (others who read the case: 403; those who may not see it: 404, as
 * every /api/cases endpoint answers). The request is checked completely before the message is correlated, in one
 * transaction: a refused request (400, 409) changes nothing. The message is correlated as the system (an officer may
 * not change a process instance through the engine API) with the officer as the authenticated user, so the case's
 * history records who registered it.
 */
@RestController
class CaseRequests {

    private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private final Cases cases;
    private final ProcessEngine engine;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final EvidencePreservation preservation;
    private final Recusals recusals;
    private final PenaltyRules rules;

    /** The message of the boundary events that take a late-registered timely response (Event_LateResponseAt*). */
    static final String LATE_RESPONSE = "PenaltyLateResponse";

    CaseRequests(Cases cases, ProcessEngine engine, EvidencePreservation preservation, Recusals recusals,
                 PenaltyRules rules) {
        this.rules = rules;
        this.cases = cases;
        this.engine = engine;
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.identityService = engine.getIdentityService();
        this.preservation = preservation;
        this.recusals = recusals;
    }

    @PostMapping("/api/cases/{businessKey}/preservations")
    ResponseEntity<Map<String, Object>> preservation(@PathVariable String businessKey,
                                                     @RequestBody(required = false) Map<String, Object> body) {
        StaffUser user = StaffUser.require();
        CaseInfo info = openCaseOfDepartment(businessKey, user, "登记先行登记保存", "register an evidence preservation");
        Map<String, Object> answer = inCommand(user, () -> {
            requireSubscription(info, EvidencePreservation.MESSAGE, "先行登记保存只能在立案后、作出处罚决定前收集证据时实施（行政处罚法第五十六条）",
                    "Evidence is preserved while it is collected: after filing and before the decision (Art. 56)");
            Map<String, Object> variables = preservation.request(body == null ? Map.of() : body, user);
            runtimeService.createMessageCorrelation(EvidencePreservation.MESSAGE)
                    .processInstanceId(info.processInstanceId()).setVariablesToTriggeredScope(variables)
                    .correlateWithResult();
            Object number = runtimeService.getVariable(info.processInstanceId(), "preservationCount");
            Map<String, Object> result = answer(info, "preservation", "awaiting-approval");
            result.put("preservationNo", number);
            result.put("message", "已登记第" + number + "次先行登记保存申请，待负责人审批（行政处罚法第五十六条） / "
                    + "Evidence preservation no. " + number + " registered; awaiting the leader's approval (Art. 56)");
            return result;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @PostMapping("/api/cases/{businessKey}/recusals")
    ResponseEntity<Map<String, Object>> recusal(@PathVariable String businessKey,
                                                @RequestBody(required = false) Map<String, Object> body) {
        StaffUser user = StaffUser.require();
        CaseInfo info = openCaseOfDepartment(businessKey, user, "登记回避申请", "register a recusal application");
        Map<String, Object> answer = inCommand(user, () -> {
            requireSubscription(info, Recusals.MESSAGE, "回避申请在立案后、作出处罚决定前登记（行政处罚法第四十三条）",
                    "A recusal application is registered after filing and before the decision (Art. 43)");
            VariableScope caseScope = org.camunda.bpm.engine.impl.context.Context.getCommandContext()
                    .getExecutionManager().findExecutionById(info.processInstanceId());
            Map<String, Object> variables = recusals.application(body == null ? Map.of() : body, caseScope, user.userId());
            String officer = (String) variables.get("recusalOfficer");
            for (Task pending : taskService.createTaskQuery().processInstanceId(info.processInstanceId())
                    .taskDefinitionKey(Recusals.DECISION).list()) {
                if (officer.equals(runtimeService.getVariableLocal(pending.getExecutionId(), "recusalOfficer"))) {
                    throw new ApiException(409, "recusal-pending", "对" + variables.get("recusalOfficerName")
                            + "的回避申请正在审查，尚未决定", "A recusal application against " + officer + " is already pending");
                }
            }
            runtimeService.createMessageCorrelation(Recusals.MESSAGE).processInstanceId(info.processInstanceId())
                    .setVariablesToTriggeredScope(variables).correlateWithResult();
            Map<String, Object> result = answer(info, "recusal", "awaiting-decision");
            result.put("officer", officer);
            result.put("message", "已登记当事人对" + variables.get("recusalOfficerName") + "的回避申请，待负责人决定；决定作出前不停止调查"
                    + "（行政处罚法第四十三条） / Recusal application against " + officer
                    + " registered; the leader decides, the investigation goes on (Art. 43)");
            return result;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @PostMapping("/api/cases/{businessKey}/late-responses")
    ResponseEntity<Map<String, Object>> lateResponse(@PathVariable String businessKey,
                                                     @RequestBody(required = false) Map<String, Object> body) {
        StaffUser user = StaffUser.require();
        CaseInfo info = openCaseOfDepartment(businessKey, user, "补登记陈述申辩或听证申请", "register a late statement or hearing request");
        Map<String, Object> answer = inCommand(user, () -> {
            requireSubscription(info, LATE_RESPONSE, "期限内收到的陈述申辩或听证申请，在期限届满后、作出处罚决定前补登记；期限届满前在“登记陈述申辩、听证申请或放弃”中登记"
                    + "（行政处罚法第六十二条、第六十四条第一项）",
                    "A timely response is registered late after the window expired and before the decision; before that, in the party-response task (Art. 62, 64(1))");
            VariableScope caseScope = org.camunda.bpm.engine.impl.context.Context.getCommandContext()
                    .getExecutionManager().findExecutionById(info.processInstanceId());
            if (caseScope.getVariable("responseStage") == null) {
                // a proposal of no penalty or a transfer goes to the leader without a notice (第五十七条): no window ran
                throw new ApiException(409, "no-prior-notice", "本案未事先告知拟作出的行政处罚（拟不予处罚或移送司法机关），没有陈述申辩和听证申请期限可补登记",
                        "No penalty was notified in this case (no penalty or a transfer was proposed): there is no response window");
            }
            if (!"expired".equals(caseScope.getVariable("responseStage"))) {
                // waived in writing, or the hearing already held: there is no expired window left to register into
                throw new ApiException(409, "response-window-not-expired", "本案陈述申辩和听证申请期限并非届满未登记（当事人已书面放弃或已举行听证），不能补登记",
                        "The response window did not expire unregistered (waived in writing, or a hearing held)");
            }
            Map<String, Object> variables = rules.lateResponse(body == null ? Map.of() : body, caseScope, user.userId());
            runtimeService.setVariables(info.processInstanceId(), variables);
            runtimeService.createMessageCorrelation(LATE_RESPONSE).processInstanceId(info.processInstanceId())
                    .correlateWithResult();
            boolean hearing = "hearingRequest".equals(variables.get("responseType"));
            Map<String, Object> result = answer(info, "lateResponse", hearing ? "hearing" : "statement-review");
            result.put("message", hearing
                    ? "已补登记期限内收到的听证申请，转入听证程序（行政处罚法第六十四条第一项） / Timely hearing request registered; the case goes to the hearing (Art. 64(1))"
                    : "已补登记期限内收到的陈述、申辩，转入陈述申辩复核（行政处罚法第六十二条） / Timely statement registered; the case goes to the statement review (Art. 62)");
            return result;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    // ---------------------------------------------------------------- checks shared by both requests

    /** The case, if the user is an officer of its department and it is a running general penalty case. */
    private CaseInfo openCaseOfDepartment(String businessKey, StaffUser user, String what, String whatEn) {
        if (businessKey == null || !BUSINESS_KEY.matcher(businessKey).matches()) {
            throw ApiException.badRequest("bad-business-key", "案号格式不正确", "Malformed case number (business key)");
        }
        CaseInfo info = cases.requireReadable(businessKey, user);
        if (!user.inGroup(info.departmentId()) || !user.hasRole(Roles.OFFICER)) {
            throw ApiException.forbidden("只有本案承办部门的执法人员可以" + what, "Only officers of the case's department may " + whatEn);
        }
        if (!"penalty-general".equals(info.processKey())) {
            throw new ApiException(409, "not-applicable", "只有行政处罚普通程序的案件可以" + what,
                    "Only general-procedure penalty cases take this request");
        }
        if (!"open".equals(info.status())) {
            throw new ApiException(409, "case-closed", "案件已办结，不能" + what, "The case has ended");
        }
        return info;
    }

    /** The event sub-process can start now: the case waits inside SubProcess_Handling of a version that has it. */
    private void requireSubscription(CaseInfo info, String message, String zh, String en) {
        long subscriptions = runtimeService.createEventSubscriptionQuery().processInstanceId(info.processInstanceId())
                .eventType("message").eventName(message).count();
        if (subscriptions == 0) {
            throw new ApiException(409, "not-in-investigation", zh + "；本案当前不在该阶段，或按不含此环节的旧版本流程办理",
                    en + "; the case is not at that stage, or runs on a version without this path");
        }
    }

    private static Map<String, Object> answer(CaseInfo info, String kind, String status) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("businessKey", info.businessKey());
        answer.put("caseNumber", info.caseNumber());
        answer.put("kind", kind);
        answer.put("status", status);
        return answer;
    }

    /**
     * Runs the checks and the correlation as one engine command (one transaction: a refusal rolls everything back),
     * without the officer's authorization checks but with the officer as the authenticated user of the record.
     */
    private <T> T inCommand(StaffUser user, java.util.function.Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user.userId(), user.groups());
        try {
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(context -> context.runWithoutAuthorization(work::get));
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    // ---------------------------------------------------------------- input helpers (400 in Chinese and English)

    /** A request body may carry only the named fields: nothing else is silently ignored or stored. */
    static void onlyFields(Map<String, Object> body, Set<String> allowed) {
        for (String name : body.keySet()) {
            if (!allowed.contains(name)) {
                throw new RuleViolation("unknown-field", "请求中没有字段“" + abbreviate(name) + "”，可用字段：" + String.join("、", allowed),
                        "Unknown field '" + abbreviate(name) + "'; allowed: " + String.join(", ", allowed));
            }
        }
    }

    /** A text field: a string, at most {@code max} characters, no control characters but line breaks and tabs. */
    static String text(Map<String, Object> body, String name, String label, int max, boolean optional) {
        Object value = body.get(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (optional) {
                return null;
            }
            throw new RuleViolation("missing-field", "请填写“" + label + "”（" + name + "）", "Field " + name + " is required");
        }
        if (!(value instanceof String text)) {
            throw new RuleViolation("invalid-type", "“" + label + "”应为文本", "Field " + name + " must be a string");
        }
        String trimmed = text.strip();
        if (trimmed.length() > max) {
            throw new RuleViolation("too-long", "“" + label + "”不能超过" + max + "个字符", "Field " + name + " exceeds " + max + " characters");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw new RuleViolation("control-characters", "“" + label + "”含有不可见的控制字符", "Field " + name + " contains control characters");
        }
        return trimmed;
    }

    /** A day as yyyy-MM-dd, between 1990 and 2999. */
    static LocalDate date(Map<String, Object> body, String name, String label) {
        String text = text(body, name, label, 10, false);
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() < 1990 || day.getYear() > 2999) {
                throw new DateTimeException("out of range");
            }
            return day;
        } catch (DateTimeException e) {
            throw new RuleViolation("invalid-date", "“" + label + "”应为日期（如 2026-03-02）", "Field " + name + " must be a date (yyyy-MM-dd)");
        }
    }

    private static String abbreviate(String text) {
        String cleaned = CONTROL.matcher(text).replaceAll("?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }
}
