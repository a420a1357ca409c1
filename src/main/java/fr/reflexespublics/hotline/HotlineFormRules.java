package fr.reflexespublics.hotline;

import static fr.reflexespublics.hotline.FollowUpProcess.*;

import fr.reflexespublics.hotline.FollowUpProcess.Need;
import fr.reflexespublics.security.forms.FormRules;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rules of the reverse hotline forms beyond their JSON. */
@Configuration
public class HotlineFormRules {

  /** A campaign must select someone: a register that exists, consenting persons that match. */
  @Bean
  FormRules hotlineCampaignRules(RegisterService register) {
    return FormRules.of(CampaignProcess.FORM_CAMPAIGN, (submission, violations) -> {
      RegisterService.Selection selection = new RegisterService.Selection(
          submission.text(CampaignProcess.SOURCE_REGISTER), submission.text(CampaignProcess.COMPLEXITY),
          submission.text(CampaignProcess.AGE_BAND));
      if (register.count(selection) == 0) {
        violations.add(CampaignProcess.SOURCE_REGISTER,
            "no consenting person of this register matches the selection");
      }
    });
  }

  /** "No need" cannot go with needs. */
  @Bean
  FormRules hotlineCallRules() {
    return FormRules.of(FORM_CALL, (submission, violations) -> {
      List<String> needs = submission.strings(NEEDS);
      if (needs.contains(Need.NONE.name()) && needs.size() > 1) {
        violations.add(NEEDS, "NONE cannot go with other needs");
      }
    });
  }

  /** The orientator routes to a configured service. */
  @Bean
  FormRules hotlineOrientRules(HotlineSettings settings) {
    return FormRules.of(FORM_ORIENT, (submission, violations) -> {
      if (!settings.services().containsKey(submission.text(TARGET_SERVICE))) {
        violations.add(TARGET_SERVICE, "not one of the services " + new java.util.TreeSet<>(settings.services().keySet()));
      }
    });
  }
}
