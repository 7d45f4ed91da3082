package org.sunlight.coercion.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The rules of coercive-measure (查封、扣押, 行政强制法第三章) that a form cannot express, as listeners named in
 * processes/coercive-measure.bpmn. A refused step rolls back whole and tells the officer why, citing the article.
 */
@Component("coerciveMeasureRules")
@EnableConfigurationProperties(CoercionPolicy.class)
public class MeasureRules {

    /** The clock of the measure's period; testing time stands outside it (第二十五条第三款). */
    static final String CLOCK = "measure";

    static final Map<String, String> MEASURE_NAMES = Map.of("seizure", "扣押", "sealing", "查封");
    static final Map<String, String> TESTING_KINDS = Map.of("detection", "检测", "examination", "检验",
            "quarantine", "检疫", "appraisal", "技术鉴定");
    /** The timers' date while no measure has been taken yet: nothing to release (see expiryAwaitingApproval). */
    static final Date NOTHING_SEIZED = Date.from(Instant.parse("2999-12-31T00:00:00Z"));
    static final Set<String> RELEASE_REASONS = Set.of("no-violation", "unrelated", "decided", "expired", "other",
            "not-approved");

    private final StatutoryClock clock;
    private final CaseClocks caseClocks;
    private final CoercionPolicy policy;
    private final Cases cases;

    MeasureRules(StatutoryClock clock, CaseClocks caseClocks, CoercionPolicy policy, Cases cases) {
        this.clock = clock;
        this.caseClocks = caseClocks;
        this.policy = policy;
        this.cases = cases;
    }

    // ---------------------------------------------------------------- request and approval

    /** Process start listener, before caseLifecycle.start: a measure taken in a penalty case is linked to it. */
    public void relate(DelegateExecution execution) {
        if (Vars.text(execution, "linkedCase") != null) {
            execution.setVariable("linkRelation", "coercive-measure");
        }
    }

    /**
     * 申请（或紧急实施）查封、扣押: the party, the grounds, the statutory basis (第十七条: only where a law or regulation
     * empowers the department) and the property are stated; an emergency states why it cannot wait (第十九条).
     */
    public void checkRequest(DelegateExecution execution) {
        String type = Vars.requireOneOf(execution, "measureType", "强制措施种类", MEASURE_NAMES.keySet());
        String urgency = Vars.requireOneOf(execution, "urgency", "实施方式", Set.of("approval", "emergency"));
        Checks.party(execution);
        Vars.requireText(execution, "measureGrounds", "采取强制措施的理由");
        Vars.requireText(execution, "legalBasis", "法律、法规依据");
        String property = Vars.requireText(execution, "propertyList", "查封、扣押的场所、设施或者财物");
        if ("emergency".equals(urgency)) {
            Vars.requireText(execution, "emergencyReason", "情况紧急、需要当场实施的理由");
        }
        String linked = Vars.text(execution, "linkedCase");
        if (linked != null && cases.find(linked).isEmpty()) {
            throw new RuleViolation("unknown-linked-case", "关联案件 " + linked + " 不存在（请填写案件业务键，如 CF-2026-00001）",
                    "No case " + linked);
        }
        Checks.reviewInputs(execution);
        String name = MEASURE_NAMES.get(type);
        execution.setVariable("measureName", name);
        // what the legal reviewer reads (legal-review form)
        execution.setVariable("violationName", "拟" + name + "：" + abbreviate(property, 100));
        execution.setVariable("factsFound", execution.getVariable("measureGrounds"));
        execution.setVariable("approvalStatus", "pending");
        execution.setVariable("reportOverdue", false);
        execution.setVariable("extended", false);
        execution.setVariable("extensionDays", 0);
    }

    /**
     * 负责人批准 (第十八条第一项) or 补办批准 of an emergency measure (第十九条). A leader who finds that the measure should
     * not have been taken has it released at once (BPMN: to Task_Release).
     */
    public void checkApproval(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "approvalDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "approvalOpinion", "审批理由");
        task.setVariable("approvalStatus", "approve".equals(decision) ? "approved" : "rejected");
        task.setVariable("approvedAt", clock.now());
        if ("reject".equals(decision) && "emergency".equals(task.getVariable("urgency"))) {
            task.setVariable("releaseReason", "not-approved");
            task.setVariable("releaseDueAt", clock.now());
        }
    }

    // ---------------------------------------------------------------- on site

    /**
     * 现场实施 (第十八条, 第二十四条): two officers with valid credentials (checked by enforcementTeam), every item of the
     * Art 18 checklist, the decision and the list handed over on site, a period of at most 30 days (第二十五条).
     */
    public void checkOnSite(DelegateTask task) {
        Instant action = Checks.pastInstant(clock, task, "actionAt", "实施时间");
        if ("approval".equals(task.getVariable("urgency"))) {
            Date approved = (Date) task.getVariable("approvedAt");
            if (approved == null || action.isBefore(approved.toInstant())) {
                throw new RuleViolation("measure-before-approval", "实施前须向行政机关负责人报告并经批准，实施时间不能早于批准时间（行政强制法第十八条第一项）",
                        "The measure may only be taken after the leader's approval (Art. 18(1))");
            }
        }
        Checks.requireTrue(task, "credentialsShown", "credentials-not-shown", "须出示执法身份证件（行政强制法第十八条第三项）",
                "Officers must show their credentials (Art. 18(3))");
        Checks.requireTrue(task, "partyNotified", "party-not-notified", "须通知当事人到场（行政强制法第十八条第四项）",
                "The party must be notified to attend (Art. 18(4))");
        Checks.requireTrue(task, "reasonsAndRightsTold", "rights-not-told", "须当场告知当事人采取强制措施的理由、依据以及当事人依法享有的权利、救济途径（行政强制法第十八条第五项）",
                "The party must be told the reasons, basis, rights and remedies on site (Art. 18(5))");
        Checks.requireTrue(task, "statementHeard", "statement-not-heard", "须听取当事人的陈述和申辩（行政强制法第十八条第六项）",
                "The party's statement must be heard (Art. 18(6))");
        Vars.requireText(task, "onSiteRecordNo", "现场笔录编号（行政强制法第十八条第七项）");
        String presence = Vars.requireOneOf(task, "partyPresence", "当事人是否到场", Set.of("present", "absent"));
        if ("present".equals(presence)) {
            Vars.requireOneOf(task, "partySignature", "当事人签名情况（拒绝签名的在笔录中注明，行政强制法第十八条第八项）",
                    Set.of("signed", "refused"));
        } else {
            Vars.requireText(task, "witnessName", "见证人姓名（当事人不到场的，邀请见证人到场签名，行政强制法第十八条第九项）");
        }
        Vars.requireText(task, "decisionDocumentNo", "查封、扣押决定书文号（行政强制法第二十四条）");
        Checks.requireTrue(task, "listDelivered", "list-not-delivered", "须当场交付查封、扣押决定书和清单，清单一式二份（行政强制法第二十四条）",
                "The decision and the list (in two copies) must be handed over on site (Art. 24)");
        String property = Vars.requireText(task, "propertyList", "查封、扣押的场所、设施或者财物");
        int days = wholeNumber(task, "measureDays", "查封、扣押期限（日）");
        if (days < 1 || days > policy.measureMaxDays()) {
            throw new RuleViolation("measure-too-long", "查封、扣押的期限不得超过" + policy.measureMaxDays() + "日（行政强制法第二十五条第一款）",
                    "A seizure or sealing lasts at most " + policy.measureMaxDays() + " days (Art. 25(1))");
        }
        Date actionAt = Date.from(action);
        task.setVariable("measureDays", days);
        task.setVariable("measureStart", actionAt);
        task.setVariable("emergencyReportDue", clock.hoursAfter(actionAt, policy.emergencyReportHours()));
        String name = (String) task.getVariable("measureName");
        // the decision is made and handed over on site (第二十四条第一款: 当场交付查封、扣押决定书): it dates from the
        // action, not from the day the officer registers it; its publication period runs from then (国办发〔2018〕118号二(六))
        task.setVariable("decisionDate", actionAt);
        task.setVariable("decisionMatter", name + "：" + abbreviate(property, 200));
        task.setVariable("decisionResult", "依法" + name + "，期限" + days + "日");
    }

    /**
     * 查封、扣押的范围 (行政强制法第二十三条), confirmed on site where the things are chosen: only the places, facilities
     * or things involved in the case (第一款); never the living necessities of a citizen and of the dependants he or
     * she supports (第一款); nothing another state organ has already sealed (第二款, 查封 only). The things themselves
     * are listed by the officer, so the officer confirms what the law excludes; without it a seizure of a citizen's bed
     * or stove was recorded like any other.
     */
    public void checkScope(DelegateTask task) {
        Checks.requireTrue(task, "caseRelatedOnly", "not-case-related", "查封、扣押限于涉案的场所、设施或者财物，不得查封、扣押与违法行为无关的场所、设施或者财物（行政强制法第二十三条第一款）",
                "Only places, facilities or things involved in the case may be sealed or seized (Art. 23(1))");
        if ("individual".equals(task.getVariable("partyType"))) {
            Checks.requireTrue(task, "noLivingNecessities", "living-necessities", "不得查封、扣押公民个人及其所扶养家属的生活必需品（行政强制法第二十三条第一款）",
                    "The living necessities of a citizen and of the dependants he or she supports may not be sealed or seized (Art. 23(1))");
        }
        if ("sealing".equals(task.getVariable("measureType"))) {
            Checks.requireTrue(task, "notSealedElsewhere", "already-sealed", "当事人的场所、设施或者财物已被其他国家机关依法查封的，不得重复查封（行政强制法第二十三条第二款）",
                    "What another state organ has already sealed may not be sealed again (Art. 23(2))");
        }
    }

    /** 紧急情况当场实施后的报告 (第十九条): to the leader within 24 hours of the action; a late report is recorded as late. */
    public void checkReport(DelegateTask task) {
        Instant reported = Checks.pastInstant(clock, task, "reportedAt", "报告时间");
        Date action = (Date) task.getVariable("measureStart");
        if (reported.isBefore(action.toInstant())) {
            throw new RuleViolation("report-before-action", "报告时间不能早于实施时间", "The report cannot precede the action");
        }
        Vars.requireText(task, "reportContent", "报告内容");
        Date due = (Date) task.getVariable("emergencyReportDue");
        task.setVariable("reportOverdue", reported.isAfter(due.toInstant()));
    }

    /**
     * The end of a measure that is already in force while its approval is still pending — an emergency measure waiting
     * for 补办批准 (第十九条) in legal review, its revision or on the leader's desk: its period runs from the action
     * (第二十五条第一款) however long the approval takes, and when it has run out the measure is released at once
     * (第二十八条第一款第四项、第二款). Read by the boundary timers of those steps. Before a measure is taken (prior approval,
     * 第十八条第一项) nothing is seized and nothing can expire: the timers then lie beyond any case's life.
     */
    public Date expiryAwaitingApproval(DelegateExecution execution) {
        Object start = execution.getVariable("measureStart");
        if (start == null) {
            return NOTHING_SEIZED;
        }
        return caseClocks.calendarDaysDue(execution, CLOCK, start, ((Number) execution.getVariable("measureDays")).intValue());
    }

    /** The 24 hours passed without a report (第十九条): the leader must decide now, and the record shows the lateness. */
    public void markReportOverdue(DelegateExecution execution) {
        execution.setVariable("reportOverdue", true);
    }

    // ---------------------------------------------------------------- while the measure lasts

    /**
     * The end of the measure: its period (at most 30 days, plus one approved extension) from the action, moved by the
     * days spent on testing (第二十五条). Computed each time the case (re-)enters the period, so the boundary timer and
     * the task due dates follow every pause and extension.
     */
    public void scheduleDeadline(DelegateExecution execution) {
        int days = ((Number) execution.getVariable("measureDays")).intValue()
                + ((Number) execution.getVariable("extensionDays")).intValue();
        execution.setVariable("measureDeadline", caseClocks.calendarDaysDue(execution, CLOCK,
                execution.getVariable("measureStart"), days));
    }

    /**
     * 查封、扣押期间的处理 (第二十五条, 第二十七条, 第二十八条): extend once, send goods for testing (the period stands
     * still, the party is told in writing), release, or decide (confiscate or destroy by law).
     */
    public void checkHandling(DelegateTask task) {
        String action = Vars.requireOneOf(task, "handlingAction", "处理方式", Set.of("extend", "testing", "release", "dispose"));
        switch (action) {
            case "extend" -> {
                if (Vars.flag(task, "extended")) {
                    throw new RuleViolation("already-extended", "查封、扣押期限只能延长一次（行政强制法第二十五条第一款）",
                            "The period can be extended only once (Art. 25(1))");
                }
                int days = wholeNumber(task, "extensionRequestDays", "延长天数");
                if (days < 1 || days > policy.extensionMaxDays()) {
                    throw new RuleViolation("extension-too-long", "延长期限不得超过" + policy.extensionMaxDays() + "日（行政强制法第二十五条第一款）",
                            "An extension is at most " + policy.extensionMaxDays() + " days (Art. 25(1))");
                }
                task.setVariable("extensionRequestDays", days);
                Vars.requireText(task, "extensionReason", "延长理由（情况复杂）");
            }
            case "testing" -> {
                String kind = Vars.requireOneOf(task, "testingKind", "检测、检验、检疫或者技术鉴定", TESTING_KINDS.keySet());
                String body = Vars.requireText(task, "testingBody", "检测（鉴定）机构");
                LocalDate expectedEnd = clock.toDate(Vars.requireText(task, "testingExpectedEnd", "检测期间截止日期"));
                if (expectedEnd.isBefore(clock.today())) {
                    throw new RuleViolation("testing-period-past", "检测、检验、检疫或者技术鉴定的期间应当明确，截止日期不能早于今天（行政强制法第二十五条第三款）",
                            "The testing period must be stated and end in the future (Art. 25(3))");
                }
                String notice = Vars.requireText(task, "testingNoticeNo", "书面告知当事人检测期间的文书编号（行政强制法第二十五条第三款）");
                Checks.pastDate(clock, task, "testingNoticeServedDate", "告知书送达日期");
                caseClocks.pause(task.getExecution(), CLOCK, TESTING_KINDS.get(kind) + "（" + body + "），预计至" + expectedEnd
                        + "，书面告知文书" + notice + "（行政强制法第二十五条第三款）");
            }
            case "release" -> {
                String reason = Vars.requireOneOf(task, "releaseReason", "解除理由", RELEASE_REASONS);
                if ("expired".equals(reason) || "not-approved".equals(reason)) {
                    throw new RuleViolation("invalid-option", "期限届满和负责人不批准的解除由系统自动发起，请选择其他解除理由",
                            "Expiry and non-approval releases start by themselves; choose another reason");
                }
                if ("other".equals(reason)) {
                    Vars.requireText(task, "releaseNote", "不再需要采取查封、扣押措施的情形");
                }
                task.setVariable("releaseDueAt", clock.now());
            }
            default -> {
                Vars.requireOneOf(task, "disposalKind", "处理决定种类", Set.of("confiscation", "destruction"));
                Vars.requireText(task, "disposalDocumentNo", "处理决定书文号");
                Vars.requireText(task, "disposalBasis", "处理决定的依据（行政强制法第二十七条：依法应当没收或者法律、行政法规规定应当销毁）");
            }
        }
    }

    /** 延长审批 (第二十五条第一款): the leader approves the extension of a complex case, or not. */
    public void checkExtensionApproval(DelegateTask task) {
        Vars.requireOneOf(task, "extensionDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "extensionOpinion", "审批理由");
    }

    /** 延长告知 (第二十五条第二款): written notice with reasons; the period now runs longer. */
    public void recordExtension(DelegateTask task) {
        Vars.requireText(task, "extensionNoticeNo", "延长查封、扣押决定书文号");
        Checks.pastDate(clock, task, "extensionNoticeServedDate", "延长决定送达日期");
        task.setVariable("extended", true);
        task.setVariable("extensionDays", task.getVariable("extensionRequestDays"));
    }

    /** 检测结束 (第二十五条第三款): the period runs on from the day after the recorded end of the testing. */
    public void finishTesting(DelegateTask task) {
        LocalDate ended = Checks.pastDate(clock, task, "testingEndedDate", "检测结束日期");
        caseClocks.requireNotBeforePause(task.getExecution(), CLOCK, ended, "检测结束日期");
        Vars.requireText(task, "testingReportNo", "检测（鉴定）报告编号");
        Vars.requireText(task, "testingResult", "检测（鉴定）结论");
        // the period runs on from the day after the testing ended, not from the day its report is registered
        // (第二十五条第三款: only the testing period itself is excluded)
        caseClocks.resume(task.getExecution(), CLOCK, ended);
    }

    // ---------------------------------------------------------------- release

    /** The measure must be released now (第十九条: leader disapproves; 第二十八条第一款第四项: the period passed). */
    public void releaseDue(DelegateExecution execution, String reason) {
        execution.setVariable("releaseReason", reason);
        execution.setVariable("releaseDueAt", clock.now());
    }

    /** 解除查封、扣押 (第二十八条第二款): the property is returned at once, or the proceeds of perishables sold. */
    public void checkRelease(DelegateTask task) {
        Vars.requireText(task, "releaseDocumentNo", "解除查封、扣押决定书文号");
        Instant released = Checks.pastInstant(clock, task, "releasedAt", "解除时间");
        // a release is of a measure taken: dated before the action it would shorten the recorded period of the
        // seizure and misstate when the property went back (第二十八条第二款)
        Date taken = (Date) task.getVariable("measureStart");
        if (taken != null && released.isBefore(taken.toInstant())) {
            throw new RuleViolation("release-before-action", "解除时间不能早于查封、扣押的实施时间 " + taken.toInstant().atZone(clock.zone())
                    .toLocalDateTime(), "The release cannot precede the measure taken at " + taken.toInstant());
        }
        if (Vars.flag(task, "soldBeforeRelease")) {
            BigDecimal proceeds = Vars.requireAmount(task, "saleProceeds", "拍卖或者变卖所得款项");
            Vars.setAmount(task, "saleProceeds", proceeds);
            Vars.setAmount(task, "compensation", Vars.amount(task, "compensation", "补偿金额"));
        } else {
            Checks.requireTrue(task, "propertyReturned", "property-not-returned", "解除查封、扣押应当立即退还财物（行政强制法第二十八条第二款）",
                    "On release the property must be returned at once (Art. 28(2))");
        }
        Vars.requireText(task, "returnReceiptNo", "退还财物清单（签收）编号");
    }

    // ---------------------------------------------------------------- helpers

    static int wholeNumber(VariableScope scope, String name, String label) {
        BigDecimal value = Vars.requireAmount(scope, name, label);
        if (value.stripTrailingZeros().scale() > 0) {
            throw new RuleViolation("not-whole-number", label + "须为整数", name + " must be a whole number");
        }
        if (value.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw new RuleViolation("absurd-number", label + "数值明显错误", name + " is implausibly large");
        }
        return value.intValue();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
