package fr.reflexespublics.relay;

/** Backing class of {@code processes/relay-porting.bpmn}: key, element ids, variables, values. */
public final class RelayProcess {

  public static final String KEY = "relay-porting";

  // forms
  public static final String FORM_LAUNCH = "relay-launch";
  public static final String FORM_IDENTIFY_CARRIER = "relay-identify-carrier";
  public static final String FORM_ACCEPT_OWNERSHIP = "relay-accept-ownership";
  public static final String FORM_ARBITRATION = "relay-arbitration";
  public static final String FORM_CHECKPOINT = "relay-checkpoint";
  public static final String FORM_CONFIRM_ADOPTION = "relay-confirm-adoption";

  // elements
  public static final String START = "StartEvent_RelayLaunched";
  public static final String TASK_IDENTIFY_FINAL_CARRIER = "Task_IdentifyFinalCarrier";
  public static final String TASK_ACCEPT_OWNERSHIP = "Task_AcceptOwnership";
  public static final String TASK_ARBITRATE_RELAY = "Task_ArbitrateRelay";
  public static final String SUBPROCESS_CO_PILOTING = "SubProcess_CoPiloting";
  public static final String TASK_CONFIRM_ADOPTION = "Task_ConfirmAdoption";
  public static final String START_CHECKPOINT_DUE = "StartEvent_CheckpointDue";
  public static final String TASK_RELAY_CHECKPOINT = "Task_RelayCheckpoint";
  public static final String TIMER_RELAY_DEADLINE = "Timer_RelayDeadline";
  public static final String TASK_THANK_INITIATORS = "Task_ThankInitiators";
  public static final String END_ADOPTED = "EndEvent_Adopted";
  public static final String END_NOT_ADOPTED = "EndEvent_NotAdopted";

  public static final String MAIL_THANKS = "relay-thanks";

  // start (REST contract; also passed by the initiative's call activity)
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String INITIATORS = "initiators";
  public static final String INITIATIVE_ID = "initiativeId";
  // set by the server
  public static final String RELAY_ID = "relayId";
  public static final String SERVICE_OPTIONS = "serviceOptions";
  /** Declines so far, set by each decline for the gateway that follows it. */
  public static final String DECLINES = "declines";
  // set only for relays of earlier deployments, whose timer and mail read them
  public static final String RELAY_DEADLINE_AT = "relayDeadlineAt";
  public static final String THANKS_RECIPIENTS = "thanksRecipients";
  public static final String ADOPTED = "adopted";
  // Task_IdentifyFinalCarrier
  public static final String CARRIER_DEPARTMENT = "carrierDepartment";
  public static final String CARRIER_USER_ID = "carrierUserId";
  public static final String RELAY_PLAN = "relayPlan";
  public static final String RELAY_DEADLINE = "relayDeadline";
  // Task_AcceptOwnership
  public static final String OWNERSHIP = "ownership";
  public static final String DECLINE_REASON = "declineReason";
  // Task_RelayCheckpoint
  public static final String DEPARTMENT_INVOLVEMENT = "departmentInvolvement";
  public static final String INITIATORS_INVOLVED = "initiatorsInvolved";
  public static final String NOTES = "notes";
  // Task_ConfirmAdoption
  public static final String ADOPTION_SUMMARY = "adoptionSummary";
  // Task_ArbitrateRelay
  public static final String ARBITRATION = "arbitration";

  /** Values of {@value #OWNERSHIP}. */
  public enum Ownership { ACCEPT, DECLINE }

  /** Values of {@value #ARBITRATION}. */
  public enum Arbitration { DESIGNATE, CLOSE }

  /** Status of a relay record. */
  public enum Status { IN_PROGRESS, ADOPTED, NOT_ADOPTED }

  private RelayProcess() {}
}
