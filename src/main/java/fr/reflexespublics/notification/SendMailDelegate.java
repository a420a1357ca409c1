package fr.reflexespublics.notification;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.ReflexesProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The one mail step of every process: {@code camunda:delegateExpression="${sendMail}"} on an
 * {@code asyncBefore} service task, with fields ({@code camunda:field}, a fixed
 * {@code camunda:string} or a {@code camunda:expression} evaluated when the mail goes):
 * <ul>
 *   <li>{@value #TEMPLATE}: template name under templates/mail/ (required);</li>
 *   <li>{@value #TO}: recipients, a comma-separated string or a collection of user ids and
 *       {@code group:<id>} entries (members of the group);</li>
 *   <li>{@value #TO_ADDRESSES}: extra addresses outside the organisation (optional);</li>
 *   <li>{@value #MODEL}: a map of extra template values, e.g. records read by a recorder bean
 *       (optional).</li>
 * </ul>
 * Fields, not input parameters: an input parameter is a local variable, written to the runtime
 * and history tables and deleted when the step ends (the recipients would stay in the history,
 * a map of values as a serialized object); a field is evaluated and gone. The bean is
 * prototype-scoped: the engine injects the fields into the instance {@code ${sendMail}} resolves
 * to, so each step gets its own instance and two mail steps running at once on two job threads
 * cannot see each other's fields. Steps of earlier deployments that still pass input parameters
 * are read as before.
 *
 * <p>The template sees the process variables it names ({@link MailService#wordsOf}: the others are
 * not read), {@code processInstanceId}, {@code baseUrl} and the extra values. Sent once per step
 * (see {@link DedupKeys}).
 */
@Component("sendMail")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
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

  // fields injected by the engine (camunda:field); null when the step passes input parameters
  private Expression mailTemplate;
  private Expression mailTo;
  private Expression mailToAddresses;
  private Expression mailModel;

  @Override
  public void execute(DelegateExecution execution) {
    Object template = value(execution, mailTemplate, TEMPLATE);
    if (template == null || template.toString().isBlank()) {
      throw new IllegalStateException("Mail step " + execution.getCurrentActivityId() + " has no " + TEMPLATE);
    }
    List<String> addresses = new ArrayList<>(recipients(value(execution, mailTo, TO)).addresses());
    addresses.addAll(entries(value(execution, mailToAddresses, TO_ADDRESSES)));
    Map<String, Object> model = new LinkedHashMap<>();
    Set<String> named = mail.wordsOf(template.toString());
    for (String name : execution.getVariableNames()) {
      if (named.contains(name)) {
        model.put(name, execution.getVariable(name));
      }
    }
    model.put("processInstanceId", execution.getProcessInstanceId());
    if (value(execution, mailModel, MODEL) instanceof Map<?, ?> extra) {
      extra.forEach((k, v) -> model.put(String.valueOf(k), v));
    }
    mail.send(DedupKeys.forStep(execution, template.toString()), template.toString(), addresses, model);
  }

  public void setMailTemplate(Expression mailTemplate) {
    this.mailTemplate = mailTemplate;
  }

  public void setMailTo(Expression mailTo) {
    this.mailTo = mailTo;
  }

  public void setMailToAddresses(Expression mailToAddresses) {
    this.mailToAddresses = mailToAddresses;
  }

  public void setMailModel(Expression mailModel) {
    this.mailModel = mailModel;
  }

  /** The field's value, or (a step of an earlier deployment) the input parameter of that name. */
  private static Object value(DelegateExecution execution, Expression field, String inputParameter) {
    return field != null ? field.getValue(execution) : execution.getVariableLocal(inputParameter);
  }

  /** The users {@code entries} names, groups' members included. */
  private OrganisationService.Recipients recipients(Object entries) {
    OrganisationService.Recipients recipients = organisation.recipients();
    for (String entry : entries(entries)) {
      if (entry.startsWith(GROUP_PREFIX)) {
        recipients.addGroup(entry.substring(GROUP_PREFIX.length()), properties.mail().maxGroupRecipients());
      } else {
        recipients.addUser(entry);
      }
    }
    return recipients;
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
