package org.sunlight.penalty.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.EnforcementTeam;
import org.sunlight.procedure.PartyChecks;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The rules of the penalty procedures (行政处罚法) that a form cannot express: each method is a listener named in
 * penalty-general.bpmn or penalty-summary.bpmn, checks what the law demands at that step, and records the facts later
 * steps rely on. A refused step changes nothing (the whole step rolls back) and tells the officer why, citing the article.
 */
@Component("penaltyRules")
@EnableConfigurationProperties(PenaltyPolicy.class)
public class PenaltyRules {

    static final Set<String> PENALTY_KINDS = Set.of("warning", "fine", "confiscation", "suspension",
            "license-revocation", "qualification-downgrade", "closure", "practice-restriction");
    static final Set<String> CASE_SOURCES = Set.of("inspection", "complaint", "referral", "assigned", "other");
    static final Set<String> CONSEQUENCES = Set.of("none", "minor", "serious");
    static final Set<String> DELIVERY_METHODS = Set.of("onSpot", "direct", "lien", "mail", "electronic", "publicNotice");
    /**
     * 公告送达: 自发出公告之日起，经过三十日，即视为送达 (民事诉讼法第九十五条第一款, 2021年修正; 行政处罚法第六十一条第一款 sends
     * delivery to 民事诉讼法). The law's number, not policy.
     */
    static final int PUBLIC_NOTICE_DAYS = 30;
    /**
     * The circumstances of 行政处罚法第三十二条 in which a penalty is lightened or mitigated (减轻: below the statutory
     * minimum): (一) harm eliminated or reduced, (二) coerced or deceived, (三) confessed what was not known, (四)
     * meritorious cooperation, (五) another law, regulation or rule so provides.
     */
    static final Set<String> MITIGATION_GROUNDS = Set.of("harm-eliminated", "coerced", "confessed", "meritorious",
            "other-law");
    /**
     * 调查终结 (行政处罚法第五十七条第一款): what the investigation leads the handler to propose — a penalty (一), no
     * penalty (二、三), or transfer to the judicial authorities for a suspected crime (四; 第二十七条). Only a penalty is
     * proposed, notified and heard (第四十四条、第四十五条、第六十三条): the other two go to the leader without a prior notice.
     */
    static final Set<String> HANDLING_PROPOSALS = Set.of("penalty", "noPenalty", "transfer");
    /** Why no penalty is given, each with its article of 行政处罚法 (the decision and the case file name it). */
    static final java.util.Map<String, String> NO_PENALTY_GROUNDS = java.util.Map.of(
            "facts-not-established", "违法事实不能成立（第五十七条第一款第三项）",
            "minor-corrected", "违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）",
            "first-minor", "初次违法且危害后果轻微并及时改正（第三十三条第一款）",
            "no-fault", "当事人有证据足以证明没有主观过错（第三十三条第二款）",
            "under-14", "违法行为发生时不满十四周岁（第三十条）",
            "mental-incapacity", "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为（第三十一条）",
            "time-barred", "违法行为在追责时效内未被发现（第三十六条）");
    /**
     * Violations whose article orders 停业整顿 together with the fine, not instead of it: 逾期未改正的，责令停业整顿，并处…
     * 罚款 (建设工程安全生产管理条例第六十四条、第六十五条; the DMN discretion-benchmark has their fines only where
     * {@code correctionOverdue}). One penalty kind carries both: 责令停产停业 with the fine's amount.
     */
    static final java.util.Map<String, String> SUSPENSION_WITH_FINE = java.util.Map.of(
            "safety-64", "《建设工程安全生产管理条例》第六十四条", "safety-65", "《建设工程安全生产管理条例》第六十五条");

    private final StatutoryClock clock;
    private final PenaltyPolicy policy;
    private final Organization organization;
    private final DecisionService decisionService;

    PenaltyRules(StatutoryClock clock, PenaltyPolicy policy, Organization organization,
                 @Lazy DecisionService decisionService) {
        this.decisionService = decisionService;
        this.clock = clock;
        this.policy = policy;
        this.organization = organization;
    }

    // ---------------------------------------------------------------- registration and filing

    /**
     * Start of penalty-general: the party and the facts must be identified. The violation is confirmed in the
     * investigation report (a case converted from the summary procedure may not know it yet).
     */
    public void checkRegistration(DelegateExecution execution) {
        checkParty(execution);
        Vars.requireOneOf(execution, "caseSource", "案件来源", CASE_SOURCES);
        Vars.requireText(execution, "caseSummary", "案情摘要");
        LocalDate violation = pastDate(execution, "violationDate", "违法行为发生（终了）日期");
        LocalDate discovered = pastDate(execution, "discoveredDate", "发现日期");
        if (discovered.isBefore(violation)) {
            throw new RuleViolation("discovered-before-violation", "发现日期不能早于违法行为发生日期",
                    "The discovery date cannot precede the violation date");
        }
    }

    /**
     * Due date of 立案审批 and of its boundary timer: the lead is checked within 15 days of its discovery, or 25 once the
     * leader extended the period by 10 days (住房和城乡建设行政处罚程序规定第十五条; calendar days, the last day moved past
     * rest days). The numbers are the ministry's (sunlight.penalty.filing-*).
     */
    public Date filingDue(DelegateExecution execution) {
        int days = policy.filingCheckDays() + (Vars.flag(execution, "filingExtended") ? policy.filingExtensionDays() : 0);
        return clock.calendarDaysAfter(clock.toDate(execution.getVariable("discoveredDate")), days);
    }

    /** The boundary timer of 立案审批 fired: the lead was not decided within its period (kept for the case file). */
    public void recordFilingLate(DelegateExecution execution) {
        execution.setVariable("filingLate", true);
    }

    /**
     * 立案审批: a violation undiscovered for 2 (or 5) years is no longer punished (行政处罚法第三十六条). Instead of
     * deciding, the leader may extend the check once by 10 days, giving a reason (住建部令第55号第十五条); the task comes
     * back with its due date moved.
     */
    public void checkFiling(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "filingDecision", "立案审批意见", Set.of("file", "reject", "extend"));
        if ("extend".equals(decision)) {
            if (Vars.flag(task, "filingExtended")) {
                throw new RuleViolation("filing-extended-once", "立案核查期限经负责人批准只能延长一次（十日），已延长过，请作出立案或不予立案的决定"
                        + "（住房和城乡建设行政处罚程序规定第十五条）",
                        "The period for checking the lead may be extended only once (by 10 days) and already was; "
                                + "decide to file or not to file (MOHURD Order No. 55, Art. 15)");
            }
            // an extension is granted within the period it extends: one asked after the 15 days ran out would turn a
            // late check into a timely one (the lateness stays on record, 立案审批 is decided now)
            Date due = filingDue(task.getExecution()); // not extended yet: the 15 days, as the timer has them
            if (clock.now().after(due)) {
                throw new RuleViolation("filing-period-over", "立案核查期限已于" + clock.toDate(due) + "届满，不能再延长，"
                        + "请作出立案或不予立案的决定（住房和城乡建设行政处罚程序规定第十五条：经负责人批准可延长十日，"
                        + "应在期限届满前批准）",
                        "The period for checking the lead ended on " + clock.toDate(due) + " and can no longer be "
                                + "extended; decide to file or not to file (MOHURD Order No. 55, Art. 15)");
            }
            Vars.requireText(task, "filingExtensionReason", "延长核查期限的理由");
            task.setVariable("filingExtended", true);
            task.setVariable("filingExtendedAt", clock.now());
            org.camunda.bpm.engine.impl.identity.Authentication leader =
                    task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            task.setVariable("filingExtendedBy", leader != null && leader.getUserId() != null ? leader.getUserId()
                    : task.getAssignee());
            return;
        }
        if ("reject".equals(decision)) {
            Vars.requireText(task, "filingOpinion", "不予立案的理由");
            return;
        }
        LocalDate violation = clock.toDate(task.getVariable("violationDate"));
        LocalDate discovered = clock.toDate(task.getVariable("discoveredDate"));
        int years = Vars.flag(task, "lifeSafetyHarm") ? policy.extendedLimitationYears() : policy.limitationYears();
        if (violation.plusYears(years).isBefore(discovered)) {
            throw new RuleViolation("limitation-expired", "违法行为在" + years + "年内未被发现，不再给予行政处罚，不得立案（行政处罚法第三十六条）",
                    "The violation was not discovered within " + years + " years; it can no longer be punished (Art. 36)");
        }
    }

    /**
     * The five years of 第三十六条第一款 hold only where life, health or financial safety is concerned 且有危害后果. A
     * case filed on them (lifeSafetyHarm at 立案审批) whose investigation then finds no harmful consequence
     * (consequence "none") falls back to the two years: if the violation was not discovered within them, no penalty
     * may be given — the decision is 不予行政处罚.
     */
    private void requireNotTimeBarred(VariableScope scope) {
        if (timeBarred(scope)) {
            throw new RuleViolation("limitation-expired", "违法行为在" + policy.limitationYears() + "年内未被发现，且调查认定没有危害后果，"
                    + "不适用" + policy.extendedLimitationYears() + "年的追责时效，不再给予行政处罚，请作出不予行政处罚决定（行政处罚法第三十六条第一款）",
                    "The violation was not discovered within " + policy.limitationYears() + " years and caused no harm; "
                            + "the extended period does not apply and no penalty may be given (Art. 36(1))");
        }
    }

    /** Not discovered within the limitation period, and no harm that would extend it (第三十六条第一款). */
    private boolean timeBarred(VariableScope scope) {
        Object violationDate = scope.getVariable("violationDate");
        Object discoveredDate = scope.getVariable("discoveredDate");
        if (violationDate == null || discoveredDate == null) {
            return false;
        }
        LocalDate violation = clock.toDate(violationDate);
        LocalDate discovered = clock.toDate(discoveredDate);
        if (!violation.plusYears(policy.limitationYears()).isBefore(discovered)) {
            return false;
        }
        return !(Vars.flag(scope, "lifeSafetyHarm") && !"none".equals(scope.getVariable("consequence")));
    }

    /** 立案: the 90-day limit of 第六十条 starts (calendar days, last day moved past holidays). */
    public void recordFiling(DelegateExecution execution) {
        Date filing = clock.now();
        execution.setVariable("filingDate", filing);
        execution.setVariable("decisionDeadline", clock.calendarDaysAfter(filing, 90));
    }

    // ---------------------------------------------------------------- investigation and proposal

    /** 调查取证: credentials shown (第五十五条第一款) and a written record made (第五十五条第二款). */
    public void checkInvestigation(DelegateTask task) {
        if (!Vars.flag(task, "credentialsShown")) {
            throw new RuleViolation("credentials-not-shown", "调查或检查时须主动出示执法证件（行政处罚法第五十五条）",
                    "Officers must show their credentials during investigation (Art. 55)");
        }
        if (Vars.text(task, "inquiryRecordNo") == null && Vars.text(task, "inspectionRecordNo") == null) {
            throw new RuleViolation("no-record", "询问或者检查应当制作笔录，请填写询问笔录或现场检查笔录编号（行政处罚法第五十五条第二款）",
                    "An inquiry or inspection record is required (Art. 55(2))");
        }
        Vars.requireText(task, "evidenceSummary", "证据清单");
    }

    /** 调查终结报告: the facts, the violation and the circumstances that select the benchmark tier. */
    public void checkReport(DelegateTask task) {
        Vars.requireText(task, "factsFound", "认定的违法事实");
        Vars.requireText(task, "violationCode", "违法行为");
        Vars.requireOneOf(task, "consequence", "危害后果", CONSEQUENCES);
        Vars.setAmount(task, "floorArea", Vars.amount(task, "floorArea", "建筑面积"));
        Vars.setAmount(task, "contractPrice", Vars.amount(task, "contractPrice", "工程合同价款"));
        // the other bases of rate fines: the DMN discretion-benchmark says which violation needs which, and has no
        // rule for a rate-based violation whose base is missing (the report is then refused, DecisionOutputs)
        Vars.setAmount(task, "misusedAmount", Vars.amount(task, "misusedAmount", "挪用的安全生产费用"));
        Vars.setAmount(task, "constructionCost", Vars.amount(task, "constructionCost", "建设工程造价"));
        Vars.setAmount(task, "unitFineAmount", Vars.amount(task, "unitFineAmount", "对单位的罚款数额"));
        // 逾期未改正 (安全条例第六十四、六十五条): a box left empty is "no", never a silent "overdue"
        for (String flag : List.of("rectified", "repeatOffense", "correctionOverdue", "majorPublicInterest",
                "majorSocialImpact", "majorThirdPartyRights", "complexCase", "seriousCase")) {
            task.setVariable(flag, Vars.flag(task, flag));
        }
        // the report names the facts found and the violation (both required above): left open, it proposes a penalty,
        // as every report did before the other two handlings could be proposed
        if (Vars.text(task, "handlingProposal") == null) {
            task.setVariable("handlingProposal", "penalty");
        }
        requireHandling(task);
    }

    /**
     * A decision of no penalty because the violation is not established (第五十七条第一款第三项): the kind
     * {@code no-violation}, which the DMN publication-deadline does not have published. Read from the decision and its
     * ground where the publication is made (BPMN Flow_ToDelivery), not stored as a variable of its own.
     */
    public boolean noViolation(VariableScope scope) {
        return "noPenalty".equals(scope.getVariable("decision"))
                && "facts-not-established".equals(Vars.text(scope, "noPenaltyGround"));
    }

    /** The handling proposed, with what each needs: a ground of no penalty the facts bear out, a transfer's reason. */
    private void requireHandling(VariableScope scope) {
        String proposal = Vars.requireOneOf(scope, "handlingProposal", "处理意见", HANDLING_PROPOSALS);
        if ("noPenalty".equals(proposal)) {
            requireNoPenaltyGround(scope, Vars.requireOneOf(scope, "noPenaltyGround", "不予行政处罚的理由",
                    NO_PENALTY_GROUNDS.keySet()));
        } else if ("transfer".equals(proposal)) {
            Vars.requireText(scope, "transferReason", "涉嫌犯罪的事实和理由");
        }
    }

    /**
     * A ground of no penalty the case's own facts contradict is refused: a minor violation is one without harm that
     * was corrected in time (第三十三条第一款: 没有造成危害后果 / 危害后果轻微, 及时改正; 初次违法 not a repeat offence), only a
     * natural person can be under 14 (第三十条, judged on the violation date), and a violation is time-barred only if it
     * was not discovered within the limitation period (第三十六条).
     */
    private void requireNoPenaltyGround(VariableScope scope, String ground) {
        Object consequence = scope.getVariable("consequence");
        // what the ground needs that this case's findings lack; null where they bear it out
        String unmet = switch (ground) {
            case "minor-corrected" -> !Vars.flag(scope, "rectified") || !"none".equals(consequence)
                    ? "须当事人已及时改正且没有造成危害后果" : null;
            case "first-minor" -> !Vars.flag(scope, "rectified") || Vars.flag(scope, "repeatOffense")
                    || "serious".equals(consequence) ? "须初次违法、危害后果轻微且当事人已及时改正" : null;
            case "under-14" -> minorityAtViolation(scope) != Minority.UNDER_14 ? "当事人须为违法行为发生时不满十四周岁的自然人" : null;
            case "time-barred" -> !timeBarred(scope) ? "违法行为须在" + policy.limitationYears() + "年内未被发现且没有危害后果" : null;
            default -> null;
        };
        if (unmet != null) {
            throw new RuleViolation("no-penalty-ground-contradicted", "不予行政处罚的理由“" + NO_PENALTY_GROUNDS.get(ground)
                    + "”与本案认定的情况不符（" + unmet + "），请核对调查认定的情节或选择其他理由",
                    "The ground of no penalty '" + ground + "' contradicts the circumstances found in this case");
        }
    }

    /**
     * 拟定处罚意见: the penalty within the benchmark range; outside it only with a written reason (and then the
     * leader's approval, BPMN Gateway_WithinBenchmark).
     */
    public void checkProposal(DelegateTask task) {
        String kind = Vars.requireOneOf(task, "penaltyKind", "处罚种类", PENALTY_KINDS);
        BigDecimal fine = zeroIfNull(Vars.amount(task, "fineAmount", "罚款金额"));
        BigDecimal confiscation = zeroIfNull(Vars.amount(task, "confiscationValue", "没收违法所得或非法财物价值"));
        requireAmountsFitKind(task, kind, fine, confiscation);
        requireSuspensionWithFine(task, kind, fine);
        requireMinorMitigated(task, fine, "罚款金额");
        boolean outside = fine.signum() > 0 ? outsideBenchmark(task, fine, "罚款金额") : withoutPrescribedFine(task, kind);
        if (outside) {
            Vars.requireText(task, "deviationReason", "超出裁量基准幅度的理由");
        }
        Vars.setAmount(task, "fineAmount", fine);
        Vars.setAmount(task, "confiscationValue", confiscation);
        task.setVariable("outsideBenchmark", outside);
        task.setVariable("deviationDecision", null);
    }

    /**
     * What the proposal and the decision both demand of the amounts: a fine has a positive amount (a fine of 0 yuan
     * is no penalty: that is the decision 不予行政处罚, 第三十三条); a warning carries no amount.
     */
    private static void requireAmountsFitKind(VariableScope scope, String kind, BigDecimal fine,
                                              BigDecimal confiscation) {
        if (Vars.text(scope, "mitigationGround") != null) {
            Vars.requireOneOf(scope, "mitigationGround", "依法减轻处罚的情形", MITIGATION_GROUNDS);
        }
        if ("fine".equals(kind) && fine.signum() <= 0) {
            throw new RuleViolation("fine-required", "处罚种类为罚款时，请填写罚款金额（大于0元）；不予处罚的请选择“不予行政处罚”",
                    "A fine needs an amount above 0 yuan; choose 'no penalty' to impose none");
        }
        if ("warning".equals(kind) && (fine.signum() > 0 || confiscation.signum() > 0)) {
            throw new RuleViolation("warning-with-amount", "处罚种类为警告时不得填写罚款或没收金额，请将主要处罚种类选为罚款",
                    "A warning carries no amount; choose 'fine' as the principal penalty");
        }
    }

    /** A fine under 安全条例第六十四、六十五条 comes with 停业整顿 (责令停业整顿，并处罚款): the kind is 责令停产停业. */
    private static void requireSuspensionWithFine(VariableScope scope, String kind, BigDecimal fine) {
        String article = SUSPENSION_WITH_FINE.get(Vars.text(scope, "violationCode"));
        if (article != null && fine.signum() > 0 && !"suspension".equals(kind)) {
            throw new RuleViolation("suspension-with-fine", "逾期未改正的，责令停业整顿，并处罚款（" + article
                    + "）：罚款与停业整顿一并作出，处罚种类请选“责令停产停业”并填写罚款金额",
                    "Under this article the fine comes with a suspension: choose 'suspension' with the fine's amount");
        }
    }

    /**
     * A positive fine against the law and the benchmark: never above the statutory maximum of the violation, below
     * its minimum (减轻处罚) only in a circumstance of 第三十二条 named in {@code mitigationGround} — a penalty is
     * given as the law sets it (行政处罚法第四条; changing its range is unlawful, 第七十六条第一款第二项). The statutory
     * range comes from the DMN discretion-benchmark (legalMinFine, legalMaxFine); a case whose benchmark was looked
     * up before those outputs existed has none and is checked against the benchmark only.
     *
     * @return whether the fine lies outside the discretion benchmark's range (then it needs a written reason, RULES §7)
     */
    private boolean outsideBenchmark(VariableScope scope, BigDecimal fine, String label) {
        BigDecimal legalMin = cents(decimal(scope.getVariable("legalMinFine")));
        BigDecimal legalMax = cents(decimal(scope.getVariable("legalMaxFine")));
        String basis = Vars.text(scope, "legalBasis");
        String cited = basis == null ? "" : "（" + basis + "）";
        if (legalMax != null && fine.compareTo(legalMax) > 0) {
            throw new RuleViolation("fine-above-statutory-maximum", label + "（" + plain(fine) + "元）超过该违法行为的法定最高罚款"
                    + plain(legalMax) + "元；行政处罚应当依法实施，不得擅自改变处罚幅度（行政处罚法第四条、第七十六条第一款第二项）" + cited,
                    "The fine (" + plain(fine) + " yuan) exceeds the statutory maximum of " + plain(legalMax)
                            + " yuan for this violation (Art. 4, 76(1)(2))");
        }
        if (legalMin != null && fine.compareTo(legalMin) < 0) {
            // 第三十条 is a ground for 减轻 of its own: a party aged 14 to 17 at the violation needs no 第三十二条 ground
            if (Vars.text(scope, "mitigationGround") == null && minorityAtViolation(scope) != Minority.UNDER_18) {
                throw new RuleViolation("fine-below-statutory-minimum", label + "（" + plain(fine) + "元）低于该违法行为的法定最低罚款"
                        + plain(legalMin) + "元；减轻处罚须有行政处罚法第三十二条规定的情形，请选择“依法减轻处罚的情形”并说明理由"
                        + "（行政处罚法第四条、第三十二条）" + cited,
                        "The fine (" + plain(fine) + " yuan) is below the statutory minimum of " + plain(legalMin)
                                + " yuan; a mitigated penalty needs a circumstance of Art. 32 (mitigationGround)");
            }
        }
        BigDecimal min = decimal(scope.getVariable("minFine"));
        BigDecimal max = decimal(scope.getVariable("maxFine"));
        if (min == null || max == null) {
            throw new RuleViolation("no-benchmark", "缺少裁量基准幅度（按比例计算罚款的违法行为须填写计算基数，如工程合同价款）" + cited,
                    "No benchmark range; rate-based violations need their base (e.g. the contract price)");
        }
        return fine.compareTo(min) < 0 || fine.compareTo(max) > 0;
    }

    /**
     * A penalty without a fine for a violation whose article prescribes a fine with a minimum above 0 (质量条例第59条: 处1万元
     * 以上10万元以下的罚款; a warning, a confiscation, a suspension without the fine 并处 with it): the fine is the penalty the
     * law sets, so leaving it out is a penalty below the statutory minimum — 减轻处罚, lawful only in a circumstance of
     * 第三十二条 named in {@code mitigationGround} or for a party aged 14 to 17 at the violation (第三十条), exactly as a
     * fine below the minimum (行政处罚法第四条、第三十二条; 擅自改变处罚种类、幅度, 第七十六条第一款第二项). Where the article's
     * minimum is 0 (“3万元以下”) or the benchmark predates the statutory range, nothing is checked.
     *
     * @return whether the penalty leaves the discretion benchmark (always, when the article prescribes a fine): it then
     *         needs a written reason and the leader's approval like any mitigated fine (国办发〔2022〕27号)
     */
    private boolean withoutPrescribedFine(VariableScope scope, String kind) {
        BigDecimal legalMin = cents(decimal(scope.getVariable("legalMinFine")));
        if (legalMin == null || legalMin.signum() <= 0) {
            return false;
        }
        if (Vars.text(scope, "mitigationGround") == null && minorityAtViolation(scope) != Minority.UNDER_18) {
            String basis = Vars.text(scope, "legalBasis");
            String name = KIND_NAMES.getOrDefault(kind, kind);
            throw new RuleViolation("fine-below-statutory-minimum", "该违法行为的法定处罚为罚款（法定最低罚款" + plain(legalMin)
                    + "元）；给予" + name + "而不处罚款，低于法定最低罚款，属于减轻处罚，须有行政处罚法第三十二条规定的情形，"
                    + "请选择“依法减轻处罚的情形”并说明理由（行政处罚法第四条、第三十二条）" + (basis == null ? "" : "（" + basis + "）"),
                    "The article prescribes a fine of at least " + plain(legalMin) + " yuan; a penalty without it ("
                            + kind + ") is below the statutory minimum and needs a circumstance of Art. 32 (mitigationGround)");
        }
        return true;
    }

    /**
     * The decided fine is the one notified after the leader approved its deviation from the benchmark with the
     * proposal's written reason (偏离裁量基准审批): that reason stands for the decision too.
     */
    private static boolean approvedDeviation(VariableScope scope, BigDecimal fine) {
        BigDecimal notified = decimal(scope.getVariable("notifiedFine"));
        return Vars.flag(scope, "outsideBenchmark") && "approve".equals(scope.getVariable("deviationDecision"))
                && Vars.text(scope, "deviationReason") != null && notified != null && fine.compareTo(notified) == 0;
    }

    /** A bound computed by the DMN from the contract price (contractPrice * 0.02) to the fen, free of binary noise. */
    private static BigDecimal cents(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- prior notice, statement, hearing

    /** 事先告知 (第四十四条): what is notified binds the decision (第四十五条); the response windows start. */
    public void recordNotice(DelegateTask task) {
        Vars.requireText(task, "noticeDocumentNo", "事先告知书文号");
        String method = Vars.requireOneOf(task, "noticeDeliveryMethod", "送达方式", DELIVERY_METHODS);
        if ("electronic".equals(method) && !Vars.flag(task, "noticeElectronicConsent")) {
            // 第六十一条第二款 covers 行政处罚决定书等: the prior notice too
            throw new RuleViolation("no-electronic-consent", "采用传真、电子邮件等方式送达事先告知书的，须经当事人同意并签订确认书"
                    + "（行政处罚法第六十一条第二款）", "Electronic delivery of the prior notice requires the party's signed consent (Art. 61(2))");
        }
        LocalDate published = pastDate(task, "noticeDeliveredDate", "告知书送达日期");
        LocalDate filed = clock.toDate(task.getVariable("filingDate"));
        if (published.isBefore(filed)) {
            throw new RuleViolation("notice-before-filing", "告知书送达日期不能早于立案日期", "The notice cannot precede the filing");
        }
        // what is notified is the penalty proposed (第四十四条): settled when this task was created, after the proposal and
        // any approval of its deviation; a notice dated earlier would shorten or erase the party's periods (第六十二条)
        LocalDate settled = clock.toDate(task.getCreateTime());
        if (published.isBefore(settled)) {
            throw new RuleViolation("notice-before-proposal", "告知书送达日期（" + published + "）不能早于拟处罚意见确定之日（" + settled
                    + "）：事先告知的是拟作出的行政处罚内容（行政处罚法第四十四条），提前的日期会缩短当事人陈述、申辩和要求听证的期限"
                    + "（第四十五条、第六十二条、第六十四条第一项）",
                    "The notice (" + published + ") cannot precede the proposal it notifies, settled on " + settled
                            + " (Art. 44); an earlier date would cut the party's periods (Art. 45, 62, 64(1))");
        }
        // the party's periods run from receipt: for 公告送达 thirty days after the publication
        LocalDate delivered = deemedDelivery(task, method, published, "noticeDeemedDeliveredDate");
        task.setVariable("notifiedPenaltyKind", task.getVariable("penaltyKind"));
        task.setVariable("notifiedFine", task.getVariable("fineAmount"));
        task.setVariable("notifiedConfiscation", task.getVariable("confiscationValue"));
        LocalDate statementEnd = clock.addWorkingDays(delivered, policy.statementWindowWorkingDays());
        LocalDate end = statementEnd;
        if (Vars.flag(task, "hearingRight")) {
            LocalDate hearingEnd = clock.addWorkingDays(delivered, policy.hearingRequestWorkingDays());
            task.setVariable("hearingRequestDeadline", clock.endOfDay(hearingEnd));
            end = hearingEnd.isAfter(end) ? hearingEnd : end;
        }
        task.setVariable("statementDeadline", clock.endOfDay(statementEnd));
        task.setVariable("responseWindowEnd", clock.endOfDay(end));
        task.setVariable("responseStage", null);
        task.setVariable("hearingHeld", false);
    }

    /** What the party did within the window: a statement, a hearing request (第六十四条第一项) or a written waiver. */
    public void checkPartyResponse(DelegateTask task) {
        String type = Vars.requireOneOf(task, "responseType", "当事人回应方式", Set.of("statement", "hearingRequest", "waiver"));
        LocalDate received = pastDate(task, "responseReceivedDate", "收到日期");
        LocalDate delivered = clock.toDate(task.getVariable("noticeDeliveredDate"));
        if (received.isBefore(delivered)) {
            throw new RuleViolation("response-before-notice", "收到日期不能早于告知书送达日期", "The response cannot precede the notice");
        }
        switch (type) {
            case "statement" -> Vars.requireText(task, "statementContent", "陈述申辩内容");
            case "hearingRequest" -> {
                if (!Vars.flag(task, "hearingRight")) {
                    throw new RuleViolation("no-hearing-right", "拟作出的处罚不属于听证范围（行政处罚法第六十三条），可登记为陈述申辩",
                            "The proposed penalty carries no hearing right (Art. 63)");
                }
                if (received.isAfter(clock.toDate(task.getVariable("hearingRequestDeadline")))) {
                    throw new RuleViolation("hearing-request-late", "当事人应当在告知后五个工作日内提出听证申请，本申请已逾期（行政处罚法第六十四条第一项）",
                            "A hearing must be requested within 5 working days of the notice (Art. 64(1))");
                }
            }
            default -> {
                Vars.requireText(task, "waiverDocumentNo", "书面放弃声明编号");
                task.setVariable("responseStage", "waived");
            }
        }
    }

    /**
     * A statement or hearing request the party made in time but the officer registers only after the window's timer
     * fired (补登记; POST /api/cases/{businessKey}/late-responses, {@link CaseRequests}). What counts is when the
     * department received it, not when it was registered: 拒绝听取当事人的陈述或者申辩的，不得作出行政处罚决定
     * (行政处罚法第六十二条), and a hearing requested within five working days of the notice must be held (第六十四条第一项).
     * Received after the window, it is refused (400) and nothing changes. Checked against the case's variables before
     * the message {@code PenaltyLateResponse} is correlated; the answer is the variables the case then carries, the
     * same a timely registration in Task_PartyResponse writes, so the case takes the same path (Gateway_ResponseType).
     */
    java.util.Map<String, Object> lateResponse(java.util.Map<String, Object> body, VariableScope caseScope, String userId) {
        CaseRequests.onlyFields(body, Set.of("responseType", "receivedDate", "statementContent"));
        String type = CaseRequests.text(body, "responseType", "当事人回应方式", 20, false);
        if (!Set.of("statement", "hearingRequest").contains(type)) {
            throw new RuleViolation("invalid-response-type", "补登记的只能是陈述申辩（statement）或听证申请（hearingRequest）；期限已届满，书面放弃无需登记",
                    "Only a statement or a hearing request is registered late; the window has expired, a waiver is moot");
        }
        LocalDate received = CaseRequests.date(body, "receivedDate", "收到日期");
        if (received.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", "收到日期不能晚于今天", "receivedDate cannot be in the future");
        }
        LocalDate delivered = clock.toDate(caseScope.getVariable("noticeDeliveredDate"));
        if (received.isBefore(delivered)) {
            throw new RuleViolation("response-before-notice", "收到日期不能早于告知书送达日期", "The response cannot precede the notice");
        }
        LocalDate windowEnd = clock.toDate(caseScope.getVariable("responseWindowEnd"));
        java.util.Map<String, Object> variables = new java.util.LinkedHashMap<>();
        if ("statement".equals(type)) {
            if (received.isAfter(windowEnd)) {
                throw new RuleViolation("statement-late", "陈述、申辩于期限届满（" + windowEnd + "）后才收到（" + received
                        + "），不能作为期限内的陈述申辩补登记（行政处罚法第四十四条、第六十二条）",
                        "The statement was received on " + received + ", after the window ended on " + windowEnd + " (Art. 44, 62)");
            }
            variables.put("statementContent", CaseRequests.text(body, "statementContent", "陈述、申辩内容", 2000, false));
        } else {
            if (!Vars.flag(caseScope, "hearingRight")) {
                throw new RuleViolation("no-hearing-right", "拟作出的处罚不属于听证范围（行政处罚法第六十三条），可登记为陈述申辩",
                        "The proposed penalty carries no hearing right (Art. 63)");
            }
            LocalDate hearingEnd = clock.toDate(caseScope.getVariable("hearingRequestDeadline"));
            if (received.isAfter(hearingEnd)) {
                throw new RuleViolation("hearing-request-late", "当事人应当在告知后五个工作日内（" + hearingEnd + "前）提出听证申请，本申请于"
                        + received + "收到，已逾期（行政处罚法第六十四条第一项）",
                        "A hearing must be requested within 5 working days of the notice (by " + hearingEnd + "); received " + received + " (Art. 64(1))");
            }
            if (body.get("statementContent") != null) {
                throw new RuleViolation("unknown-field", "听证申请不带陈述、申辩内容（statementContent）", "A hearing request carries no statementContent");
            }
        }
        variables.put("responseType", type);
        variables.put("responseReceivedDate", received.toString());
        variables.put("lateResponseRegistered", true);
        variables.put("lateResponseRegisteredBy", userId);
        variables.put("lateResponseRegisteredAt", clock.now());
        return variables;
    }

    public void closeResponseWindow(DelegateExecution execution, String how) {
        if (execution.getVariable("responseStage") == null) {
            execution.setVariable("responseStage", how);
        }
    }

    /** 陈述申辩复核: reasons that hold are adopted; never a heavier penalty because of a statement (第四十五条). */
    public void checkStatementReview(DelegateTask task) {
        String adopted = Vars.requireOneOf(task, "statementAdopted", "复核结论", Set.of("adopted", "partlyAdopted", "rejected"));
        Vars.requireText(task, "statementReviewNote", "复核意见");
        BigDecimal revised = Vars.amount(task, "revisedFine", "复核后罚款金额");
        if (revised != null) {
            requireNotHeavier(task, revised, "复核后罚款");
            if (!"rejected".equals(adopted)) {
                Vars.setAmount(task, "fineAmount", revised);
            }
        }
    }

    /** 听证通知: at least 7 working days ahead; the host is not an investigator of the case (第六十四条第二、四项). */
    public void checkHearingNotice(DelegateTask task) {
        LocalDate notified = pastDate(task, "hearingNoticeDate", "听证通知送达日期");
        // the notice answers the party's request (第六十四条第一项): one dated before it cannot have been served, and
        // backdating it would shorten the seven working days the party has to prepare (第六十四条第二项)
        Object requestedOn = task.getVariable("responseReceivedDate");
        if (requestedOn != null && !requestedOn.toString().isBlank() && notified.isBefore(clock.toDate(requestedOn))) {
            LocalDate requested = clock.toDate(requestedOn);
            throw new RuleViolation("hearing-notice-before-request", "听证通知送达日期（" + notified + "）不能早于收到听证申请的日期（"
                    + requested + "）；应当在举行听证的七个工作日前通知当事人（行政处罚法第六十四条第一项、第二项）",
                    "The hearing notice (" + notified + ") cannot precede the hearing request received on " + requested
                            + "; the party is notified 7 working days before the hearing (Art. 64(1)(2))");
        }
        LocalDate hearing = clock.toDate(Vars.requireText(task, "hearingDate", "听证时间"));
        LocalDate earliest = clock.addWorkingDays(notified, policy.hearingNoticeWorkingDays());
        if (hearing.isBefore(earliest)) {
            throw new RuleViolation("hearing-notice-too-late", "应当在举行听证的七个工作日前通知当事人，听证最早可安排在 " + earliest
                    + "（行政处罚法第六十四条第二项）", "The hearing must be notified 7 working days ahead; earliest " + earliest + " (Art. 64(2))");
        }
        Vars.requireText(task, "hearingPlace", "听证地点");
        String host = Vars.requireText(task, "hearingHost", "听证主持人");
        if (organization.officer(host).isEmpty()) {
            throw new RuleViolation("unknown-host", "听证主持人须为本机关在册人员（填写用户名）", "The hearing host must be a registered officer");
        }
        if (host.equals(task.getVariable("handler")) || EnforcementTeam.actingOfficers(task).contains(host)
                || EnforcementTeam.recusedOfficers(task).contains(host)) {
            // a recused officer (第四十三条) takes no further part in the case, as host neither
            throw new RuleViolation("host-is-investigator", "听证由非本案调查人员主持，已决定回避的人员亦不得主持（行政处罚法第六十四条第四项、第四十三条）",
                    "The hearing must be hosted by someone who did not investigate the case (Art. 64(4))");
        }
        if (!Vars.flag(task, "hearingPublic")) {
            Vars.requireText(task, "nonPublicReason", "不公开举行的理由（国家秘密、商业秘密或者个人隐私）");
        }
    }

    /** 举行听证: recorded after it took place; an absent party is deemed to waive the hearing (第六十四条第六项). */
    public void checkHearing(DelegateTask task) {
        LocalDate hearing = clock.toDate(task.getVariable("hearingDate"));
        if (clock.today().isBefore(hearing)) {
            throw new RuleViolation("hearing-not-yet-held", "听证尚未到举行时间（" + hearing + "）", "The hearing date " + hearing + " has not come yet");
        }
        String attendance = Vars.requireOneOf(task, "partyAttendance", "当事人出席情况", Set.of("attended", "absent"));
        if ("attended".equals(attendance)) {
            Vars.requireText(task, "hearingTranscriptNo", "听证笔录编号");
            task.setVariable("hearingHeld", true);
            task.setVariable("responseStage", "hearing");
        } else {
            task.setVariable("hearingHeld", false);
            task.setVariable("responseStage", "hearingWaived");
        }
    }

    // ---------------------------------------------------------------- review, decision

    /** 按审核意见补正: the revised fine may not exceed the notified one (第四十五条). */
    public void checkRevision(DelegateTask task) {
        Vars.requireText(task, "revisionNote", "补正说明");
        // the review may find a suspected crime: transferred, the case goes to the leader at once (第二十七条: 及时移送),
        // not back to the review; a proposal changed to no penalty is reviewed again (BPMN Gateway_RevisedHandling).
        // Cases still running on version 1.2, whose report proposed nothing, have no handling to check.
        if (Vars.text(task, "handlingProposal") != null) {
            requireHandling(task);
        }
        BigDecimal revised = Vars.amount(task, "revisedFine", "补正后罚款金额");
        if (revised != null) {
            requireNotHeavier(task, revised, "补正后罚款");
            Vars.setAmount(task, "fineAmount", revised);
        }
    }

    /**
     * 负责人审批决定: no decision without notice and an expired window or a waiver (第四十四条、第六十二条), without
     * a required review approved (第五十八条), without collective discussion of a serious case (第五十七条第二款), or
     * heavier than notified (第四十五条). A fine decided here passes the proposal's checks again (the leader may decide
     * otherwise than proposed, not unchecked): an amount above 0, within the statutory range of the violation unless
     * mitigated under 第三十二条 (第四条), and outside the discretion benchmark only with a written reason (第三十四条;
     * RULES §7) — the proposal's, where the leader approved that very deviation and it was notified as it is.
     */
    public void checkDecision(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "decision", "决定类型", Set.of("penalty", "noPenalty", "transfer", "return"));
        Vars.requireText(task, "decisionOpinion", "负责人意见");
        boolean penaltyProposed = !"noPenalty".equals(task.getVariable("handlingProposal"))
                && !"transfer".equals(task.getVariable("handlingProposal"));
        if ("return".equals(decision)) {
            // the leader disagrees with a proposal of no penalty or transfer: the handler reports again, and a penalty
            // then goes through its proposal and prior notice; a notified penalty is decided, not sent back
            if (penaltyProposed) {
                throw new RuleViolation("return-after-notice", "已事先告知拟作出的行政处罚，负责人应当作出给予处罚、不予处罚或移送司法机关的决定；"
                        + "退回重新提出处理意见仅适用于拟不予行政处罚或移送司法机关的案件（行政处罚法第五十七条）",
                        "A notified penalty is decided, not returned; only a proposal of no penalty or transfer can be returned (Art. 57)");
            }
            return;
        }
        // only a penalty needs the prior notice and the party's hearing first (第四十四条、第六十二条: 不得作出行政处罚决定)
        if ("penalty".equals(decision)
                && (task.getVariable("noticeDeliveredDate") == null || task.getVariable("responseStage") == null)) {
            throw new RuleViolation("notice-window-open", penaltyProposed
                    ? "未送达事先告知书，或陈述申辩、听证申请期限未届满且当事人未书面放弃，不得作出行政处罚决定（行政处罚法第四十四条、第六十二条）"
                    : "调查终结时拟不予处罚或移送司法机关，当事人未被告知拟作出的行政处罚，不得作出行政处罚决定；拟给予处罚的，请退回重新提出处理意见（行政处罚法第四十四条、第六十二条）",
                    "No penalty before the prior notice is delivered and the response window has expired or been waived (Art. 44, 62)");
        }
        if ("noPenalty".equals(decision) && (!penaltyProposed || Vars.text(task, "noPenaltyGround") != null)) {
            requireNoPenaltyGround(task, Vars.requireOneOf(task, "noPenaltyGround", "不予行政处罚的理由",
                    NO_PENALTY_GROUNDS.keySet()));
        }
        // a suspected crime is transferred whatever the review said of the penalty (第二十七条、第五十七条第一款第四项)
        if (!"transfer".equals(decision) && Vars.flag(task, "reviewRequired") && !Vars.flag(task, "reviewApproved")) {
            throw new RuleViolation("review-missing", "本案须经法制审核，未经审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）",
                    "Legal review is required and has not been passed (Art. 58)");
        }
        if (Vars.flag(task, "seriousCase") && Vars.text(task, "discussionMinutesNo") == null) {
            throw new RuleViolation("discussion-missing", "情节复杂或者重大违法的，应当经负责人集体讨论决定（行政处罚法第五十七条第二款）",
                    "Serious cases are decided by collective discussion of the leaders (Art. 57(2))");
        }
        boolean fineDue = false;
        if ("penalty".equals(decision)) {
            requireNotTimeBarred(task);
            requireOldEnoughToPunish(task);
            Vars.requireText(task, "decisionDocumentNo", "行政处罚决定书文号");
            String kind = Vars.requireOneOf(task, "finalPenaltyKind", "处罚种类", PENALTY_KINDS);
            String notifiedKind = (String) task.getVariable("notifiedPenaltyKind");
            if (!kind.equals(notifiedKind) && !"warning".equals(kind)) {
                throw new RuleViolation("kind-not-notified", "决定的处罚种类与告知的不一致；加重或改变处罚须重新告知（行政处罚法第四十四条、第四十五条）",
                        "The penalty kind differs from the notified one; notify again (Art. 44, 45)");
            }
            BigDecimal fine = zeroIfNull(Vars.amount(task, "finalFine", "决定罚款金额"));
            BigDecimal confiscation = zeroIfNull(Vars.amount(task, "finalConfiscation", "决定没收金额"));
            // the decision may differ from the proposal, but it passes the proposal's checks again: a fine has an
            // amount, within the statutory range (第四条, 第三十二条), a deviation from the benchmark has its reason
            requireAmountsFitKind(task, kind, fine, confiscation);
            requireSuspensionWithFine(task, kind, fine);
            requireMinorMitigated(task, fine, "决定罚款");
            requireNotHeavier(task, fine, "决定罚款");
            requireReviewed(task, kind, fine, confiscation);
            boolean outside = fine.signum() > 0 ? outsideBenchmark(task, fine, "决定罚款") : withoutPrescribedFine(task, kind);
            if (outside && !approvedDeviation(task, fine)) {
                Vars.requireText(task, "decisionDeviationReason", "决定罚款超出裁量基准幅度的理由");
            }
            BigDecimal notifiedConfiscation = zeroIfNull(decimal(task.getVariable("notifiedConfiscation")));
            if (confiscation.compareTo(notifiedConfiscation) > 0) {
                throw new RuleViolation("heavier-than-notified", "决定没收金额不得超过事先告知的金额（行政处罚法第四十五条）",
                        "The confiscation may not exceed the notified one (Art. 45)");
            }
            Vars.setAmount(task, "finalFine", fine);
            Vars.setAmount(task, "finalConfiscation", confiscation);
            fineDue = fine.signum() > 0;
        }
        task.setVariable("fineDue", fineDue);
        task.setVariable("decisionDate", clock.now());
        task.setVariable("decisionMatter", task.getVariable("violationName"));
        task.setVariable("decisionResult", "penalty".equals(decision)
                ? describe((String) task.getVariable("finalPenaltyKind"), decimal(task.getVariable("finalFine")),
                decimal(task.getVariable("finalConfiscation")))
                : "noPenalty".equals(decision) ? "不予行政处罚" : "移送司法机关");
    }

    /**
     * A decision that had to pass legal review is the one the review passed, or a lighter one: the reviewer sees the
     * proposal as it stands when it is sent (CallActivity_LegalReview passes penaltyKind, fineAmount and
     * confiscationValue, and a revision after a failed review changes fineAmount before it is sent again). A heavier
     * fine or confiscation, or another kind than a warning, was never reviewed — after a failed review it may even be
     * the very amount the reviewer refused: 未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条第一款；
     * 国办发〔2018〕118号四）. Where no review was required, the need was judged (DMN legal-review-required) on the
     * proposal as it then stood; a heavier decision — e.g. the notified fine after a statement had lowered the proposal
     * below the review catalogue's amount — is judged again by the same table and refused if it needs review.
     */
    private void requireReviewed(VariableScope scope, String kind, BigDecimal fine, BigDecimal confiscation) {
        String reviewedKind = (String) scope.getVariable("penaltyKind");
        BigDecimal reviewedFine = zeroIfNull(decimal(scope.getVariable("fineAmount")));
        BigDecimal reviewedConfiscation = zeroIfNull(decimal(scope.getVariable("confiscationValue")));
        boolean otherKind = !kind.equals(reviewedKind) && !"warning".equals(kind);
        boolean heavier = otherKind || fine.compareTo(reviewedFine) > 0 || confiscation.compareTo(reviewedConfiscation) > 0;
        if (!heavier) {
            return;
        }
        if (!Vars.flag(scope, "reviewRequired")) {
            // the need for review was judged on a lighter proposal (e.g. a fine lowered after the party's statement):
            // the decision as made is judged again by the same table
            String reason = reviewReasonFor(scope, kind, fine);
            if (reason != null) {
                throw new RuleViolation("review-missing", "按决定的处罚（" + describe(kind, fine, confiscation) + "）须经法制审核（"
                        + reason + "），本案仅就较轻的拟处罚意见（" + describe(reviewedKind, reviewedFine, reviewedConfiscation)
                        + "）判定无需审核；未经法制审核的，不得作出决定（行政处罚法第五十八条）",
                        "The decision as made needs legal review, which was judged only on a lighter proposal (Art. 58)");
            }
            return;
        }
        throw new RuleViolation("heavier-than-reviewed", "决定的处罚（" + describe(kind, fine, confiscation)
                + "）重于法制审核通过的拟处罚意见（" + describe(reviewedKind, reviewedFine, reviewedConfiscation)
                + "），该内容未经法制审核；未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）",
                "The decision (" + plain(fine) + " yuan) is heavier than what legal review passed (" + plain(reviewedFine)
                        + " yuan); it was never reviewed (Art. 58)");
    }

    /** DMN legal-review-required for the decision as made: its reason when review is required, else null. */
    private String reviewReasonFor(VariableScope scope, String kind, BigDecimal fine) {
        java.util.Map<String, Object> inputs = new java.util.HashMap<>();
        for (String name : List.of("category", "partyType", "hearingHeld", "majorPublicInterest", "majorSocialImpact",
                "majorThirdPartyRights", "complexCase")) {
            inputs.put(name, scope.getVariable(name));
        }
        inputs.put("penaltyKind", kind);
        inputs.put("fineAmount", fine.doubleValue());
        DmnDecisionResult result = Context.getCommandContext().runWithoutAuthorization(() -> decisionService
                .evaluateDecisionByKey("legal-review-required").variables(inputs).evaluate());
        if (result.isEmpty()) {
            // fail closed, as every decision of the procedures does (DecisionOutputs): no rule is no answer, not "no review"
            throw new RuleViolation("no-decision-rule", "决策“是否须经法制审核”对决定的处罚没有适用的规则，请检查填写的信息",
                    "No rule of the decision 'legal-review-required' applies to the decision as made");
        }
        java.util.Map<String, Object> outputs = result.getSingleResult().getEntryMap();
        if (!Boolean.TRUE.equals(outputs.get("reviewRequired"))) {
            return null;
        }
        Object reason = outputs.get("reason");
        return reason == null ? "" : reason.toString();
    }

    static final java.util.Map<String, String> KIND_NAMES = java.util.Map.of("warning", "警告", "fine", "罚款",
            "confiscation", "没收违法所得、没收非法财物", "suspension", "责令停产停业", "license-revocation", "吊销许可证件",
            "qualification-downgrade", "降低资质等级", "closure", "责令关闭", "practice-restriction", "限制从业");

    /** The decision's content in words, as published and printed: 罚款人民币30000元 etc. */
    static String describe(String kind, BigDecimal fine, BigDecimal confiscation) {
        List<String> parts = new java.util.ArrayList<>();
        if (!"fine".equals(kind) && !"confiscation".equals(kind)) {
            parts.add(KIND_NAMES.getOrDefault(kind, kind));
        }
        if (fine != null && fine.signum() > 0) {
            parts.add("罚款人民币" + fine.stripTrailingZeros().toPlainString() + "元");
        }
        if (confiscation != null && confiscation.signum() > 0) {
            parts.add("没收违法所得、非法财物计人民币" + confiscation.stripTrailingZeros().toPlainString() + "元");
        }
        if (parts.isEmpty()) {
            parts.add(KIND_NAMES.getOrDefault(kind, kind));
        }
        return String.join("；", parts);
    }

    // ---------------------------------------------------------------- delivery and payment

    /** 送达 (第六十一条): electronic delivery needs the party's signed consent; the payment period starts (第六十七条). */
    public void recordDelivery(DelegateTask task) {
        String method = Vars.requireOneOf(task, "deliveryMethod", "送达方式", DELIVERY_METHODS);
        LocalDate delivered = pastDate(task, "deliveredDate", "送达日期");
        if (delivered.isBefore(clock.toDate(task.getVariable("decisionDate")))) {
            throw new RuleViolation("delivered-before-decision", "送达日期不能早于决定日期", "Delivery cannot precede the decision");
        }
        if ("electronic".equals(method) && !Vars.flag(task, "electronicConsent")) {
            throw new RuleViolation("no-electronic-consent", "采用传真、电子邮件等方式送达的，须经当事人同意并签订确认书（行政处罚法第六十一条第二款）",
                    "Electronic delivery requires the party's signed consent (Art. 61(2))");
        }
        Vars.requireText(task, "deliveryReceiptNo", "送达回证编号");
        requireEducation(task);
        // 自收到行政处罚决定书之日起十五日内 (第六十七条第三款): for 公告送达 the party receives it thirty days after the
        // publication, and only then do the fifteen days and, after them, the surcharge of 第七十二条 run
        LocalDate received = deemedDelivery(task, method, delivered, "deemedDeliveredDate");
        if (Vars.flag(task, "fineDue")) {
            task.setVariable("paymentDeadline", clock.calendarDaysAfter(received, policy.paymentDays()));
        }
    }

    /**
     * 不予行政处罚 for a violation that was committed is not the end of it: 行政机关应当对当事人进行教育 (第三十三条第三款);
     * a child under 14 is handed to the guardian's discipline (责令监护人加以管教, 第三十条), a person who could not
     * control their acts to the guardian's care and treatment (第三十一条). Recorded with the delivery of the decision,
     * where the ground was given; a violation not established (第五十七条第一款第三项) calls for none.
     */
    private static void requireEducation(DelegateTask task) {
        String ground = Vars.text(task, "noPenaltyGround");
        if (!"noPenalty".equals(task.getVariable("decision")) || ground == null || "facts-not-established".equals(ground)) {
            return;
        }
        Vars.requireText(task, "educationNote", switch (ground) {
            case "under-14" -> "责令监护人加以管教的情况（行政处罚法第三十条）";
            case "mental-incapacity" -> "责令监护人严加看管和治疗的情况（行政处罚法第三十一条）";
            default -> "对当事人进行教育的情况（行政处罚法第三十三条第三款）";
        });
    }

    /**
     * The day a document is received: the day recorded, or for 公告送达 (the day recorded is the publication's) the day
     * thirty days later (民事诉讼法第九十五条第一款, {@link #PUBLIC_NOTICE_DAYS}; a last day on a rest day moves to the next
     * working day, as every period does here), kept in {@code variable} for the case file.
     */
    private LocalDate deemedDelivery(DelegateTask task, String method, LocalDate recorded, String variable) {
        if (!"publicNotice".equals(method)) {
            if (task.getVariable(variable) != null) {
                task.setVariable(variable, null);
            }
            return recorded;
        }
        LocalDate deemed = clock.addCalendarDays(recorded, PUBLIC_NOTICE_DAYS);
        task.setVariable(variable, deemed.toString());
        return deemed;
    }

    /**
     * 罚款缴纳 on time: the full fine, paid at the designated bank (第六十七条). Instead of a payment the handler may
     * record the party's written application to defer or pay by instalments (第六十六条第二款, {@code deferralApplied});
     * a leader then decides it (Task_DeferralApproval, {@link #decideDeferral}).
     */
    public void checkPayment(DelegateTask task) {
        boolean deferral = Vars.flag(task, "deferralApplied");
        task.setVariable("deferralApplied", deferral);
        if (deferral) {
            checkDeferralApplication(task);
            return;
        }
        LocalDate paid = pastDate(task, "paidDate", "缴款日期");
        LocalDate decided = clock.toDate(task.getVariable("decisionDate"));
        if (paid.isBefore(decided)) {
            // a fine is paid once imposed (第六十六条第一款: 行政处罚决定依法作出后…予以履行); an earlier date is a wrong record
            throw new RuleViolation("paid-before-decision", "缴款日期（" + paid + "）不能早于处罚决定日期（" + decided + "）",
                    "The payment (" + paid + ") cannot precede the decision (" + decided + ")");
        }
        if (paid.isAfter(clock.toDate(task.getVariable("paymentDeadline")))) {
            throw new RuleViolation("paid-late", "缴款日期已超过缴纳期限，应按逾期缴纳处理并计算加处罚款（行政处罚法第七十二条）",
                    "Paid after the deadline: settle as overdue with the late fee (Art. 72)");
        }
        BigDecimal due = decimal(task.getVariable("finalFine"));
        requireAmountPaid(task, due);
        Vars.requireText(task, "paymentReceiptNo", "缴款凭证号");
        task.setVariable("lateFee", 0.0);
    }

    /**
     * 逾期缴纳: 3 % of the fine per day late, never more than the fine (第七十二条第一款第一项); days of
     * administrative reconsideration or litigation do not count (第七十三条第三款). A payment made within the period and
     * recorded only here carries no surcharge.
     */
    public void settleOverdue(DelegateTask task) {
        String outcome = Vars.requireOneOf(task, "overdueOutcome", "处理结果", Set.of("paid", "enforce", "deferral"));
        if ("deferral".equals(outcome)) {
            // the fine is still unpaid: the party may still apply to defer or pay by instalments (第六十六条第二款)
            checkDeferralApplication(task);
            return;
        }
        BigDecimal typed = zeroIfNull(Vars.amount(task, "suspendedDays", "复议或诉讼期间天数"));
        LocalDate deadline = clock.toDate(task.getVariable("paymentDeadline"));
        LocalDate until = "paid".equals(outcome) ? pastDate(task, "paidDate", "缴款日期") : clock.today();
        if ("paid".equals(outcome)) {
            LocalDate decided = clock.toDate(task.getVariable("decisionDate"));
            if (until.isBefore(decided)) {
                throw new RuleViolation("paid-before-decision", "缴款日期（" + until + "）不能早于处罚决定日期（" + decided + "）",
                        "The payment (" + until + ") cannot precede the decision (" + decided + ")");
            }
        } else if (!until.isAfter(deadline)) {
            throw new RuleViolation("not-overdue", "缴款日期未超过缴纳期限", "The payment date is not after the deadline");
        }
        long suspended = appealDaysWithin(task, typed, deadline, until);
        // paid within the period but recorded after its timer fired (the bank's receipt came late): paid in time, no
        // surcharge — 第七十二条第一款第一项 adds it only 到期不缴纳罚款的
        long daysLate = until.isAfter(deadline)
                ? Math.max(0, ChronoUnit.DAYS.between(deadline, until) - suspended) : 0;
        BigDecimal fine = decimal(task.getVariable("finalFine"));
        BigDecimal lateFee = lateFee(fine, daysLate);
        task.setVariable("lateDays", daysLate);
        Vars.setAmount(task, "lateFee", lateFee);
        if ("paid".equals(outcome)) {
            requireAmountPaid(task, fine.add(lateFee));
            Vars.requireText(task, "paymentReceiptNo", "缴款凭证号");
        } else {
            Vars.requireText(task, "enforcementNote", "申请强制执行说明");
            // the execution case serves its documents there (行政强制法第三十八条)
            Vars.requireText(task, "partyAddress", "当事人住所或地址");
            task.setVariable("enforcementObligation", "缴纳罚款人民币" + fine.stripTrailingZeros().toPlainString() + "元"
                    + (lateFee.signum() > 0 ? "及加处罚款人民币" + lateFee.stripTrailingZeros().toPlainString() + "元" : ""));
        }
    }

    /**
     * 当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算 (第七十三条第三款): the days of
     * the surcharge's run (after the deadline, up to the payment or today) that fall between the day the party applied
     * or sued ({@code appealFiledDate}) and the day the decision or judgment took effect ({@code appealConcludedDate};
     * none yet: still pending). Counted from the dates, never typed as a bare number: a number without the dates could
     * not be checked against the case file. The count is kept as {@code suspendedDays}.
     */
    private long appealDaysWithin(DelegateTask task, BigDecimal typed, LocalDate deadline, LocalDate until) {
        if (Vars.text(task, "appealFiledDate") == null) {
            if (typed.signum() != 0) {
                throw new RuleViolation("appeal-dates-required", "复议、诉讼期间不予计算加处罚款，请填写申请行政复议或者提起行政诉讼的日期"
                        + "（已结束的，并填写复议决定或者裁判生效的日期），由系统计算期间天数（行政处罚法第七十三条第三款）",
                        "Give the dates of the reconsideration or lawsuit; the days are counted from them (Art. 73(3))");
            }
            return 0;
        }
        LocalDate filed = pastDate(task, "appealFiledDate", "申请行政复议或者提起行政诉讼的日期");
        LocalDate decided = clock.toDate(task.getVariable("decisionDate"));
        if (filed.isBefore(decided)) {
            throw new RuleViolation("appeal-before-decision", "申请行政复议或者提起行政诉讼的日期（" + filed + "）不能早于处罚决定日期（" + decided + "）",
                    "The appeal (" + filed + ") cannot precede the decision (" + decided + ")");
        }
        LocalDate concluded = Vars.text(task, "appealConcludedDate") == null ? until
                : pastDate(task, "appealConcludedDate", "复议决定或者裁判生效的日期");
        if (concluded.isBefore(filed)) {
            throw new RuleViolation("appeal-concluded-before-filed", "复议决定或者裁判生效的日期不能早于申请复议或者起诉的日期",
                    "The appeal cannot end before it was filed");
        }
        LocalDate from = filed.isAfter(deadline) ? filed : deadline.plusDays(1);
        LocalDate to = concluded.isBefore(until) ? concluded : until;
        long days = to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
        task.setVariable("suspendedDays", days);
        return days;
    }

    static final Set<String> DEFERRAL_KINDS = Set.of("deferral", "instalments");
    /** One instalment of a plan, a line of {@code instalmentPlan}: 2026-04-10 10000 (date, amount in yuan). */
    private static final java.util.regex.Pattern INSTALMENT =
            java.util.regex.Pattern.compile("\\s*(\\d{4}-\\d{2}-\\d{2})[\\s,，、：:]+(\\d+(?:\\.\\d{1,2})?)\\s*元?\\s*");

    /**
     * 延期或者分期缴纳罚款的申请 (行政处罚法第六十六条第二款): 当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和
     * 行政机关批准，可以暂缓或者分期缴纳. The written application (date, the economic hardship, the plan) is checked here;
     * the end of the plan it asks for is kept as {@code deferralRequestedUntil} for the leader's decision. A plan whose
     * end has passed, that starts before the application, or whose instalments do not add up to the outstanding fine is
     * refused and changes nothing.
     */
    void checkDeferralApplication(VariableScope scope) {
        LocalDate applied = pastDate(scope, "deferralApplicationDate", "延期（分期）缴纳申请日期");
        LocalDate decided = clock.toDate(scope.getVariable("decisionDate"));
        if (applied.isBefore(decided)) {
            throw new RuleViolation("deferral-before-decision", "申请日期不能早于处罚决定日期",
                    "The application cannot precede the decision");
        }
        Vars.requireText(scope, "deferralReason", "确有经济困难的理由（行政处罚法第六十六条第二款）");
        String kind = Vars.requireOneOf(scope, "deferralKind", "申请方式（延期或分期）", DEFERRAL_KINDS);
        LocalDate end = "deferral".equals(kind)
                ? planDate(clock.toDate(Vars.requireText(scope, "deferredUntil", "申请延期至")), applied, "延期缴纳截止日期")
                : instalmentsEnd(scope, applied);
        if (!end.isAfter(clock.toDate(scope.getVariable("paymentDeadline")))) {
            throw new RuleViolation("deferral-not-later", "延期（分期）缴纳的截止日期应当晚于现缴纳期限 "
                    + clock.toDate(scope.getVariable("paymentDeadline")) + "（行政处罚法第六十六条第二款）",
                    "The deferred deadline must be later than the current payment deadline (Art. 66(2))");
        }
        scope.setVariable("deferralRequestedUntil", clock.endOfDay(end));
    }

    /** A date of the plan: not before the application, not already passed. */
    private LocalDate planDate(LocalDate day, LocalDate applied, String label) {
        if (day.isBefore(applied)) {
            throw new RuleViolation("deferral-before-application", label + "（" + day + "）不能早于申请日期 " + applied,
                    "A date of the plan (" + day + ") precedes the application (" + applied + ")");
        }
        if (day.isBefore(clock.today())) {
            throw new RuleViolation("deferral-in-past", label + "（" + day + "）已经过去，不能作为延期或分期缴纳的期限",
                    "A date of the plan (" + day + ") has already passed");
        }
        return day;
    }

    /** 分期缴纳: one instalment a line, dates in order, amounts adding up to the outstanding fine; returns the last date. */
    private LocalDate instalmentsEnd(VariableScope scope, LocalDate applied) {
        String plan = Vars.requireText(scope, "instalmentPlan", "分期缴纳计划");
        BigDecimal due = decimal(scope.getVariable("finalFine"));
        BigDecimal sum = BigDecimal.ZERO;
        LocalDate last = null;
        int count = 0;
        for (String line : plan.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            java.util.regex.Matcher m = INSTALMENT.matcher(line);
            if (!m.matches()) {
                throw new RuleViolation("instalment-format", "分期缴纳计划每行填写一期：日期 金额，例如“2026-04-10 10000”；无法识别：" + line.strip(),
                        "One instalment a line: date amount, e.g. '2026-04-10 10000'; not understood: " + line.strip());
            }
            LocalDate day = planDate(clock.toDate(m.group(1)), applied, "第" + (count + 1) + "期缴纳日期");
            if (last != null && !day.isAfter(last)) {
                throw new RuleViolation("instalment-order", "分期缴纳日期应当依次递后（第" + (count + 1) + "期）",
                        "Instalment dates must follow one another");
            }
            BigDecimal amount = new BigDecimal(m.group(2));
            if (amount.signum() <= 0) {
                throw new RuleViolation("instalment-amount", "每期缴纳金额应当大于0元", "Each instalment must be above 0 yuan");
            }
            sum = sum.add(amount);
            last = day;
            count++;
        }
        if (count < 2) {
            throw new RuleViolation("instalment-count", "分期缴纳至少分两期；一次缴纳的请申请延期缴纳",
                    "Instalments need at least two; apply for a deferral to pay at once");
        }
        if (sum.compareTo(due) != 0) {
            throw new RuleViolation("instalment-sum", "各期金额合计 " + plain(sum) + " 元，应当等于未缴罚款 " + plain(due) + " 元",
                    "The instalments add up to " + plain(sum) + " yuan, the outstanding fine is " + plain(due));
        }
        scope.setVariable("instalmentCount", count);
        return last;
    }

    /**
     * 负责人审批延期或分期缴纳 (行政处罚法第六十六条第二款: 经行政机关批准). Approved: the payment deadline becomes the end of the
     * deferral or of the last instalment, so the boundary timer and the task's due date follow it and the late-payment
     * surcharge (第七十二条第一款第一项) runs only from the day after; the period for applying to the people's court for
     * enforcement counts from that end too (第七十二条第二款, {@code deferralEnd}, passed to coercive-execution).
     * Refused: the original deadline stands. Either way the case returns to the payment task.
     */
    public void decideDeferral(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "deferralDecision", "审批意见", Set.of("approve", "refuse"));
        if ("approve".equals(decision)) {
            // approved today: the plan must still lie ahead
            LocalDate end = clock.toDate(task.getVariable("deferralRequestedUntil"));
            if (end.isBefore(clock.today())) {
                throw new RuleViolation("deferral-in-past", "申请的延期（分期）缴纳期限 " + end + " 已经过去，不能批准",
                        "The requested deferral ended on " + end + "; it cannot be approved");
            }
            if (task.getVariable("originalPaymentDeadline") == null) {
                task.setVariable("originalPaymentDeadline", task.getVariable("paymentDeadline"));
            }
            Date deadline = clock.endOfDay(end);
            task.setVariable("paymentDeadline", deadline);
            task.setVariable("deferralEnd", deadline);
        } else {
            Vars.requireText(task, "deferralOpinion", "不予批准的理由");
        }
        task.setVariable("deferralApproved", "approve".equals(decision));
        // the application is decided: the payment task and the overdue task start afresh
        task.setVariable("deferralApplied", false);
        task.setVariable("overdueOutcome", null);
    }

    BigDecimal lateFee(BigDecimal fine, long daysLate) {
        BigDecimal fee = fine.multiply(policy.lateFeeDailyRate()).multiply(BigDecimal.valueOf(daysLate))
                .setScale(2, RoundingMode.HALF_UP);
        return fee.min(fine);
    }

    // ---------------------------------------------------------------- summary procedure

    /**
     * Start of penalty-summary: 违法事实确凿并有法定依据 (第五十一条). The DMN then decides whether summary applies.
     * A fine has an amount above 0, as in the general procedure ({@link #requireAmountsFitKind}): a "fine" of 0 yuan
     * (or none) would otherwise pass the DMN as summary and close on the warning's path, a decision that imposes nothing. A violation not discovered
     * within two years is not punished at all (第三十六条第一款): the summary procedure has no 立案审批 to check it, so it
     * is checked here; the five years for harm to life, health or financial safety need an investigation of the harm,
     * i.e. the general procedure.
     */
    public void checkSummaryRegistration(DelegateExecution execution) {
        checkParty(execution);
        String kind = Vars.requireOneOf(execution, "penaltyKind", "处罚种类", PENALTY_KINDS);
        BigDecimal fine = zeroIfNull(Vars.amount(execution, "fineAmount", "罚款金额"));
        if ("fine".equals(kind) && fine.signum() <= 0) {
            throw new RuleViolation("fine-required", "处罚种类为罚款时，请填写罚款金额（大于0元）；不予处罚的不作当场处罚决定（行政处罚法第五十一条）",
                    "A fine needs an amount above 0 yuan");
        }
        Vars.setAmount(execution, "fineAmount", fine);
        Vars.requireText(execution, "caseSummary", "违法事实");
        Vars.requireText(execution, "legalBasisText", "处罚依据");
        LocalDate violation = pastDate(execution, "violationDate", "违法行为发生日期");
        if (violation.plusYears(policy.limitationYears()).isBefore(clock.today())) {
            throw new RuleViolation("limitation-expired", "违法行为在" + policy.limitationYears() + "年内未被发现的，不再给予行政处罚"
                    + "（行政处罚法第三十六条第一款；有连续或者继续状态的，违法行为发生日期填写行为终了之日）；涉及公民生命健康安全、"
                    + "金融安全且有危害后果的" + policy.extendedLimitationYears() + "年时效，须按普通程序立案调查认定",
                    "The violation was not discovered within " + policy.limitationYears() + " years: no penalty (Art. 36(1)); "
                            + "the extended period needs the general procedure");
        }
        requireOldEnoughToPunish(execution);
        // 已满十四周岁不满十八周岁 (第三十条): the on-the-spot decision says how the penalty was made lighter
        execution.setVariable("minorAtViolation", minorityAtViolation(execution) == Minority.UNDER_18);
        if (!Vars.flag(execution, "factsConclusive")) {
            throw new RuleViolation("facts-not-conclusive", "违法事实确凿并有法定依据的，方可当场作出处罚决定；否则应按普通程序立案调查（行政处罚法第五十一条、第五十四条）",
                    "On-the-spot penalties need conclusive facts and a legal basis (Art. 51); otherwise use the general procedure");
        }
    }

    /** 当场处罚决定 (第五十二条, 第六十八条, 第六十九条, 第七十条). */
    public void checkOnSpotDecision(DelegateTask task) {
        if (!Vars.flag(task, "credentialsShown")) {
            throw new RuleViolation("credentials-not-shown", "当场处罚应当向当事人出示执法证件（行政处罚法第五十二条）",
                    "Officers must show their credentials (Art. 52)");
        }
        if (!Vars.flag(task, "statementHeard")) {
            throw new RuleViolation("statement-not-heard", "作出处罚决定前应当告知当事人事实、理由、依据和权利并听取陈述申辩（行政处罚法第四十四条、第四十五条）",
                    "The party must be informed and heard before the decision (Art. 44, 45)");
        }
        Vars.requireText(task, "decisionDocumentNo", "当场处罚决定书编号");
        // the summary procedure records no violation code, so no statutory range to hold the fine to (as the general
        // procedure does): the officer states how the penalty was made lighter, as 第三十条 (应当从轻或者减轻) demands
        if (minorityAtViolation(task) == Minority.UNDER_18) {
            Vars.requireText(task, "minorMitigation", "当事人违法时已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚：从轻或者减轻的情况（行政处罚法第三十条）");
        }
        Vars.requireOneOf(task, "partySigned", "当事人签收情况", Set.of("signed", "refused"));
        BigDecimal fine = zeroIfNull(decimal(task.getVariable("fineAmount")));
        boolean collected = Vars.flag(task, "onSpotCollected");
        if (collected) {
            if (fine.signum() == 0) {
                throw new RuleViolation("nothing-to-collect", "没有罚款，无需当场收缴", "There is no fine to collect");
            }
            // 第六十八条: up to 100 yuan, or hard to execute later; 第六十九条: in remote, water-borne or poorly connected
            // areas, whatever the amount, when the party finds paying at the bank or electronically truly difficult and asks
            if (fine.compareTo(policy.onSpotCollectionLimit()) > 0 && !Vars.flag(task, "hardToExecuteLater")
                    && !Vars.flag(task, "remoteAreaRequest")) {
                throw new RuleViolation("on-spot-collection-not-allowed", "当场收缴限于一百元以下罚款，或不当场收缴事后难以执行的情形（行政处罚法第六十八条），"
                        + "或边远、水上、交通不便地区当事人缴纳确有困难并提出的情形（第六十九条）",
                        "On-the-spot collection only for fines up to 100 yuan, when later execution would be hard (Art. 68), "
                                + "or in remote areas at the party's request (Art. 69)");
            }
            Vars.requireText(task, "fiscalReceiptNo", "财政部门统一制发的罚款专用票据号（行政处罚法第七十条）");
        }
        Date now = clock.now();
        task.setVariable("decisionDate", now);
        task.setVariable("decision", "penalty");
        Vars.setAmount(task, "finalFine", fine);
        task.setVariable("fineDue", fine.signum() > 0);
        task.setVariable("onSpotCollected", collected);
        task.setVariable("decisionMatter", task.getVariable("caseSummary"));
        task.setVariable("decisionResult", describe((String) task.getVariable("penaltyKind"), fine, null));
        task.setVariable("legalBasis", task.getVariable("legalBasisText"));
        if (fine.signum() > 0 && !collected) {
            task.setVariable("paymentDeadline", clock.calendarDaysAfter(now, policy.paymentDays()));
        }
    }

    /** 当场收缴的罚款交至机关 (第七十一条): the date is recorded as it was; lateness is visible in the record. */
    public void checkHandOver(DelegateTask task) {
        LocalDate handOver = pastDate(task, "handOverDate", "交至机关日期");
        if (handOver.isBefore(clock.toDate(task.getVariable("decisionDate")))) {
            throw new RuleViolation("handover-before-collection", "交至机关日期不能早于收缴日期", "Hand-over cannot precede collection");
        }
    }

    public void checkDeposit(DelegateTask task) {
        LocalDate deposit = pastDate(task, "depositDate", "缴付银行日期");
        if (deposit.isBefore(clock.toDate(task.getVariable("handOverDate")))) {
            throw new RuleViolation("deposit-before-handover", "缴付银行日期不能早于交至机关日期", "Deposit cannot precede hand-over");
        }
        Vars.requireText(task, "bankReceiptNo", "银行回单号");
    }

    // ---------------------------------------------------------------- helpers

    /** The party's age when the violation was committed, as 行政处罚法第三十条 distinguishes it. */
    enum Minority { ADULT, UNDER_14, UNDER_18 }

    /**
     * 行政处罚法第三十条 looks at the age 有违法行为的 — when the violation was committed (violationDate; for a continuing
     * one the day it ended, as the registration form asks), not at the decision: read from the birth date in a natural
     * person's identity number. An organisation, or a case without the date yet, is {@link Minority#ADULT}.
     */
    Minority minorityAtViolation(VariableScope scope) {
        return PartyChecks.underAgeWhenViolating(scope, clock, 14) ? Minority.UNDER_14
                : PartyChecks.underAgeWhenViolating(scope, clock, 18) ? Minority.UNDER_18 : Minority.ADULT;
    }

    /** 不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教（行政处罚法第三十条）. */
    private void requireOldEnoughToPunish(VariableScope scope) {
        if (minorityAtViolation(scope) == Minority.UNDER_14) {
            String born = PartyChecks.birthDate(Vars.text(scope, "partyIdNumber")).toString();
            throw new RuleViolation("party-under-14", "当事人生于" + born + "，违法行为发生时（" + clock.toDate(scope.getVariable("violationDate"))
                    + "）不满十四周岁：不予行政处罚，责令监护人加以管教（行政处罚法第三十条）。请作出不予行政处罚决定",
                    "The party (born " + born + ") was under 14 when the violation was committed: no penalty may be "
                            + "given; the guardian is ordered to discipline them (Art. 30)");
        }
    }

    /**
     * 已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚（行政处罚法第三十条）: the fine lies in the
     * lower {@code minorLenientShare} of the violation's statutory range (从轻, the benchmark's 从轻 tier) or below
     * its minimum (减轻, for which 第三十条 itself is the ground). Without the statutory range (a benchmark looked up
     * before it was an output) the benchmark's range stands in for it. Not an "outside the benchmark" that a leader may
     * approve: 应当 leaves no discretion upwards.
     */
    private void requireMinorMitigated(VariableScope scope, BigDecimal fine, String label) {
        if (fine.signum() <= 0 || minorityAtViolation(scope) != Minority.UNDER_18) {
            return;
        }
        BigDecimal min = cents(decimal(scope.getVariable("legalMinFine")));
        BigDecimal max = cents(decimal(scope.getVariable("legalMaxFine")));
        if (min == null || max == null) {
            min = cents(decimal(scope.getVariable("minFine")));
            max = cents(decimal(scope.getVariable("maxFine")));
        }
        if (min == null || max == null) {
            return;
        }
        BigDecimal ceiling = min.add(max.subtract(min).multiply(policy.minorLenientShare())).setScale(2, RoundingMode.DOWN);
        if (fine.compareTo(ceiling) > 0) {
            throw new RuleViolation("minor-not-mitigated", "当事人违法行为发生时已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚"
                    + "（行政处罚法第三十条）：" + label + "（" + plain(fine) + "元）不得超过" + plain(ceiling) + "元（法定幅度"
                    + plain(min) + "–" + plain(max) + "元中较低的部分，本机关裁量基准的从轻档），减轻处罚可低于法定最低额",
                    "The party was aged 14 to 17 when the violation was committed: the penalty must be lighter or mitigated "
                            + "(Art. 30); the fine (" + plain(fine) + " yuan) may not exceed " + plain(ceiling) + " yuan");
        }
    }

    private static void checkParty(VariableScope scope) {
        PartyChecks.requireParty(scope, "当事人", false);
    }

    /** A date that has happened (not in the future), as the law counts days. */
    private LocalDate pastDate(VariableScope scope, String name, String label) {
        LocalDate day = clock.toDate(Vars.requireText(scope, name, label));
        if (day.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", label + "不能晚于今天", name + " cannot be in the future");
        }
        if (day.getYear() < 1990) {
            throw new RuleViolation("date-out-of-range", label + "超出合理范围", name + " is out of range");
        }
        return day;
    }

    private void requireNotHeavier(VariableScope scope, BigDecimal fine, String label) {
        BigDecimal notified = decimal(scope.getVariable("notifiedFine"));
        if (notified != null && fine.compareTo(notified) > 0) {
            throw new RuleViolation("heavier-than-notified", label + "（" + fine.toPlainString() + "元）不得超过事先告知的罚款（"
                    + notified.toPlainString() + "元）；不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第四十五条）",
                    "The fine may not exceed the notified " + notified.toPlainString() + " yuan (Art. 45)");
        }
    }

    private static void requireAmountPaid(DelegateTask task, BigDecimal due) {
        BigDecimal paid = Vars.requireAmount(task, "paidAmount", "缴款金额");
        if (paid.compareTo(due) != 0) {
            throw new RuleViolation("wrong-amount", "应缴金额为 " + due.toPlainString() + " 元，实缴 " + paid.toPlainString() + " 元，请核对",
                    "Amount due is " + due.toPlainString() + " yuan, paid " + paid.toPlainString());
        }
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
