package fr.reflexespublics.takeover;

import static fr.reflexespublics.takeover.TakeoverProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.security.forms.Checkboxes;
import fr.reflexespublics.takeover.TakeoverProcess.DirectorDecision;
import fr.reflexespublics.takeover.TakeoverProcess.Modality;
import fr.reflexespublics.takeover.TakeoverProcess.Status;
import fr.reflexespublics.takeover.TakeoverProcess.TimeLimitDecision;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The listeners of the partner takeover process ({@code ${takeoverRecorder.xxx(...)}}): each maps
 * variables to one call of {@link TakeoverService} and sets the variables that steer the flow.
 */
@Component("takeoverRecorder")
public class TakeoverRecorder {

  private static final int END_OF_DAY_HOUR = 18;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TakeoverService plans;
  private final OrganisationService organisation;
  private final TakeoverSettings settings;
  private final ZoneId zone;

  public TakeoverRecorder(TakeoverService plans, OrganisationService organisation, TakeoverSettings settings,
      ZoneId zone) {
    this.plans = plans;
    this.organisation = organisation;
    this.settings = settings;
    this.zone = zone;
  }

  /** Start: the plan record; its id becomes the business key. */
  public void reported(DelegateExecution execution) {
    String id = plans.report(execution.getProcessInstanceId(), (String) execution.getVariable(PARTNER_NAME),
        (String) execution.getVariable(ACTION_NAME), (String) execution.getVariable(ACTION_CATEGORY),
        (Integer) execution.getVariable(BENEFICIARIES_COUNT), (String) execution.getVariable(FAILURE_CAUSE),
        (String) execution.getVariable(URGENCY));
    execution.setProcessBusinessKey(id);
    execution.setVariable(PLAN_ID, id);
  }

  /** Period of the weekly reviews ({@code reflexes.takeover.review-interval}), read when the plan starts. */
  public String reviewInterval() {
    return settings.reviewInterval();
  }

  /** The trigger decision's single result, as the contract's variables. */
  @SuppressWarnings("unchecked")
  public void triggerChecked(DelegateExecution execution) {
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(TRIGGER_RESULT);
    boolean eligible = Boolean.TRUE.equals(result.get(TAKEOVER_ELIGIBLE));
    Integer max = result.get(MAX_DURATION_DAYS) == null ? null : ((Number) result.get(MAX_DURATION_DAYS)).intValue();
    execution.setVariable(TAKEOVER_ELIGIBLE, eligible);
    execution.setVariable(MAX_DURATION_DAYS, max);
    execution.setVariable(NOT_TRIGGERED_REASON, result.get(NOT_TRIGGERED_REASON));
    execution.removeVariable(TRIGGER_RESULT);
    plans.recordTrigger((String) execution.getVariable(PLAN_ID), eligible, max);
  }

  /** The modalities decision's collected entries, as a JSON list (a checklist in the directors' form). */
  public void modalitiesDetermined(DelegateExecution execution) {
    List<String> modalities = ordered((Collection<?>) execution.getVariable(SUPPORT_MODALITY_LIST));
    execution.removeVariable(SUPPORT_MODALITY_LIST);
    execution.setVariable(SUPPORT_MODALITIES, json(modalities));
    plans.recordModalities((String) execution.getVariable(PLAN_ID), modalities);
  }

  public void decided(DelegateTask task) {
    String id = (String) task.getVariable(PLAN_ID);
    if (DirectorDecision.APPROVE.name().equals(task.getVariable(DIRECTOR_DECISION))) {
      plans.approve(id, (Integer) task.getVariable(DURATION_DAYS), modalities(task));
    } else {
      plans.reject(id, (String) task.getVariable(REJECTION_REASON));
    }
  }

  /** The plan is ready: dates, agents and their managers, the liability letter when covered. */
  public void planPrepared(DelegateTask task) {
    String id = (String) task.getVariable(PLAN_ID);
    LocalDate start = LocalDate.parse((String) task.getVariable(START_DATE));
    LocalDate end = start.plusDays((Integer) task.getVariable(DURATION_DAYS));
    List<String> agents = agents(task);
    String letter = null;
    if (modalities(task).contains(Modality.LIABILITY_COVERAGE.name())) {
      Map<String, Object> model = new LinkedHashMap<>(task.getVariables());
      model.put(PLAN_END_DATE, end.toString());
      letter = plans.liabilityLetter(model);
      task.setVariable(LIABILITY_LETTER, letter);
    }
    plans.prepare(id, start, end, (String) task.getVariable(RESOURCES), (String) task.getVariable(PREMISES),
        (String) task.getVariable(HAND_BACK_CRITERIA), letter, agents);
    Set<String> recipients = new LinkedHashSet<>();
    for (String agent : agents) {
      recipients.add(agent);
      organisation.managerOf(agent).ifPresent(recipients::add);
    }
    task.setVariable(AGENT_RECIPIENTS, String.join(",", recipients));
    task.setVariable(EXTENDED, false);
    setEnd(task, end);
  }

  /** A weekly review; its answers are transient fields of the form, recorded in {@code takeover_review}. */
  public void reviewed(DelegateTask task) {
    plans.review((String) task.getVariable(PLAN_ID), (Integer) task.getVariable(BENEFICIARIES_SERVED),
        (String) task.getVariable(INCIDENTS), Checkboxes.ticked(task, PARTNER_CAN_RESUME));
  }

  /**
   * The end date came: an extension moves it (once) and records its reason; another decision records
   * its reason and the new partner of a transfer, its status being set at its end event.
   */
  public void timeLimitReviewed(DelegateTask task) {
    String id = (String) task.getVariable(PLAN_ID);
    String reason = (String) task.getVariable(REASON);
    Object decision = task.getVariable(TIME_LIMIT_DECISION);
    if (!TimeLimitDecision.EXTEND.name().equals(decision)) {
      plans.recordTimeLimitOutcome(id, reason, TimeLimitDecision.TRANSFER.name().equals(decision)
          ? (String) task.getVariable(NEW_PARTNER_NAME) : null);
      return;
    }
    int extension = (Integer) task.getVariable(EXTENSION_DAYS);
    int total = (Integer) task.getVariable(DURATION_DAYS) + extension;
    LocalDate end = LocalDate.parse((String) task.getVariable(PLAN_END_DATE)).plusDays(extension);
    plans.extend(id, end, total, reason);
    task.removeVariable(REASON); // recorded: not the reason of the next review's decision
    task.setVariable(DURATION_DAYS, total);
    task.setVariable(EXTENDED, true);
    setEnd(task, end);
  }

  /** The hand-back meeting; its answers are transient fields of the form, recorded in {@code takeover_plan}. */
  public void handedBack(DelegateTask task) {
    plans.recordHandBack((String) task.getVariable(PLAN_ID), Boolean.TRUE.equals(task.getVariable(CHECKLIST_COMPLETE)),
        (String) task.getVariable(NOTES));
  }

  public void ended(DelegateExecution execution, String status) {
    Status end = Status.valueOf(status);
    Object reason = switch (end) {
      case NOT_TRIGGERED -> execution.getVariable(NOT_TRIGGERED_REASON);
      case REJECTED -> execution.getVariable(REJECTION_REASON);
      case TRANSFERRED, ACTION_ENDED -> execution.getVariable(REASON);
      default -> null;
    };
    plans.end((String) execution.getVariable(PLAN_ID), end, reason == null ? null : reason.toString());
  }

  /** The assigned agents, from the comma-separated {@value TakeoverProcess#ASSIGNED_AGENTS}. */
  public static List<String> agents(VariableScope scope) {
    Object value = scope.getVariable(ASSIGNED_AGENTS);
    return value == null ? List.of() : Arrays.stream(value.toString().split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** The support modalities currently decided (JSON list variable). */
  public static List<String> modalities(VariableScope scope) {
    return modalitiesOf(scope.getVariable(SUPPORT_MODALITIES));
  }

  /** A modalities value (JSON list, or a collection) as strings. */
  public static List<String> modalitiesOf(Object value) {
    if (value instanceof SpinJsonNode node) {
      return node.elements().stream().map(SpinJsonNode::stringValue).toList();
    }
    return value instanceof Collection<?> c ? c.stream().map(Object::toString).toList() : List.of();
  }

  private void setEnd(VariableScope scope, LocalDate end) {
    scope.setVariable(PLAN_END_DATE, end.toString());
    scope.setVariable(PLAN_END_AT, Clocks.at(end, END_OF_DAY_HOUR, zone));
  }

  /** Modalities in the framework's order. */
  private static List<String> ordered(Collection<?> modalities) {
    Set<String> chosen = new LinkedHashSet<>();
    modalities.forEach(m -> chosen.add(m.toString()));
    return Arrays.stream(Modality.values()).map(Enum::name).filter(chosen::contains).toList();
  }

  private static Object json(List<String> values) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(values)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
