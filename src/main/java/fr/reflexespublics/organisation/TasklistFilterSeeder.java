package fr.reflexespublics.organisation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, readable by every agent. Idempotent (matched by name): an existing
 * filter gets the query and properties below at every start.
 */
@Component
public class TasklistFilterSeeder {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUP_TASKS = "My group tasks";
  public static final String DUE_SOON = "Due soon / overdue";

  private static final String CURRENT_USER = "${currentUser()}";
  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationSeeder authorizations;

  public TasklistFilterSeeder(FilterService filterService, TaskService taskService,
      AuthorizationSeeder authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  public void seed() {
    // involved user: assignee, owner or a link by name. Not "assignee or candidate user": Camunda's
    // candidate user also matches every task of the user's groups, which "My group tasks" lists
    ensure(MY_TASKS, -10, "Tasks assigned to me, offered to me by name, or delegated by me",
        taskService.createTaskQuery().taskInvolvedUserExpression(CURRENT_USER).orderByDueDate().asc());
    ensure(MY_GROUP_TASKS, -5, "Unclaimed tasks of my groups: claim one to work on it",
        taskService.createTaskQuery()
            .taskCandidateGroupInExpression(CURRENT_USER_GROUPS).taskUnassigned()
            .orderByTaskCreateTime().asc());
    ensure(DUE_SOON, 0, "My tasks and my groups' tasks due within two days or overdue",
        taskService.createTaskQuery()
            .or().taskAssigneeExpression(CURRENT_USER).taskCandidateUserExpression(CURRENT_USER)
            .taskCandidateGroupInExpression(CURRENT_USER_GROUPS).endOr()
            .dueBeforeExpression("${dateTime().plusDays(2)}")
            .orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    filter.setProperties(properties);
    filter.setQuery(query);
    filterService.saveFilter(filter);
    authorizations.grantFilterRead(Groups.AGENTS, filter.getId());
  }
}
