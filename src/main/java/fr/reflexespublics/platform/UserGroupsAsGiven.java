package fr.reflexespublics.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, checking a user's groups as given instead of first asking
 * the database which groups hold an authorization at all.
 *
 * <p>Before its first check in a command, the engine's manager runs
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} and keeps, of the user's groups,
 * those found: a shorter {@code GROUP_ID_ IN (...)} in the checks that follow, for directories
 * where a user belongs to hundreds of groups. Here a user belongs to a handful (docs/security.md),
 * while that table holds a row per open task's assignee and candidate group: the query reads
 * tens of thousands of rows, once in every command a user runs (a Tasklist page, a completion), to
 * remove one or two ids from a list of five.
 *
 * <p>Checking every group of the user is the same decision: a group without any authorization
 * matches no row of the checks. Only the length of the list changes. A deployment whose users
 * belong to hundreds of groups (a directory plugged in) should let {@link OwnGroupTasks} extend the
 * engine's manager instead.
 */
public class UserGroupsAsGiven extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    // a mutable list, as the engine's: MyBatis reads it by reflection
    return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
  }
}
