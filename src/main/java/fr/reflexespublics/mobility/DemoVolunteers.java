package fr.reflexespublics.mobility;

import fr.reflexespublics.organisation.DemoData;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Demo volunteer pool: three agents of different services, one of them asking for no weekends. */
@Component
public class DemoVolunteers implements DemoData {

  private final VolunteerPool pool;
  private final JdbcTemplate jdbc;

  public DemoVolunteers(VolunteerPool pool, JdbcTemplate jdbc) {
    this.pool = pool;
    this.jdbc = jdbc;
  }

  @Override
  public void seed() {
    Integer seeded = jdbc.queryForObject("SELECT COUNT(*) FROM volunteer", Integer.class);
    if (seeded != null && seeded > 0) { // once only: an agent who withdrew stays withdrawn
      return;
    }
    pool.register(new VolunteerPool.Registration("bruno", List.of("childcare", "driving"), List.of("crisis", "social"),
        true, 10));
    pool.register(new VolunteerPool.Registration("chloe", List.of("phone", "social", "driving"), List.of("crisis"),
        false, 15));
    pool.register(new VolunteerPool.Registration("colin", List.of("writing", "video"), List.of("communication"),
        true, 5));
  }
}
