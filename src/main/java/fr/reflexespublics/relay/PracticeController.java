package fr.reflexespublics.relay;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.security.BadRequestException;
import fr.reflexespublics.security.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The adopted-practices catalogue, readable by every agent: the administration's "source code". */
@RestController
public class PracticeController {

  private static final int MAX_LIMIT = 500;

  private final RelayService relays;
  private final CurrentUser currentUser;

  public PracticeController(RelayService relays, CurrentUser currentUser) {
    this.relays = relays;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/practices")
  public List<RelayService.Practice> practices(@RequestParam(defaultValue = "100") int limit) {
    currentUser.requireAny(Groups.AGENTS, Groups.CAMUNDA_ADMIN);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    return relays.practices(limit);
  }
}
