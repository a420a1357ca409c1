package fr.reflexespublics.takeover;

import static fr.reflexespublics.takeover.TakeoverProcess.*;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.security.forms.FormRules;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the takeover forms: the framework's limits, people that exist. */
@Configuration
public class TakeoverFormRules {

  /** The directors may narrow the modalities and shorten the duration, never go beyond the framework. */
  @Bean
  FormRules takeoverDecisionRules() {
    return FormRules.of(FORM_DECISION, (submission, violations) -> {
      if (!DirectorDecision.APPROVE.name().equals(submission.text(DIRECTOR_DECISION))) {
        return;
      }
      Object max = submission.existingValue(MAX_DURATION_DAYS);
      if (max instanceof Integer limit && submission.integer(DURATION_DAYS) > limit) {
        violations.add(DURATION_DAYS, "at most " + limit + " days under the framework");
      }
      if (submission.given(SUPPORT_MODALITIES)) {
        List<String> framework = TakeoverRecorder.modalitiesOf(submission.existingValue(SUPPORT_MODALITIES));
        List<String> chosen = submission.strings(SUPPORT_MODALITIES);
        if (chosen.isEmpty()) {
          violations.add(SUPPORT_MODALITIES, "keep at least one modality of support");
        }
        for (String modality : chosen) {
          if (!framework.contains(modality)) {
            violations.add(SUPPORT_MODALITIES, modality + " is not among the framework's modalities for this case "
                + framework + ": the directors may narrow them, not add to them");
          }
        }
      }
    });
  }

  /** Agents must exist; agent provision and full takeover need at least one. */
  @Bean
  FormRules takeoverPlanRules(OrganisationService organisation) {
    return FormRules.of(FORM_PLAN, (submission, violations) -> {
      String agents = submission.text(ASSIGNED_AGENTS);
      List<String> ids = agents == null ? List.of()
          : Arrays.stream(agents.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      for (String id : ids) {
        if (!organisation.userExists(id)) {
          violations.add(ASSIGNED_AGENTS, "'" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "' is not a user");
        }
      }
      List<String> modalities = TakeoverRecorder.modalitiesOf(submission.existingValue(SUPPORT_MODALITIES));
      if (ids.isEmpty() && (modalities.contains(Modality.AGENT_PROVISION.name())
          || modalities.contains(Modality.FULL_TAKEOVER.name()))) {
        violations.add(ASSIGNED_AGENTS, "the plan provides agents: name at least one");
      }
    });
  }

  /** Extend once, in total within the framework; ending the action needs a reason. */
  @Bean
  FormRules takeoverTimeLimitRules() {
    return FormRules.of(FORM_TIME_LIMIT_REVIEW, (submission, violations) -> {
      String decision = submission.text(TIME_LIMIT_DECISION);
      if (TimeLimitDecision.EXTEND.name().equals(decision)) {
        if (Boolean.TRUE.equals(submission.existingValue(EXTENDED))) {
          violations.add(TIME_LIMIT_DECISION, "a plan is extended once only");
          return;
        }
        Object max = submission.existingValue(MAX_DURATION_DAYS);
        Object duration = submission.existingValue(DURATION_DAYS);
        if (max instanceof Integer limit && duration instanceof Integer days
            && days + submission.integer(EXTENSION_DAYS) > limit) {
          violations.add(EXTENSION_DAYS, "at most " + (limit - days) + " more day(s): the framework allows "
              + limit + " days in total");
        }
      }
      if (TimeLimitDecision.END_ACTION.name().equals(decision)) {
        String reason = submission.text(REASON);
        if (reason == null || reason.length() < 10) {
          violations.add(REASON, "ending the action needs a reason of at least 10 characters");
        }
      }
    });
  }
}
