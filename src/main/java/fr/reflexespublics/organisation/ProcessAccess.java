package fr.reflexespublics.organisation;

import java.util.Set;

/**
 * Who may start a process and who may follow its instances. Every process module declares one
 * as a bean; {@link AuthorizationSeeder} turns them into Camunda authorizations.
 *
 * @param processKey the process definition key
 * @param starterGroups groups that may start the process (READ + CREATE_INSTANCE on the definition)
 * @param followerGroups groups that may read its instances, history and tasks
 */
public record ProcessAccess(String processKey, Set<String> starterGroups, Set<String> followerGroups) {

  public ProcessAccess {
    starterGroups = Set.copyOf(starterGroups);
    followerGroups = Set.copyOf(followerGroups);
  }
}
