package fr.reflexespublics.hotline;

import static fr.reflexespublics.hotline.FollowUpProcess.*;

import fr.reflexespublics.hotline.FollowUpProcess.Need;
import fr.reflexespublics.security.forms.Checkboxes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The listeners of the follow-up process ({@code ${followUpRecorder.xxx(...)}}): each maps the
 * call's variables to one record and sets the variables that steer the flow. Personal data is read
 * from the register, never written anywhere else than the variables the caller's screen needs.
 */
@Component("followUpRecorder")
public class FollowUpRecorder {

  /** The call's yes/no answers that the gateways read after a reached call. */
  private static final List<String> ANSWERS = List.of(WISHES_TO_STOP, DIFFICULTY_DETECTED, URGENT);

  private final RegisterService register;
  private final FollowUpService followUps;
  private final HotlineSettings settings;

  public FollowUpRecorder(RegisterService register, FollowUpService followUps, HotlineSettings settings) {
    this.register = register;
    this.followUps = followUps;
    this.settings = settings;
  }

  /**
   * Start: what the caller needs on screen and what steers the calls. The campaign's policy
   * (periods, attempts, addresses) is not copied: the process reads it through
   * {@link FollowUpPolicy} by campaign id.
   */
  public void started(DelegateExecution execution) {
    RegisterService.Person person = register.find((String) execution.getVariable(PERSON_ID))
        .orElseThrow(() -> new IllegalStateException("The person of follow-up " + execution.getProcessInstanceId()
            + " is not in the register"));
    execution.setVariable(PERSON_FIRST_NAME, person.firstName());
    execution.setVariable(PERSON_PHONE, person.phone());
    execution.setVariable(PERSON_AREA, person.area());
    execution.setVariable(COMPLEXITY, person.complexity());
    // lastWellbeing and attempt are set by the calls that give them a value: the call-assignment
    // table reads a missing lastWellbeing as null, the attempts' gateway follows an unanswered call
  }

  /**
   * A call was made: its log, the attempt count, the opt-out.
   *
   * <p>The answers that steer the flow (reached, wellbeing, difficulty, urgency, wish to stop) are
   * transient fields of the call form: the gateways after the call and the orientation opened in
   * the same transaction read them, {@code call_log} records them, and the engine stores none of
   * them, neither in the instance nor in its history. A checkbox left out counts as unticked.
   */
  public void called(DelegateTask task) {
    boolean reached = Checkboxes.ticked(task, REACHED);
    int attempt = (task.getVariable(ATTEMPT) instanceof Integer before ? before : 0) + 1;
    // asked only when the person was reached (the gateways read them on that path only)
    boolean difficulty = reached && Checkboxes.ticked(task, DIFFICULTY_DETECTED);
    boolean urgent = reached && Checkboxes.ticked(task, URGENT);
    boolean stop = reached && Checkboxes.ticked(task, WISHES_TO_STOP);
    followUps.logCall(new FollowUpService.Call((String) task.getVariable(CAMPAIGN_ID),
        (String) task.getVariable(PERSON_ID), Context.getCommandContext().getAuthenticatedUserId(), attempt, reached,
        reached ? (String) task.getVariable(WELLBEING) : null, difficulty, urgent, stop));
    if (!reached || attempt > 1) {
      task.setVariable(ATTEMPT, reached ? 0 : attempt); // unanswered calls in a row, 0 once reached
    }
    if (reached) {
      task.setVariable(LAST_WELLBEING, task.getVariable(WELLBEING));
    } else {
      // a follow-up started before the answers were transient stores them: nothing said on an
      // unanswered call, so no stale answer of an earlier call steers the flow
      for (String key : ANSWERS) {
        TypedValue answer = task.getVariableTyped(key);
        if (answer != null && !answer.isTransient()) {
          task.setVariable(key, false);
        }
      }
    }
    if (stop) {
      register.optOut((String) task.getVariable(PERSON_ID));
    }
  }

  public void visited(DelegateTask task) {
    task.setVariable(ATTEMPT, 0);
  }

  /** A difficulty: its orientation record; the id goes to the orientation sub-process. */
  public String openOrientation(DelegateExecution execution) {
    return followUps.openOrientation((String) execution.getVariable(CAMPAIGN_ID),
        (String) execution.getVariable(PERSON_ID), needs(execution), Boolean.TRUE.equals(execution.getVariable(URGENT)));
  }

  /** The needs of the last call (without NONE), as a list the routing decision reads. */
  public ArrayList<String> needs(VariableScope scope) {
    ArrayList<String> needs = new ArrayList<>();
    Object value = scope.getVariable(NEEDS);
    if (value instanceof SpinJsonNode node) {
      node.elements().forEach(e -> needs.add(e.stringValue()));
    } else if (value instanceof Collection<?> c) {
      c.forEach(e -> needs.add(e.toString()));
    }
    needs.remove(Need.NONE.name());
    return needs;
  }

  /** The orientator chose the service: the record, and the address the request is mailed to. */
  public void oriented(DelegateTask task) {
    String target = (String) task.getVariable(TARGET_SERVICE);
    followUps.route((String) task.getVariable(ORIENTATION_ID), (String) task.getVariable(PROPOSED_SERVICE), target);
    task.setVariable(SERVICE_ADDRESS, settings.services().get(target).email());
  }

  public void handlingConfirmed(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable(HANDLED))) {
      followUps.handled((String) task.getVariable(ORIENTATION_ID));
    }
  }

  public void orientationReminded(DelegateExecution execution) {
    followUps.reminded((String) execution.getVariable(ORIENTATION_ID));
  }
}
