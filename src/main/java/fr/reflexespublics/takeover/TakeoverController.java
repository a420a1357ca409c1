package fr.reflexespublics.takeover;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.platform.SystemActions;
import fr.reflexespublics.security.BadRequestException;
import fr.reflexespublics.security.CurrentUser;
import fr.reflexespublics.security.NotFoundException;
import fr.reflexespublics.takeover.TakeoverProcess.Status;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Takeover plans: the active ones with their days remaining, and the partner's readiness to resume. */
@RestController
@RequestMapping("/api/takeovers")
public class TakeoverController {

  private final TakeoverService plans;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final SystemActions system;
  private final ZoneId zone;

  public TakeoverController(TakeoverService plans, RuntimeService runtimeService, CurrentUser currentUser,
      SystemActions system, ZoneId zone) {
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.system = system;
    this.zone = zone;
  }

  @GetMapping
  public List<TakeoverService.ActivePlan> active() {
    currentUser.requireAny(Groups.PARTNERSHIPS, Groups.DIRECTORS, Groups.HR);
    return plans.activePlans(Clocks.today(zone));
  }

  /** The partner says it can resume: the operation ends and the hand-back meeting starts. */
  @PostMapping("/{id}/partner-ready")
  public Map<String, Object> partnerReady(@PathVariable String id) {
    currentUser.requireAny(Groups.PARTNERSHIPS, Groups.DIRECTORS);
    TakeoverService.PlanState plan = plans.find(id)
        .orElseThrow(() -> new NotFoundException("No takeover plan " + abbreviate(id)));
    if (plan.status() != Status.ACTIVE) {
      throw new BadRequestException("The plan " + id + " is not in operation (status " + plan.status() + ")");
    }
    try {
      system.run(() -> runtimeService.createMessageCorrelation(TakeoverProcess.MESSAGE_PARTNER_READY)
          .processInstanceBusinessKey(id).correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new BadRequestException("The plan " + id + " is not waiting for its partner (it is being reviewed)");
    }
    return Map.of("planId", id, "status", "HAND_BACK");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
