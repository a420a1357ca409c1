package fr.reflexespublics.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the application rather than as the requesting user, for endpoints that
 * check the user's rights themselves (by group) and then act on the process: e.g. correlating a
 * message, which Camunda would otherwise only allow to users with UPDATE on the instance.
 */
@Component
public class SystemActions {

  private final IdentityService identityService;

  public SystemActions(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T run(Supplier<T> action) {
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
  }
}
