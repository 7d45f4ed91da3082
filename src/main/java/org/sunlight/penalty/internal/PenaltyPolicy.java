package org.sunlight.penalty.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Penalty settings that are policy, not code (sunlight.penalty.*).
 *
 * @param statementWindowWorkingDays period for the party's statement after the prior notice; the law sets none
 *                                   (行政处罚法第四十五条), local practice is 3–5 working days (RULES 2.9, U)
 * @param hearingRequestWorkingDays  period for requesting a hearing after the notice: 5 working days
 *                                   (行政处罚法第六十四条第一项、第八十五条)
 * @param hearingNoticeWorkingDays   the hearing is notified at least 7 working days ahead (第六十四条第二项)
 * @param paymentDays                the fine is paid within 15 days of receiving the decision (第六十七条第三款)
 * @param lateFeeDailyRate           3 % of the fine per day late, capped at the fine (第七十二条第一款第一项)
 * @param onSpotCollectionLimit      on-the-spot collection of fines up to 100 yuan (第六十八条第一项)
 * @param limitationYears            no penalty for a violation undiscovered for 2 years (第三十六条)
 * @param extendedLimitationYears    5 years where life, health or financial safety is harmed (第三十六条)
 * @param filingCheckDays            a lead is checked and the filing decided within 15 (calendar) days of its discovery
 *                                   (住房和城乡建设行政处罚程序规定（住房和城乡建设部令第55号）第十五条, RULES 2.4, S)
 * @param filingExtensionDays        with the leader's approval that period is extended once, by 10 days (ibid.)
 * @param preservationHandlingWorkingDays 先行登记保存的物品 are decided on within 7 days (第五十六条), working days
 *                                   (第八十五条), from the day of the preservation
 * @param minorLenientShare          a party aged 14 to 17 when the violation was committed is punished 从轻或者减轻
 *                                   (第三十条): the fine lies in this lower share of the violation's statutory range, or
 *                                   below it. Local policy: 0.3 is the 从轻 tier of this department's discretion
 *                                   benchmark (dmn/discretion-benchmark.dmn, 三档按法定幅度30%/40%/30%; 国办发〔2022〕27号)
 */
@ConfigurationProperties("sunlight.penalty")
public record PenaltyPolicy(int statementWindowWorkingDays, int hearingRequestWorkingDays,
                            int hearingNoticeWorkingDays, int paymentDays, BigDecimal lateFeeDailyRate,
                            BigDecimal onSpotCollectionLimit, int limitationYears, int extendedLimitationYears,
                            int filingCheckDays, int filingExtensionDays, int preservationHandlingWorkingDays,
                            BigDecimal minorLenientShare) {

    public PenaltyPolicy {
        if (minorLenientShare == null || minorLenientShare.signum() < 0 || minorLenientShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("sunlight.penalty.minor-lenient-share must lie between 0 and 1, was "
                    + minorLenientShare);
        }
    }
}
