package fr.reflexespublics.hotline;

/** Backing class of {@code processes/reverse-hotline-campaign.bpmn}. */
public final class CampaignProcess {

  public static final String KEY = "reverse-hotline-campaign";
  public static final String FORM_CAMPAIGN = "hotline-campaign";
  public static final String FORM_CLOSE = "hotline-close-campaign";

  public static final String START = "StartEvent_CampaignLaunched";
  public static final String TASK_START_FOLLOW_UPS = "Task_StartFollowUps";
  public static final String TASK_CLOSE_CAMPAIGN = "Task_CloseCampaign";
  public static final String TIMER_CAMPAIGN_END = "Timer_CampaignEnd";
  public static final String TASK_CLOSE_FOLLOW_UPS = "Task_CloseFollowUps";
  public static final String TASK_SEND_SUMMARY = "Task_SendCampaignSummary";
  public static final String END_CLOSED = "EndEvent_CampaignClosed";

  public static final String MAIL_SUMMARY = "hotline-campaign-summary";

  // start form (REST contract)
  public static final String CAMPAIGN_NAME = "campaignName";
  public static final String CALL_INTERVAL_DAYS = "callIntervalDays";
  public static final String CAMPAIGN_END = "campaignEnd";
  public static final String SOURCE_REGISTER = "sourceRegister";
  public static final String COMPLEXITY = "complexity";
  public static final String AGE_BAND = "ageBand";
  // Task_CloseCampaign
  public static final String CLOSING_NOTE = "closingNote";
  // set by the server
  public static final String COORDINATOR = "coordinator";
  public static final String CAMPAIGN_ID = "campaignId";
  public static final String CAMPAIGN_END_AT = "campaignEndAt";
  public static final String SUMMARY_FOLLOWED = "summaryFollowed";
  public static final String SUMMARY_CALLS = "summaryCalls";
  public static final String SUMMARY_REACHED_PERCENT = "summaryReachedPercent";
  public static final String SUMMARY_DIFFICULTIES = "summaryDifficulties";
  public static final String SUMMARY_ORIENTATIONS_OPEN = "summaryOrientationsOpen";
  public static final String SUMMARY_URGENT = "summaryUrgent";

  /** The selection value that means "any". */
  public static final String ANY = "ANY";

  /** Status of a campaign record. */
  public enum Status { STARTING, RUNNING, CLOSED }

  private CampaignProcess() {}
}
