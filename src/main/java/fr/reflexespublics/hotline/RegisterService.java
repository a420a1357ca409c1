package fr.reflexespublics.hotline;

import fr.reflexespublics.platform.Clocks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The register of fragile residents: the only place where their names and phone numbers live.
 * Processes carry the person's id; the caller's screen gets the first name, phone and area.
 */
@Service
public class RegisterService {

  /** Age bands of the register. */
  public static final Set<String> AGE_BANDS = Set.of("18-59", "60-74", "75-84", "85+");
  /** Situation complexity. */
  public static final Set<String> COMPLEXITIES = Set.of("SIMPLE", "COMPLEX");

  private final JdbcTemplate jdbc;

  public RegisterService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A registered person. */
  public record Person(String id, String firstName, String lastName, String phone, String area, String ageBand,
      String complexity, LocalDate consentDate, String sourceRegister) {}

  /** What a campaign selects. {@code ANY} matches every value. */
  public record Selection(String sourceRegister, String complexity, String ageBand) {

    String where() {
      return " WHERE opted_out_at IS NULL AND consent_date IS NOT NULL AND source_register = ?"
          + (CampaignProcess.ANY.equals(complexity) ? "" : " AND complexity = ?")
          + (CampaignProcess.ANY.equals(ageBand) ? "" : " AND age_band = ?");
    }

    Object[] arguments(Object... more) {
      List<Object> args = new java.util.ArrayList<>(List.of(sourceRegister));
      if (!CampaignProcess.ANY.equals(complexity)) {
        args.add(complexity);
      }
      if (!CampaignProcess.ANY.equals(ageBand)) {
        args.add(ageBand);
      }
      args.addAll(List.of(more));
      return args.toArray();
    }
  }

  /** The key that makes a person unique: a hash of the normalised names and phone digits. */
  public static String identityKey(String firstName, String lastName, String phone) {
    String normalised = firstName.trim().toLowerCase(Locale.ROOT) + "|" + lastName.trim().toLowerCase(Locale.ROOT)
        + "|" + phone.replaceAll("[^0-9]", "");
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean existsIdentity(String identityKey) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM registered_person WHERE identity_key = ?", Integer.class,
        identityKey);
    return n != null && n > 0;
  }

  public String add(String firstName, String lastName, String phone, String area, String ageBand, String complexity,
      LocalDate consentDate, String sourceRegister) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO registered_person (id, first_name, last_name, phone, area, age_band, complexity, consent_date,
                                       source_register, created_at, identity_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, firstName.trim(), lastName.trim(), phone.trim(), area.trim(), ageBand, complexity,
        consentDate == null ? null : Date.valueOf(consentDate), sourceRegister.trim(), Timestamp.from(Clocks.now()),
        identityKey(firstName, lastName, phone));
    return id;
  }

  public Optional<Person> find(String id) {
    return jdbc.query("""
        SELECT id, first_name, last_name, phone, area, age_band, complexity, consent_date, source_register
          FROM registered_person WHERE id = ? AND erased_at IS NULL""",
        (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
            rs.getString(9)), id).stream().findFirst();
  }

  public int count(Selection selection) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM registered_person" + selection.where(), Integer.class,
        selection.arguments());
    return n == null ? 0 : n;
  }

  /** The ids of the selection after {@code afterId} (exclusive), in id order: keyset paging. */
  public List<String> ids(Selection selection, String afterId, int limit) {
    return jdbc.query("SELECT id FROM registered_person" + selection.where() + " AND id > ? ORDER BY id",
        ps -> {
          Object[] args = selection.arguments(afterId == null ? "" : afterId);
          for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
          }
          ps.setMaxRows(limit);
        },
        (rs, i) -> rs.getString(1));
  }

  /** The ids of the selection in (afterId, lastId], in id order. */
  public List<String> idsBetween(Selection selection, String afterId, String lastId) {
    return jdbc.queryForList("SELECT id FROM registered_person" + selection.where() + " AND id > ? AND id <= ? ORDER BY id",
        String.class, selection.arguments(afterId, lastId));
  }

  /** The person wishes to stop being called: no campaign selects them any more. */
  public void optOut(String id) {
    jdbc.update("UPDATE registered_person SET opted_out_at = ? WHERE id = ? AND opted_out_at IS NULL",
        Timestamp.from(Clocks.now()), id);
  }

  /** Opted-out persons whose personal data is still there. */
  public List<String> optedOutNotErased(int limit) {
    return jdbc.query("SELECT id FROM registered_person WHERE opted_out_at IS NOT NULL AND erased_at IS NULL ORDER BY id",
        ps -> ps.setMaxRows(limit), (rs, i) -> rs.getString(1));
  }

  /** Blanks the personal columns; the row stays (without identity) for the statistics. */
  public void erase(String id) {
    jdbc.update("""
        UPDATE registered_person SET first_name = NULL, last_name = NULL, phone = NULL, area = NULL,
               consent_date = NULL, identity_key = NULL, erased_at = ? WHERE id = ?""",
        Timestamp.from(Clocks.now()), id);
  }
}
