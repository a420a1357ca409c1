package fr.reflexespublics.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the contract and the authorizations of docs/security.md, in every
 * profile. Idempotent: existing grants are extended, never duplicated.
 */
@Component
public class AuthorizationSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSeeder.class);
  private static final String ANY = Authorization.ANY;
  private static final String TASKLIST = "tasklist";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final List<ProcessAccess> processAccess;

  public AuthorizationSeeder(IdentityService identityService, AuthorizationService authorizationService,
      List<ProcessAccess> processAccess) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.processAccess = processAccess;
  }

  public void seed() {
    Groups.ALL.forEach(this::ensureGroup);

    // Every staff member: Tasklist, the staff directory (names in task lists), starting instances.
    grant(Groups.AGENTS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(Groups.AGENTS, Resources.USER, ANY, Permissions.READ);
    grant(Groups.AGENTS, Resources.GROUP, ANY, Permissions.READ);
    grant(Groups.AGENTS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    for (ProcessAccess access : processAccess) {
      for (String group : access.starterGroups()) {
        grant(group, Resources.PROCESS_DEFINITION, access.processKey(),
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      }
      for (String group : access.participantGroups()) {
        grant(group, Resources.PROCESS_DEFINITION, access.processKey(), ProcessDefinitionPermissions.READ);
      }
      for (String group : access.followerGroups()) {
        grant(group, Resources.PROCESS_DEFINITION, access.processKey(),
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      }
    }
    LOG.info("Groups and authorizations in place ({} processes with access rules)", processAccess.size());
  }

  /** Grants READ on a filter to a group (Tasklist filters are resources of their own). */
  public void grantFilterRead(String groupId, String filterId) {
    grant(groupId, Resources.FILTER, filterId, Permissions.READ);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.CAMUNDA_ADMIN.equals(id)
          ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
          : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
    }
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing;
    boolean changed = false;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
      LOG.debug("Granted {} on {} {} to group {}", Arrays.toString(permissions), resource.resourceName(),
          resourceId, groupId);
    }
  }
}
