package fr.reflexespublics.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Section 5's application tables at a metropolis's scale: the rows the dashboard reads (agents,
 * initiatives, relays, takeovers, the hotline's register, calls and orientations, retex records,
 * reinforcements), bulk-inserted through JDBC over the last two years and every service of the
 * organisation, as the processes would have left them after years of use. The values follow the
 * records' states and enums; the process instance ids point at nothing (the dashboard does not
 * read them). {@code scale} is the number of initiatives; the other tables are sized from it
 * (calls 5×, register 1×, assignments ¼…).
 */
final class ApplicationTables {

  private static final int BATCH = 1_000;
  private static final int DAYS = 730;

  private final JdbcTemplate jdbc;
  private final Random random = new Random(42);
  private final LocalDateTime now = LocalDateTime.now();
  private final List<String> services;
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  ApplicationTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.services = jdbc.queryForList("SELECT id FROM org_service ORDER BY id", String.class);
  }

  /** Inserts the rows; returns the number of rows per table. */
  Map<String, Integer> seed(int scale) {
    List<String> agents = agents(Math.max(100, scale / 7));
    initiativesAndRelays(scale, agents);
    takeovers(Math.max(10, scale / 40), agents);
    hotline(Math.max(100, scale), agents);
    retex(Math.max(5, scale / 100), agents);
    mobility(Math.max(20, scale / 4), agents);
    return counts;
  }

  private List<String> agents(int n) {
    List<String> ids = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "bench-agent-" + i;
      ids.add(id);
      rows.add(new Object[] {id, service(), "Agent"});
    }
    insert("org_agent", "INSERT INTO org_agent (user_id, service_id, job_title) VALUES (?, ?, ?)", rows);
    return ids;
  }

  private void initiativesAndRelays(int n, List<String> agents) {
    String[] statuses = {"DECLARED", "IN_PROGRESS", "REPORTED", "RELAYED", "ADOPTED", "NOT_ADOPTED", "OPPOSED", "CLOSED"};
    String[] opposition = {"EXPLICIT", "TACIT", "OPPOSED"};
    String[] support = {"COACHING", "PROTOTYPE_BUDGET", "NONE"};
    List<Object[]> initiatives = new ArrayList<>();
    List<String> relayable = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      LocalDateTime declared = past();
      String status = pick(statuses);
      boolean ended = !status.equals("DECLARED") && !status.equals("IN_PROGRESS");
      int days = 1 + random.nextInt(10);
      initiatives.add(new Object[] {id, pid(), pick(agents), service(), "Initiative " + i, days, random.nextInt(3),
          ended ? days : null, Date.valueOf(declared.toLocalDate().plusDays(3)), declared.getYear(),
          status.equals("OPPOSED") ? "OPPOSED" : pick(opposition), pick(support), status, ts(declared),
          ts(declared.plusDays(3)), Date.valueOf(declared.toLocalDate().plusDays(30)),
          ended ? ts(declared.plusDays(40)) : null});
      if (status.equals("RELAYED") || status.equals("ADOPTED") || status.equals("NOT_ADOPTED")) {
        relayable.add(id);
      }
    }
    insert("initiative", """
        INSERT INTO initiative (id, process_instance_id, initiator, service_id, title, requested_days, extra_days,
          days_used, planned_start, quota_year, non_opposition, support, status, declared_at, go_ahead_at, report_due,
          ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", initiatives);

    String[] relayStatuses = {"IN_PROGRESS", "ADOPTED", "NOT_ADOPTED"};
    List<Object[]> relays = new ArrayList<>();
    List<Object[]> checkpoints = new ArrayList<>();
    List<Object[]> adopted = new ArrayList<>();
    for (String initiative : relayable) {
      String id = UUID.randomUUID().toString();
      LocalDateTime started = past();
      String status = pick(relayStatuses);
      String department = service();
      String carrier = pick(agents);
      relays.add(new Object[] {id, pid(), initiative, "Relay of " + initiative, status, department, carrier,
          Date.valueOf(started.toLocalDate().plusDays(90)), random.nextInt(2), ts(started),
          status.equals("IN_PROGRESS") ? null : ts(started.plusDays(60 + random.nextInt(60)))});
      for (int c = 0; c < 3; c++) {
        checkpoints.add(new Object[] {UUID.randomUUID().toString(), id, 1 + random.nextInt(5), random.nextBoolean(),
            ts(started.plusDays(20L * (c + 1)))});
      }
      if (status.equals("ADOPTED")) {
        adopted.add(new Object[] {UUID.randomUUID().toString(), id, initiative, "Practice " + id, "Description",
            department, carrier, "Summary", ts(started.plusDays(100))});
      }
    }
    insert("relay", """
        INSERT INTO relay (id, process_instance_id, initiative_id, title, status, carrier_department, carrier_user_id,
          relay_deadline, declines, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", relays);
    insert("relay_checkpoint", """
        INSERT INTO relay_checkpoint (id, relay_id, department_involvement, initiators_involved, recorded_at)
        VALUES (?, ?, ?, ?, ?)""", checkpoints);
    insert("adopted_practice", """
        INSERT INTO adopted_practice (id, relay_id, initiative_id, title, description, department_id, carrier_user_id,
          summary, adopted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", adopted);
  }

  private void takeovers(int n, List<String> agents) {
    String[] statuses = {"REPORTED", "NOT_TRIGGERED", "PENDING_DECISION", "REJECTED", "APPROVED", "ACTIVE",
        "HANDED_BACK", "TRANSFERRED", "ACTION_ENDED"};
    List<Object[]> plans = new ArrayList<>();
    List<Object[]> staff = new ArrayList<>();
    List<Object[]> reviews = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString().replace("-", "");
      LocalDateTime reported = past();
      String status = pick(statuses);
      int duration = 14 + random.nextInt(60);
      LocalDate start = reported.toLocalDate().plusDays(2);
      plans.add(new Object[] {id, pid(), "Partner " + i, "Food aid", "FOOD_AID", 50 + random.nextInt(500), "VOLUNTEERS",
          random.nextBoolean() ? "HIGH" : "MEDIUM", true, 90, "Premises and staff", duration, Date.valueOf(start),
          Date.valueOf(start.plusDays(duration)), false, "Resources", "Premises", "Criteria", "Letter", status, null,
          ts(reported), ts(reported.plusDays(1)), status.equals("HANDED_BACK") ? ts(reported.plusDays(duration)) : null});
      for (int a = 0; a < 4; a++) {
        staff.add(new Object[] {id, agents.get((i * 4 + a) % agents.size()), service(), ts(reported.plusDays(2)),
            random.nextBoolean() ? ts(reported.plusDays(duration)) : null});
      }
      for (int r = 0; r < 6; r++) {
        reviews.add(new Object[] {UUID.randomUUID().toString(), id, 40 + random.nextInt(400), r == 5,
            ts(reported.plusDays(7L * (r + 1)))});
      }
    }
    insert("takeover_plan", """
        INSERT INTO takeover_plan (id, process_instance_id, partner_name, action_name, action_category,
          beneficiaries_count, failure_cause, urgency, eligible, max_duration_days, support_modalities, duration_days,
          start_date, end_date, extended, resources, premises, hand_back_criteria, liability_letter, status,
          outcome_reason, reported_at, approved_at, ended_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", plans);
    insert("takeover_agent", """
        INSERT INTO takeover_agent (plan_id, user_id, service_id, assigned_at, returned_at) VALUES (?, ?, ?, ?, ?)""",
        staff);
    insert("takeover_review", """
        INSERT INTO takeover_review (id, plan_id, beneficiaries_served, partner_can_resume, recorded_at)
        VALUES (?, ?, ?, ?, ?)""", reviews);
  }

  private void hotline(int persons, List<String> agents) {
    List<Object[]> register = new ArrayList<>();
    List<String> people = new ArrayList<>();
    for (int i = 0; i < persons; i++) {
      String id = UUID.randomUUID().toString();
      people.add(id);
      register.add(new Object[] {id, "First", "Last", "0600000000", "Area " + (i % 40), i % 2 == 0 ? "75_PLUS" : "60_74",
          i % 3 == 0 ? "HIGH" : "LOW", Date.valueOf(LocalDate.now().minusYears(1)), "bench-register", ts(past())});
    }
    insert("registered_person", """
        INSERT INTO registered_person (id, first_name, last_name, phone, area, age_band, complexity, consent_date,
          source_register, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", register);

    int campaigns = 8;
    List<Object[]> campaignRows = new ArrayList<>();
    List<Object[]> members = new ArrayList<>();
    List<Object[]> calls = new ArrayList<>();
    List<Object[]> orientations = new ArrayList<>();
    String[] orientationStatuses = {"OPEN", "ROUTED", "HANDLED", "HANDLED", "HANDLED"};
    for (int c = 0; c < campaigns; c++) {
      String campaign = UUID.randomUUID().toString();
      LocalDateTime started = now.minusDays((long) DAYS * c / campaigns + 1);
      boolean closed = c > 0;
      campaignRows.add(new Object[] {campaign, pid(), "Campaign " + c, 7, Date.valueOf(started.toLocalDate().plusDays(90)),
          "bench-register", "ALL", "ALL", persons / 2, closed ? "CLOSED" : "RUNNING", pick(agents), ts(started),
          closed ? ts(started.plusDays(90)) : null});
      for (int p = c % 2; p < persons; p += 2) {
        String person = people.get(p);
        members.add(new Object[] {campaign, person, pid(), ts(started)});
        // about 2.5 calls per member and campaign, over its first 80 days; one orientation for every 10th member
        int attempts = 2 + (p % 2 == 0 ? 1 : 0);
        for (int a = 1; a <= attempts; a++) {
          boolean reached = a == attempts || random.nextInt(3) == 0;
          calls.add(new Object[] {UUID.randomUUID().toString(), campaign, person, pick(agents),
              ts(started.plusDays(7L * a + p % 60).plusMinutes(p % 600)), a, reached, reached ? (p % 7 == 0 ? "FRAGILE" : "WELL") : null,
              reached && p % 10 == 0, reached && p % 97 == 0, false});
        }
        if (p % 10 == 0) {
          String status = orientationStatuses[p % orientationStatuses.length];
          LocalDateTime created = started.plusDays(8);
          orientations.add(new Object[] {UUID.randomUUID().toString(), campaign, person, "Shopping, isolation",
              p % 97 == 0, "SOCIAL", status.equals("OPEN") ? null : "SOCIAL", status, random.nextInt(2), ts(created),
              status.equals("OPEN") ? null : ts(created.plusDays(1)), status.equals("HANDLED") ? ts(created.plusDays(5)) : null});
        }
      }
    }
    insert("hotline_campaign", """
        INSERT INTO hotline_campaign (id, process_instance_id, name, call_interval_days, campaign_end, source_register,
          complexity, age_band, total, status, coordinator, started_at, closed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", campaignRows);
    insert("campaign_member", """
        INSERT INTO campaign_member (campaign_id, person_id, process_instance_id, started_at) VALUES (?, ?, ?, ?)""", members);
    insert("call_log", """
        INSERT INTO call_log (id, campaign_id, person_id, caller, called_at, attempt, reached, wellbeing,
          difficulty_detected, urgent, wishes_to_stop) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", calls);
    insert("orientation_request", """
        INSERT INTO orientation_request (id, campaign_id, person_id, needs, urgent, proposed_service, target_service,
          status, reminders, created_at, routed_at, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orientations);
  }

  private void retex(int n, List<String> agents) {
    String[] statuses = {"COLLECTING", "WORKSHOP", "ACTIONS", "PUBLISHED", "FOLLOWED_UP", "FOLLOWED_UP"};
    String[] actionStatuses = {"OPEN", "DONE", "IN_PROGRESS", "ABANDONED"};
    List<Object[]> retexes = new ArrayList<>();
    List<Object[]> lessons = new ArrayList<>();
    List<Object[]> dissents = new ArrayList<>();
    List<Object[]> actions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      LocalDateTime launched = past();
      retexes.add(new Object[] {id, pid(), "Retex " + i, "Phase " + i, "Scope", i % 3 == 0, 40, 25 + random.nextInt(15),
          Date.valueOf(launched.toLocalDate().plusDays(10)), "Changes", "Stays", "Next", pick(statuses), ts(launched),
          ts(launched.plusDays(30)), null});
      for (int l = 0; l < 5; l++) {
        lessons.add(new Object[] {UUID.randomUUID().toString(), id, l, "Lesson " + l, "Description"});
      }
      for (int d = 0; d < 3; d++) {
        dissents.add(new Object[] {UUID.randomUUID().toString(), id, d, "Dissent " + d, "Acknowledged at the workshop"});
      }
      for (int a = 0; a < 10; a++) {
        actions.add(new Object[] {UUID.randomUUID().toString(), id, "Lesson " + (a % 5), pick(agents), "Action " + a,
            Date.valueOf(launched.toLocalDate().plusDays(60 + random.nextInt(120))), "Plan item", pick(actionStatuses),
            null, ts(launched.plusDays(30)), null});
      }
    }
    insert("retex", """
        INSERT INTO retex (id, process_instance_id, title, crisis_phase, scope, anonymous, participant_count,
          testimony_count, testimony_deadline, what_changes, what_stays, next_stage, status, launched_at, published_at,
          reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", retexes);
    insert("retex_lesson", "INSERT INTO retex_lesson (id, retex_id, position, title, description) VALUES (?, ?, ?, ?, ?)",
        lessons);
    insert("retex_dissent", "INSERT INTO retex_dissent (id, retex_id, position, dissent, answer) VALUES (?, ?, ?, ?, ?)",
        dissents);
    insert("retex_action", """
        INSERT INTO retex_action (id, retex_id, lesson_title, owner, action, due_date, plan_item, status, reason,
          created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", actions);
  }

  private void mobility(int n, List<String> agents) {
    String[] statuses = {"PROPOSED", "DECLINED", "REFUSED", "ON_MISSION", "RETURNED", "RETURNED"};
    List<Object[]> volunteers = new ArrayList<>();
    for (int i = 0; i < agents.size(); i += 3) {
      volunteers.add(new Object[] {agents.get(i), "logistics,reception", "FOOD_AID,RECEPTION", i % 2 == 0, 10,
          ts(past()), null});
    }
    insert("volunteer", """
        INSERT INTO volunteer (user_id, skills, mission_kinds, no_weekends, volunteer_days, registered_at, withdrawn_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", volunteers);
    List<Object[]> requests = new ArrayList<>();
    List<Object[]> assignments = new ArrayList<>();
    for (int i = 0; i < Math.max(1, n / 3); i++) {
      String id = UUID.randomUUID().toString();
      LocalDateTime requested = past();
      LocalDate start = requested.toLocalDate().plusDays(7);
      String receiving = service();
      requests.add(new Object[] {id, pid(), pick(agents), "Mission " + i, receiving, "logistics",
          Date.valueOf(start), Date.valueOf(start.plusDays(14)), 3, false, pick(agents), ts(requested)});
      for (int a = 0; a < 3; a++) {
        String status = pick(statuses);
        boolean returned = status.equals("RETURNED");
        assignments.add(new Object[] {UUID.randomUUID().toString(), id, volunteers.get((i * 3 + a) % volunteers.size())[0],
            service(), receiving, 10, Date.valueOf(start), Date.valueOf(start.plusDays(14)), status, null,
            returned ? Boolean.TRUE : null, returned ? ts(requested.plusDays(21)) : null, returned ? random.nextInt(5) == 0 : null,
            returned ? "Skills" : null, returned ? Boolean.TRUE : null, ts(requested.plusDays(1))});
      }
    }
    insert("reinforcement_request", """
        INSERT INTO reinforcement_request (id, process_instance_id, requester, mission, receiving_service, skills,
          start_date, end_date, agents_needed, weekend_work, tutor, requested_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", requests);
    insert("mission_assignment", """
        INSERT INTO mission_assignment (id, request_id, user_id, home_service, receiving_service, mission_days,
          start_date, end_date, status, refusal_reason, constraints_respected, returned_at, returned_early,
          skills_gained, would_do_again, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        assignments);
  }

  private void insert(String table, String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
    counts.merge(table, rows.size(), Integer::sum);
  }

  private LocalDateTime past() {
    return now.minusDays(random.nextInt(DAYS)).minusMinutes(random.nextInt(1440));
  }

  private String service() {
    return services.get(random.nextInt(services.size()));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String pid() {
    return UUID.randomUUID().toString();
  }

  private static Timestamp ts(LocalDateTime time) {
    return Timestamp.valueOf(time);
  }
}
