package fr.reflexespublics.retex;

import static fr.reflexespublics.retex.RetexProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.platform.NameList;
import fr.reflexespublics.retex.RetexProcess.ActionStatus;
import fr.reflexespublics.retex.RetexProcess.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The listeners of the retex ritual ({@code ${retexRecorder.xxx(...)}}). Testimonies and actions
 * arrive as transient values (never stored as variables, so never in history): they are written
 * to the retex tables here, without their author in anonymous mode.
 */
@Component("retexRecorder")
public class RetexRecorder {

  private static final int END_OF_DAY_HOUR = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RetexService retexes;
  private final OrganisationService organisation;
  private final RetexSettings settings;
  private final TaskService taskService;
  private final ZoneId zone;

  public RetexRecorder(RetexService retexes, OrganisationService organisation, RetexSettings settings,
      @Lazy TaskService taskService, ZoneId zone) {
    this.retexes = retexes;
    this.organisation = organisation;
    this.settings = settings;
    this.taskService = taskService;
    this.zone = zone;
  }

  /** Start: the participants (group members and named users), the record, the deadlines. */
  public void launched(DelegateExecution execution) {
    List<String> participants = participants(organisation, execution.getVariable(PARTICIPANT_GROUP),
        execution.getVariable(PARTICIPANTS));
    LocalDate deadline = LocalDate.parse((String) execution.getVariable(TESTIMONY_DEADLINE));
    String id = retexes.launch(execution.getProcessInstanceId(), (String) execution.getVariable(RETEX_TITLE),
        (String) execution.getVariable(CRISIS_PHASE), (String) execution.getVariable(SCOPE),
        Boolean.TRUE.equals(execution.getVariable(ANONYMOUS)), participants, deadline);
    execution.setProcessBusinessKey(id);
    execution.setVariable(RETEX_ID, id);
    execution.setVariable(PARTICIPANT_LIST, new NameList(participants));
    execution.setVariable(TESTIMONY_DEADLINE_AT, Clocks.at(deadline, END_OF_DAY_HOUR, zone));
    execution.setVariable(TESTIMONY_REMINDER_AT, Clocks.reminder(deadline, END_OF_DAY_HOUR, zone, settings.reminderBefore()));
  }

  /**
   * Delay before the actions are reviewed ({@code reflexes.retex.action-review-delay}), read when
   * the results are published.
   */
  public String actionReviewDelay() {
    return settings.actionReviewDelay();
  }

  /** Members of the group (when given) and the named users (comma-separated), once each. */
  public static List<String> participants(OrganisationService organisation, Object group, Object users) {
    Set<String> all = new LinkedHashSet<>();
    if (group instanceof String g && !g.isBlank()) {
      all.addAll(organisation.membersOf(g.trim(), Integer.MAX_VALUE));
    }
    if (users instanceof String u) {
      Arrays.stream(u.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(all::add);
    }
    return List.copyOf(all);
  }

  public void announced(DelegateTask task) {
    retexes.announce((String) task.getVariable(RETEX_ID), (String) task.getVariable(WHAT_CHANGES),
        (String) task.getVariable(WHAT_STAYS), (String) task.getVariable(NEXT_STAGE));
  }

  /** A testimony (transient values): into the table, without its author in anonymous mode. */
  public void testified(DelegateTask task) {
    boolean anonymous = Boolean.TRUE.equals(task.getVariable(ANONYMOUS));
    retexes.testimony((String) task.getVariable(RETEX_ID), anonymous ? null : task.getAssignee(),
        text(task, WHAT_WORKED), text(task, WHAT_WAS_HARD), text(task, DONE_DIFFERENTLY), text(task, DISAGREEMENT),
        (Integer) task.getVariable(WELLBEING));
  }

  /** The participants who have not testified yet (for the reminder). */
  public List<String> pendingParticipants(DelegateExecution execution) {
    return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_GIVE_TESTIMONY).list().stream().map(Task::getAssignee).distinct().toList();
  }

  /** Collection closed (everyone answered, or the deadline): the workshop's material. */
  public void collectionClosed(DelegateExecution execution) {
    String id = (String) execution.getVariable(RETEX_ID);
    execution.setVariable(TESTIMONY_DIGEST, retexes.digest(id));
    List<Map<String, String>> toAnswer = new ArrayList<>();
    for (String dissent : retexes.dissents(id)) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("dissent", dissent);
      entry.put("answer", "");
      toAnswer.add(entry);
    }
    execution.setVariable(DISSENT_ANSWERS, json(toAnswer));
    retexes.setStatus(id, Status.WORKSHOP);
  }

  /** The workshop: lessons and answered dissents recorded, one action to commit per lesson. */
  public void workshopDone(DelegateTask task) {
    List<RetexService.Lesson> lessons = new ArrayList<>();
    for (SpinJsonNode lesson : elements(task.getVariable(LESSONS))) {
      lessons.add(new RetexService.Lesson(lesson.prop("title").stringValue(),
          lesson.hasProp("description") ? lesson.prop("description").stringValue() : null));
    }
    List<RetexService.Dissent> dissents = new ArrayList<>();
    for (SpinJsonNode d : elements(task.getVariable(DISSENT_ANSWERS))) {
      dissents.add(new RetexService.Dissent(d.prop("dissent").stringValue(), d.prop("answer").stringValue()));
    }
    retexes.workshop((String) task.getVariable(RETEX_ID), lessons, dissents);
    task.setVariable(LESSON_TITLES, new NameList(lessons.stream().map(RetexService.Lesson::title).toList()));
  }

  /** One owned action (transient values). */
  public void actionCommitted(DelegateTask task) {
    retexes.addAction((String) task.getVariable(RETEX_ID), (String) task.getVariable(LESSON_TITLE),
        (String) task.getVariable(ACTION_OWNER), (String) task.getVariable(ACTION),
        LocalDate.parse((String) task.getVariable(ACTION_DUE)), (String) task.getVariable(PLAN_ITEM));
  }

  /** What is published to every participant (results, then the follow-up). */
  public Map<String, Object> results(DelegateExecution execution) {
    RetexService.Results results = retexes.results((String) execution.getVariable(RETEX_ID)).orElseThrow();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("results", results);
    return model;
  }

  public void published(DelegateExecution execution) {
    retexes.setStatus((String) execution.getVariable(RETEX_ID), Status.PUBLISHED);
  }

  /** The review is due: one line per action to give a status to. */
  public void reviewDue(DelegateExecution execution) {
    List<Map<String, String>> lines = new ArrayList<>();
    for (RetexService.Action action : retexes.actions((String) execution.getVariable(RETEX_ID))) {
      Map<String, String> line = new LinkedHashMap<>();
      line.put("actionId", action.id());
      line.put("action", action.action());
      line.put("status", "");
      line.put("reason", "");
      lines.add(line);
    }
    execution.setVariable(ACTION_STATUSES, json(lines));
  }

  public void actionsReviewed(DelegateTask task) {
    String id = (String) task.getVariable(RETEX_ID);
    for (SpinJsonNode line : elements(task.getVariable(ACTION_STATUSES))) {
      retexes.reviewAction(id, line.prop("actionId").stringValue(), ActionStatus.valueOf(line.prop("status").stringValue()),
          line.hasProp("reason") ? line.prop("reason").stringValue() : null);
    }
  }

  public void followedUp(DelegateExecution execution) {
    retexes.setStatus((String) execution.getVariable(RETEX_ID), Status.FOLLOWED_UP);
  }

  static List<SpinJsonNode> elements(Object value) {
    return value instanceof SpinJsonNode node && node.isArray() ? node.elements() : List.of();
  }

  private static String text(DelegateTask task, String key) {
    Object value = task.getVariable(key);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
