package fr.reflexespublics.initiative;

/**
 * Backing class of {@code processes/initiative-without-prior-permission.bpmn}: the process key,
 * element ids, variable names (the REST contract) and values, so that Java never repeats a string
 * the BPMN holds.
 */
public final class InitiativeProcess {

  public static final String KEY = "initiative-without-prior-permission";

  // forms
  public static final String FORM_DECLARATION = "initiative-declaration";
  public static final String FORM_REVIEW = "initiative-non-opposition-review";
  public static final String FORM_CONSULTATION = "initiative-consultation";
  public static final String FORM_REPORT = "initiative-report";
  public static final String FORM_ASSESSMENT = "initiative-assessment";

  // elements
  public static final String START = "StartEvent_InitiativeDeclared";
  public static final String TASK_REVIEW_NON_OPPOSITION = "Task_ReviewNonOpposition";
  public static final String TIMER_NON_OPPOSITION_PERIOD = "Timer_NonOppositionPeriod";
  public static final String TASK_INNOVATION_UNIT_CONSULTATION = "Task_InnovationUnitConsultation";
  public static final String GATEWAY_OPPOSED = "Gateway_Opposed";
  public static final String TASK_NOTIFY_OPPOSITION = "Task_NotifyOpposition";
  public static final String TASK_NOTIFY_GO_AHEAD = "Task_NotifyGoAhead";
  public static final String TASK_INFORM_MANAGER_AND_UNIT = "Task_InformManagerAndUnit";
  public static final String TASK_REPORT_ON_INITIATIVE = "Task_ReportOnInitiative";
  public static final String TIMER_REPORT_REMINDER = "Timer_ReportReminder";
  public static final String TASK_SEND_REPORT_REMINDER = "Task_SendReportReminder";
  public static final String TASK_ASSESS_INITIATIVE = "Task_AssessInitiative";
  public static final String CALL_RELAY_PORTING = "CallActivity_RelayPorting";
  public static final String END_OPPOSED = "EndEvent_InitiativeOpposed";
  public static final String END_RELAYED = "EndEvent_InitiativeRelayed";
  public static final String END_CLOSED = "EndEvent_InitiativeClosed";

  // mail templates
  public static final String MAIL_OPPOSED = "initiative-opposed";
  public static final String MAIL_GO_AHEAD = "initiative-go-ahead";
  public static final String MAIL_GO_AHEAD_INFO = "initiative-go-ahead-info";
  public static final String MAIL_REPORT_REMINDER = "initiative-report-reminder";

  // start form (REST contract)
  public static final String TITLE = "title";
  public static final String PUBLIC_INTEREST = "publicInterest";
  public static final String DESCRIPTION = "description";
  public static final String REQUESTED_DAYS = "requestedDays";
  public static final String PLANNED_START = "plannedStart";
  public static final String RESOURCES_NEEDED = "resourcesNeeded";
  public static final String PARTNERS = "partners";
  // set by the server
  public static final String INITIATOR = "initiator";
  public static final String INITIATIVE_ID = "initiativeId";
  public static final String REVIEWER = "reviewer";
  public static final String NON_OPPOSITION = "nonOpposition";
  public static final String REPORT_DUE = "reportDue";
  public static final String REPORT_REMINDER_AT = "reportReminderAt";
  public static final String EXTENSIONS = "extensions";
  public static final String ADOPTED = "adopted";
  // Task_ReviewNonOpposition
  public static final String DECISION = "decision";
  public static final String OPPOSITION_REASON = "oppositionReason";
  // Task_InnovationUnitConsultation
  public static final String SUPPORT = "support";
  public static final String CONSTRAINTS = "constraints";
  public static final String NOTES = "notes";
  // Task_ReportOnInitiative
  public static final String DAYS_USED = "daysUsed";
  public static final String OUTCOME = "outcome";
  public static final String EVIDENCE = "evidence";
  public static final String WANTS_HANDOVER = "wantsHandover";
  // Task_AssessInitiative
  public static final String ASSESSMENT = "assessment";
  public static final String EXTRA_DAYS = "extraDays";
  public static final String LESSONS_LEARNED = "lessonsLearned";

  /** Values of {@value #DECISION}. */
  public enum Decision { NO_OPPOSITION, OPPOSITION }

  /** Values of {@value #SUPPORT}. */
  public enum Support { COACHING, PROTOTYPE_BUDGET, NONE }

  /** Values of {@value #ASSESSMENT}. */
  public enum Assessment { RELAY, EXTEND, CLOSE }

  /** How the manager's non-opposition was obtained ({@value #NON_OPPOSITION}). */
  public enum NonOpposition { EXPLICIT, TACIT, OPPOSED }

  /** Status of an initiative record. */
  public enum Status { DECLARED, IN_PROGRESS, REPORTED, RELAYED, ADOPTED, NOT_ADOPTED, OPPOSED, CLOSED }

  private InitiativeProcess() {}
}
