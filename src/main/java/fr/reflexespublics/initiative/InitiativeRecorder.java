package fr.reflexespublics.initiative;

import static fr.reflexespublics.initiative.InitiativeProcess.*;

import fr.reflexespublics.initiative.InitiativeProcess.Decision;
import fr.reflexespublics.initiative.InitiativeProcess.NonOpposition;
import fr.reflexespublics.initiative.InitiativeProcess.Status;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The listeners of the initiative process ({@code ${initiativeRecorder.xxx(...)}} in the BPMN):
 * each maps process variables to one call of {@link InitiativeService} and sets the variables
 * that steer the flow. They run in the transaction of the step they belong to.
 */
@Component("initiativeRecorder")
public class InitiativeRecorder {

  /** Reports are due at the end of the working day. */
  private static final int END_OF_DAY_HOUR = 18;

  private final InitiativeService initiatives;
  private final OrganisationService organisation;
  private final InitiativeSettings settings;
  private final ZoneId zone;

  public InitiativeRecorder(InitiativeService initiatives, OrganisationService organisation,
      InitiativeSettings settings, ZoneId zone) {
    this.initiatives = initiatives;
    this.organisation = organisation;
    this.settings = settings;
    this.zone = zone;
  }

  /** Start event: the initiative record, the reviewer (the initiator's manager), the periods. */
  public void declared(DelegateExecution execution) {
    String initiator = (String) execution.getVariable(INITIATOR);
    String id = initiatives.declare(execution.getProcessInstanceId(), initiator,
        (String) execution.getVariable(TITLE), (Integer) execution.getVariable(REQUESTED_DAYS),
        LocalDate.parse((String) execution.getVariable(PLANNED_START)));
    execution.setVariable(INITIATIVE_ID, id);
    execution.setVariable(REVIEWER, organisation.managerOf(initiator).orElseThrow());
  }

  /**
   * The manager's period to oppose ({@code reflexes.initiative.non-opposition-period}), read by
   * the review's timer when the review opens: the timer keeps it for that initiative, and the
   * configuration is not copied into each instance.
   */
  public String nonOppositionPeriod() {
    return settings.nonOppositionPeriod();
  }

  /** The manager answered; an opposition's reason is recorded (and stays a variable for the mail). */
  public void reviewed(DelegateTask task) {
    NonOpposition kind = Decision.OPPOSITION.name().equals(task.getVariable(DECISION))
        ? NonOpposition.OPPOSED : NonOpposition.EXPLICIT;
    initiatives.recordNonOpposition((String) task.getVariable(INITIATIVE_ID), kind,
        (String) task.getVariable(OPPOSITION_REASON));
    task.setVariable(NON_OPPOSITION, kind.name());
  }

  /** The manager stayed silent for the whole period: consent. */
  public void tacitNonOpposition(DelegateExecution execution) {
    initiatives.recordNonOpposition((String) execution.getVariable(INITIATIVE_ID), NonOpposition.TACIT, null);
    execution.setVariable(NON_OPPOSITION, NonOpposition.TACIT.name());
  }

  /** The consultation: constraints and notes (transient, optional) live only in the record. */
  public void consulted(DelegateTask task) {
    initiatives.recordConsultation((String) task.getVariable(INITIATIVE_ID), (String) task.getVariable(SUPPORT),
        (String) task.getVariable(CONSTRAINTS), (String) task.getVariable(NOTES));
  }

  /** Both reviews are in: the initiator may go ahead; the report is due at the end of the days. */
  public void goAhead(DelegateExecution execution) {
    LocalDate start = LocalDate.parse((String) execution.getVariable(PLANNED_START));
    LocalDate due = start.plusDays((Integer) execution.getVariable(REQUESTED_DAYS));
    initiatives.goAhead((String) execution.getVariable(INITIATIVE_ID), due);
    setReportDue(execution, due);
  }

  /**
   * The report, recorded (the latest one after an extension); its fields stay variables as well: the
   * assessment shows them, and the report after an extension opens with what the first one said.
   * A handover left out is no.
   */
  public void reported(DelegateTask task) {
    initiatives.recordReport((String) task.getVariable(INITIATIVE_ID), (Integer) task.getVariable(DAYS_USED),
        (String) task.getVariable(OUTCOME), (String) task.getVariable(EVIDENCE),
        Boolean.TRUE.equals(task.getVariable(WANTS_HANDOVER)));
  }

  /**
   * The innovation unit assessed: a closing records the lessons learned (transient, only in the
   * record); an extension gives more days and a new due date.
   */
  public void assessed(DelegateTask task) {
    Object assessment = task.getVariable(ASSESSMENT);
    if (Assessment.CLOSE.name().equals(assessment)) {
      initiatives.recordLessonsLearned((String) task.getVariable(INITIATIVE_ID),
          (String) task.getVariable(LESSONS_LEARNED));
      return;
    }
    if (!Assessment.EXTEND.name().equals(assessment)) {
      return;
    }
    int extra = (Integer) task.getVariable(EXTRA_DAYS);
    LocalDate previous = LocalDate.ofInstant(((Date) task.getVariable(REPORT_DUE)).toInstant(), zone);
    LocalDate today = Clocks.today(zone);
    LocalDate due = (previous.isAfter(today) ? previous : today).plusDays(extra);
    initiatives.extend((String) task.getVariable(INITIATIVE_ID), extra, due);
    task.setVariable(EXTENSIONS, task.getVariable(EXTENSIONS) instanceof Integer n ? n + 1 : 1);
    setReportDue(task.getExecution(), due);
  }

  /** End events: the final status of the record. */
  public void ended(DelegateExecution execution, String status) {
    Status end = Status.valueOf(status);
    if (end == Status.RELAYED) {
      end = Boolean.TRUE.equals(execution.getVariable(ADOPTED)) ? Status.ADOPTED : Status.NOT_ADOPTED;
    }
    initiatives.end((String) execution.getVariable(INITIATIVE_ID), end);
  }

  private void setReportDue(DelegateExecution execution, LocalDate due) {
    execution.setVariable(REPORT_DUE, Clocks.at(due, END_OF_DAY_HOUR, zone));
    execution.setVariable(REPORT_REMINDER_AT, Clocks.reminder(due, END_OF_DAY_HOUR, zone, settings.reportReminderBefore()));
  }
}
