package org.sunlight.coercion.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The rules of coercive-execution (行政强制执行, 行政强制法第四章、第五章) that a form cannot express, as listeners named in
 * processes/coercive-execution.bpmn.
 * <p>
 * Contract for callers (collection, penalties): a call activity passes {@code executionBasis} ("collection" |
 * "penalty"), {@code principal} and {@code surcharge} (yuan), {@code decisionDocumentNo} (the decision to be executed),
 * {@code partyType}, {@code partyName}, {@code partyIdNumber}, {@code partyAddress}, {@code obligation}; the case gets its
 * own case number, linked to the caller's (relation "coercive-execution"), and its handler is the caller's handler. It
 * returns {@code executionOutcome}: "performed", "court-applied" or "terminated".
 */
@Component("coerciveExecutionRules")
public class ExecutionRules {

    static final Set<String> BASES = Set.of("collection", "penalty");
    static final Set<String> OBLIGATION_TYPES = Set.of("payment", "demolition", "other");
    static final Set<String> ROUTES = Set.of("direct", "substitute", "court", "terminate");
    static final Set<String> SERVICE_METHODS = Set.of("direct", "lien", "mail", "entrusted", "public-notice");
    static final Map<String, String> TERMINATION_REASONS = Map.of(
            "death", "公民死亡，无遗产可供执行，又无义务承受人（行政强制法第四十条第一项）",
            "dissolved", "法人或者其他组织终止，无财产可供执行，又无义务承受人（第四十条第二项）",
            "subject-lost", "执行标的灭失（第四十条第三项）",
            "decision-revoked", "据以执行的行政决定被撤销（第四十条第四项）",
            "other", "行政机关认为需要终结执行的其他情形（第四十条第五项）");
    /** 中止执行的情形 (行政强制法第三十九条第一款第一至四项). */
    static final Map<String, String> SUSPENSION_GROUNDS = Map.of(
            "inability", "当事人履行行政决定确有困难或者暂无履行能力（行政强制法第三十九条第一款第一项）",
            "third-party", "第三人对执行标的主张权利，确有理由（第三十九条第一款第二项）",
            "irreparable", "执行可能造成难以弥补的损失，且中止执行不损害公共利益（第三十九条第一款第三项）",
            "other", "行政机关认为需要中止执行的其他情形（第三十九条第一款第四项）");
    /** 中止执行满三年未恢复执行的，不再执行 (第三十九条第二款). */
    static final int SUSPENSION_LAPSE_YEARS = 3;
    /** 强制执行申请材料 (第五十五条第一款第一至四项). */
    static final List<String> COURT_MATERIALS = List.of("application", "decision", "opinions", "subject");

    private final StatutoryClock clock;
    private final CoercionPolicy policy;
    private final ExecutionHours hours;
    private final Cases cases;

    ExecutionRules(StatutoryClock clock, CoercionPolicy policy, ExecutionHours hours, Cases cases) {
        this.clock = clock;
        this.policy = policy;
        this.hours = hours;
        this.cases = cases;
    }

    // ---------------------------------------------------------------- start

    /**
     * Process start listener, before caseLifecycle.start: a case started by a call activity is the caller's follow-up.
     * It is linked to the caller's case and handled by the caller's handler; a business key passed by the caller is
     * taken as that link, since every case gets its own number.
     */
    public void adoptCaller(DelegateExecution execution) {
        DelegateExecution caller = execution.getSuperExecution();
        if (caller != null) {
            String callerKey = caller.getProcessBusinessKey();
            if (execution.getProcessBusinessKey() != null) {
                execution.setProcessBusinessKey(null);
            }
            if (callerKey != null && Vars.text(execution, "linkedCase") == null) {
                execution.setVariable("linkedCase", callerKey);
            }
            Object handler = caller.getVariable("handler");
            if (handler != null) {
                execution.setVariable("initiator", handler.toString());
            }
        }
        if (Vars.text(execution, "linkedCase") != null) {
            execution.setVariable("linkRelation", "coercive-execution");
        }
    }

    /**
     * What is to be executed: the decision, the party, the obligation and the amounts. A surcharge (加处罚款或者滞纳金)
     * never exceeds the principal (行政强制法第四十五条第二款).
     */
    public void checkRequest(DelegateExecution execution) {
        Vars.requireOneOf(execution, "executionBasis", "执行依据类别", BASES);
        String basis = Vars.requireText(execution, "decisionDocumentNo", "据以执行的行政决定书文号");
        Checks.party(execution);
        Vars.requireText(execution, "obligation", "当事人应当履行的义务");
        BigDecimal principal = Vars.requireAmount(execution, "principal", "金钱给付义务本金（元，无金钱给付填0）");
        BigDecimal surcharge = Vars.requireAmount(execution, "surcharge", "加处罚款或者滞纳金（元，无则填0）");
        requireCapped(principal, surcharge);
        String linked = Vars.text(execution, "linkedCase");
        if (linked != null && execution.getSuperExecution() == null && cases.find(linked).isEmpty()) {
            throw new RuleViolation("unknown-linked-case", "关联案件 " + linked + " 不存在", "No case " + linked);
        }
        Vars.setAmount(execution, "principal", principal);
        Vars.setAmount(execution, "surcharge", surcharge);
        // the decision being executed keeps its number; decisionDocumentNo becomes this case's own decision
        execution.setVariable("basisDocumentNo", basis);
        execution.setVariable("decisionDocumentNo", null);
        execution.setVariable("violationName", "强制执行：" + MeasureRules.abbreviate(Vars.text(execution, "obligation"), 100));
        execution.setVariable("immediateExecution", false);
        execution.setVariable("executionOutcome", null);
        Checks.reviewInputs(execution);
    }

    // ---------------------------------------------------------------- demand (催告)

    /**
     * 催告 (第三十五条, 第三十八条, 第四十四条): in writing, with the period, the way, the amount and the right to be heard,
     * served directly (or as the Civil Procedure Law allows when direct service fails). From the service and from the day
     * the party learned of the decision follow the windows of the court route (第五十三条, 第五十四条).
     */
    public void recordDemand(DelegateTask task) {
        String type = Vars.requireOneOf(task, "obligationType", "义务种类", OBLIGATION_TYPES);
        LocalDate basisDelivered = Checks.pastDate(clock, task, "basisDeliveredDate", "据以执行的决定送达当事人的日期");
        Vars.requireText(task, "demandDocumentNo", "催告书文号");
        Vars.requireText(task, "performanceMethod", "履行义务的方式（行政强制法第三十五条第二项）");
        BigDecimal principal = Checks.decimal(task.getVariable("principal"));
        BigDecimal surcharge = Checks.decimal(task.getVariable("surcharge"));
        if ("payment".equals(type)) {
            if (principal.signum() == 0) {
                throw new RuleViolation("no-amount", "金钱给付义务须有明确的金额（行政强制法第三十五条第三项），本金为0",
                        "A monetary obligation needs an amount (Art. 35(3))");
            }
            Vars.requireText(task, "paymentMethod", "给付方式（行政强制法第三十五条第三项）");
            Vars.setAmount(task, "amountDue", principal.add(surcharge));
        }
        Checks.requireTrue(task, "statementRightsNotified", "rights-not-notified", "催告书应当载明当事人依法享有的陈述权和申辩权（行政强制法第三十五条第四项）",
                "The demand must state the party's right to be heard (Art. 35(4))");
        String method = Vars.requireOneOf(task, "demandServiceMethod", "送达方式", SERVICE_METHODS);
        if (!"direct".equals(method)) {
            Vars.requireText(task, "serviceNote", "未直接送达的原因（当事人拒绝接收或者无法直接送达，行政强制法第三十八条）");
        }
        LocalDate served = Checks.pastDate(clock, task, "demandServedDate", "催告书送达日期");
        if (served.isBefore(basisDelivered)) {
            throw new RuleViolation("demand-before-decision", "催告书送达日期不能早于决定书送达日期", "The demand cannot precede the decision");
        }
        LocalDate deadline = clock.toDate(Vars.requireText(task, "performanceDeadline", "履行期限（行政强制法第三十五条第一项）"));
        if (!deadline.isAfter(served)) {
            throw new RuleViolation("deadline-not-after-demand", "履行期限应当晚于催告书送达日期", "The deadline must follow the demand's service");
        }
        if ("demolition".equals(type)) {
            Vars.requireText(task, "announcementNo", "限期自行拆除公告文号（行政强制法第四十四条）");
            LocalDate announced = Checks.pastDate(clock, task, "announcementDate", "公告日期");
            if (!deadline.isAfter(announced)) {
                throw new RuleViolation("deadline-not-after-announcement", "自行拆除期限应当晚于公告日期（行政强制法第四十四条）",
                        "The deadline for demolition must follow the announcement (Art. 44)");
            }
        }
        task.setVariable("performanceDeadlineEnd", clock.endOfDay(deadline));
        // appeal periods from the day the party learned of the decision: 60 days (行政复议法第二十条),
        // 6 months (行政诉讼法第四十六条); the later one ends them both
        LocalDate reconsideration = clock.addCalendarDays(basisDelivered, policy.reconsiderationDays());
        LocalDate litigation = clock.addMonths(basisDelivered, policy.litigationMonths());
        LocalDate appealEnd = litigation.isAfter(reconsideration) ? litigation : reconsideration;
        task.setVariable("appealPeriodEnd", clock.endOfDay(appealEnd));
        // a fine whose payment was deferred or split with the authority's approval: the period for applying to the
        // court counts from the end of the deferral or of the last instalment (行政处罚法第七十二条第二款), never before
        // the appeal periods have run (行政强制法第五十三条)
        LocalDate periodStart = appealEnd;
        Object deferredUntil = task.getVariable("paymentDeferredUntil");
        if (deferredUntil != null && clock.toDate(deferredUntil).isAfter(appealEnd)) {
            periodStart = clock.toDate(deferredUntil);
        }
        Date tenDaysAfterDemand = clock.workingDaysAfter(served, policy.courtDemandWorkingDays());
        Date periodStartAt = clock.endOfDay(periodStart);
        task.setVariable("courtWindowOpens", tenDaysAfterDemand.after(periodStartAt) ? tenDaysAfterDemand : periodStartAt);
        task.setVariable("courtWindowCloses", clock.monthsAfter(periodStart, policy.courtApplicationMonths()));
    }

    /** 催告期间 (第三十五条, 第三十六条, 第三十七条第三款): performance, a statement, or signs of hiding property. */
    public void checkDemandResponse(DelegateTask task) {
        String type = Vars.requireOneOf(task, "responseType", "当事人情况", Set.of("performed", "statement", "concealment"));
        switch (type) {
            case "performed" -> checkPerformed(task);
            case "statement" -> {
                Vars.requireText(task, "statementContent", "陈述、申辩内容");
                Checks.pastDate(clock, task, "statementReceivedDate", "收到日期");
            }
            default -> {
                Vars.requireText(task, "concealmentEvidence", "转移或者隐匿财物迹象的证据（行政强制法第三十七条第三款）");
                task.setVariable("immediateExecution", true);
            }
        }
    }

    /** The party performed: when and the proof. */
    public void checkPerformed(DelegateTask task) {
        Checks.pastDate(clock, task, "performedDate", "履行日期");
        Vars.requireText(task, "performanceProof", "履行凭证（缴款凭证号、现场核查记录等）");
    }

    /**
     * A monetary obligation is performed by paying the amount the demand stated (行政强制法第三十五条第三项: 明确的金额;
     * the surcharge is part of it, 第四十五条), no less and no more: the case then ends as performed and the caller's
     * register (e.g. the fee register of collection) books the obligation as paid in full. Part of the amount is no
     * performance — the case waits and proceeds for the rest; more is refunded, not booked. Listener of the tasks that
     * register a performance (Task_DemandPeriod when the party performed, Task_AwaitCourtWindow).
     */
    public void checkAmountPaid(DelegateTask task) {
        if (!"payment".equals(task.getVariable("obligationType"))
                || "Task_DemandPeriod".equals(task.getTaskDefinitionKey()) && !"performed".equals(task.getVariable("responseType"))
                || "Task_AgreementPerformance".equals(task.getTaskDefinitionKey()) && !"performed".equals(task.getVariable("agreementOutcome"))) {
            return;
        }
        BigDecimal due = Checks.decimal(task.getVariable("amountDue"));
        BigDecimal paid = Vars.requireAmount(task, "paidAmount", "当事人已缴纳的金额（元）");
        if (paid.compareTo(due) != 0) {
            throw new RuleViolation("amount-not-as-demanded", "金钱给付义务应当按催告书载明的金额履行（行政强制法第三十五条第三项）：应缴"
                    + Checks.yuan(due) + "，登记缴纳" + Checks.yuan(paid) + "。部分缴纳的不能登记为已履行；多缴的应当退还，请核对缴款凭证",
                    "A monetary obligation is performed by paying the amount demanded (Art. 35(3)): due " + due.toPlainString()
                            + ", paid " + paid.toPlainString());
        }
        Vars.setAmount(task, "paidAmount", paid);
    }

    /** 陈述申辩的记录和复核 (第三十六条): facts, reasons or evidence that hold are adopted. */
    public void checkStatementReview(DelegateTask task) {
        String adopted = Vars.requireOneOf(task, "statementAdopted", "复核结论", Set.of("adopted", "partlyAdopted", "rejected"));
        Vars.requireText(task, "statementReviewNote", "复核意见");
        boolean stop = Vars.flag(task, "stopExecution");
        if (stop && "rejected".equals(adopted)) {
            throw new RuleViolation("stop-without-adoption", "未采纳陈述申辩的，不能据此终止执行", "Execution stops only on an adopted statement");
        }
        task.setVariable("stopExecution", stop);
        if (stop) {
            task.setVariable("terminationReason", "statement-adopted");
        }
    }

    // ---------------------------------------------------------------- proposal and decision

    /**
     * 拟定执行方式: the department's own enforcement (only with a statutory power, 第十三条, 第三十四条), substitute
     * performance (第五十条), the court (第五十三条) or termination (第四十条). Surcharges stay capped (第四十五条), and
     * monetary obligations are enforced only after surcharges ran more than 30 days (第四十六条).
     */
    public void checkProposal(DelegateTask task) {
        String route = Vars.requireOneOf(task, "route", "执行方式", ROUTES);
        String type = (String) task.getVariable("obligationType");
        boolean immediate = Vars.flag(task, "immediateExecution");
        BigDecimal principal = Checks.decimal(task.getVariable("principal"));
        BigDecimal surcharge = Vars.requireAmount(task, "surcharge", "加处罚款或者滞纳金（元）");
        requireCapped(principal, surcharge);
        Vars.setAmount(task, "surcharge", surcharge);
        if ("payment".equals(type)) {
            Vars.setAmount(task, "amountDue", principal.add(surcharge));
        }
        Vars.requireText(task, "executionReason", "理由");
        Vars.requireText(task, "legalBasis", "依据");
        switch (route) {
            case "direct" -> {
                if (!immediate) {
                    requireNoJustification(task);
                }
                Vars.requireText(task, "enforcementPowerBasis", "本机关强制执行权的法律依据（行政强制法第十三条：行政强制执行由法律设定）");
                Vars.requireText(task, "executionMethod", "强制执行的方式（行政强制法第三十七条第二款第三项）");
                if ("payment".equals(type) && surcharge.signum() > 0 && !immediate) {
                    LocalDate since = Checks.pastDate(clock, task, "surchargeStartDate", "开始加处罚款或者滞纳金的日期");
                    // a surcharge runs only once the party is late (第四十五条第一款: 逾期不履行), so never from the day the
                    // decision reached the party or earlier; an earlier date would make the 30 days of 第四十六条 look run
                    LocalDate delivered = clock.toDate(task.getVariable("basisDeliveredDate"));
                    if (!since.isAfter(delivered)) {
                        throw new RuleViolation("surcharge-before-decision", "加处罚款或者滞纳金自当事人逾期不履行时起计算，开始日期须晚于据以执行的决定送达当事人的日期 "
                                + delivered + "（行政强制法第四十五条第一款、第四十六条第一款）",
                                "A surcharge runs only after the party is late: it cannot start on or before the decision was delivered on "
                                        + delivered + " (Art. 45(1), 46(1))");
                    }
                    if (ChronoUnit.DAYS.between(since, clock.today()) <= policy.surchargeEnforcementDays()) {
                        throw new RuleViolation("surcharge-too-recent", "加处罚款或者滞纳金超过" + policy.surchargeEnforcementDays()
                                + "日，经催告仍不履行的，方可强制执行（行政强制法第四十六条第一款）",
                                "Monetary obligations are enforced after surcharges ran more than "
                                        + policy.surchargeEnforcementDays() + " days (Art. 46(1))");
                    }
                }
            }
            case "substitute" -> {
                if (immediate) {
                    throw new RuleViolation("immediate-substitute", "立即强制执行决定只适用于行政机关依法强制执行（行政强制法第三十七条第三款）",
                            "An immediate execution decision is for the department's own enforcement (Art. 37(3))");
                }
                if ("payment".equals(type)) {
                    throw new RuleViolation("substitute-for-payment", "代履行适用于排除妨碍、恢复原状等义务，不适用于金钱给付义务（行政强制法第五十条）",
                            "Substitute performance is for obligations such as removing obstructions, not payments (Art. 50)");
                }
                requireNoJustification(task);
                Vars.requireOneOf(task, "substituteGround", "代履行的条件（后果已经或者将危害交通安全、造成环境污染或者破坏自然资源，行政强制法第五十条）",
                        Set.of("traffic", "environment", "resources"));
                String performer = Vars.requireOneOf(task, "performerKind", "代履行人", Set.of("agency", "third-party"));
                if ("third-party".equals(performer)) {
                    Vars.requireText(task, "performerName", "代履行第三人名称");
                    Checks.requireTrue(task, "performerNoInterest", "performer-interested", "委托代履行的第三人须与本案没有利害关系（行政强制法第五十条）",
                            "A third party performing must have no interest in the case (Art. 50)");
                }
                Vars.setAmount(task, "costBudget", Vars.requireAmount(task, "costBudget", "代履行费用预算（行政强制法第五十一条第一款第一项）"));
            }
            case "court" -> {
                Vars.requireText(task, "courtName", "管辖法院（执行对象是不动产的，为不动产所在地法院，行政强制法第五十四条）");
                Date opens = (Date) task.getVariable("courtWindowOpens");
                Date closes = (Date) task.getVariable("courtWindowCloses");
                if (!closes.after(opens) || !clock.now().before(closes)) {
                    throw new RuleViolation("court-window-passed", "申请人民法院强制执行的期限（复议、诉讼期限届满之日起三个月，行政强制法第五十三条）已于 "
                            + clock.toDate(closes) + " 届满，不能再申请", "The period for applying to the court ended on "
                            + clock.toDate(closes) + " (Art. 53)");
                }
            }
            default -> {
                Vars.requireOneOf(task, "terminationReason", "终结执行的情形", TERMINATION_REASONS.keySet());
                Vars.requireText(task, "terminationNote", "终结执行的说明");
            }
        }
        for (String flag : Checks.REVIEW_FLAGS) {
            task.setVariable(flag, Vars.flag(task, flag));
        }
        if ("demolition".equals(type) && ("direct".equals(route) || "substitute".equals(route))) {
            // 国办发〔2018〕118号三(八): forced demolition directly concerns major property rights — criterion ③ of 四(十二)
            task.setVariable("majorThirdPartyRights", true);
        }
        task.setVariable("containsSecrets", Vars.flag(task, "containsSecrets"));
        task.setVariable("factsFound", task.getVariable("executionReason"));
    }

    /**
     * 负责人决定 (第三十七条; 第五十一条; 第五十五条: the court application is signed by the leader and sealed; 第四十条).
     * A refused proposal returns to the handler.
     */
    public void checkDecision(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "executionDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "decisionOpinion", "审批理由");
        if ("reject".equals(decision)) {
            return;
        }
        Vars.requireText(task, "decisionDocumentNo", "文书编号（强制执行决定书、代履行决定书、强制执行申请书或者终结执行决定书）");
        String route = (String) task.getVariable("route");
        if ("court".equals(route)) {
            Checks.requireTrue(task, "leaderSigned", "application-not-signed", "强制执行申请书应当由行政机关负责人签名，加盖行政机关的印章，并注明日期（行政强制法第五十五条第二款）",
                    "The court application must be signed by the leader and sealed (Art. 55(2))");
        }
        task.setVariable("decisionDate", clock.now());
        String obligation = MeasureRules.abbreviate(Vars.text(task, "obligation"), 200);
        task.setVariable("decisionMatter", "强制执行：" + obligation);
        String amount = "payment".equals(task.getVariable("obligationType"))
                ? "，执行金额" + Checks.yuan(Checks.decimal(task.getVariable("amountDue"))) : "";
        task.setVariable("decisionResult", switch (route) {
            case "direct" -> (Vars.flag(task, "immediateExecution") ? "立即强制执行" : "强制执行") + "（方式："
                    + Vars.text(task, "executionMethod") + "）" + amount;
            case "substitute" -> "代履行（代履行人：" + ("agency".equals(task.getVariable("performerKind")) ? "本机关"
                    : Vars.text(task, "performerName")) + "，费用预算" + Checks.yuan(Checks.decimal(task.getVariable("costBudget"))) + "）";
            case "court" -> "申请" + Vars.text(task, "courtName") + "强制执行" + amount;
            default -> "终结执行：" + TERMINATION_REASONS.get((String) task.getVariable("terminationReason"));
        });
    }

    // ---------------------------------------------------------------- demolition, scheduling, substitute performance

    /**
     * 强制拆除前 (第四十四条): the case waits until the appeal periods have passed. If the party demolished meanwhile
     * the obligation is performed; if the party applied for reconsideration or sued, no demolition under Art 44.
     */
    public void checkAwaitAppeal(DelegateTask task) {
        String outcome = Vars.requireOneOf(task, "awaitOutcome", "情况", Set.of("performed", "appealFiled"));
        if ("performed".equals(outcome)) {
            checkPerformed(task);
        } else {
            Vars.requireText(task, "appealNote", "当事人申请行政复议或者提起行政诉讼的情况");
            task.setVariable("terminationReason", "appeal-filed");
        }
    }

    /**
     * 送达强制执行决定并安排执行 (第三十八条, 第四十三条): the decision served directly, the execution planned outside
     * night and statutory holidays unless urgent, and no cutting of water, power, heating or gas.
     */
    public void checkSchedule(DelegateTask task) {
        LocalDate served = Checks.pastDate(clock, task, "executionDecisionServedDate", "强制执行决定书送达日期");
        requireOnOrAfterDecision(task, served);
        String method = Vars.requireOneOf(task, "decisionServiceMethod", "送达方式", SERVICE_METHODS);
        if (!"direct".equals(method)) {
            Vars.requireText(task, "decisionServiceNote", "未直接送达的原因（行政强制法第三十八条）");
        }
        if (pauseRequested(task, "execute")) {
            return;
        }
        if ("demolition".equals(task.getVariable("obligationType"))) {
            requireNoAppeal(task);
        }
        checkPlan(task);
    }

    /**
     * 代履行决定书送达和三日前催告 (第五十一条第一款第一、二项): substitute performance may take place only after the
     * reminder has been served for 3 working days (第六十九条); the plan keeps Art 43.
     */
    public void checkSubstituteNotice(DelegateTask task) {
        LocalDate decisionServed = Checks.pastDate(clock, task, "substituteDecisionServedDate", "代履行决定书送达日期");
        requireOnOrAfterDecision(task, decisionServed);
        LocalDate reminded = Checks.pastDate(clock, task, "reminderServedDate", "代履行前催告送达日期");
        if (reminded.isBefore(decisionServed)) {
            throw new RuleViolation("reminder-before-decision", "催告日期不能早于代履行决定书送达日期", "The reminder cannot precede the decision");
        }
        if ("demolition".equals(task.getVariable("obligationType"))) {
            requireNoAppeal(task);
        }
        Instant start = checkPlan(task);
        LocalDate earliest = clock.addWorkingDays(reminded, policy.substituteNoticeWorkingDays()).plusDays(1);
        if (start.atZone(clock.zone()).toLocalDate().isBefore(earliest)) {
            throw new RuleViolation("substitute-too-early", "代履行三日前应当催告当事人履行（行政强制法第五十一条第一款第二项，第六十九条：工作日），最早可于 "
                    + earliest + " 实施", "Substitute performance needs 3 working days' reminder (Art. 51(1)(2)); earliest " + earliest);
        }
        task.setVariable("substituteEarliest", clock.workingDaysAfter(reminded, policy.substituteNoticeWorkingDays()));
    }

    /**
     * 现场执行 (第四十三条; 第十八条第二、三项 by analogy: two officers with credentials; 第五十一条第一款第三、四项 for
     * substitute performance: supervised on site, signed by the supervisor, the performer and the party or a witness).
     */
    public void checkOnSite(DelegateTask task) {
        Checks.requireTrue(task, "credentialsShown", "credentials-not-shown", "须出示执法身份证件（国办发〔2018〕118号：强制执行时必须主动出示执法证件）",
                "Officers must show their credentials");
        Instant start = Checks.pastInstant(clock, task, "executionStartedAt", "执行开始时间");
        Instant end = Checks.pastInstant(clock, task, "executionEndedAt", "执行结束时间");
        boolean emergency = Vars.flag(task, "emergency");
        hours.check(start, end, emergency, Vars.text(task, "emergencyReason"));
        requireNotBeforeAllowed(task, start);
        task.setVariable("emergency", emergency);
        requireNoUtilityCutoff(task);
        Vars.requireText(task, "executionRecordNo", "执行笔录编号");
        Vars.requireText(task, "executionResult", "执行情况");
        // stopped on site (第三十九条, 第四十二条): a resumed execution is arranged anew — served and scheduled again, a
        // substitute performance reminded again three working days ahead (第五十一条第一款第二项)
        if (pauseRequested(task, "execute", "substitute".equals(task.getVariable("route")) ? "Task_SubstituteWait"
                : "Task_ScheduleExecution")) {
            return;
        }
        if ("substitute".equals(task.getVariable("route"))) {
            Checks.requireTrue(task, "supervisorPresent", "no-supervisor", "代履行时，作出决定的行政机关应当派员到场监督（行政强制法第五十一条第一款第三项）",
                    "The department must supervise substitute performance on site (Art. 51(1)(3))");
            Checks.requireTrue(task, "signaturesObtained", "no-signatures", "代履行完毕，到场监督的工作人员、代履行人和当事人或者见证人应当在执行文书上签名或者盖章（行政强制法第五十一条第一款第四项）",
                    "The supervisor, the performer and the party or a witness sign the record (Art. 51(1)(4))");
            Vars.setAmount(task, "actualCost", Vars.requireAmount(task, "actualCost", "代履行实际费用（按成本合理确定，行政强制法第五十一条第二款）"));
        }
    }

    /**
     * The execution recorded on site cannot have begun before the law let it begin: not before the written execution
     * decision was served (行政强制法第三十七条第一款、第三十八条: the decision comes after the demand and its period,
     * in writing, served on the party), not before the reminder of a substitute performance had run its 3 working days
     * (第五十一条第一款第二项, 第六十九条), and a forced demolition not before the reconsideration and litigation periods
     * ended (第四十四条). A record that says otherwise describes an execution the law forbids; it is refused, not filed
     * as performed.
     */
    private void requireNotBeforeAllowed(DelegateTask task, Instant start) {
        if ("substitute".equals(task.getVariable("route"))) {
            Date earliest = (Date) task.getVariable("substituteEarliest");
            if (earliest != null && start.isBefore(earliest.toInstant())) {
                LocalDate day = clock.toDate(earliest).plusDays(1);
                throw new RuleViolation("execution-before-reminder-period", "代履行三日前应当催告当事人履行（行政强制法第五十一条第一款第二项，第六十九条：工作日），执行开始时间不能早于 "
                        + day, "Substitute performance cannot begin before the 3 working days of the reminder have passed (Art. 51(1)(2)); earliest " + day);
            }
        } else {
            Object served = task.getVariable("executionDecisionServedDate");
            if (served != null && start.isBefore(clock.startOfDay(clock.toDate(served)).toInstant())) {
                throw new RuleViolation("execution-before-decision-served", "强制执行须在强制执行决定书送达当事人后实施（行政强制法第三十七条、第三十八条），执行开始时间不能早于决定书送达日期 "
                        + clock.toDate(served), "Execution cannot begin before the execution decision was served on " + clock.toDate(served) + " (Art. 37, 38)");
            }
        }
        Object appealEnd = task.getVariable("appealPeriodEnd");
        if ("demolition".equals(task.getVariable("obligationType")) && appealEnd != null
                && !start.isAfter(((Date) appealEnd).toInstant())) {
            throw new RuleViolation("demolition-before-appeal-periods", "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不拆除的，方可强制拆除（行政强制法第四十四条），执行开始时间须晚于复议、诉讼期限届满日 "
                    + clock.toDate(appealEnd), "A forced demolition cannot begin before the appeal periods ended on " + clock.toDate(appealEnd) + " (Art. 44)");
        }
    }

    /**
     * 代履行前催告期间 (第五十一条第一款第二项): the party performed and substitute performance stops, or the handler
     * reports a ground to suspend (第三十九条) or the party's request for an execution agreement (第四十二条).
     */
    public void checkSubstituteWait(DelegateTask task) {
        if (!pauseRequested(task, "performed")) {
            checkPerformed(task);
        }
    }

    // ---------------------------------------------------------------- suspension (第三十九条) and agreement (第四十二条)

    /**
     * The handler's step after the decision: carry on ({@code normal}), or report to the leader a ground to suspend
     * (中止执行, 第三十九条) or an execution agreement the party asks for (执行协议, 第四十二条). Both belong to the
     * department's own enforcement (第四章); the court decides on suspending its own enforcement, so the court route
     * offers neither. Records where the execution stopped, so that it resumes there.
     */
    private boolean pauseRequested(DelegateTask task, String normal) {
        return pauseRequested(task, normal, task.getTaskDefinitionKey());
    }

    /** As {@link #pauseRequested(DelegateTask, String)}, resuming at {@code resumeAt} rather than at this step. */
    private boolean pauseRequested(DelegateTask task, String normal, String resumeAt) {
        Object given = task.getVariable("executionStep");
        String step = given == null || given.toString().isBlank() ? normal
                : Vars.requireOneOf(task, "executionStep", "执行情况", Set.of(normal, "suspend", "agreement"));
        task.setVariable("executionStep", step);
        if (step.equals(normal)) {
            return false;
        }
        Vars.requireText(task, "pauseReport", "suspend".equals(step) ? "报请中止执行的事实和理由（行政强制法第三十九条）"
                : "当事人请求达成执行协议的情况（行政强制法第四十二条）");
        task.setVariable("suspendedStep", resumeAt);
        return true;
    }

    /**
     * 中止执行决定 (第三十九条第一款): a leader suspends on one of the four grounds, with the reason, the document and
     * the day; ground (三) only where suspending does not harm the public interest. The three years of 第三十九条第二款
     * run from that day.
     */
    public void checkSuspension(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "suspensionDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "suspensionOpinion", "审批理由");
        if ("reject".equals(decision)) {
            return;
        }
        String ground = Vars.requireOneOf(task, "suspensionGround", "中止执行的情形（行政强制法第三十九条第一款）", SUSPENSION_GROUNDS.keySet());
        Vars.requireText(task, "suspensionReason", "中止执行的理由和事实");
        if ("irreparable".equals(ground)) {
            Checks.requireTrue(task, "publicInterestUnharmed", "suspension-harms-public-interest",
                    "执行可能造成难以弥补的损失，且中止执行不损害公共利益的，方可依此中止执行（行政强制法第三十九条第一款第三项）",
                    "Suspension for irreparable loss only where it does not harm the public interest (Art. 39(1)(3))");
        }
        Vars.requireText(task, "suspensionDocumentNo", "中止执行决定书文号");
        LocalDate day = Checks.pastDate(clock, task, "suspensionDate", "中止执行日期");
        if (day.isBefore(clock.toDate(task.getVariable("decisionDate")))) {
            throw new RuleViolation("suspension-before-decision", "中止执行日期不能早于强制执行决定日期 " + clock.toDate(task.getVariable("decisionDate"))
                    + "（行政强制法第三十九条：中止的是已决定的执行）", "Execution can be suspended only after it was decided on "
                    + clock.toDate(task.getVariable("decisionDate")) + " (Art. 39)");
        }
        task.setVariable("publicInterestUnharmed", Vars.flag(task, "publicInterestUnharmed"));
        task.setVariable("suspensionLapse", clock.endOfDay(day.plusYears(SUSPENSION_LAPSE_YEARS)));
        task.setVariable("executionSuspended", true);
    }

    /**
     * 中止执行期间 (第三十九条第二款): the handler records the day and the facts when the ground has gone, and execution
     * resumes; or, once the suspension has lasted three years unresumed, reports it to the leader for 不再执行 — never
     * before.
     */
    public void checkSuspended(DelegateTask task) {
        String outcome = Vars.requireOneOf(task, "suspensionOutcome", "中止期间情况", Set.of("resume", "abandon"));
        if ("abandon".equals(outcome)) {
            requireLapsed(task);
            return;
        }
        LocalDate gone = Checks.pastDate(clock, task, "groundGoneDate", "中止执行的情形消失的日期");
        if (gone.isBefore(clock.toDate(task.getVariable("suspensionDate")))) {
            throw new RuleViolation("ground-gone-before-suspension", "中止执行的情形消失的日期不能早于中止执行日期",
                    "The ground cannot have gone before the suspension");
        }
        Vars.requireText(task, "groundGoneNote", "中止执行的情形消失的情况（行政强制法第三十九条第二款）");
    }

    /**
     * 中止满三年 (第三十九条第二款): 不再执行 only where the suspension has lasted three years unresumed, there is no
     * obvious harm to society and the party truly cannot perform — the leader confirms both and gives the document;
     * otherwise the leader resumes the execution.
     */
    public void checkSuspensionLapsed(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "lapseDecision", "负责人决定", Set.of("abandon", "resume"));
        Vars.requireText(task, "lapseOpinion", "理由");
        if ("resume".equals(decision)) {
            return;
        }
        requireLapsed(task);
        Checks.requireTrue(task, "noObviousSocialHarm", "obvious-social-harm", "没有明显社会危害的，方可不再执行（行政强制法第三十九条第二款）",
                "Execution is abandoned only where there is no obvious harm to society (Art. 39(2))");
        Checks.requireTrue(task, "partyUnableToPerform", "party-able-to-perform", "当事人确无能力履行的，方可不再执行（行政强制法第三十九条第二款）",
                "Execution is abandoned only where the party truly cannot perform (Art. 39(2))");
        Vars.requireText(task, "abandonDocumentNo", "不再执行决定书文号");
        task.setVariable("terminationReason", "suspension-lapsed");
    }

    private void requireLapsed(DelegateTask task) {
        Date lapse = (Date) task.getVariable("suspensionLapse");
        if (lapse == null || clock.now().before(lapse)) {
            String until = lapse == null ? "" : "，满三年之日为 " + clock.toDate(lapse);
            throw new RuleViolation("suspension-not-lapsed", "中止执行满三年未恢复执行的，方可不再执行（行政强制法第三十九条第二款）：自 "
                    + task.getVariable("suspensionDate") + " 中止，未满三年" + until,
                    "Execution may be abandoned only after three years of suspension (Art. 39(2))");
        }
    }

    /**
     * 执行协议 (第四十二条第一款): only without harm to the public interest and to others' lawful rights; performance may
     * be staged; the surcharge (加处的罚款或者滞纳金) may be reduced or waived only where the party took remedial
     * measures, never raised (and never above the principal, 第四十五条第二款); the principal is fixed by the decision
     * being executed and no agreement changes it. An approved agreement makes the agreed amount the amount due; the recorded principal and surcharge stay as they are.
     */
    public void checkAgreement(DelegateTask task) {
        // the case's own principal and surcharge are not fields of the form (FormContract refuses them): the agreement
        // states its amounts beside them
        BigDecimal principal = Checks.decimal(task.getVariable("principal"));
        BigDecimal surcharge = Checks.decimal(task.getVariable("surcharge"));
        String decision = Vars.requireOneOf(task, "agreementDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "agreementOpinion", "审批理由");
        if ("reject".equals(decision)) {
            return;
        }
        Checks.requireTrue(task, "publicInterestUnharmed", "agreement-harms-public-interest",
                "执行协议不得损害公共利益和他人合法权益（行政强制法第四十二条第一款）",
                "An execution agreement must not harm the public interest or others' lawful rights (Art. 42(1))");
        Checks.requireTrue(task, "othersRightsUnharmed", "agreement-harms-others",
                "执行协议不得损害公共利益和他人合法权益（行政强制法第四十二条第一款）",
                "An execution agreement must not harm the public interest or others' lawful rights (Art. 42(1))");
        Vars.requireText(task, "agreementDocumentNo", "执行协议编号");
        LocalDate signed = Checks.pastDate(clock, task, "agreementDate", "协议签订日期");
        if (signed.isBefore(clock.toDate(task.getVariable("decisionDate")))) {
            throw new RuleViolation("agreement-before-decision", "执行协议是实施强制执行中达成的，签订日期不能早于强制执行决定日期（行政强制法第四十二条第一款）",
                    "The agreement is reached while executing, not before the decision (Art. 42(1))");
        }
        Vars.requireText(task, "performancePlan", "履行方式和分阶段履行计划（行政强制法第四十二条第一款：可以约定分阶段履行）");
        LocalDate due = clock.toDate(Vars.requireText(task, "agreementDueDate", "协议约定的最后履行期限"));
        if (!due.isAfter(signed)) {
            throw new RuleViolation("agreement-due-before-signed", "协议约定的履行期限应当晚于签订日期", "The agreed deadline must follow the signing");
        }
        BigDecimal agreedPrincipal = Vars.amount(task, "agreedPrincipal", "协议约定履行的本金（元）");
        if (agreedPrincipal != null && agreedPrincipal.compareTo(principal) != 0) {
            throw new RuleViolation("agreement-changes-principal", "执行协议不得变更金钱给付义务的本金：据以执行的行政决定确定的本金为" + Checks.yuan(principal)
                    + "，协议填写" + Checks.yuan(agreedPrincipal) + "（行政强制法第四十二条第一款只允许减免加处的罚款或者滞纳金）",
                    "An agreement cannot change the principal of " + principal.toPlainString() + " (Art. 42(1))");
        }
        BigDecimal agreed = Vars.amount(task, "agreedSurcharge", "协议约定的加处罚款或者滞纳金（元）");
        if (agreed == null) {
            if ("payment".equals(task.getVariable("obligationType"))) {
                throw Vars.missing("agreedSurcharge", "协议约定的加处罚款或者滞纳金（元，不减免的填原数额）");
            }
            agreed = surcharge;
        }
        if (agreed.compareTo(surcharge) > 0) {
            throw new RuleViolation("agreement-raises-surcharge", "执行协议只能减免加处的罚款或者滞纳金，不得增加：已加处" + Checks.yuan(surcharge)
                    + "，协议填写" + Checks.yuan(agreed) + "（行政强制法第四十二条第一款、第四十五条）",
                    "An agreement may reduce the surcharge of " + surcharge.toPlainString() + ", never raise it (Art. 42(1), 45)");
        }
        boolean remedial = Vars.flag(task, "remedialMeasures");
        if (agreed.compareTo(surcharge) < 0) {
            if (!remedial) {
                throw new RuleViolation("reduction-without-remedy", "当事人采取补救措施的，方可减免加处的罚款或者滞纳金（行政强制法第四十二条第一款）",
                        "The surcharge may be reduced only where the party took remedial measures (Art. 42(1))");
            }
            Vars.requireText(task, "remedialMeasuresNote", "当事人采取的补救措施");
        }
        task.setVariable("remedialMeasures", remedial);
        task.setVariable("othersRightsUnharmed", true);
        task.setVariable("publicInterestUnharmed", true);
        Vars.setAmount(task, "agreedPrincipal", principal);
        Vars.setAmount(task, "agreedSurcharge", agreed);
        if ("payment".equals(task.getVariable("obligationType"))) {
            Vars.setAmount(task, "amountDue", principal.add(agreed));
        }
        task.setVariable("agreementDueEnd", clock.endOfDay(due));
        task.setVariable("executionSuspended", true);
    }

    /**
     * 执行协议的履行 (第四十二条第二款): performed as agreed (a monetary obligation by paying the agreed amount in full), or
     * not performed, and the department resumes the execution.
     */
    public void checkAgreementPerformance(DelegateTask task) {
        String outcome = Vars.requireOneOf(task, "agreementOutcome", "协议履行情况", Set.of("performed", "broken"));
        if ("performed".equals(outcome)) {
            checkPerformed(task);
            checkAmountPaid(task);
        } else {
            Vars.requireText(task, "breachNote", "当事人不履行执行协议的情况（行政强制法第四十二条第二款）");
        }
    }

    /**
     * 恢复执行 (第三十九条第二款: 中止执行的情形消失后，行政机关应当恢复执行; 第四十二条第二款: 当事人不履行执行协议的，
     * 行政机关应当恢复强制执行): back to the step where the execution stopped; a surcharge reduced by a broken agreement
     * is due again in full.
     */
    public void resume(DelegateExecution execution) {
        execution.setVariable("executionSuspended", false);
        execution.setVariable("executionStep", null);
        if ("payment".equals(execution.getVariable("obligationType"))) {
            Vars.setAmount(execution, "amountDue", Checks.decimal(execution.getVariable("principal"))
                    .add(Checks.decimal(execution.getVariable("surcharge"))));
        }
    }

    // ---------------------------------------------------------------- court

    /**
     * 申请人民法院强制执行 (第五十三条至第五十五条): no appeal within the periods, inside the window, with the materials.
     */
    public void checkCourtApplication(DelegateTask task) {
        requireNoAppeal(task);
        Vars.requireText(task, "courtName", "受理申请的人民法院");
        LocalDate applied = Checks.pastDate(clock, task, "appliedDate", "申请日期");
        LocalDate opens = clock.toDate(task.getVariable("courtWindowOpens"));
        LocalDate closes = clock.toDate(task.getVariable("courtWindowCloses"));
        if (!applied.isAfter(opens)) {
            throw new RuleViolation("court-too-early", "催告书送达十日后且复议、诉讼期限届满后方可申请人民法院强制执行（行政强制法第五十三条、第五十四条），最早 "
                    + opens.plusDays(1), "The court may be asked only from " + opens.plusDays(1) + " (Art. 53, 54)");
        }
        if (applied.isAfter(closes)) {
            throw new RuleViolation("court-too-late", "应当自复议、诉讼期限届满之日起三个月内申请（行政强制法第五十三条），期限至 " + closes,
                    "The application is due within 3 months after the appeal periods, until " + closes + " (Art. 53)");
        }
        List<String> materials = Vars.list(task, "courtMaterials");
        if (!materials.containsAll(COURT_MATERIALS)) {
            throw new RuleViolation("court-materials-missing", "申请材料不全：须提供强制执行申请书，行政决定书及作出决定的事实、理由和依据，当事人的意见及催告情况，申请强制执行标的情况（行政强制法第五十五条）",
                    "The application lacks materials required by Art. 55");
        }
    }

    public void checkWindowMissed(DelegateTask task) {
        Vars.requireText(task, "missedNote", "情况说明");
        task.setVariable("terminationReason", "court-window-missed");
    }

    /** What the case ends with, for the caller (call activity output {@code executionOutcome}). */
    public void outcome(DelegateExecution execution, String outcome) {
        execution.setVariable("executionOutcome", outcome);
    }

    // ---------------------------------------------------------------- helpers

    private Instant checkPlan(DelegateTask task) {
        Instant start = clock.toInstant(Vars.requireText(task, "plannedStart", "计划开始时间"));
        Instant end = clock.toInstant(Vars.requireText(task, "plannedEnd", "计划结束时间"));
        if (start.isBefore(clock.now().toInstant())) {
            throw new RuleViolation("plan-in-past", "计划开始时间不能早于当前时间", "The plan cannot start in the past");
        }
        boolean emergency = Vars.flag(task, "emergency");
        hours.check(start, end, emergency, Vars.text(task, "emergencyReason"));
        task.setVariable("emergency", emergency);
        requireNoUtilityCutoff(task);
        return start;
    }

    private void requireOnOrAfterDecision(DelegateTask task, LocalDate served) {
        if (served.isBefore(clock.toDate(task.getVariable("decisionDate")))) {
            throw new RuleViolation("served-before-decision", "送达日期不能早于决定日期", "Service cannot precede the decision");
        }
    }

    private static void requireNoAppeal(VariableScope scope) {
        Checks.requireTrue(scope, "noAppealFiled", "appeal-filed", "当事人在法定期限内申请行政复议或者提起行政诉讼的，不得依此程序强制拆除或者申请强制执行（行政强制法第四十四条、第五十三条）",
                "Only if the party neither applied for reconsideration nor sued within the periods (Art. 44, 53)");
    }

    private static void requireNoJustification(VariableScope scope) {
        Checks.requireTrue(scope, "noJustification", "justification-not-confirmed", "经催告，当事人逾期仍不履行且无正当理由的，方可作出强制执行决定（行政强制法第三十七条第一款）",
                "Execution may be decided only if the party still fails to perform without good reason (Art. 37(1))");
    }

    private static void requireNoUtilityCutoff(VariableScope scope) {
        Checks.requireTrue(scope, "noUtilityCutoff", "utility-cutoff", "不得对居民生活采取停止供水、供电、供热、供燃气等方式迫使当事人履行（行政强制法第四十三条第二款）",
                "No cutting of water, power, heating or gas to force performance (Art. 43(2))");
    }

    private static void requireCapped(BigDecimal principal, BigDecimal surcharge) {
        if (surcharge.compareTo(principal) > 0) {
            throw new RuleViolation("surcharge-exceeds-principal", "加处罚款或者滞纳金的数额（" + Checks.yuan(surcharge) + "）不得超出金钱给付义务的数额（"
                    + Checks.yuan(principal) + "）（行政强制法第四十五条第二款）",
                    "The surcharge may not exceed the principal (Art. 45(2))");
        }
    }
}
