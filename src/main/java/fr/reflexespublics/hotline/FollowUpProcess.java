package fr.reflexespublics.hotline;

/** Backing class of {@code processes/reverse-hotline-follow-up.bpmn} and its DMN tables. */
public final class FollowUpProcess {

  public static final String KEY = "reverse-hotline-follow-up";
  public static final String DECISION_CALL_ASSIGNMENT = "call-assignment";
  public static final String DECISION_ORIENTATION_ROUTING = "orientation-routing";
  public static final String MESSAGE_CAMPAIGN_CLOSED = "CampaignClosed";

  // forms
  public static final String FORM_CALL = "hotline-call";
  public static final String FORM_HOME_VISIT = "hotline-home-visit";
  public static final String FORM_ORIENT = "hotline-orient-request";
  public static final String FORM_CONFIRM_HANDLED = "hotline-confirm-handled";
  public static final String FORM_URGENT = "hotline-urgent-escalation";

  // elements
  public static final String START = "StartEvent_FollowUpStarted";
  public static final String SUBPROCESS_CALLS = "SubProcess_Calls";
  public static final String TASK_ASSIGN_CALLER = "Task_AssignCaller";
  public static final String TASK_CALL_PERSON = "Task_CallPerson";
  public static final String TIMER_RETRY_DELAY = "Timer_RetryDelay";
  public static final String TASK_HOME_VISIT = "Task_HomeVisit";
  public static final String TIMER_NEXT_CALL = "Timer_NextCall";
  public static final String EVENT_DIFFICULTY = "Event_DifficultyDetected";
  public static final String EVENT_URGENT = "Event_UrgentSituation";
  public static final String BOUNDARY_CAMPAIGN_CLOSED = "Message_CampaignClosed";
  public static final String BOUNDARY_DIFFICULTY = "Escalation_Difficulty";
  public static final String BOUNDARY_URGENT = "Escalation_Urgent";
  public static final String TASK_ROUTE_ORIENTATION = "Task_ProposeService";
  public static final String TASK_ORIENT_REQUEST = "Task_OrientRequest";
  public static final String TASK_NOTIFY_SERVICE = "Task_NotifyService";
  public static final String TASK_CONFIRM_HANDLED = "Task_ConfirmHandled";
  public static final String TIMER_ORIENTATION_FOLLOW_UP = "Timer_OrientationFollowUp";
  public static final String TASK_REMIND_ORIENTATION = "Task_RemindOrientation";
  public static final String TASK_NOTIFY_ON_CALL = "Task_NotifyOnCall";
  public static final String TASK_URGENT_ESCALATION = "Task_UrgentEscalation";
  public static final String TIMER_URGENT = "Timer_UrgentReminder";
  public static final String TASK_REMIND_ON_CALL = "Task_RemindOnCall";
  public static final String END_OPTED_OUT = "EndEvent_OptedOut";
  public static final String END_CAMPAIGN_CLOSED = "EndEvent_CampaignClosed";
  public static final String END_ORIENTATION_CLOSED = "EndEvent_OrientationClosed";
  public static final String END_URGENCY_HANDLED = "EndEvent_UrgencyHandled";

  // mail templates
  public static final String MAIL_SERVICE = "hotline-orientation";
  public static final String MAIL_ORIENTATION_REMINDER = "hotline-orientation-reminder";
  public static final String MAIL_ON_CALL = "hotline-urgent";

  // set at start (the person id is also the business key; the three person* values are what a
  // caller needs on screen and are erased with the person). The campaign's policy (call interval,
  // retry delay, attempts, reminders, proximity group, on-call address) is not a variable: the
  // process reads it by campaign id (${followUpPolicy.xxx(execution)}, see FollowUpPolicy).
  public static final String CAMPAIGN_ID = CampaignProcess.CAMPAIGN_ID;
  public static final String PERSON_ID = "personId";
  public static final String PERSON_FIRST_NAME = "personFirstName";
  public static final String PERSON_PHONE = "personPhone";
  public static final String PERSON_AREA = "personArea";
  public static final String COMPLEXITY = "complexity";
  public static final String ATTEMPT = "attempt";
  public static final String LAST_WELLBEING = "lastWellbeing";
  // Task_AssignCaller (DMN output); Task_CallPerson's candidates follow from it (CallCandidates)
  public static final String REQUIRED_EXPERIENCE = "requiredExperience";
  // Task_CallPerson (REST contract)
  public static final String REACHED = "reached";
  public static final String WELLBEING = "wellbeing";
  public static final String NEEDS = "needs";
  public static final String DIFFICULTY_DETECTED = "difficultyDetected";
  public static final String DIFFICULTY_DESCRIPTION = "difficultyDescription";
  public static final String URGENT = "urgent";
  public static final String WISHES_TO_STOP = "wishesToStop";
  // orientation branch (local to the branch)
  public static final String ORIENTATION_ID = "orientationId";
  public static final String ORIENTATION_NEEDS = "orientationNeeds";
  public static final String ORIENTATION_DESCRIPTION = "orientationDescription";
  public static final String PROPOSED_SERVICE = "proposedService";
  public static final String SERVICE_ADDRESS = "serviceAddress";
  // Task_OrientRequest, Task_ConfirmHandled
  public static final String TARGET_SERVICE = "targetService";
  public static final String ORIENTATION_NOTE = "orientationNote";
  public static final String HANDLED = "handled";
  public static final String HANDLING_OUTCOME = "handlingOutcome";
  // Task_HomeVisit, Task_UrgentEscalation
  public static final String VISIT_OUTCOME = "visitOutcome";
  public static final String ESCALATION_OUTCOME = "escalationOutcome";

  /** Values of {@value #WELLBEING}. */
  public enum Wellbeing { GOOD, FRAGILE, BAD }

  /** Values of {@value #NEEDS}. */
  public enum Need { FOOD, MEDICATION, ISOLATION, HEALTH, HOUSING, ADMIN_HELP, NONE }

  /** Values of {@value #REQUIRED_EXPERIENCE}. */
  public enum Experience { ANY, EXPERIENCED }

  /** Status of an orientation record. */
  public enum OrientationStatus { OPEN, ROUTED, HANDLED }

  private FollowUpProcess() {}
}
