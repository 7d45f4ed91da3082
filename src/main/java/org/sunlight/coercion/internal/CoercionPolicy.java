package org.sunlight.coercion.internal;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Coercion settings (sunlight.coercion.*): the periods of 行政强制法 and of the appeal laws, and what counts as night.
 *
 * @param measureMaxDays             a seizure or sealing lasts at most 30 days (行政强制法第二十五条第一款)
 * @param extensionMaxDays           extended once, by at most 30 days, with the leader's approval (第二十五条第一款)
 * @param emergencyReportHours       an emergency measure is reported to the leader within 24 hours (第十九条)
 * @param nightStart                 start of "night" (夜间), when no coercive execution may take place (第四十三条).
 *                                   The law does not define night; the default 22:00–06:00 follows 噪声污染防治法第八十八条
 * @param nightEnd                   end of "night" (see nightStart)
 * @param substituteNoticeWorkingDays the party is reminded 3 days before substitute performance (第五十一条第一款第二项);
 *                                   periods of ten days or less are working days (第六十九条)
 * @param courtDemandWorkingDays     the court may be asked only 10 days after the demand was served (第五十四条, 第六十九条)
 * @param courtApplicationMonths     the application is made within 3 months after the appeal periods expire (第五十三条)
 * @param reconsiderationDays        period for administrative reconsideration: 60 days (行政复议法第二十条)
 * @param litigationMonths           period for an administrative lawsuit: 6 months (行政诉讼法第四十六条)
 * @param surchargeEnforcementDays   surcharges run more than 30 days before a monetary obligation is enforced (第四十六条)
 */
@ConfigurationProperties("sunlight.coercion")
public record CoercionPolicy(int measureMaxDays, int extensionMaxDays, int emergencyReportHours, LocalTime nightStart,
                             LocalTime nightEnd, int substituteNoticeWorkingDays, int courtDemandWorkingDays,
                             int courtApplicationMonths, int reconsiderationDays, int litigationMonths,
                             int surchargeEnforcementDays) {
}
