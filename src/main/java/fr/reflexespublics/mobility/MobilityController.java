package fr.reflexespublics.mobility;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.platform.SystemActions;
import fr.reflexespublics.security.BadRequestException;
import fr.reflexespublics.security.CurrentUser;
import fr.reflexespublics.security.ForbiddenException;
import fr.reflexespublics.security.NotFoundException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/mobility/{processInstanceId}/early-return}: the reinforcement ends early; every
 * agent on mission goes back (message EarlyReturn), for HR or the manager who requested it.
 */
@RestController
public class MobilityController {

  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final SystemActions system;

  public MobilityController(RuntimeService runtimeService, CurrentUser currentUser, SystemActions system) {
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.system = system;
  }

  @PostMapping("/api/mobility/{processInstanceId}/early-return")
  public Map<String, Object> earlyReturn(@PathVariable String processInstanceId) {
    Object requester = system.run(() -> runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .processDefinitionKey(MobilityProcess.KEY).count() == 0 ? null
        : runtimeService.getVariable(processInstanceId, MobilityProcess.REQUESTER));
    if (requester == null) {
      throw new NotFoundException("No running reinforcement " + (processInstanceId.length() > 64
          ? processInstanceId.substring(0, 64) : processInstanceId));
    }
    if (!currentUser.isMemberOfAny(Groups.HR) && !requester.equals(currentUser.id())) {
      throw new ForbiddenException("Only HR or the requesting manager ends a mission early");
    }
    int returned = system.run(() -> runtimeService.createMessageCorrelation(MobilityProcess.MESSAGE_EARLY_RETURN)
        .processInstanceId(processInstanceId).correlateAllWithResult().size());
    if (returned == 0) {
      throw new BadRequestException("No agent of this reinforcement is on mission");
    }
    return Map.of("processInstanceId", processInstanceId, "agentsReturning", returned);
  }
}
