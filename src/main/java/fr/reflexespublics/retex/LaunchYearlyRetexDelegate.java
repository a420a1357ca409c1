package fr.reflexespublics.retex;

import static fr.reflexespublics.retex.RetexProcess.*;

import fr.reflexespublics.platform.Clocks;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** {@code Task_LaunchYearlyRetex}: a retex-ritual with the yearly settings (anonymous). */
@Component("launchYearlyRetex")
public class LaunchYearlyRetexDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final RetexSettings settings;
  private final ZoneId zone;

  public LaunchYearlyRetexDelegate(@Lazy RuntimeService runtimeService, RetexSettings settings, ZoneId zone) {
    this.runtimeService = runtimeService;
    this.settings = settings;
    this.zone = zone;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = Clocks.today(zone);
    runtimeService.startProcessInstanceByKey(KEY, Variables.createVariables()
        .putValue(RETEX_TITLE, "Yearly retex ritual " + today.getYear())
        .putValue(CRISIS_PHASE, "Yearly training, outside any crisis")
        .putValue(SCOPE, "The whole administration")
        .putValue(PARTICIPANT_GROUP, settings.yearly().participantGroup())
        .putValue(ANONYMOUS, true)
        .putValue(TESTIMONY_DEADLINE, today.plus(settings.yearly().testimonyPeriod()).toString()));
  }
}
