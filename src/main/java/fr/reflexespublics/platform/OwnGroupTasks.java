package fr.reflexespublics.platform;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;

/**
 * The engine's authorization manager as the project opens it: a user's groups as given
 * ({@link UserGroupsAsGiven}), and a query for the tasks offered to the user's own groups answered
 * by the candidate links alone (docs/security.md, "Own group tasks").
 *
 * <p>When a group becomes a candidate of a task, the engine grants that group READ on the task
 * (its default authorization provider: READ and TASK_WORK, one row per task). A query that only
 * returns tasks having a candidate link to one of the user's own groups therefore returns tasks
 * the user may read, every one of them: the engine's check adds nothing to the answer. It costs a
 * lot: the engine joins ACT_RU_AUTHORIZATION and checks every candidate task before it can sort
 * and return the first page ("My group tasks" of a caller at 10,000 open calls: about 200 ms of
 * the 210–335 ms its SQL took on PostgreSQL, docs/performance.md section 4). Here the check is left
 * out for such a query, and only for it:
 * <ul>
 *   <li>candidate groups given (a list, or Tasklist's {@code ${currentUserGroups()}}), every one
 *       of them a group of the authenticated user;</li>
 *   <li>no candidate user, no candidate group pattern: both widen the candidate condition (OR);</li>
 *   <li>no {@code or()} part: everything else in the query narrows the answer.</li>
 * </ul>
 * Any other task query keeps the engine's check, so does every query of a user outside the groups
 * asked for. The grant a candidate group holds cannot be revoked ({@code GrantsOnly}) nor taken
 * away while the group is a candidate of the task ({@code GrantsOnly} refuses it as well): what
 * this class relies on stays true.
 */
public class OwnGroupTasks extends UserGroupsAsGiven {

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    AuthorizationCheck check = query.getAuthCheck();
    if (check.isAuthorizationCheckEnabled() && onlyOwnGroupCandidates(query, check.getAuthGroupIds())) {
      check.setAuthorizationCheckEnabled(false);
    }
  }

  /** True when the query returns only tasks having a candidate link to one of {@code userGroups}. */
  static boolean onlyOwnGroupCandidates(TaskQueryImpl query, List<String> userGroups) {
    if (query.getQueries().size() != 1 || query.getCandidateUser() != null || query.getCandidateGroupLike() != null) {
      return false;
    }
    List<String> candidateGroups = query.getCandidateGroups();
    return candidateGroups != null && !candidateGroups.isEmpty()
        && userGroups != null && userGroups.containsAll(candidateGroups);
  }
}
