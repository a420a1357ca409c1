package fr.reflexespublics.security;

import fr.reflexespublics.security.forms.FormSubmissionInterceptor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
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
import org.camunda.bpm.engine.task.IdentityLinkType;

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
 * The grant the engine gives a candidate group on its task is not taken back either, in every
 * mode: deleting it, or saving it without READ or for another group or task, while the group is a
 * candidate of the task, is refused the same way ({@link #CANDIDATE_GRANT_KEPT}). Members of a candidate group read their
 * group's tasks through it, and the query for them counts on it ({@code platform/OwnGroupTasks}).
 * With {@code auto} or {@code always} (the engine's own modes) revokes are checked and allowed
 * again.
 */
public class GrantsOnly extends CommandInterceptor {

  public static final String REFUSED = "Revoke authorizations are not used: the engine runs with"
      + " authorization-check-revokes 'never' and would ignore them. Grant fewer permissions instead"
      + " (docs/security.md, \"Grants only\").";

  public static final String CANDIDATE_GRANT_KEPT = "This authorization is the one the engine gave a"
      + " candidate group of the task: while the group is a candidate, its members read the task through it."
      + " Remove the group from the task's candidates instead (docs/security.md, \"Own group tasks\").";

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
      AuthorizationEntity stored = changed == null ? null : candidateGrant(changed.getId());
      if (stored != null && !stillGranted(stored, changed)) {
        throw new BadUserRequestException(CANDIDATE_GRANT_KEPT);
      }
    } else if (command instanceof DeleteAuthorizationCmd
        && candidateGrant(FormSubmissionInterceptor.field(command, "authorizationId")) != null) {
      throw new BadUserRequestException(CANDIDATE_GRANT_KEPT);
    }
    return next.execute(command);
  }

  /**
   * The stored authorization {@code id} when it is a candidate group's READ on its task, while the
   * group is a candidate of it; null otherwise (a new authorization has no id).
   */
  private static AuthorizationEntity candidateGrant(String id) {
    CommandContext context = Context.getCommandContext();
    AuthorizationEntity stored = id == null ? null
        : context.getDbEntityManager().selectById(AuthorizationEntity.class, id);
    if (stored == null || stored.getGroupId() == null || stored.getResourceType() != Resources.TASK.resourceType()
        || Authorization.ANY.equals(stored.getResourceId()) || !stored.isPermissionGranted(Permissions.READ)) {
      return null;
    }
    boolean candidate = context.getIdentityLinkManager().findIdentityLinksByTaskId(stored.getResourceId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && stored.getGroupId().equals(link.getGroupId()));
    return candidate ? stored : null;
  }

  /** True when {@code changed} still grants the same group READ on the same task. */
  private static boolean stillGranted(AuthorizationEntity stored, Authorization changed) {
    return changed.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
        && stored.getGroupId().equals(changed.getGroupId()) && changed.getUserId() == null
        && changed.getResourceType() == stored.getResourceType() && stored.getResourceId().equals(changed.getResourceId())
        && changed.isPermissionGranted(Permissions.READ);
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
