package fr.reflexespublics.hotline;

import fr.reflexespublics.organisation.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Callers whose profile says they are experienced (user info {@code reflexes.hotline.experience-attribute}
 * = EXPERIENCED): data that coordinators maintain in Camunda Admin, not code. Cached for a
 * minute: a campaign start asks for every person.
 */
@Component
public class ExperiencedCallers {

  static final String EXPERIENCED = "EXPERIENCED";
  private static final long CACHE_MILLIS = 60_000;

  private final IdentityService identityService;
  private final HotlineSettings settings;
  private volatile List<String> cached;
  private volatile long cachedAt;

  public ExperiencedCallers(IdentityService identityService, HotlineSettings settings) {
    this.identityService = identityService;
    this.settings = settings;
  }

  public List<String> list() {
    long now = System.currentTimeMillis();
    List<String> current = cached;
    if (current == null || now - cachedAt > CACHE_MILLIS) {
      current = identityService.createUserQuery().memberOfGroup(Groups.HOTLINE_CALLERS).listPage(0, 1000).stream()
          .map(User::getId)
          .filter(id -> EXPERIENCED.equals(identityService.getUserInfo(id, settings.experienceAttribute())))
          .sorted().toList();
      cached = current;
      cachedAt = now;
    }
    return current;
  }
}
