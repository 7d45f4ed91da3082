package org.sunlight.organization.internal;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sunlight.organization.Roles;

/**
 * The role groups and what each may do in Camunda (authorizations are on). Created on every start when missing, in
 * every profile: who may do what is part of the system, not demo data.
 * <ul>
 * <li>officers start cases and work tasks of their department (candidate group = department id);</li>
 * <li>legal reviewers work review tasks and read case history;</li>
 * <li>leaders decide and read every case;</li>
 * <li>supervisors read every case and task, and change nothing;</li>
 * <li>camunda-admin may do everything, and only it reaches Admin.</li>
 * </ul>
 */
class RoleAuthorizations {

    private static final Logger LOG = LoggerFactory.getLogger(RoleAuthorizations.class);

    static final Map<String, String> ROLE_NAMES = Map.of(
            Roles.OFFICER, "执法人员",
            Roles.LEGAL_REVIEWER, "法制审核员",
            Roles.LEADER, "负责人",
            Roles.SUPERVISOR, "执法监督人员",
            Roles.ADMIN, "系统管理员");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    RoleAuthorizations(IdentityService identityService, AuthorizationService authorizationService,
                       FilterService filterService, TaskService taskService) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
    }

    void ensure() {
        ROLE_NAMES.forEach(this::ensureGroup);

        for (Resource resource : Resources.values()) {
            grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
        }

        List<String> staff = List.of(Roles.OFFICER, Roles.LEGAL_REVIEWER, Roles.LEADER, Roles.SUPERVISOR);
        for (String role : staff) {
            grant(role, Resources.USER, ANY, Permissions.READ);
            grant(role, Resources.GROUP, ANY, Permissions.READ);
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(role, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        }

        grant(Roles.OFFICER, Resources.PROCESS_DEFINITION, ANY, Permissions.CREATE_INSTANCE);
        grant(Roles.OFFICER, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(Roles.OFFICER, Resources.DECISION_DEFINITION, ANY, Permissions.CREATE_INSTANCE);

        grant(Roles.LEGAL_REVIEWER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);

        for (String reader : List.of(Roles.LEADER, Roles.SUPERVISOR)) {
            grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(reader, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY, Permissions.READ_INSTANCE,
                    Permissions.READ_TASK);
            grant(reader, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(reader, Resources.TASK, ANY, Permissions.READ);
            grant(reader, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
            grant(reader, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
            grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }

        ensureFilters(staff);
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Roles.ADMIN.equals(id) ? "SYSTEM" : Roles.ROLE_TYPE);
            identityService.saveGroup(group);
            LOG.info("Created role group {} ({})", id, name);
        }
    }

    /** Task filters of Tasklist, in Chinese; every staff role may read them. */
    private void ensureFilters(List<String> roles) {
        Map<String, TaskQuery> filters = Map.of(
                "我的待办", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "可认领任务", taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned(),
                "全部任务", taskService.createTaskQuery());
        int priority = 0;
        for (String name : List.of("我的待办", "可认领任务", "全部任务")) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            if (filter == null) {
                filter = filterService.newTaskFilter(name).setQuery(filters.get(name))
                        .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
                filterService.saveFilter(filter);
            }
            priority++;
            for (String role : roles) {
                grant(role, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        boolean changed = false;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            changed = true;
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
