package fr.reflexespublics.takeover;

/** Backing class of {@code processes/partner-takeover-plan.bpmn} and its DMN. */
public final class TakeoverProcess {

  public static final String KEY = "partner-takeover-plan";
  public static final String DECISION_TRIGGER = "takeover-trigger";
  public static final String DECISION_MODALITIES = "takeover-support-modalities";
  public static final String MESSAGE_PARTNER_READY = "PartnerReadyToResume";

  // forms
  public static final String FORM_FAILURE_REPORT = "partner-failure-report";
  public static final String FORM_DECISION = "takeover-decision";
  public static final String FORM_PLAN = "takeover-plan";
  public static final String FORM_WEEKLY_REVIEW = "takeover-weekly-review";
  public static final String FORM_TIME_LIMIT_REVIEW = "takeover-time-limit-review";
  public static final String FORM_HAND_BACK = "takeover-hand-back";

  // elements
  public static final String START = "StartEvent_FailureReported";
  public static final String TASK_CHECK_TRIGGER_CONDITIONS = "Task_CheckTriggerConditions";
  public static final String TASK_NOTIFY_NOT_TRIGGERED = "Task_NotifyNotTriggered";
  public static final String TASK_DETERMINE_SUPPORT_MODALITIES = "Task_DetermineSupportModalities";
  public static final String TASK_DECIDE_TAKEOVER = "Task_DecideTakeover";
  public static final String TASK_NOTIFY_REJECTION = "Task_NotifyRejection";
  public static final String TASK_PREPARE_TAKEOVER_PLAN = "Task_PrepareTakeoverPlan";
  public static final String TASK_NOTIFY_PLAN = "Task_NotifyPlan";
  public static final String SUBPROCESS_OPERATION = "SubProcess_Operation";
  public static final String EVENT_PARTNER_READY = "Event_PartnerReadyToResume";
  public static final String START_REVIEW_DUE = "StartEvent_ReviewDue";
  public static final String TASK_WEEKLY_REVIEW = "Task_WeeklyReview";
  public static final String BOUNDARY_PARTNER_CAN_RESUME = "Escalation_PartnerCanResume";
  public static final String TIMER_PLAN_END_DATE = "Timer_PlanEndDate";
  public static final String TASK_TIME_LIMIT_REVIEW = "Task_TimeLimitReview";
  public static final String TASK_NOTIFY_TAKEOVER_END = "Task_NotifyTakeoverEnd";
  public static final String TASK_HAND_BACK_MEETING = "Task_HandBackMeeting";
  public static final String TASK_NOTIFY_AGENTS_RETURN = "Task_NotifyAgentsReturn";
  public static final String TASK_START_RETEX = "Task_StartRetex";
  public static final String END_NOT_TRIGGERED = "EndEvent_NotTriggered";
  public static final String END_REJECTED = "EndEvent_Rejected";
  public static final String END_HANDED_BACK = "EndEvent_HandedBack";
  public static final String END_TRANSFERRED = "EndEvent_Transferred";
  public static final String END_ACTION_ENDED = "EndEvent_ActionEnded";

  // mail templates
  public static final String MAIL_NOT_TRIGGERED = "takeover-not-triggered";
  public static final String MAIL_REJECTED = "takeover-rejected";
  public static final String MAIL_PLAN = "takeover-plan";
  public static final String MAIL_ENDED = "takeover-ended";
  public static final String MAIL_HANDED_BACK = "takeover-handed-back";
  public static final String LETTER_LIABILITY = "takeover-liability-letter.txt";

  // start form (REST contract)
  public static final String PARTNER_NAME = "partnerName";
  public static final String PARTNER_EMAIL = "partnerEmail";
  public static final String ACTION_NAME = "actionName";
  public static final String ACTION_CATEGORY = "actionCategory";
  public static final String BENEFICIARIES_COUNT = "beneficiariesCount";
  public static final String FAILURE_CAUSE = "failureCause";
  public static final String PARTNER_CONSENTS = "partnerConsents";
  public static final String URGENCY = "urgency";
  // set by the server
  public static final String REPORTER = "reporter";
  public static final String PLAN_ID = "planId";
  public static final String TRIGGER_RESULT = "triggerResult";
  public static final String SUPPORT_MODALITY_LIST = "supportModalityList";
  public static final String PLAN_END_AT = "planEndAt";
  public static final String PLAN_END_DATE = "planEndDate";
  public static final String AGENT_RECIPIENTS = "agentRecipients";
  public static final String LIABILITY_LETTER = "liabilityLetter";
  public static final String EXTENDED = "extended";
  // DMN outputs
  public static final String TAKEOVER_ELIGIBLE = "takeoverEligible";
  public static final String SUPPORT_MODALITIES = "supportModalities";
  public static final String MAX_DURATION_DAYS = "maxDurationDays";
  public static final String NOT_TRIGGERED_REASON = "notTriggeredReason";
  // Task_DecideTakeover
  public static final String DIRECTOR_DECISION = "directorDecision";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String DURATION_DAYS = "durationDays";
  // Task_PrepareTakeoverPlan
  public static final String ASSIGNED_AGENTS = "assignedAgents";
  public static final String START_DATE = "startDate";
  public static final String RESOURCES = "resources";
  public static final String PREMISES = "premises";
  public static final String HAND_BACK_CRITERIA = "handBackCriteria";
  // Task_WeeklyReview
  public static final String BENEFICIARIES_SERVED = "beneficiariesServed";
  public static final String INCIDENTS = "incidents";
  public static final String PARTNER_CAN_RESUME = "partnerCanResume";
  // Task_TimeLimitReview
  public static final String TIME_LIMIT_DECISION = "timeLimitDecision";
  public static final String EXTENSION_DAYS = "extensionDays";
  public static final String NEW_PARTNER_NAME = "newPartnerName";
  public static final String REASON = "reason";
  // Task_HandBackMeeting
  public static final String CHECKLIST_COMPLETE = "checklistComplete";
  public static final String NOTES = "notes";

  /** Support modalities of the framework. */
  public enum Modality { MATERIAL_ASSISTANCE, AGENT_PROVISION, PREMISES, LIABILITY_COVERAGE, FULL_TAKEOVER }

  /** Values of {@value #DIRECTOR_DECISION}. */
  public enum DirectorDecision { APPROVE, REJECT }

  /** Values of {@value #TIME_LIMIT_DECISION}. */
  public enum TimeLimitDecision { HAND_BACK, EXTEND, TRANSFER, END_ACTION }

  /** Status of a plan record. */
  public enum Status { REPORTED, NOT_TRIGGERED, PENDING_DECISION, REJECTED, APPROVED, ACTIVE, HANDED_BACK, TRANSFERRED, ACTION_ENDED }

  private TakeoverProcess() {}
}
