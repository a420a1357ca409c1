package fr.reflexespublics.relay;

import static fr.reflexespublics.relay.RelayProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.Clocks;
import fr.reflexespublics.relay.RelayProcess.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The listeners of the relay-porting process ({@code ${relayRecorder.xxx(...)}} in the BPMN): each
 * maps process variables to one call of {@link RelayService} and sets the variables that steer
 * the flow.
 */
@Component("relayRecorder")
public class RelayRecorder {

  private static final int END_OF_DAY_HOUR = 18;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RelayService relays;
  private final OrganisationService organisation;
  private final RelaySettings settings;
  private final ZoneId zone;

  public RelayRecorder(RelayService relays, OrganisationService organisation, RelaySettings settings, ZoneId zone) {
    this.relays = relays;
    this.organisation = organisation;
    this.settings = settings;
    this.zone = zone;
  }

  public void started(DelegateExecution execution) {
    String id = relays.start(execution.getProcessInstanceId(), (String) execution.getVariable(INITIATIVE_ID),
        (String) execution.getVariable(TITLE));
    execution.setVariable(RELAY_ID, id);
    List<Map<String, String>> options = organisation.services().stream()
        .map(s -> Map.of("label", s.name(), "value", s.id())).toList();
    try {
      execution.setVariable(SERVICE_OPTIONS, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The innovation unit named the carrier, the plan and the deadline. */
  public void carrierRecorded(DelegateTask task) {
    relays.carrier((String) task.getVariable(RELAY_ID), (String) task.getVariable(CARRIER_DEPARTMENT),
        (String) task.getVariable(CARRIER_USER_ID), deadline(task), (String) task.getVariable(RELAY_PLAN));
  }

  /**
   * The moment the relay deadline passes (its day, at the end of the working day), read by the
   * co-piloting's boundary timer from {@value RelayProcess#RELAY_DEADLINE}: the date is not kept
   * twice.
   */
  public Date deadlineAt(VariableScope scope) {
    return Clocks.at(deadline(scope), END_OF_DAY_HOUR, zone);
  }

  /**
   * Declines after which the directors arbitrate ({@code reflexes.relay.max-declines}), read by
   * the gateway after each decline: the configuration in force, not a copy kept per instance.
   */
  public int maxDeclines() {
    return settings.maxDeclines();
  }

  /** Period of the co-piloting's checkpoints ({@code reflexes.relay.checkpoint-interval}), read when it starts. */
  public String checkpointInterval() {
    return settings.checkpointInterval();
  }

  /** A decline is recorded with its reason (transient, or stored by a form of an earlier deployment). */
  public void ownershipAnswered(DelegateTask task) {
    if (Ownership.DECLINE.name().equals(task.getVariable(OWNERSHIP))) {
      task.setVariable(DECLINES, relays.decline((String) task.getVariable(RELAY_ID),
          (String) task.getVariable(CARRIER_DEPARTMENT), (String) task.getVariable(CARRIER_USER_ID),
          (String) task.getVariable(DECLINE_REASON)));
    }
  }

  /** Directors designated a department: its head co-pilots until the deadline (new, or a fresh one). */
  public void arbitrationRecorded(DelegateTask task) {
    if (!Arbitration.DESIGNATE.name().equals(task.getVariable(ARBITRATION))) {
      return;
    }
    LocalDate today = Clocks.today(zone);
    Object given = task.getVariable(RELAY_DEADLINE);
    LocalDate deadline = given instanceof String s && !s.isBlank() ? LocalDate.parse(s) : null;
    if (deadline == null || !deadline.isAfter(today)) {
      deadline = today.plus(settings.defaultRelayPeriod());
    }
    task.setVariable(RELAY_DEADLINE, deadline.toString());
    relays.carrier((String) task.getVariable(RELAY_ID), (String) task.getVariable(CARRIER_DEPARTMENT),
        (String) task.getVariable(CARRIER_USER_ID), deadline, null); // the plan stays
  }

  public void checkpoint(DelegateTask task) {
    relays.checkpoint((String) task.getVariable(RELAY_ID), (Integer) task.getVariable(DEPARTMENT_INVOLVEMENT),
        Boolean.TRUE.equals(task.getVariable(INITIATORS_INVOLVED)), (String) task.getVariable(NOTES));
  }

  /** The head confirmed: the practice joins the catalogue. */
  public void adoptionRecorded(DelegateTask task) {
    relays.adopt((String) task.getVariable(RELAY_ID), (String) task.getVariable(INITIATIVE_ID),
        (String) task.getVariable(TITLE), (String) task.getVariable(DESCRIPTION),
        (String) task.getVariable(CARRIER_DEPARTMENT), (String) task.getVariable(CARRIER_USER_ID),
        (String) task.getVariable(ADOPTION_SUMMARY));
  }

  /** Who the thanks mail goes to, when it goes: the initiators and their managers. */
  public List<String> thanksRecipients(VariableScope scope) {
    Set<String> recipients = new LinkedHashSet<>();
    for (String initiator : initiators(scope)) {
      recipients.add(initiator);
      organisation.managerOf(initiator).ifPresent(recipients::add);
    }
    return List.copyOf(recipients);
  }

  // Listeners of relays started by deployments whose timer and mail read the deadline's moment and
  // the recipients as variables ({@code ${relayDeadlineAt}}, {@code ${thanksRecipients}}).

  /** {@link #carrierRecorded}, and the deadline's moment as a variable (earlier deployments). */
  public void carrierIdentified(DelegateTask task) {
    carrierRecorded(task);
    task.setVariable(RELAY_DEADLINE_AT, deadlineAt(task));
  }

  /** {@link #arbitrationRecorded}, and the deadline's moment as a variable (earlier deployments). */
  public void arbitrated(DelegateTask task) {
    arbitrationRecorded(task);
    if (Arbitration.DESIGNATE.name().equals(task.getVariable(ARBITRATION))) {
      task.setVariable(RELAY_DEADLINE_AT, deadlineAt(task));
    }
  }

  /** {@link #adoptionRecorded}, and the recipients as a variable (earlier deployments). */
  public void adoptionConfirmed(DelegateTask task) {
    adoptionRecorded(task);
    task.setVariable(THANKS_RECIPIENTS, String.join(",", thanksRecipients(task)));
  }

  public void ended(DelegateExecution execution, String status) {
    Status end = Status.valueOf(status);
    relays.end((String) execution.getVariable(RELAY_ID), end);
    execution.setVariable(ADOPTED, end == Status.ADOPTED);
  }

  /** The initiators, from the comma-separated {@value RelayProcess#INITIATORS} variable. */
  public static List<String> initiators(VariableScope scope) {
    Object value = scope.getVariable(INITIATORS);
    return value == null ? List.of() : Arrays.stream(value.toString().split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static LocalDate deadline(VariableScope scope) {
    return LocalDate.parse((String) scope.getVariable(RELAY_DEADLINE));
  }
}
