package fr.reflexespublics.relay;

import static fr.reflexespublics.relay.RelayProcess.*;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.security.forms.FormRules;
import fr.reflexespublics.security.forms.FormSubmission;
import fr.reflexespublics.security.forms.Violations;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the relay forms: people and departments must exist in the organisation. */
@Configuration
public class RelayFormRules {

  @Bean
  FormRules relayLaunchRules(OrganisationService organisation) {
    return FormRules.of(FORM_LAUNCH, (submission, violations) -> {
      String[] ids = submission.text(INITIATORS).split(",");
      for (String id : ids) {
        if (!id.isBlank() && !organisation.userExists(id.trim())) {
          violations.add(INITIATORS, "'" + abbreviate(id.trim()) + "' is not a user");
        }
      }
      if (Arrays.stream(ids).allMatch(String::isBlank)) {
        violations.add(INITIATORS, "at least one initiator (user id) is required");
      }
    });
  }

  @Bean
  FormRules relayIdentifyCarrierRules(OrganisationService organisation) {
    return FormRules.of(FORM_IDENTIFY_CARRIER, (submission, violations) -> checkCarrier(organisation, submission, violations));
  }

  @Bean
  FormRules relayArbitrationRules(OrganisationService organisation) {
    return FormRules.of(FORM_ARBITRATION, (submission, violations) -> {
      if (Arbitration.DESIGNATE.name().equals(submission.text(ARBITRATION))) {
        checkCarrier(organisation, submission, violations);
      }
    });
  }

  private static void checkCarrier(OrganisationService organisation, FormSubmission submission, Violations violations) {
    String department = submission.text(CARRIER_DEPARTMENT);
    String carrier = submission.text(CARRIER_USER_ID);
    if (!organisation.serviceExists(department)) {
      violations.add(CARRIER_DEPARTMENT, "'" + abbreviate(department) + "' is not a department of the organisation");
    } else if (!organisation.userExists(carrier)) {
      violations.add(CARRIER_USER_ID, "'" + abbreviate(carrier) + "' is not a user");
    } else if (!organisation.worksIn(carrier, department)) {
      violations.add(CARRIER_USER_ID, "'" + carrier + "' does not work in the department '" + department + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
