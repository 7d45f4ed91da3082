package org.sunlight.supervision.internal.watch;

import org.springframework.stereotype.Component;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.organization.Roles;
import org.sunlight.organization.StaffUser;

/**
 * Who reads the supervision pages: supervisors (执法监督处), leaders and administrators read every department; any
 * other staff member only their own department's deadlines, and no analytics. Nobody writes here.
 */
@Component
public class SupervisionAccess {

    private final Organization organization;

    SupervisionAccess(Organization organization) {
        this.organization = organization;
    }

    public static boolean readsAll(StaffUser user) {
        return user.isAdmin() || user.hasRole(Roles.SUPERVISOR) || user.hasRole(Roles.LEADER);
    }

    /** The department filter the user may apply: theirs only, unless they read all (then the one asked, or null). */
    String departmentFilter(StaffUser user, String requested) {
        if (requested != null && organization.department(requested).isEmpty()) {
            throw ApiException.badRequest("invalid-department", "部门不存在：" + requested, "Unknown department: " + requested);
        }
        if (readsAll(user)) {
            return requested;
        }
        String own = organization.officer(user.userId()).map(Officer::departmentId)
                .orElseThrow(() -> ApiException.forbidden("无权查看期限监督", "Not allowed to read the deadline watch"));
        if (requested != null && !requested.equals(own)) {
            throw ApiException.forbidden("只能查看本部门的期限监督", "Only your own department's deadlines");
        }
        return own;
    }

    /** Analytics: supervisors, leaders and administrators only. */
    public void requireAnalytics(StaffUser user) {
        if (!readsAll(user)) {
            throw ApiException.forbidden("只有监督人员和负责人可以查看执法统计分析", "Supervisors and leaders only");
        }
    }
}
