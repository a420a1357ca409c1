package fr.reflexespublics.organisation;

import fr.reflexespublics.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The authenticated agent's place in the organisation. */
@RestController
@RequestMapping("/api/organisation")
public class OrganisationController {

  private final OrganisationService organisation;
  private final CurrentUser currentUser;

  public OrganisationController(OrganisationService organisation, CurrentUser currentUser) {
    this.organisation = organisation;
    this.currentUser = currentUser;
  }

  @GetMapping("/me")
  public Map<String, Object> me() {
    String userId = currentUser.id();
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("userId", userId);
    me.put("name", organisation.displayName(userId));
    me.put("groups", currentUser.groups());
    organisation.serviceOf(userId).ifPresent(s -> me.put("service", Map.of("id", s.id(), "name", s.name())));
    organisation.managerOf(userId).ifPresent(m -> me.put("manager", m));
    return me;
  }
}
