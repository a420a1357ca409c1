package fr.reflexespublics.retex;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.security.CurrentUser;
import fr.reflexespublics.security.ForbiddenException;
import fr.reflexespublics.security.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A retex's results, readable by its participants (no black box), the innovation unit, HR and
 * directors. Testimonies are never returned, only what the workshop drew from them.
 */
@RestController
public class RetexController {

  private final RetexService retexes;
  private final CurrentUser currentUser;

  public RetexController(RetexService retexes, CurrentUser currentUser) {
    this.retexes = retexes;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/retex/{id}")
  public RetexService.Results results(@PathVariable String id) {
    RetexService.Results results = retexes.results(id)
        .orElseThrow(() -> new NotFoundException("No retex " + (id.length() > 40 ? id.substring(0, 40) : id)));
    if (!currentUser.isMemberOfAny(Groups.INNOVATION_UNIT, Groups.HR, Groups.DIRECTORS)
        && !retexes.isParticipant(id, currentUser.id())) {
      throw new ForbiddenException("Only the participants of this retex, the innovation unit, HR and directors read it");
    }
    return results;
  }
}
