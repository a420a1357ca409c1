package fr.reflexespublics.initiative;

import static fr.reflexespublics.initiative.InitiativeProcess.*;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.security.forms.FormRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the initiative forms beyond what their JSON says. */
@Configuration
public class InitiativeFormRules {

  /** Declaration: an authenticated agent with a manager, within the yearly quota. */
  @Bean
  FormRules initiativeDeclarationRules(InitiativeService initiatives, OrganisationService organisation) {
    return FormRules.of(FORM_DECLARATION, (submission, violations) -> {
      String initiator = submission.userId();
      if (initiator == null) {
        violations.add(INITIATOR, "an initiative is declared by an authenticated agent");
        return;
      }
      if (organisation.managerOf(initiator).isEmpty()) {
        violations.add(INITIATOR, "no manager is recorded for you in the organisation: an initiative needs "
            + "a manager who may oppose it (ask HR to complete the organisation)");
      }
      int year = submission.date(PLANNED_START).getYear();
      int remaining = initiatives.remainingDays(initiator, year);
      if (submission.integer(REQUESTED_DAYS) > remaining) {
        violations.add(REQUESTED_DAYS, "you have " + Math.max(remaining, 0) + " initiative day(s) left for " + year
            + " (quota " + initiatives.annualQuota() + " days per year)");
      }
    });
  }

  /** Report: no more days used than granted. */
  @Bean
  FormRules initiativeReportRules(InitiativeService initiatives) {
    return FormRules.of(FORM_REPORT, (submission, violations) -> {
      int granted = initiatives.find((String) submission.existingValue(INITIATIVE_ID)).orElseThrow().grantedDays();
      if (submission.integer(DAYS_USED) > granted) {
        violations.add(DAYS_USED, "at most the " + granted + " day(s) granted");
      }
    });
  }

  /** Assessment: extend once only, within the initiator's remaining quota. */
  @Bean
  FormRules initiativeAssessmentRules(InitiativeService initiatives) {
    return FormRules.of(FORM_ASSESSMENT, (submission, violations) -> {
      if (!Assessment.EXTEND.name().equals(submission.text(ASSESSMENT))) {
        return;
      }
      Object extensions = submission.existingValue(EXTENSIONS);
      if (extensions instanceof Integer n && n >= 1) {
        violations.add(ASSESSMENT, "an initiative is extended once only: relay it or close it");
        return;
      }
      int remaining = initiatives.remainingForExtension((String) submission.existingValue(INITIATIVE_ID));
      if (submission.integer(EXTRA_DAYS) > remaining) {
        violations.add(EXTRA_DAYS, "the initiator has " + Math.max(remaining, 0) + " initiative day(s) left this year");
      }
    });
  }
}
