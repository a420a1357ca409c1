package fr.reflexespublics.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The organisation: which service an agent belongs to, who manages whom. Users and groups
 * live in Camunda's identity service; services and memberships in application tables.
 */
@Service
public class OrganisationService {

  /** Users looked up by one query (the IN list's size). */
  static final int USERS_PER_QUERY = 200;

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;

  public OrganisationService(JdbcTemplate jdbc, IdentityService identityService) {
    this.jdbc = jdbc;
    this.identityService = identityService;
  }

  /** A service of the administration. */
  public record OrgService(String id, String name, String headUserId, String parentServiceId) {}

  public Optional<OrgService> serviceOf(String userId) {
    return jdbc.query("""
        SELECT s.id, s.name, s.head_user_id, s.parent_service_id
          FROM org_agent a JOIN org_service s ON s.id = a.service_id
         WHERE a.user_id = ?""",
        (rs, i) -> new OrgService(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        userId).stream().findFirst();
  }

  public Optional<OrgService> service(String serviceId) {
    return jdbc.query("SELECT id, name, head_user_id, parent_service_id FROM org_service WHERE id = ?",
        (rs, i) -> new OrgService(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        serviceId).stream().findFirst();
  }

  public List<OrgService> services() {
    return jdbc.query("SELECT id, name, head_user_id, parent_service_id FROM org_service ORDER BY name",
        (rs, i) -> new OrgService(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  /**
   * The manager of an agent: the head of their service, or for a head, the head of the parent
   * service. Empty for the top of the organisation or an agent outside the organisation table.
   */
  public Optional<String> managerOf(String userId) {
    Optional<OrgService> service = serviceOf(userId);
    while (service.isPresent()) {
      String head = service.get().headUserId();
      if (head != null && !head.equals(userId)) {
        return Optional.of(head);
      }
      String parent = service.get().parentServiceId();
      service = parent == null ? Optional.empty() : service(parent);
    }
    return Optional.empty();
  }

  public boolean serviceExists(String serviceId) {
    return service(serviceId).isPresent();
  }

  /** Whether the agent belongs to the service (org_agent). */
  public boolean worksIn(String userId, String serviceId) {
    return serviceOf(userId).map(s -> s.id().equals(serviceId)).orElse(false);
  }

  /** Whether the group is in the directory, whoever asks (see {@link #lookUp}). */
  public boolean groupExists(String groupId) {
    return groupId != null && !groupId.isBlank()
        && lookUp(() -> identityService.createGroupQuery().groupId(groupId).count()) == 1;
  }

  /** Whether the user is in the directory, whoever asks (see {@link #lookUp}). */
  public boolean userExists(String userId) {
    return userId != null && !userId.isBlank()
        && lookUp(() -> identityService.createUserQuery().userId(userId).count()) == 1;
  }

  /** Whether the user belongs to the group, whoever asks (see {@link #lookUp}). */
  public boolean isMember(String userId, String groupId) {
    return lookUp(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count()) == 1;
  }

  /**
   * Runs a lookup the application makes for its own rules and mails (a form naming a colleague who
   * must exist, a retex's participants, a mail's recipients) without the authorization check of
   * the user whose command is running: the answer must not depend on whether that user may list
   * the directory, and the engine's check would join ACT_RU_AUTHORIZATION to every user query.
   * Every lookup of this class goes through it; none of them answers a user's listing (Tasklist
   * and the REST API list users under the user's own authorizations).
   */
  private static <T> T lookUp(Supplier<T> query) {
    CommandContext context = Context.getCommandContext();
    return context == null ? query.get() : context.runWithoutAuthorization(query::get);
  }

  /** Display name of a user ("First Last"), or the id when the user is unknown. */
  public String displayName(String userId) {
    User user = lookUp(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  /**
   * Ids of the members of a group, at most {@code limit} (empty when the group is larger): one
   * query, a page of {@code limit + 1}.
   */
  public List<String> membersOf(String groupId, int limit) {
    return List.copyOf(addressesOfMembers(groupId, limit).keySet());
  }

  /**
   * The members of a group and their mail address (null for a member without one), at most
   * {@code limit} (empty when the group is larger), in the directory's order: one query, a page of
   * {@code limit + 1}. The users come with their address: a mail to the group needs no second query.
   */
  public Map<String, String> addressesOfMembers(String groupId, int limit) {
    int page = limit == Integer.MAX_VALUE ? limit : limit + 1;
    Map<String, String> members = new LinkedHashMap<>();
    lookUp(() -> identityService.createUserQuery().memberOfGroup(groupId).listPage(0, page))
        .forEach(user -> members.put(user.getId(), user.getEmail()));
    return members.size() > limit ? Map.of() : members;
  }

  /**
   * Mail addresses of the given users that have one, in the order given, duplicates and unknown
   * users left out: one query per {@value #USERS_PER_QUERY} users, not one per user (a mail to a
   * group's members looked each member up on its own).
   */
  public List<String> emailsOf(Collection<String> userIds) {
    return emailsOf(userIds, Map.of());
  }

  /** Recipients of one mail, to be added user by user and group by group. */
  public Recipients recipients() {
    return new Recipients();
  }

  /**
   * The users a mail goes to, in the order added, and their addresses: a group's members come with
   * theirs ({@link #addressesOfMembers}), the others are looked up together ({@link #emailsOf}).
   */
  public final class Recipients {
    private final Set<String> users = new LinkedHashSet<>();
    private final Map<String, String> known = new HashMap<>();

    private Recipients() {}

    public void addUser(String userId) {
      users.add(userId);
    }

    /** Adds the group's members, none when it has more than {@code limit}; returns how many were added. */
    public int addGroup(String groupId, int limit) {
      Map<String, String> members = addressesOfMembers(groupId, limit);
      users.addAll(members.keySet());
      known.putAll(members);
      return members.size();
    }

    /** The addresses of the users added, as {@link #emailsOf(Collection)} gives them. */
    public List<String> addresses() {
      return emailsOf(users, known);
    }
  }

  /**
   * As {@link #emailsOf(Collection)}, the users found in {@code known} (id to address, null for
   * none: {@link #addressesOfMembers}) taken from it instead of looked up.
   */
  private List<String> emailsOf(Collection<String> userIds, Map<String, String> known) {
    List<String> ids = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
    Map<String, String> emails = new HashMap<>(known);
    List<String> unknown = ids.stream().filter(id -> !known.containsKey(id)).toList();
    for (int from = 0; from < unknown.size(); from += USERS_PER_QUERY) {
      List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + USERS_PER_QUERY));
      lookUp(() -> identityService.createUserQuery().userIdIn(chunk.toArray(String[]::new)).listPage(0, chunk.size()))
          .forEach(user -> emails.put(user.getId(), user.getEmail()));
    }
    return ids.stream().map(emails::get).filter(e -> e != null && !e.isBlank()).toList();
  }
}
