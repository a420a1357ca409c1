package fr.reflexespublics.notification;

import fr.reflexespublics.organisation.OrganisationService;
import fr.reflexespublics.platform.ReflexesProperties;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
    Set<String> users = new LinkedHashSet<>();
    Map<String, String> known = new HashMap<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    } else {
      int limit = properties.mail().maxGroupRecipients();
      for (IdentityLink link : task.getCandidates()) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        } else if (link.getGroupId() != null) {
          Map<String, String> members = organisation.addressesOfMembers(link.getGroupId(), limit);
          if (members.isEmpty()) {
            LOG.info("Task {}: group {} is empty or larger than {}, not mailed member by member",
                task.getId(), link.getGroupId(), limit);
          }
          users.addAll(members.keySet());
          known.putAll(members);
        }
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("taskName", task.getName());
    model.put("processName", task.getProcessDefinition() == null ? null : task.getProcessDefinition().getName());
    model.put("dueDate", task.getDueDate());
    model.put("taskLink", properties.taskLink(task.getId()));
    return mail.send("task-created:" + task.getId(), TEMPLATE, organisation.emailsOf(users, known), model);
  }
}
