package fr.reflexespublics.mobility;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.security.BadRequestException;
import fr.reflexespublics.security.CurrentUser;
import fr.reflexespublics.security.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteer pool, for the authenticated agent: register (or update), look, withdraw. Any
 * agent may volunteer, within the yearly quota of volunteer days.
 */
@RestController
@RequestMapping("/api/volunteer-pool")
public class VolunteerPoolController {

  private static final Pattern WORD = Pattern.compile("^[\\p{L}0-9][\\p{L}0-9 '._-]{1,49}$");
  private static final int MAX_ITEMS = 20;

  private final VolunteerPool pool;
  private final MobilitySettings settings;
  private final CurrentUser currentUser;

  public VolunteerPoolController(VolunteerPool pool, MobilitySettings settings, CurrentUser currentUser) {
    this.pool = pool;
    this.settings = settings;
    this.currentUser = currentUser;
  }

  /** What an agent sends to register. */
  public record RegistrationRequest(List<String> skills, List<String> missionKinds, Boolean noWeekends,
      Integer volunteerDays) {}

  @PostMapping
  public Map<String, Object> register(@RequestBody RegistrationRequest request) {
    currentUser.requireAny(Groups.AGENTS);
    List<String> problems = new ArrayList<>();
    check("skills", request.skills(), true, problems);
    check("missionKinds", request.missionKinds(), false, problems);
    if (request.noWeekends() == null) {
      problems.add("noWeekends: is required (true or false)");
    }
    if (request.volunteerDays() == null || request.volunteerDays() < 1) {
      problems.add("volunteerDays: at least 1");
    } else if (request.volunteerDays() > settings.annualVolunteerDays()) {
      problems.add("volunteerDays: at most " + settings.annualVolunteerDays() + " (the yearly quota of volunteer days)");
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException("The registration was not accepted: " + String.join("; ", problems));
    }
    pool.register(new VolunteerPool.Registration(currentUser.id(), request.skills(),
        request.missionKinds() == null ? List.of() : request.missionKinds(), request.noWeekends(), request.volunteerDays()));
    return Map.of("userId", currentUser.id(), "registered", true);
  }

  @GetMapping("/me")
  public VolunteerPool.Registration me() {
    return pool.find(currentUser.id()).orElseThrow(() -> new NotFoundException("You are not in the volunteer pool"));
  }

  @DeleteMapping("/me")
  public Map<String, Object> withdraw() {
    if (!pool.withdraw(currentUser.id())) {
      throw new NotFoundException("You are not in the volunteer pool");
    }
    return Map.of("userId", currentUser.id(), "registered", false);
  }

  private static void check(String field, List<String> values, boolean required, List<String> problems) {
    if (values == null || values.isEmpty()) {
      if (required) {
        problems.add(field + ": at least one is required");
      }
      return;
    }
    if (values.size() > MAX_ITEMS) {
      problems.add(field + ": at most " + MAX_ITEMS);
    }
    for (String value : values) {
      if (value == null || !WORD.matcher(value.trim()).matches()) {
        problems.add(field + ": each value is a word or a few words (2 to 50 letters, digits, spaces, ' . _ -)");
        return;
      }
    }
  }
}
