package fr.reflexespublics.notification;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.ReflexesProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mails the people who can act on a new user task: its assignee, or else its candidate users
 * and the members of its candidate groups (groups larger than
 * {@code reflexes.mail.max-group-recipients} are skipped: they watch their Tasklist filter).
 */
@Component
public class TaskNotifier {

  public static final String TEMPLATE = "task-created";
  private static final Logger LOG = LoggerFactory.getLogger(TaskNotifier.class);

  private final MailService mail;
  private final OrganisationService organisation;
  private final ReflexesProperties properties;

  public TaskNotifier(MailService mail, OrganisationService organisation, ReflexesProperties properties) {
    this.mail = mail;
    this.organisation = organisation;
    this.properties = properties;
  }

  public MailService.Outcome notifyCreated(TaskEntity task) {
    OrganisationService.Recipients recipients = organisation.recipients();
    if (task.getAssignee() != null) {
      recipients.addUser(task.getAssignee());
    } else {
      int limit = properties.mail().maxGroupRecipients();
      for (IdentityLink link : task.getCandidates()) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null) {
          recipients.addUser(link.getUserId());
        } else if (link.getGroupId() != null && recipients.addGroup(link.getGroupId(), limit) == 0) {
          LOG.info("Task {}: group {} is empty or larger than {}, not mailed member by member",
              task.getId(), link.getGroupId(), limit);
        }
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("taskName", task.getName());
    model.put("processName", task.getProcessDefinition() == null ? null : task.getProcessDefinition().getName());
    model.put("dueDate", task.getDueDate());
    model.put("taskLink", properties.taskLink(task.getId()));
    return mail.send("task-created:" + task.getId(), TEMPLATE, recipients.addresses(), model);
  }
}
