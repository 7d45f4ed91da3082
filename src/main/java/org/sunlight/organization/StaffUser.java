package org.sunlight.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated person behind a request to Sunlight's API, with the Camunda groups they belong to. */
public record StaffUser(String userId, List<String> groups) {

    public boolean hasRole(String group) {
        return groups.contains(group);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Leaders, supervisors, legal reviewers and administrators may read every case. */
    public boolean readsAllCases() {
        return isAdmin() || hasRole(Roles.LEADER) || hasRole(Roles.SUPERVISOR) || hasRole(Roles.LEGAL_REVIEWER);
    }

    public boolean inGroup(String groupId) {
        return groupId != null && groups.contains(groupId);
    }

    public static Optional<StaffUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static StaffUser require() {
        return current().orElseThrow(() -> new ApiException(401, "unauthenticated", "请先登录", "Authentication required"));
    }
}
