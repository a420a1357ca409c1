package fr.reflexespublics.retex;

import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.retex.RetexProcess.ActionStatus;
import fr.reflexespublics.retex.RetexProcess.Status;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Retex records: participants, testimonies, lessons, dissents and their answers, actions. */
@Service
public class RetexService {

  private final JdbcTemplate jdbc;

  public RetexService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A lesson of the workshop. */
  public record Lesson(String title, String description) {}

  /** A dissent and the workshop's answer to it. */
  public record Dissent(String dissent, String answer) {}

  /** An owned action. */
  public record Action(String id, String lessonTitle, String owner, String action, LocalDate due, String planItem,
      String status, String reason) {}

  /** Everything a retex published: no black box. */
  public record Results(String id, String title, String crisisPhase, String scope, boolean anonymous,
      int participants, int testimonies, int responseRatePercent, String whatChanges, String whatStays,
      String nextStage, String status, List<Lesson> lessons, List<Dissent> dissents, List<Action> actions) {}

  public String launch(String processInstanceId, String title, String phase, String scope, boolean anonymous,
      Collection<String> participants, LocalDate deadline) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO retex (id, process_instance_id, title, crisis_phase, scope, anonymous, participant_count,
                           testimony_deadline, status, launched_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, processInstanceId, title, phase, scope, anonymous, participants.size(), Date.valueOf(deadline),
        Status.ANNOUNCING.name(), Timestamp.from(Clocks.now()));
    jdbc.batchUpdate("INSERT INTO retex_participant (retex_id, user_id) VALUES (?, ?)",
        participants.stream().map(p -> new Object[] {id, p}).toList());
    return id;
  }

  public void announce(String id, String whatChanges, String whatStays, String nextStage) {
    jdbc.update("UPDATE retex SET what_changes = ?, what_stays = ?, next_stage = ?, status = ? WHERE id = ?",
        whatChanges, whatStays, nextStage, Status.COLLECTING.name(), id);
  }

  /** A testimony; {@code author} is null in anonymous mode, and no date is kept with it. */
  public void testimony(String id, String author, String worked, String hard, String differently, String disagreement,
      int wellbeing) {
    jdbc.update("""
        INSERT INTO retex_testimony (id, retex_id, author, what_worked, what_was_hard, done_differently, disagreement,
                                     wellbeing)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        UUID.randomUUID().toString(), id, author, worked, hard, differently, disagreement, wellbeing);
    jdbc.update("UPDATE retex SET testimony_count = testimony_count + 1 WHERE id = ?", id);
  }

  /** The testimonies as a text for the workshop (never with their authors). */
  public String digest(String id) {
    StringBuilder digest = new StringBuilder();
    int n = 0;
    for (Map<String, Object> t : jdbc.queryForList("""
        SELECT what_worked, what_was_hard, done_differently, disagreement, wellbeing
          FROM retex_testimony WHERE retex_id = ? ORDER BY id""", id)) {
      digest.append("Testimony ").append(++n).append(" (wellbeing ").append(t.get("wellbeing")).append("/5)\n");
      line(digest, "Worked", t.get("what_worked"));
      line(digest, "Hard", t.get("what_was_hard"));
      line(digest, "Could have been done differently", t.get("done_differently"));
      line(digest, "Disagreement", t.get("disagreement"));
      digest.append('\n');
    }
    return n == 0 ? "No testimony was given." : digest.toString().trim();
  }

  private static void line(StringBuilder digest, String label, Object text) {
    if (text != null && !text.toString().isBlank()) {
      digest.append("- ").append(label).append(": ").append(text).append('\n');
    }
  }

  /** The disagreements expressed, each to be answered by the workshop. */
  public List<String> dissents(String id) {
    return jdbc.queryForList("""
        SELECT disagreement FROM retex_testimony
         WHERE retex_id = ? AND disagreement IS NOT NULL AND disagreement <> '' ORDER BY id""", String.class, id);
  }

  public void workshop(String id, List<Lesson> lessons, List<Dissent> dissents) {
    int position = 0;
    for (Lesson lesson : lessons) {
      jdbc.update("INSERT INTO retex_lesson (id, retex_id, position, title, description) VALUES (?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), id, position++, lesson.title(), lesson.description());
    }
    position = 0;
    for (Dissent dissent : dissents) {
      jdbc.update("INSERT INTO retex_dissent (id, retex_id, position, dissent, answer) VALUES (?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), id, position++, dissent.dissent(), dissent.answer());
    }
    setStatus(id, Status.ACTIONS);
  }

  public String addAction(String id, String lessonTitle, String owner, String action, LocalDate due, String planItem) {
    String actionId = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO retex_action (id, retex_id, lesson_title, owner, action, due_date, plan_item, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        actionId, id, lessonTitle, owner, action, Date.valueOf(due), planItem, ActionStatus.OPEN.name(),
        Timestamp.from(Clocks.now()));
    return actionId;
  }

  public void reviewAction(String id, String actionId, ActionStatus status, String reason) {
    jdbc.update("UPDATE retex_action SET status = ?, reason = ?, updated_at = ? WHERE id = ? AND retex_id = ?",
        status.name(), reason, Timestamp.from(Clocks.now()), actionId, id);
  }

  public void setStatus(String id, Status status) {
    String column = switch (status) {
      case PUBLISHED -> ", published_at = ?";
      case FOLLOWED_UP -> ", reviewed_at = ?";
      default -> "";
    };
    if (column.isEmpty()) {
      jdbc.update("UPDATE retex SET status = ? WHERE id = ?", status.name(), id);
    } else {
      jdbc.update("UPDATE retex SET status = ?" + column + " WHERE id = ?", status.name(), Timestamp.from(Clocks.now()), id);
    }
  }

  public List<Action> actions(String id) {
    return jdbc.query("""
        SELECT id, lesson_title, owner, action, due_date, plan_item, status, reason
          FROM retex_action WHERE retex_id = ? ORDER BY lesson_title, created_at, id""",
        (rs, i) -> new Action(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8)), id);
  }

  public boolean isParticipant(String id, String userId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM retex_participant WHERE retex_id = ? AND user_id = ?",
        Integer.class, id, userId);
    return n != null && n > 0;
  }

  public Optional<Results> results(String id) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM retex WHERE id = ?", id);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> r = rows.get(0);
    int participants = ((Number) r.get("participant_count")).intValue();
    int testimonies = ((Number) r.get("testimony_count")).intValue();
    List<Lesson> lessons = jdbc.query("SELECT title, description FROM retex_lesson WHERE retex_id = ? ORDER BY position",
        (rs, i) -> new Lesson(rs.getString(1), rs.getString(2)), id);
    List<Dissent> dissents = jdbc.query("SELECT dissent, answer FROM retex_dissent WHERE retex_id = ? ORDER BY position",
        (rs, i) -> new Dissent(rs.getString(1), rs.getString(2)), id);
    return Optional.of(new Results(id, (String) r.get("title"), (String) r.get("crisis_phase"), (String) r.get("scope"),
        Boolean.TRUE.equals(r.get("anonymous")), participants, testimonies,
        participants == 0 ? 0 : (int) Math.round(100.0 * testimonies / participants),
        (String) r.get("what_changes"), (String) r.get("what_stays"), (String) r.get("next_stage"),
        (String) r.get("status"), lessons, dissents, actions(id)));
  }
}
