package org.sunlight.licensing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Licensing settings that are law or local policy (sunlight.licensing.*). Periods of 行政许可法 are working days
 * (第八十二条).
 *
 * @param feeBeforePermit              the urban infrastructure fee must be paid before a construction permit is
 *                                     granted (local rule, RULES 6.2)
 * @param statementWindowWorkingDays   period for statements of the applicant and interested parties after the notice
 *                                     (行政许可法第三十六条 sets none: local practice)
 * @param hearingRequestWorkingDays    a hearing is requested within 5 working days of the notice (第四十七条第一款)
 * @param hearingHeldWithinWorkingDays a requested hearing is held within 20 working days (第四十七条第一款)
 * @param hearingNoticeWorkingDays     the hearing is notified 7 working days ahead (第四十八条第一款第一项)
 * @param decisionWarningWorkingDays   the handler is warned this many working days before the decision is due
 *                                     (local practice), and may then ask for the extension (第四十二条)
 * @param jointDecisionWarningWorkingDays the same warning for an application handled uniformly, jointly or centrally
 *                                     (第四十二条第二款: 45 working days): in proportion, 3 of 20 is 6.75 of 45, so 7
 * @param permitStartMonths            work starts within 3 months of the permit (建筑法第九条)
 * @param permitExtensionMonths        each extension at most 3 months (建筑法第九条)
 * @param permitMaxExtensions          at most two extensions (建筑法第九条)
 * @param permitStartReminderDays      the developer is reminded this many days before the start deadline (local)
 * @param renewalLeadDays              a renewal (延续) is applied for at least this many days before the licence expires:
 *                                     thirty days (行政许可法第五十条第一款), calendar days because the law says 日 and
 *                                     the period binds the holder, not the department (第八十二条 counts the department's
 *                                     periods only); "法律、法规、规章另有规定的，依照其规定" — set it where one does
 */
@ConfigurationProperties("sunlight.licensing")
public record LicensingPolicy(boolean feeBeforePermit, int statementWindowWorkingDays, int hearingRequestWorkingDays,
                              int hearingHeldWithinWorkingDays, int hearingNoticeWorkingDays,
                              int decisionWarningWorkingDays, int jointDecisionWarningWorkingDays, int permitStartMonths, int permitExtensionMonths,
                              int permitMaxExtensions, int permitStartReminderDays, int renewalLeadDays) {

    public LicensingPolicy {
        if (statementWindowWorkingDays < 1 || hearingRequestWorkingDays < 1 || hearingHeldWithinWorkingDays < 1
                || hearingNoticeWorkingDays < 1 || decisionWarningWorkingDays < 0 || jointDecisionWarningWorkingDays < 0
                || permitStartMonths < 1
                || permitExtensionMonths < 1 || permitMaxExtensions < 0 || permitStartReminderDays < 0 || renewalLeadDays < 0) {
            throw new IllegalStateException("sunlight.licensing.*: periods must be positive (see application.yaml)");
        }
    }
}
