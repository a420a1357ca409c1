package fr.reflexespublics.hotline;

import fr.reflexespublics.organisation.DemoData;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo register: 50 fictional residents (fiction-reserved phone numbers 01 99 00 xx xx) in two
 * source registers, and chloe marked as an experienced caller.
 */
@Component
public class DemoRegister implements DemoData {

  public static final String HEAT_WAVE = "heat-wave-register";
  public static final String ISOLATED_SENIORS = "isolated-seniors";
  private static final List<String> FIRST = List.of("Jeanne", "Marcel", "Simone", "Robert", "Odette", "Lucien",
      "Germaine", "René", "Paulette", "André");
  private static final List<String> LAST = List.of("Lemoine", "Caron", "Fabre", "Giraud", "Perrin");
  private static final List<String> AREAS = List.of("Centre", "North district", "Riverside", "Old town", "Hillside");
  private static final List<String> BANDS = List.of("60-74", "75-84", "85+", "75-84", "18-59");

  private final RegisterService register;
  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final HotlineSettings settings;

  public DemoRegister(RegisterService register, JdbcTemplate jdbc, IdentityService identityService,
      HotlineSettings settings) {
    this.register = register;
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.settings = settings;
  }

  @Override
  public void seed() {
    identityService.setUserInfo("chloe", settings.experienceAttribute(), "EXPERIENCED");
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM registered_person WHERE source_register IN (?, ?)",
        Integer.class, HEAT_WAVE, ISOLATED_SENIORS);
    if (existing != null && existing > 0) {
      return;
    }
    for (int i = 0; i < 50; i++) {
      register.add(FIRST.get(i % FIRST.size()), LAST.get(i / FIRST.size()),
          String.format("01 99 00 %02d %02d", i / 10, i % 100), AREAS.get(i % AREAS.size()),
          BANDS.get(i % BANDS.size()), i % 4 == 0 ? "COMPLEX" : "SIMPLE", LocalDate.of(2026, 6, 1).plusDays(i),
          i % 2 == 0 ? HEAT_WAVE : ISOLATED_SENIORS);
    }
  }
}
