package fr.reflexespublics.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user authenticated for the current request (set by {@link BasicAuthenticationFilter}). */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ForbiddenException("No authenticated user");
    }
    return authentication.getUserId();
  }

  public List<String> groups() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  public boolean isMemberOfAny(String... groupIds) {
    List<String> groups = groups();
    for (String group : groupIds) {
      if (groups.contains(group)) {
        return true;
      }
    }
    return false;
  }

  /** Throws {@link ForbiddenException} unless the user belongs to one of the groups. */
  public void requireAny(String... groupIds) {
    if (!isMemberOfAny(groupIds)) {
      throw new ForbiddenException("Reserved to the groups " + String.join(", ", groupIds));
    }
  }
}
