package fr.reflexespublics.mobility;

import fr.reflexespublics.mobility.MobilityProcess.Status;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reinforcement requests and their assignments, from proposal to return. */
@Service
public class MobilityService {

  private final JdbcTemplate jdbc;
  private final OrganisationService organisation;

  public MobilityService(JdbcTemplate jdbc, OrganisationService organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** A request as the assignments need it. */
  public record Request(String id, String receivingService, LocalDate start, LocalDate end, boolean weekendWork) {}

  public String request(String processInstanceId, String requester, String mission, String receivingService,
      String skills, LocalDate start, LocalDate end, int agentsNeeded, boolean weekendWork, String tutor) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO reinforcement_request (id, process_instance_id, requester, mission, receiving_service, skills,
                                           start_date, end_date, agents_needed, weekend_work, tutor, requested_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, processInstanceId, requester, mission, receivingService, skills, Date.valueOf(start), Date.valueOf(end),
        agentsNeeded, weekendWork, tutor, Timestamp.from(Clocks.now()));
    return id;
  }

  public Request find(String id) {
    return jdbc.queryForObject("SELECT id, receiving_service, start_date, end_date, weekend_work FROM reinforcement_request WHERE id = ?",
        (rs, i) -> new Request(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
            rs.getBoolean(5)), id);
  }

  public String propose(Request request, String userId) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO mission_assignment (id, request_id, user_id, home_service, receiving_service, mission_days,
                                        start_date, end_date, status, proposed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, request.id(), userId, organisation.serviceOf(userId).map(s -> s.id()).orElse(null), request.receivingService(),
        Matching.missionDays(request.start(), request.end(), request.weekendWork()), Date.valueOf(request.start()),
        Date.valueOf(request.end()), Status.PROPOSED.name(), Timestamp.from(Clocks.now()));
    return id;
  }

  public String assignmentOf(String requestId, String userId) {
    return jdbc.queryForObject("SELECT id FROM mission_assignment WHERE request_id = ? AND user_id = ?", String.class,
        requestId, userId);
  }

  /** The manager's reason for refusing, recorded as soon as the manager answers. */
  public void refused(String assignmentId, String refusalReason) {
    jdbc.update("UPDATE mission_assignment SET refusal_reason = ? WHERE id = ?", refusalReason, assignmentId);
  }

  /**
   * Both answers are in. A reason given here (instances whose release step kept it as a variable)
   * is recorded; none keeps the one recorded when the manager answered.
   */
  public void decide(String assignmentId, Status status, String refusalReason) {
    jdbc.update("UPDATE mission_assignment SET status = ?, refusal_reason = COALESCE(?, refusal_reason) WHERE id = ?",
        status.name(), refusalReason, assignmentId);
  }

  public void checkIn(String assignmentId, boolean goingWell, boolean constraintsRespected, String comment) {
    jdbc.update("UPDATE mission_assignment SET going_well = ?, constraints_respected = ?, check_in_comment = ? WHERE id = ?",
        goingWell, constraintsRespected, comment, assignmentId);
  }

  public void returnPrepared(String assignmentId, String returnNotes) {
    jdbc.update("UPDATE mission_assignment SET return_notes = ? WHERE id = ?", returnNotes, assignmentId);
  }

  public void returned(String assignmentId, boolean early) {
    jdbc.update("UPDATE mission_assignment SET status = ?, returned_at = ?, returned_early = ? WHERE id = ?",
        Status.RETURNED.name(), Timestamp.from(Clocks.now()), early, assignmentId);
  }

  public void debrief(String assignmentId, String skillsGained, boolean wouldDoAgain) {
    jdbc.update("UPDATE mission_assignment SET skills_gained = ?, would_do_again = ? WHERE id = ?", skillsGained,
        wouldDoAgain, assignmentId);
  }
}
