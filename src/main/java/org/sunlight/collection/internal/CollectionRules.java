package org.sunlight.collection.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.PartyChecks;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The rules of the collection procedure (行政征收, urban infrastructure fee) that a form cannot express: listeners named
 * in collection.bpmn. The fee itself comes from the DMN {@code infrastructure-fee}; this class checks the steps, keeps
 * the fee register (sl_fee_assessment) in step with the case, and computes the surcharge — only where a legal basis
 * is configured, never more than the fee (行政强制法第四十五条).
 */
@Component("collectionRules")
@EnableConfigurationProperties(CollectionPolicy.class)
public class CollectionRules {

    static final Set<String> PROJECT_TYPES = Set.of("residential", "commercial", "industrial");
    static final Set<String> DELIVERY_METHODS = Set.of("direct", "lien", "mail", "electronic", "publicNotice");
    static final Set<String> EXECUTION_OUTCOMES = Set.of("performed", "court-applied", "terminated");
    /** 投资项目统一代码: year-region-industry-type-serial (全国投资项目在线审批监管平台). */
    static final String PROJECT_CODE = "\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}";

    private final StatutoryClock clock;
    private final CollectionPolicy policy;
    private final FeeMapper fees;

    CollectionRules(StatutoryClock clock, CollectionPolicy policy, FeeMapper fees) {
        this.clock = clock;
        this.policy = policy;
        this.fees = fees;
    }

    // ---------------------------------------------------------------- registration and assessment

    /** 征收登记: the payer (the developer of the project) and the facts the fee is assessed on. */
    public void checkRegistration(DelegateExecution execution) {
        PartyChecks.requireParty(execution, "缴费人", true);
        checkProject(execution);
        Vars.requireText(execution, "planningPermitNo", "建设工程规划许可证号");
        execution.setVariable("executionOutcome", null);
    }

    private void checkProject(VariableScope scope) {
        String code = Vars.requireText(scope, "projectCode", "项目代码");
        if (!code.matches(PROJECT_CODE)) {
            throw new RuleViolation("invalid-project-code", "项目代码格式应为“年份-行政区划-行业-类别-流水号”，如 2026-210102-47-01-000123",
                    "projectCode must look like 2026-210102-47-01-000123");
        }
        Vars.requireText(scope, "projectName", "项目名称");
        Vars.requireOneOf(scope, "projectType", "项目类别", PROJECT_TYPES);
        BigDecimal area = Vars.requireAmount(scope, "floorArea", "建筑面积");
        if (area.signum() <= 0) {
            throw new RuleViolation("invalid-floor-area", "建筑面积必须大于0", "floorArea must be positive");
        }
        Vars.setAmount(scope, "floorArea", area);
    }

    /** 核定: the handler confirms the basis of the DMN's amount and marks what legal review needs to know. */
    public void checkConfirmation(DelegateTask task) {
        Vars.requireText(task, "assessmentBasis", "核定依据");
        for (String flag : List.of("majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase")) {
            task.setVariable(flag, Vars.flag(task, flag));
        }
        task.setVariable("hearingHeld", false);
        BigDecimal principal = Vars.requireAmount(task, "principal", "应缴金额");
        task.setVariable("reviewMatter", "征收城市基础设施配套费（" + task.getVariable("projectName") + "）");
        task.setVariable("proposedDecision", "征收城市基础设施配套费人民币" + yuan(principal) + "元（建筑面积"
                + yuan(Vars.requireAmount(task, "floorArea", "建筑面积")) + "平方米 × " + yuan(Vars.requireAmount(task, "rate", "费率"))
                + "元/平方米）");
        task.setVariable("legalBasis", policy.legalBasis());
    }

    /** 重新核定 after legal review or the leader returned the assessment: corrected facts, then the DMN again. */
    public void checkRevision(DelegateTask task) {
        Vars.requireText(task, "revisionNote", "重新核定说明");
        checkProject(task);
        task.setVariable("reviewApproved", null);
    }

    // ---------------------------------------------------------------- decision and notice

    /**
     * 征收决定: no decision without a required legal review approved (国办发〔2018〕118号 四; 优化营商环境条例第五十八条).
     * An approved decision enters the fee register.
     */
    public void checkDecision(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "collectionDecision", "决定", Set.of("approve", "return"));
        Vars.requireText(task, "decisionOpinion", "负责人意见");
        if ("return".equals(decision)) {
            return;
        }
        if (Vars.flag(task, "reviewRequired") && !Vars.flag(task, "reviewApproved")) {
            throw new RuleViolation("review-missing", "本案须经法制审核，未经审核或者审核未通过的，不得作出决定（国办发〔2018〕118号四；《优化营商环境条例》第五十八条）",
                    "Legal review is required and has not been passed");
        }
        String documentNo = Vars.requireText(task, "decisionDocumentNo", "缴费通知书（征收决定书）文号");
        BigDecimal principal = Vars.requireAmount(task, "principal", "应缴金额");
        Date now = clock.now();
        task.setVariable("decisionDate", now);
        task.setVariable("decisionMatter", "城市基础设施配套费征收（" + task.getVariable("projectName") + "）");
        task.setVariable("decisionResult", "征收城市基础设施配套费人民币" + yuan(principal) + "元");
        task.setVariable("legalBasis", policy.legalBasis());
        task.setVariable("containsSecrets", false);
        String key = task.getExecution().getProcessBusinessKey();
        fees.insert(key, (String) task.getVariable("caseNumber"), (String) task.getVariable("projectCode"),
                (String) task.getVariable("projectName"), (String) task.getVariable("partyName"), principal, now);
        task.setVariable("decisionDocumentNo", documentNo);
    }

    /**
     * 送达缴费通知书: the payment period starts; a surcharge applies only if a legal basis is configured and its standard
     * was told to the party in the notice (行政强制法第四十五条第一款).
     */
    public void recordNoticeDelivery(DelegateTask task) {
        String method = Vars.requireOneOf(task, "deliveryMethod", "送达方式", DELIVERY_METHODS);
        LocalDate delivered = pastDate(task, "deliveredDate", "送达日期");
        if (delivered.isBefore(clock.toDate(task.getVariable("decisionDate")))) {
            throw new RuleViolation("delivered-before-decision", "送达日期不能早于决定日期", "Delivery cannot precede the decision");
        }
        if ("electronic".equals(method) && !Vars.flag(task, "electronicConsent")) {
            throw new RuleViolation("no-electronic-consent", "采用电子方式送达的，须经受送达人同意（《民事诉讼法》第九十条）",
                    "Electronic delivery requires the recipient's consent");
        }
        Vars.requireText(task, "deliveryReceiptNo", "送达回证编号");
        boolean surcharge = policy.surchargeConfigured();
        if (surcharge && !Vars.flag(task, "surchargeStandardNotified")) {
            throw new RuleViolation("surcharge-standard-not-notified", "加收滞纳金的标准应当告知当事人，请在缴费通知书中载明（《行政强制法》第四十五条第一款：" + policy.surcharge().legalBasis() + "）",
                    "The surcharge standard must be told to the party in the notice (Administrative Coercion Law Art. 45)");
        }
        task.setVariable("surchargeApplies", surcharge);
        task.setVariable("surchargeBasis", surcharge ? policy.surcharge().legalBasis() : null);
        task.setVariable("paymentDeadline", clock.calendarDaysAfter(delivered, policy.paymentDays()));
    }

    // ---------------------------------------------------------------- payment

    /** 确认缴款 within the period: the full fee. */
    public void checkPayment(DelegateTask task) {
        LocalDate paid = pastDate(task, "paidDate", "缴款日期");
        if (paid.isAfter(clock.toDate(task.getVariable("paymentDeadline")))) {
            throw new RuleViolation("paid-late", "缴款日期已超过缴款期限，请按逾期缴纳处理", "Paid after the deadline: settle as overdue");
        }
        settle(task, paid, BigDecimal.ZERO);
    }

    /**
     * 逾期催缴 (after the payment deadline passed): a written demand stating the period, the amount and how to pay,
     * or the payment the party made meanwhile. Enforcement may follow only after the demand's period and, where a
     * surcharge runs, after it ran more than 30 days (行政强制法第三十五条、第四十六条).
     */
    public void checkOverdueDemand(DelegateTask task) {
        String outcome = Vars.requireOneOf(task, "demandOutcome", "处理结果", Set.of("demanded", "paid"));
        LocalDate deadline = clock.toDate(task.getVariable("paymentDeadline"));
        if ("paid".equals(outcome)) {
            settleOverdue(task, deadline);
            return;
        }
        Vars.requireText(task, "demandDocumentNo", "催缴通知书文号");
        LocalDate delivered = pastDate(task, "demandDeliveredDate", "催缴通知书送达日期");
        if (!delivered.isAfter(deadline)) {
            throw new RuleViolation("demand-before-overdue", "缴款期限届满后方可催缴", "The demand must follow the payment deadline");
        }
        LocalDate performBy = clock.toDate(Vars.requireText(task, "performanceDeadline", "履行期限"));
        if (!performBy.isAfter(delivered)) {
            throw new RuleViolation("no-performance-period", "催缴通知书应当给予履行期限，履行期限须晚于送达日期（《行政强制法》第三十五条）",
                    "The demand must give a period to pay, ending after its delivery (Art. 35)");
        }
        Date handover = clock.endOfDay(performBy);
        if (Vars.flag(task, "surchargeApplies")) {
            // a surcharge must have run more than 30 days before enforcement (第四十六条第一款)
            Date surchargeRan = clock.endOfDay(deadline.plusDays(30));
            handover = surchargeRan.after(handover) ? surchargeRan : handover;
        }
        task.setVariable("executionHandoverDate", handover);
        task.setVariable("demandOutcome", outcome);
    }

    /** 等待履行: payment within the demand's period, with the surcharge run up to the payment day. */
    public void checkLatePayment(DelegateTask task) {
        settleOverdue(task, clock.toDate(task.getVariable("paymentDeadline")));
    }

    private void settleOverdue(DelegateTask task, LocalDate deadline) {
        LocalDate paid = pastDate(task, "paidDate", "缴款日期");
        if (!paid.isAfter(deadline)) {
            throw new RuleViolation("not-overdue", "缴款日期未超过缴款期限", "The payment date is not after the deadline");
        }
        settle(task, paid, surcharge(task, paid));
    }

    private void settle(DelegateTask task, LocalDate paid, BigDecimal surcharge) {
        // a payment of this fee cannot precede the decision that levies it: an earlier date is a wrong receipt or a
        // payment of something else, and booked here it would settle the fee without the party having paid it
        LocalDate decided = clock.toDate(task.getVariable("decisionDate"));
        if (paid.isBefore(decided)) {
            throw new RuleViolation("paid-before-decision", "缴款日期不能早于征收决定日期 " + decided + "，请核对缴款凭证",
                    "The payment date cannot precede the collection decision of " + decided);
        }
        BigDecimal principal = Vars.requireAmount(task, "principal", "应缴金额");
        BigDecimal due = principal.add(surcharge);
        BigDecimal amount = Vars.requireAmount(task, "paidAmount", "缴款金额");
        if (amount.compareTo(due) < 0) {
            throw new RuleViolation("underpaid", "缴款金额不足：应缴人民币" + yuan(due) + "元" + (surcharge.signum() > 0
                    ? "（含滞纳金" + yuan(surcharge) + "元）" : ""), "Paid less than due: " + due);
        }
        // the fee is levied at the amount decided, a surcharge only by law and never above the fee (行政强制法第四十五条):
        // more than that is no payment of this fee — booked as paid it would make the register claim a sum the
        // department has no basis to hold (a refund, or a mistyped amount); the amount is checked and entered again
        if (amount.compareTo(due) > 0) {
            throw new RuleViolation("overpaid", "缴款金额超过应缴金额：应缴人民币" + yuan(due) + "元" + (surcharge.signum() > 0
                    ? "（含滞纳金" + yuan(surcharge) + "元）" : "") + "，实缴" + yuan(amount) + "元，请核对缴款凭证；多缴部分应当退还",
                    "Paid more than due (" + due + "): check the receipt; any excess is refunded");
        }
        Vars.requireText(task, "paymentReceiptNo", "缴款凭证号");
        Vars.setAmount(task, "surcharge", surcharge);
        fees.paid(task.getExecution().getProcessBusinessKey(), surcharge, clock.startOfDay(paid), amount);
    }

    // ---------------------------------------------------------------- coercive execution

    /** Hand-over to coercive-execution (contract: principal, surcharge, obligation, ...); the register says so. */
    public void prepareExecution(DelegateExecution execution) {
        BigDecimal principal = Vars.requireAmount(execution, "principal", "应缴金额");
        BigDecimal surcharge = surcharge(execution, clock.today());
        Vars.setAmount(execution, "surcharge", surcharge);
        execution.setVariable("obligation", "缴纳城市基础设施配套费人民币" + yuan(principal) + "元"
                + (surcharge.signum() > 0 ? "及滞纳金人民币" + yuan(surcharge) + "元（" + execution.getVariable("surchargeBasis") + "）" : "")
                + "（" + execution.getVariable("decisionDocumentNo") + "）");
        fees.status(execution.getProcessBusinessKey(), "enforcing", surcharge);
    }

    /** What coercive-execution answered; the register records it (performed counts as paid). */
    public void recordExecutionOutcome(DelegateExecution execution) {
        String outcome = Vars.requireOneOf(execution, "executionOutcome", "强制执行结果", EXECUTION_OUTCOMES);
        BigDecimal principal = Vars.requireAmount(execution, "principal", "应缴金额");
        BigDecimal surcharge = Vars.amount(execution, "surcharge", "滞纳金");
        surcharge = surcharge == null ? BigDecimal.ZERO : surcharge;
        String key = execution.getProcessBusinessKey();
        switch (outcome) {
            case "performed" -> fees.paid(key, surcharge, clock.now(), principal.add(surcharge));
            case "court-applied" -> fees.status(key, "court", surcharge);
            default -> fees.status(key, "terminated", surcharge);
        }
    }

    /**
     * Surcharge up to a day: the daily rate on the fee for each day after the payment deadline, only where a legal
     * basis is configured and the standard was notified, never more than the fee (行政强制法第四十五条).
     */
    BigDecimal surcharge(VariableScope scope, LocalDate until) {
        if (!Vars.flag(scope, "surchargeApplies") || !policy.surchargeConfigured()) {
            return BigDecimal.ZERO;
        }
        BigDecimal principal = Vars.requireAmount(scope, "principal", "应缴金额");
        long days = Math.max(0, ChronoUnit.DAYS.between(clock.toDate(scope.getVariable("paymentDeadline")), until));
        BigDecimal fee = principal.multiply(policy.surcharge().dailyRate()).multiply(BigDecimal.valueOf(days))
                .setScale(2, RoundingMode.HALF_UP);
        return fee.min(principal);
    }

    private LocalDate pastDate(VariableScope scope, String name, String label) {
        LocalDate date = clock.toDate(Vars.requireText(scope, name, label));
        if (date.isAfter(clock.today())) {
            throw new RuleViolation("future-date", label + "不能晚于今天", name + " cannot be in the future");
        }
        return date;
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
