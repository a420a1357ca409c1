package fr.reflexespublics.takeover;

import static fr.reflexespublics.takeover.TakeoverProcess.*;

import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.retex.RetexProcess;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartRetex}: after the hand-back, a retex on the takeover with the partnership
 * manager and the agents provided (the retex-launch contract; testimonies named, two weeks).
 */
@Component("startTakeoverRetex")
public class StartTakeoverRetexDelegate implements JavaDelegate {

  static final int TESTIMONY_DAYS = 14;

  private final RuntimeService runtimeService;
  private final ZoneId zone;

  public StartTakeoverRetexDelegate(@Lazy RuntimeService runtimeService, ZoneId zone) {
    this.runtimeService = runtimeService;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> participants = new LinkedHashSet<>();
    participants.add((String) execution.getVariable(REPORTER));
    participants.addAll(TakeoverRecorder.agents(execution));
    String action = (String) execution.getVariable(ACTION_NAME);
    String title = "Takeover of " + action + " (" + execution.getVariable(PLAN_ID) + ")";
    runtimeService.startProcessInstanceByKey(RetexProcess.KEY, Variables.createVariables()
        .putValue(RetexProcess.RETEX_TITLE, title.length() > 200 ? title.substring(0, 200) : title)
        .putValue(RetexProcess.CRISIS_PHASE, "End of a partner takeover")
        .putValue(RetexProcess.SCOPE, ("The takeover of " + action).substring(0, Math.min(200, 16 + action.length())))
        .putValue(RetexProcess.PARTICIPANTS, String.join(",", participants))
        .putValue(RetexProcess.ANONYMOUS, false)
        .putValue(RetexProcess.TESTIMONY_DEADLINE, Clocks.today(zone).plusDays(TESTIMONY_DAYS).toString()));
  }
}
