package fr.reflexespublics.mobility;

import static fr.reflexespublics.mobility.MobilityProcess.*;

import fr.reflexespublics.mobility.MobilityProcess.Status;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.platform.NameList;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The listeners of the micro-mobility process ({@code ${mobilityRecorder.xxx(...)}}): the request,
 * its shortlist, each assignment from proposal to return.
 */
@Component("mobilityRecorder")
public class MobilityRecorder {

  private static final int MID_DAY_HOUR = 12;
  private static final int END_OF_DAY_HOUR = 18;

  private final MobilityService mobility;
  private final VolunteerPool pool;
  private final OrganisationService organisation;
  private final ZoneId zone;

  public MobilityRecorder(MobilityService mobility, VolunteerPool pool, OrganisationService organisation, ZoneId zone) {
    this.mobility = mobility;
    this.pool = pool;
    this.organisation = organisation;
    this.zone = zone;
  }

  /** Start: the request record, HR's note on the shortlist, the mission's dates for the timers. */
  public void requested(DelegateExecution execution) {
    LocalDate start = LocalDate.parse((String) execution.getVariable(START_DATE));
    LocalDate end = LocalDate.parse((String) execution.getVariable(END_DATE));
    int needed = (Integer) execution.getVariable(AGENTS_NEEDED);
    boolean weekends = Boolean.TRUE.equals(execution.getVariable(WEEKEND_WORK));
    String service = (String) execution.getVariable(RECEIVING_SERVICE);
    String skills = (String) execution.getVariable(SKILLS);
    String id = mobility.request(execution.getProcessInstanceId(), (String) execution.getVariable(REQUESTER),
        (String) execution.getVariable(MISSION), service, skills, start, end, needed, weekends,
        (String) execution.getVariable(TUTOR_USER_ID));
    Matching.Need need = new Matching.Need(VolunteerPool.set(skills), start, end, weekends, service);
    List<Matching.Volunteer> shortlist = Matching.shortlist(pool.pool(start, end), need);
    execution.setVariable(REQUEST_ID, id);
    execution.setVariable(SHORTLIST_NOTE, note(shortlist, need, needed));
  }

  /** Halfway through the mission (noon), for the check-in timer: worked out from the mission's dates. */
  public Date midMissionAt(VariableScope scope) {
    LocalDate start = date(scope, START_DATE);
    long half = ChronoUnit.DAYS.between(start, date(scope, END_DATE)) / 2;
    return Clocks.at(start.plusDays(half), MID_DAY_HOUR, zone);
  }

  /** The mission's last day, at the end of the working day, for the end timer. */
  public Date missionEndAt(VariableScope scope) {
    return Clocks.at(date(scope, END_DATE), END_OF_DAY_HOUR, zone);
  }

  private static LocalDate date(VariableScope scope, String name) {
    return LocalDate.parse((String) scope.getVariable(name));
  }

  /** What HR reads above the shortlist: a clear answer when the pool cannot give enough agents. */
  static String note(List<Matching.Volunteer> shortlist, Matching.Need need, int needed) {
    StringBuilder note = new StringBuilder();
    if (shortlist.isEmpty()) {
      note.append("No volunteer of the pool can take this mission (skills, weekends, volunteer days or dates). "
          + "Complete without selecting anyone to close the request, or ask agents to join the pool.");
    } else if (shortlist.size() < needed) {
      note.append("Only ").append(shortlist.size()).append(" volunteer(s) of the pool can take this mission, for ")
          .append(needed).append(" requested.");
    } else {
      note.append(shortlist.size()).append(" volunteer(s) can take this mission; ").append(needed).append(" requested.");
    }
    note.append(" The mission needs ").append(need.missionDays()).append(" volunteer day(s).");
    for (Matching.Volunteer v : shortlist) {
      note.append("\n- ").append(v.userId()).append(": skills ").append(String.join(", ", v.skills()))
          .append("; ").append(v.remainingDays()).append(" day(s) left").append(v.noWeekends() ? "; no weekends" : "");
    }
    return note.toString();
  }

  /** HR picked the agents: one proposal each. */
  public void selected(DelegateTask task) {
    List<String> agents = VolunteerPool.list((String) task.getVariable(SELECTED_AGENTS));
    MobilityService.Request request = mobility.find((String) task.getVariable(REQUEST_ID));
    agents.forEach(agent -> mobility.propose(request, agent));
    task.setVariable(SELECTED_AGENT_LIST, new NameList(agents));
  }

  /** For each assignment (input of the multi-instance body): the agent's own manager. */
  public String managerOf(String agent) {
    return organisation.managerOf(agent).orElseThrow(() -> new IllegalStateException(
        "Agent " + agent + " has no manager in the organisation"));
  }

  public String assignmentOf(DelegateExecution execution, String agent) {
    return mobility.assignmentOf((String) execution.getVariable(REQUEST_ID), agent);
  }

  /** The manager answered: a refusal's reason is recorded now (the field is not kept as a variable). */
  public void released(DelegateTask task) {
    String reason = (String) task.getVariable(REFUSAL_REASON);
    if (reason != null) {
      mobility.refused((String) task.getVariable(ASSIGNMENT_ID), reason);
    }
  }

  /**
   * Both answers are in: on mission, declined, or refused by the manager. The reason is there only
   * for instances started before the release step recorded it (a stored variable then).
   */
  public void decided(DelegateExecution execution) {
    String id = (String) execution.getVariable(ASSIGNMENT_ID);
    String reason = (String) execution.getVariable(REFUSAL_REASON);
    if (!MissionAnswer.ACCEPT.name().equals(execution.getVariable(MISSION_ANSWER))) {
      mobility.decide(id, Status.DECLINED, reason);
    } else if (!Release.RELEASE.name().equals(execution.getVariable(RELEASE))) {
      mobility.decide(id, Status.REFUSED, reason);
    } else {
      mobility.decide(id, Status.ON_MISSION, null);
    }
  }

  public void checkedIn(DelegateTask task) {
    mobility.checkIn((String) task.getVariable(ASSIGNMENT_ID), Boolean.TRUE.equals(task.getVariable(GOING_WELL)),
        Boolean.TRUE.equals(task.getVariable(CONSTRAINTS_RESPECTED)), (String) task.getVariable(COMMENT));
  }

  public void returnPrepared(DelegateTask task) {
    mobility.returnPrepared((String) task.getVariable(ASSIGNMENT_ID), (String) task.getVariable(RETURN_NOTES));
  }

  public void returnedEarly(DelegateExecution execution) {
    execution.setVariable(RETURNED_EARLY, true);
  }

  public void returned(DelegateExecution execution) {
    mobility.returned((String) execution.getVariable(ASSIGNMENT_ID), Boolean.TRUE.equals(execution.getVariable(RETURNED_EARLY)));
  }

  public void debriefed(DelegateTask task) {
    mobility.debrief((String) task.getVariable(ASSIGNMENT_ID), (String) task.getVariable(SKILLS_GAINED),
        Boolean.TRUE.equals(task.getVariable(WOULD_DO_AGAIN)));
  }
}
