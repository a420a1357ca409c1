package fr.reflexespublics.security;

import fr.reflexespublics.security.forms.FormSubmissionInterceptor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

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
 * With {@code auto} or {@code always} (the engine's own modes) revokes are checked and allowed
 * again.
 */
public class GrantsOnly extends CommandInterceptor {

  public static final String REFUSED = "Revoke authorizations are not used: the engine runs with"
      + " authorization-check-revokes 'never' and would ignore them. Grant fewer permissions instead"
      + " (docs/security.md, \"Grants only\").";

  /** True when the engine is configured not to check revokes: this class's rules apply. */
  public static boolean inForce(ProcessEngineConfigurationImpl configuration) {
    return ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equalsIgnoreCase(
        configuration.getAuthorizationCheckRevokes());
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveAuthorizationCmd && inForce(Context.getProcessEngineConfiguration())) {
      Authorization authorization = FormSubmissionInterceptor.field(command, "authorization");
      if (authorization != null && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw new BadUserRequestException(REFUSED);
      }
    }
    return next.execute(command);
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
