package fr.reflexespublics.mobility;

/** Backing class of {@code processes/professional-micro-mobility.bpmn}. */
public final class MobilityProcess {

  public static final String KEY = "professional-micro-mobility";
  public static final String MESSAGE_EARLY_RETURN = "EarlyReturn";

  // forms
  public static final String FORM_REQUEST = "reinforcement-request";
  public static final String FORM_SELECT = "mobility-select-agents";
  public static final String FORM_ACCEPT = "mobility-accept-mission";
  public static final String FORM_RELEASE = "mobility-release-agent";
  public static final String FORM_CHECK_IN = "mobility-check-in";
  public static final String FORM_PREPARE_RETURN = "mobility-prepare-return";
  public static final String FORM_DEBRIEF = "mobility-debrief";

  // elements
  public static final String START = "StartEvent_ReinforcementRequested";
  public static final String TASK_SELECT_AGENTS = "Task_SelectAgents";
  public static final String SUBPROCESS_ASSIGNMENT = "SubProcess_Assignment";
  public static final String TASK_ACCEPT_MISSION = "Task_AcceptMission";
  public static final String TASK_RELEASE_AGENT = "Task_ReleaseAgent";
  public static final String TASK_NOTIFY_MISSION = "Task_NotifyMission";
  public static final String SUBPROCESS_MISSION = "SubProcess_Mission";
  public static final String TIMER_MID_MISSION = "Timer_MidMission";
  public static final String TASK_MID_MISSION_CHECK_IN = "Task_MidMissionCheckIn";
  public static final String TIMER_MISSION_END = "Timer_MissionEnd";
  public static final String BOUNDARY_EARLY_RETURN = "Message_EarlyReturn";
  public static final String TASK_PREPARE_RETURN = "Task_PrepareReturn";
  public static final String TASK_MISSION_DEBRIEF = "Task_MissionDebrief";
  public static final String END_RETURNED = "EndEvent_AgentReturned";
  public static final String END_NOT_REASSIGNED = "EndEvent_NotReassigned";
  public static final String END_REQUEST_CLOSED = "EndEvent_RequestClosed";

  public static final String MAIL_MISSION = "mobility-mission";

  // start form (REST contract)
  public static final String MISSION = "mission";
  public static final String RECEIVING_SERVICE = "receivingService";
  public static final String SKILLS = "skills";
  public static final String START_DATE = "startDate";
  public static final String END_DATE = "endDate";
  public static final String AGENTS_NEEDED = "agentsNeeded";
  public static final String WEEKEND_WORK = "weekendWork";
  public static final String TUTOR_USER_ID = "tutorUserId";
  // set by the server
  public static final String REQUESTER = "requester";
  public static final String REQUEST_ID = "requestId";
  public static final String SHORTLIST_NOTE = "shortlistNote";
  public static final String SELECTED_AGENT_LIST = "selectedAgentList";
  public static final String AGENT = "agent";
  public static final String AGENT_MANAGER = "agentManager";
  public static final String ASSIGNMENT_ID = "assignmentId";
  public static final String RETURNED_EARLY = "returnedEarly";
  // Task_SelectAgents
  public static final String SELECTED_AGENTS = "selectedAgents";
  // Task_AcceptMission, Task_ReleaseAgent
  public static final String MISSION_ANSWER = "missionAnswer";
  public static final String RELEASE = "release";
  public static final String REFUSAL_REASON = "refusalReason";
  // Task_MidMissionCheckIn
  public static final String GOING_WELL = "goingWell";
  public static final String CONSTRAINTS_RESPECTED = "constraintsRespected";
  public static final String COMMENT = "comment";
  // Task_PrepareReturn, Task_MissionDebrief
  public static final String RETURN_NOTES = "returnNotes";
  public static final String SKILLS_GAINED = "skillsGained";
  public static final String WOULD_DO_AGAIN = "wouldDoAgain";

  /** Values of {@value #MISSION_ANSWER}. */
  public enum MissionAnswer { ACCEPT, DECLINE }

  /** Values of {@value #RELEASE}. */
  public enum Release { RELEASE, REFUSE }

  /** Status of an assignment. */
  public enum Status { PROPOSED, DECLINED, REFUSED, ON_MISSION, RETURNED }

  private MobilityProcess() {}
}
