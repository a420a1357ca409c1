package fr.reflexespublics.hotline;

import static fr.reflexespublics.hotline.FollowUpProcess.REQUIRED_EXPERIENCE;

import fr.reflexespublics.hotline.FollowUpProcess.Experience;
import fr.reflexespublics.organisation.Groups;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The candidates of a call ({@code ${callCandidates.groups(execution)}} and
 * {@code ${callCandidates.users(execution)}} on {@code Task_CallPerson}), from the call-assignment
 * decision ({@value FollowUpProcess#REQUIRED_EXPERIENCE}): any caller of the hotline group, or only
 * the experienced callers (the coordinators when no caller is experienced yet). Worked out when the
 * task is created, not kept in variables: the task's identity links are the record.
 */
@Component("callCandidates")
public class CallCandidates {

  private final ExperiencedCallers experiencedCallers;

  public CallCandidates(ExperiencedCallers experiencedCallers) {
    this.experiencedCallers = experiencedCallers;
  }

  public List<String> groups(VariableScope followUp) {
    if (!experiencedOnly(followUp)) {
      return List.of(Groups.HOTLINE_CALLERS);
    }
    return experiencedCallers.list().isEmpty() ? List.of(Groups.HOTLINE_COORDINATORS) : List.of();
  }

  public List<String> users(VariableScope followUp) {
    return experiencedOnly(followUp) ? experiencedCallers.list() : List.of();
  }

  private static boolean experiencedOnly(VariableScope followUp) {
    return Experience.EXPERIENCED.name().equals(followUp.getVariable(REQUIRED_EXPERIENCE));
  }
}
