package fr.reflexespublics.notification;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.ReflexesProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one mail step of every process: {@code camunda:delegateExpression="${sendMail}"} on an
 * {@code asyncBefore} service task, with input parameters:
 * <ul>
 *   <li>{@value #TEMPLATE}: template name under templates/mail/ (required);</li>
 *   <li>{@value #TO}: recipients, a comma-separated string or a collection of user ids and
 *       {@code group:<id>} entries (members of the group);</li>
 *   <li>{@value #TO_ADDRESSES}: extra addresses outside the organisation (optional);</li>
 *   <li>{@value #MODEL}: a map of extra template values, e.g. records read by a recorder bean
 *       (optional).</li>
 * </ul>
 * The template sees the process variables, {@code processInstanceId}, {@code baseUrl} and the
 * extra values. Sent once per step (see {@link DedupKeys}).
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

  public static final String TEMPLATE = "mailTemplate";
  public static final String TO = "mailTo";
  public static final String TO_ADDRESSES = "mailToAddresses";
  public static final String MODEL = "mailModel";
  public static final String GROUP_PREFIX = "group:";

  private final MailService mail;
  private final OrganisationService organisation;
  private final ReflexesProperties properties;

  public SendMailDelegate(MailService mail, OrganisationService organisation, ReflexesProperties properties) {
    this.mail = mail;
    this.organisation = organisation;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariableLocal(TEMPLATE);
    if (template == null || template.isBlank()) {
      throw new IllegalStateException("Mail step " + execution.getCurrentActivityId() + " has no " + TEMPLATE);
    }
    List<String> addresses = new ArrayList<>(organisation.emailsOf(users(execution.getVariableLocal(TO))));
    addresses.addAll(entries(execution.getVariableLocal(TO_ADDRESSES)));
    Map<String, Object> model = new LinkedHashMap<>(execution.getVariables());
    model.put("processInstanceId", execution.getProcessInstanceId());
    if (execution.getVariableLocal(MODEL) instanceof Map<?, ?> extra) {
      extra.forEach((k, v) -> model.put(String.valueOf(k), v));
    }
    mail.send(DedupKeys.forStep(execution, template), template, addresses, model);
  }

  private Set<String> users(Object recipients) {
    Set<String> users = new LinkedHashSet<>();
    for (String entry : entries(recipients)) {
      if (entry.startsWith(GROUP_PREFIX)) {
        users.addAll(organisation.membersOf(entry.substring(GROUP_PREFIX.length()),
            properties.mail().maxGroupRecipients()));
      } else {
        users.add(entry);
      }
    }
    return users;
  }

  private static List<String> entries(Object value) {
    List<String> entries = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> entries.addAll(entries(v)));
    } else if (value != null) {
      for (String part : value.toString().split(",")) {
        if (!part.isBlank()) {
          entries.add(part.trim());
        }
      }
    }
    return entries;
  }
}
