package fr.reflexespublics.mobility;

import static fr.reflexespublics.mobility.MobilityProcess.*;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.security.forms.FormRules;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the micro-mobility forms: coherent requests, and picks that never violate a constraint. */
@Configuration
public class MobilityFormRules {

  @Bean
  FormRules reinforcementRequestRules(OrganisationService organisation) {
    return FormRules.of(FORM_REQUEST, (submission, violations) -> {
      if (submission.date(END_DATE).isBefore(submission.date(START_DATE))) {
        violations.add(END_DATE, "must not be before the start date");
      }
      String service = submission.text(RECEIVING_SERVICE);
      String tutor = submission.text(TUTOR_USER_ID);
      if (!organisation.serviceExists(service)) {
        violations.add(RECEIVING_SERVICE, "'" + abbreviate(service) + "' is not a service of the organisation");
      } else if (!organisation.userExists(tutor)) {
        violations.add(TUTOR_USER_ID, "'" + abbreviate(tutor) + "' is not a user");
      } else if (!organisation.worksIn(tutor, service)) {
        violations.add(TUTOR_USER_ID, "the tutor works in the receiving service ('" + tutor + "' does not)");
      }
    });
  }

  /** HR's picks: registered volunteers, no constraint violated, no more than requested. */
  @Bean
  FormRules selectAgentsRules(VolunteerPool pool) {
    return FormRules.of(FORM_SELECT, (submission, violations) -> {
      List<String> picked = VolunteerPool.list(submission.text(SELECTED_AGENTS));
      Object needed = submission.existingValue(AGENTS_NEEDED);
      if (needed instanceof Integer n && picked.size() > n) {
        violations.add(SELECTED_AGENTS, "at most the " + n + " agent(s) requested");
      }
      LocalDate start = LocalDate.parse((String) submission.existingValue(START_DATE));
      LocalDate end = LocalDate.parse((String) submission.existingValue(END_DATE));
      Matching.Need need = new Matching.Need(VolunteerPool.set((String) submission.existingValue(SKILLS)), start, end,
          Boolean.TRUE.equals(submission.existingValue(WEEKEND_WORK)), (String) submission.existingValue(RECEIVING_SERVICE));
      for (String agent : picked) {
        pool.asVolunteer(agent, start, end).ifPresentOrElse(
            v -> Matching.violation(v, need).ifPresent(reason -> violations.add(SELECTED_AGENTS, reason)),
            () -> violations.add(SELECTED_AGENTS, "'" + abbreviate(agent) + "' is not in the volunteer pool"));
      }
    });
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
