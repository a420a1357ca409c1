package fr.reflexespublics.platform;

import fr.reflexespublics.notification.DedupKeys;
import fr.reflexespublics.notification.MailService;
import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.organisation.ProcessAccess;
import fr.reflexespublics.security.forms.FormRules;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the test-only process {@code foundation-check} (src/test/resources/processes): who may
 * start it, a cross-field rule of its start form, and its mail delegate.
 */
@Configuration
public class FoundationCheckConfiguration {

  public static final String PROCESS_KEY = "foundation-check";
  public static final String REQUEST_FORM = "foundation-check-request";
  public static final String TASK_REVIEW = "Task_Review";
  public static final String TASK_SEND_CONFIRMATION = "Task_SendConfirmation";
  public static final int PHONE_LIMIT = 5;

  @Bean
  ProcessAccess foundationCheckAccess() {
    return new ProcessAccess(PROCESS_KEY, Set.of(Groups.AGENTS), Set.of(Groups.MANAGERS));
  }

  @Bean
  FormRules foundationCheckRequestRules() {
    return FormRules.of(REQUEST_FORM, (submission, violations) -> {
      if ("PHONE".equals(submission.text("channel")) && submission.integer("quantity") > PHONE_LIMIT) {
        violations.add("quantity", "at most " + PHONE_LIMIT + " by phone");
      }
    });
  }

  @Bean
  JavaDelegate foundationCheckMail(MailService mail, OrganisationService organisation) {
    return execution -> {
      String initiator = (String) execution.getVariable("initiator");
      mail.send(DedupKeys.forStep(execution, null), "foundation-check-confirmation",
          organisation.emailsOf(java.util.List.of(initiator)),
          Map.of("subject", execution.getVariable("subject"), "decision", execution.getVariable("decision")));
    };
  }
}
