package fr.reflexespublics.organisation;

import java.util.Set;

/**
 * Who may start a process and who may follow its instances. Every process module declares one
 * as a bean; {@link AuthorizationSeeder} turns them into Camunda authorizations.
 *
 * @param processKey the process definition key
 * @param starterGroups groups that may start the process (READ + CREATE_INSTANCE on the definition)
 * @param followerGroups groups that may read its instances, history and tasks
 * @param participantGroups groups that act in some of its tasks: READ on the definition, so that
 *     Tasklist shows them the process name and diagram of their tasks
 */
public record ProcessAccess(String processKey, Set<String> starterGroups, Set<String> followerGroups,
    Set<String> participantGroups) {

  public ProcessAccess {
    starterGroups = Set.copyOf(starterGroups);
    followerGroups = Set.copyOf(followerGroups);
    participantGroups = Set.copyOf(participantGroups);
  }

  public ProcessAccess(String processKey, Set<String> starterGroups, Set<String> followerGroups) {
    this(processKey, starterGroups, followerGroups, Set.of());
  }
}
