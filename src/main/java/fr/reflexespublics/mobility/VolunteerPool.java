package fr.reflexespublics.mobility;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The pool of volunteer agents and what each has already given this year. */
@Service
public class VolunteerPool {

  private final JdbcTemplate jdbc;
  private final OrganisationService organisation;

  public VolunteerPool(JdbcTemplate jdbc, OrganisationService organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** A registration as the agent gave it. */
  public record Registration(String userId, List<String> skills, List<String> missionKinds, boolean noWeekends,
      int volunteerDays) {}

  /** Registers (or updates) the agent in the pool. */
  public void register(Registration r) {
    int updated = jdbc.update("""
        UPDATE volunteer SET skills = ?, mission_kinds = ?, no_weekends = ?, volunteer_days = ?, registered_at = ?,
               withdrawn_at = NULL WHERE user_id = ?""",
        csv(r.skills()), csv(r.missionKinds()), r.noWeekends(), r.volunteerDays(), Timestamp.from(Clocks.now()),
        r.userId());
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO volunteer (user_id, skills, mission_kinds, no_weekends, volunteer_days, registered_at)
          VALUES (?, ?, ?, ?, ?, ?)""",
          r.userId(), csv(r.skills()), csv(r.missionKinds()), r.noWeekends(), r.volunteerDays(),
          Timestamp.from(Clocks.now()));
    }
  }

  /** @return whether the agent was in the pool */
  public boolean withdraw(String userId) {
    return jdbc.update("UPDATE volunteer SET withdrawn_at = ? WHERE user_id = ? AND withdrawn_at IS NULL",
        Timestamp.from(Clocks.now()), userId) == 1;
  }

  public Optional<Registration> find(String userId) {
    return jdbc.query("""
        SELECT user_id, skills, mission_kinds, no_weekends, volunteer_days FROM volunteer
         WHERE user_id = ? AND withdrawn_at IS NULL""",
        (rs, i) -> new Registration(rs.getString(1), list(rs.getString(2)), list(rs.getString(3)), rs.getBoolean(4),
            rs.getInt(5)), userId).stream().findFirst();
  }

  /** Volunteer days already given (or committed) in the year. */
  public int usedDays(String userId, int year) {
    Integer used = jdbc.queryForObject("""
        SELECT COALESCE(SUM(mission_days), 0) FROM mission_assignment
         WHERE user_id = ? AND status IN ('ON_MISSION', 'RETURNED') AND start_date >= ? AND start_date < ?""",
        Integer.class, userId, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)));
    return used == null ? 0 : used;
  }

  /** Whether the agent is proposed for, or on, a mission overlapping these dates. */
  public boolean busy(String userId, LocalDate start, LocalDate end) {
    Integer n = jdbc.queryForObject("""
        SELECT COUNT(*) FROM mission_assignment
         WHERE user_id = ? AND status IN ('PROPOSED', 'ON_MISSION') AND start_date <= ? AND end_date >= ?""",
        Integer.class, userId, Date.valueOf(end), Date.valueOf(start));
    return n != null && n > 0;
  }

  /** The matching's view of a registered volunteer for a mission's dates. */
  public Optional<Matching.Volunteer> asVolunteer(String userId, LocalDate start, LocalDate end) {
    return find(userId).map(r -> new Matching.Volunteer(r.userId(), new LinkedHashSet<>(r.skills()), r.noWeekends(),
        r.volunteerDays(), usedDays(userId, start.getYear()), organisation.serviceOf(userId).map(s -> s.id()).orElse(null),
        busy(userId, start, end)));
  }

  /** Every volunteer of the pool, as the matching sees them for a mission's dates. */
  public List<Matching.Volunteer> pool(LocalDate start, LocalDate end) {
    return jdbc.queryForList("SELECT user_id FROM volunteer WHERE withdrawn_at IS NULL ORDER BY user_id", String.class)
        .stream().map(id -> asVolunteer(id, start, end)).flatMap(Optional::stream).toList();
  }

  static String csv(List<String> values) {
    return values.stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.joining(","));
  }

  public static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of()
        : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  public static Set<String> set(String csv) {
    return new LinkedHashSet<>(list(csv));
  }
}
