package org.sunlight.organization;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An enforcement credential (行政执法证). Only holders of a valid credential may enforce
 * (行政处罚法第42条、第55条; 行政强制法第17条; RULES 5.8).
 *
 * @param scope enforcement categories the credential covers (penalty, licensing, coercion, collection, inspection)
 */
public record Credential(String credentialNo, String userId, String departmentId, String scope, String scopeText,
                         String issuer, LocalDate validFrom, LocalDate validTo, String status, String statusReason) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String REVOKED = "revoked";

    public Set<String> categories() {
        return Arrays.stream(scope.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public boolean covers(String category) {
        return categories().contains(category);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** Valid on a day: active and inside its validity period (both ends included). */
    public boolean isValidOn(LocalDate day) {
        return isActive() && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** What a citizen or an officer is told about this credential on a day, in Chinese. */
    public String statusTextOn(LocalDate day) {
        if (SUSPENDED.equals(status)) {
            return "暂扣";
        }
        if (REVOKED.equals(status)) {
            return "已注销";
        }
        if (day.isBefore(validFrom)) {
            return "尚未生效";
        }
        if (day.isAfter(validTo)) {
            return "已过期";
        }
        return "有效";
    }
}
