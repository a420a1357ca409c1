package fr.reflexespublics.retex;

/** Backing class of {@code processes/retex-ritual.bpmn}. */
public final class RetexProcess {

  public static final String KEY = "retex-ritual";
  /** The small process whose timer start event launches the yearly ritual. */
  public static final String YEARLY_KEY = "retex-yearly-ritual";

  // forms
  public static final String FORM_LAUNCH = "retex-launch";
  public static final String FORM_ANNOUNCE = "retex-announce";
  public static final String FORM_TESTIMONY = "retex-testimony";
  public static final String FORM_WORKSHOP = "retex-workshop";
  public static final String FORM_COMMIT_ACTION = "retex-commit-action";
  public static final String FORM_REVIEW_ACTIONS = "retex-review-actions";

  // elements
  public static final String START = "StartEvent_RetexLaunched";
  public static final String START_EVERY_YEAR = "StartEvent_EveryYear";
  public static final String TASK_ANNOUNCE = "Task_AnnounceChangeOfState";
  public static final String TASK_MAIL_ANNOUNCEMENT = "Task_MailAnnouncement";
  public static final String SUBPROCESS_COLLECT = "SubProcess_CollectTestimonies";
  public static final String TASK_GIVE_TESTIMONY = "Task_GiveTestimony";
  public static final String TIMER_TESTIMONY_DEADLINE = "Timer_TestimonyDeadline";
  public static final String TIMER_TESTIMONY_REMINDER = "Timer_TestimonyReminder";
  public static final String TASK_REMIND_PARTICIPANTS = "Task_RemindParticipants";
  public static final String TASK_FACILITATE_WORKSHOP = "Task_FacilitateWorkshop";
  public static final String TASK_COMMIT_ACTION = "Task_CommitAction";
  public static final String TASK_PUBLISH_RESULTS = "Task_PublishResults";
  public static final String TIMER_ACTION_REVIEW = "Timer_ActionReviewDelay";
  public static final String TASK_REVIEW_ACTIONS = "Task_ReviewActions";
  public static final String TASK_PUBLISH_FOLLOW_UP = "Task_PublishFollowUp";
  public static final String END_FOLLOWED_UP = "EndEvent_RetexFollowedUp";

  // mail templates
  public static final String MAIL_ANNOUNCEMENT = "retex-announcement";
  public static final String MAIL_REMINDER = "retex-testimony-reminder";
  public static final String MAIL_RESULTS = "retex-results";
  public static final String MAIL_FOLLOW_UP = "retex-follow-up";

  // start (REST contract)
  public static final String RETEX_TITLE = "retexTitle";
  public static final String CRISIS_PHASE = "crisisPhase";
  public static final String SCOPE = "scope";
  public static final String PARTICIPANT_GROUP = "participantGroup";
  public static final String PARTICIPANTS = "participants";
  public static final String ANONYMOUS = "anonymous";
  public static final String TESTIMONY_DEADLINE = "testimonyDeadline";
  // set by the server
  public static final String RETEX_ID = "retexId";
  public static final String PARTICIPANT_LIST = "participantList";
  public static final String PARTICIPANT = "participant";
  public static final String TESTIMONY_DEADLINE_AT = "testimonyDeadlineAt";
  public static final String TESTIMONY_REMINDER_AT = "testimonyReminderAt";
  public static final String TESTIMONY_DIGEST = "testimonyDigest";
  public static final String LESSON_TITLES = "lessonTitles";
  public static final String LESSON_TITLE = "lessonTitle";
  public static final String PENDING_PARTICIPANTS = "pendingParticipants";
  // Task_AnnounceChangeOfState
  public static final String WHAT_CHANGES = "whatChanges";
  public static final String WHAT_STAYS = "whatStays";
  public static final String NEXT_STAGE = "nextStage";
  // Task_GiveTestimony
  public static final String WHAT_WORKED = "whatWorked";
  public static final String WHAT_WAS_HARD = "whatWasHard";
  public static final String DONE_DIFFERENTLY = "doneDifferently";
  public static final String DISAGREEMENT = "disagreement";
  public static final String WELLBEING = "wellbeing";
  // Task_FacilitateWorkshop
  public static final String LESSONS = "lessons";
  public static final String DISSENT_ANSWERS = "dissentAnswers";
  // Task_CommitAction
  public static final String ACTION_OWNER = "actionOwner";
  public static final String ACTION = "action";
  public static final String ACTION_DUE = "actionDue";
  public static final String PLAN_ITEM = "planItem";
  // Task_ReviewActions
  public static final String ACTION_STATUSES = "actionStatuses";

  /** Status of a retex action. */
  public enum ActionStatus { OPEN, DONE, IN_PROGRESS, ABANDONED }

  /** Status of a retex. */
  public enum Status { ANNOUNCING, COLLECTING, WORKSHOP, ACTIONS, PUBLISHED, FOLLOWED_UP }

  private RetexProcess() {}
}
