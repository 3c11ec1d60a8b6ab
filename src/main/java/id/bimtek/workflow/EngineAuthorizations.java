package id.bimtek.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import id.bimtek.shared.Roles;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The roles in the Camunda webapps, so Tasklist and Cockpit keep the same boundaries as the project's
 * API: heads and staff use Tasklist (and see only the tasks of their group, which the engine grants by
 * itself to a task's candidates), auditors may read in Cockpit, only {@code camunda-admin} may
 * administrate. Nobody but administrators may create filters (stored queries run expressions).
 */
@Component
public class EngineAuthorizations implements SmartInitializingSingleton {

    private static final List<String> TASK_ROLES = List.of(Roles.STAFF, Roles.DIVISION_HEAD, Roles.DEPARTMENT_HEAD);
    private static final List<String> ALL_ROLES = List.of(Roles.STAFF, Roles.DIVISION_HEAD, Roles.DEPARTMENT_HEAD,
            Roles.AUDITOR, Roles.ADMIN);

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TasklistFilters tasklistFilters;

    public EngineAuthorizations(AuthorizationService authorizations, FilterService filters, TasklistFilters tasklistFilters) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasklistFilters = tasklistFilters;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tasklistFilters.ensureFilters();
        for (String group : TASK_ROLES) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "program-lifecycle", Permissions.READ);
            // the deployed Camunda Forms are read from the process's deployment
            grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
            for (Filter filter : filters.createFilterQuery().list()) {
                grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
        grant(Roles.AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.AUDITOR, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        grant(Roles.AUDITOR, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Roles.AUDITOR, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        for (String group : ALL_ROLES) {
            // Tasklist and Cockpit look up the groups of the logged-in user
            grant(group, Resources.GROUP, group, Permissions.READ);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
