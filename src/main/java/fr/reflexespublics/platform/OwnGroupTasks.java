package fr.reflexespublics.platform;

import fr.reflexespublics.security.GrantsOnly;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The engine's authorization manager as the project opens it: a user's groups as given
 * ({@link UserGroupsAsGiven}), and a query for the tasks offered to the user's own groups answered
 * by the candidate links alone (docs/security.md, "Own group tasks").
 *
 * <p>When a group becomes a candidate of a task, the engine grants that group READ on the task
 * (its default authorization provider: READ and TASK_WORK, one row per task). A query that only
 * returns tasks having a candidate link to one of the user's own groups therefore returns tasks
 * the user may read, every one of them: the engine's check adds nothing to the answer. It costs a
 * lot: the engine joins ACT_RU_AUTHORIZATION and checks every candidate task before it can sort
 * and return the first page ("My group tasks" of a caller at 10,000 open calls: about 200 ms of
 * the 210–335 ms its SQL took on PostgreSQL, docs/performance.md section 4). Here the check is left
 * out for such a query, and only for it:
 * <ul>
 *   <li>candidate groups given (a list, or Tasklist's {@code ${currentUserGroups()}}), every one
 *       of them a group of the authenticated user;</li>
 *   <li>no candidate user, no candidate group pattern: both widen the candidate condition (OR);</li>
 *   <li>no {@code or()} part: everything else in the query narrows the answer.</li>
 * </ul>
 * Any other task query keeps the engine's check, so does every query of a user outside the groups
 * asked for.
 *
 * <p>The same grant answers the check of a step on one task ("Candidate groups at work" in
 * docs/security.md): completing, claiming, submitting its form or reading it, the engine asks
 * whether the user holds READ or TASK_WORK on the task (or on its process definition) and runs
 * a statement of two dozen sub-queries that PostgreSQL plans anew each time (1.6–1.9 ms of a
 * lead's wait state, docs/performance.md round 11). The engine gives the same grant to the task's
 * assignee. When the task is already loaded in the command and the user is its assignee, or one
 * of the user's groups is among its candidates, the user holds that grant: the answer is yes
 * without the statement. The task's candidate links are read from the task, which reads them once
 * per command; a completion reads them anyway to delete them. Any other check (another permission,
 * a task not loaded, a user holding a grant on the process definition) goes to the engine.
 *
 * <p>The grant a candidate group or the assignee holds cannot be revoked ({@code GrantsOnly}, which
 * is required: with revokes checked, neither shortcut is taken) nor narrowed or taken away while
 * the group is a candidate of the task or the user its assignee ({@code GrantsOnly} refuses it as
 * well): what this class relies on stays true.
 */
public class OwnGroupTasks extends UserGroupsAsGiven {

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    AuthorizationCheck check = query.getAuthCheck();
    if (check.isAuthorizationCheckEnabled() && onlyOwnGroupCandidates(query, check.getAuthGroupIds())) {
      check.setAuthorizationCheckEnabled(false);
    }
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
    return check.isDisjunctive()
        && check.getAtomicChecks().stream().anyMatch(atomic -> grantedOnTask(userId, groupIds, atomic))
        || super.isAuthorized(userId, groupIds, check);
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    return isAuthorizationEnabled() && grantedOnTask(userId, groupIds, check)
        || super.isAuthorized(userId, groupIds, check);
  }

  /**
   * True when {@code check} asks for a permission the engine grants a task's assignee and
   * candidate groups, on a task loaded in this command whose assignee is {@code userId} or that
   * has a candidate link to one of {@code userGroups}.
   */
  static boolean grantedOnTask(String userId, List<String> userGroups, PermissionCheck check) {
    if (check.getResource() == null
        || check.getResourceType() != Resources.TASK.resourceType()
        || check.getResourceId() == null || Authorization.ANY.equals(check.getResourceId())) {
      return false;
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    if (!GrantsOnly.inForce(configuration) || !candidatePermission(configuration, check.getPermission())) {
      return false;
    }
    TaskEntity task = Context.getCommandContext().getDbEntityManager()
        .getCachedEntity(TaskEntity.class, check.getResourceId());
    return task != null && !task.isDeleted() && holds(task, userId, userGroups);
  }

  /**
   * True when {@code task} is assigned to {@code userId} or offered to one of {@code groupIds}: a
   * holder of the grant the engine gives with it ({@code GrantsOnly} keeps that grant while they
   * hold the task). The candidate links are read from the task, once per command.
   */
  public static boolean holds(TaskEntity task, String userId, Collection<String> groupIds) {
    return userId != null && userId.equals(task.getAssignee())
        || groupIds != null && !groupIds.isEmpty() && task.getIdentityLinks().stream()
            .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && groupIds.contains(link.getGroupId()));
  }

  /** READ, or the permission the engine grants with it to a task's holders (TASK_WORK here). */
  static boolean candidatePermission(ProcessEngineConfigurationImpl configuration, Permission permission) {
    return permission != null && (permission.getValue() == Permissions.READ.getValue()
        || permission.getValue() == configuration.getDefaultUserPermissionForTask().getValue());
  }

  /** True when the query returns only tasks having a candidate link to one of {@code userGroups}. */
  static boolean onlyOwnGroupCandidates(TaskQueryImpl query, List<String> userGroups) {
    if (query.getQueries().size() != 1 || query.getCandidateUser() != null || query.getCandidateGroupLike() != null) {
      return false;
    }
    List<String> candidateGroups = query.getCandidateGroups();
    return candidateGroups != null && !candidateGroups.isEmpty()
        && userGroups != null && userGroups.containsAll(candidateGroups);
  }
}
