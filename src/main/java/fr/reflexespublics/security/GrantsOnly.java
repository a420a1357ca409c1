package fr.reflexespublics.security;

import fr.reflexespublics.platform.OwnGroupTasks;
import fr.reflexespublics.security.forms.FormSubmissionInterceptor;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The project's authorizations are grants only (docs/security.md, "Grants only"). The engine is
 * told so ({@code camunda.bpm.authorization.authorization-check-revokes: never}) and no longer
 * asks, in every command a user runs, whether a revoke authorization exists for them. A revoke
 * authorization would then be ignored without a word, so while that setting is in force:
 * <ul>
 *   <li>saving one is refused ({@link BadUserRequestException}: 400 through REST and the Admin
 *       webapp), and nothing is stored;</li>
 *   <li>the engine does not start on a database that holds one ({@link #checkNoRevokeStored}).</li>
 * </ul>
 * The grant the engine gives a candidate group, or the assignee, on a task (READ and TASK_WORK) is
 * not taken back either, in every mode: deleting it, or saving it without READ, without the
 * TASK_WORK it held, or for another group, user or task, while the group is a candidate of the task
 * or the user its assignee, is refused the same way ({@link #TASK_GRANT_KEPT}). Members of a
 * candidate group, and the assignee, read and work on the task through it, and the query for a
 * group's tasks and the check of their steps count on it ({@code platform/OwnGroupTasks}).
 * With {@code auto} or {@code always} (the engine's own modes) revokes are checked and allowed
 * again.
 */
public class GrantsOnly extends CommandInterceptor {

  public static final String REFUSED = "Revoke authorizations are not used: the engine runs with"
      + " authorization-check-revokes 'never' and would ignore them. Grant fewer permissions instead"
      + " (docs/security.md, \"Grants only\").";

  public static final String TASK_GRANT_KEPT = "This authorization is the one the engine gave a candidate"
      + " group or the assignee of the task: while the group is a candidate, or the user the assignee, they read and"
      + " work on the task through it. Remove the group from the task's candidates, or assign the task to someone"
      + " else, instead (docs/security.md, \"Candidate groups at work\").";

  /** True when the engine is configured not to check revokes: this class's rules apply. */
  public static boolean inForce(ProcessEngineConfigurationImpl configuration) {
    return ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(
        configuration.getAuthorizationCheckRevokes());
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveAuthorizationCmd) {
      Authorization changed = FormSubmissionInterceptor.field(command, "authorization");
      if (changed != null && changed.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE
          && inForce(Context.getProcessEngineConfiguration())) {
        throw new BadUserRequestException(REFUSED);
      }
      AuthorizationEntity stored = changed == null ? null : heldGrant(changed.getId());
      if (stored != null && !stillGranted(stored, changed)) {
        throw new BadUserRequestException(TASK_GRANT_KEPT);
      }
    } else if (command instanceof DeleteAuthorizationCmd
        && heldGrant(FormSubmissionInterceptor.field(command, "authorizationId")) != null) {
      throw new BadUserRequestException(TASK_GRANT_KEPT);
    }
    return next.execute(command);
  }

  /**
   * The stored authorization {@code id} when it grants READ on one task to a candidate group of
   * the task or to its assignee, while they are; null otherwise (a new authorization has no id).
   */
  private static AuthorizationEntity heldGrant(String id) {
    CommandContext context = Context.getCommandContext();
    AuthorizationEntity stored = id == null ? null
        : context.getDbEntityManager().selectById(AuthorizationEntity.class, id);
    if (stored == null || stored.getResourceType() != Resources.TASK.resourceType()
        || Authorization.ANY.equals(stored.getResourceId()) || !stored.isPermissionGranted(Permissions.READ)) {
      return null;
    }
    TaskEntity task = context.getTaskManager().findTaskById(stored.getResourceId());
    List<String> group = stored.getGroupId() == null ? List.of() : List.of(stored.getGroupId());
    return task != null && OwnGroupTasks.holds(task, stored.getUserId(), group) ? stored : null;
  }

  /**
   * True when {@code changed} still grants the same group or user READ on the same task, and the
   * permission the engine gives with it (TASK_WORK) if the stored one held it.
   */
  private static boolean stillGranted(AuthorizationEntity stored, Authorization changed) {
    Permission work = Context.getProcessEngineConfiguration().getDefaultUserPermissionForTask();
    return changed.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
        && Objects.equals(stored.getGroupId(), changed.getGroupId())
        && Objects.equals(stored.getUserId(), changed.getUserId())
        && changed.getResourceType() == stored.getResourceType() && stored.getResourceId().equals(changed.getResourceId())
        && changed.isPermissionGranted(Permissions.READ)
        && (!stored.isPermissionGranted(work) || changed.isPermissionGranted(work));
  }

  /** Refuses to run on a database holding a revoke authorization that the engine would ignore. */
  public static void checkNoRevokeStored(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      throw new IllegalStateException(revokes + " revoke authorization(s) in ACT_RU_AUTHORIZATION: the engine runs"
          + " with authorization-check-revokes 'never' and would ignore them. Delete them (grant fewer permissions"
          + " instead) or set camunda.bpm.authorization.authorization-check-revokes to 'auto'.");
    }
  }
}
