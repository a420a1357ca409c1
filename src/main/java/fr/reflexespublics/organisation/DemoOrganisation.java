package fr.reflexespublics.organisation;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo organisation of DESIGN.md (demo profile only): users, group memberships, services and
 * who belongs where. Every demo user has the password {@value #DEMO_PASSWORD}. Idempotent.
 */
@Component
public class DemoOrganisation {

  public static final String DEMO_PASSWORD = "demo";
  private static final String MAIL_DOMAIN = "@example.org";
  private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

  /** A demo user: id, names, job title, service, groups besides {@code agents}. */
  public record DemoUser(String id, String firstName, String lastName, String jobTitle, String serviceId,
      List<String> groups) {}

  /** A demo service: id, name, head, parent. */
  public record DemoService(String id, String name, String head, String parent) {}

  public static final List<DemoService> SERVICES = List.of(
      new DemoService("general-direction", "General Direction", "diane", null),
      new DemoService("roads", "Roads", "marc", "general-direction"),
      new DemoService("early-childhood", "Early Childhood", "nadia", "general-direction"),
      new DemoService("innovation-lab", "Innovation Lab", "ines", "general-direction"),
      new DemoService("human-resources", "Human Resources", "hugo", "general-direction"),
      new DemoService("social-action", "Social Action", "olga", "general-direction"),
      new DemoService("partnerships", "Partnerships and Associations", "paula", "general-direction"),
      new DemoService("communication", "Internal Communication", "colin", "general-direction"));

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("alice", "Alice", "Martin", "Road agent", "roads", List.of()),
      new DemoUser("bruno", "Bruno", "Petit", "Childcare assistant (novice caller)", "early-childhood",
          List.of(Groups.HOTLINE_CALLERS)),
      new DemoUser("chloe", "Chloé", "Durand", "Social worker (experienced caller)", "early-childhood",
          List.of(Groups.HOTLINE_CALLERS)),
      new DemoUser("marc", "Marc", "Lefebvre", "Head of Roads", "roads", List.of(Groups.MANAGERS)),
      new DemoUser("nadia", "Nadia", "Benali", "Head of Early Childhood", "early-childhood",
          List.of(Groups.MANAGERS)),
      new DemoUser("ines", "Inès", "Moreau", "Innovation lab", "innovation-lab", List.of(Groups.INNOVATION_UNIT)),
      new DemoUser("hugo", "Hugo", "Garnier", "Human resources", "human-resources",
          List.of(Groups.HR, Groups.HOTLINE_COORDINATORS)),
      new DemoUser("olga", "Olga", "Roux", "Social orientator", "social-action", List.of(Groups.ORIENTATORS)),
      new DemoUser("paula", "Paula", "Fournier", "Partnership manager", "partnerships",
          List.of(Groups.PARTNERSHIPS)),
      new DemoUser("diane", "Diane", "Lambert", "Director general of services", "general-direction",
          List.of(Groups.DIRECTORS)),
      new DemoUser("colin", "Colin", "Mercier", "Internal communication", "communication",
          List.of(Groups.COMMUNICATIONS)));

  private final IdentityService identityService;
  private final JdbcTemplate jdbc;

  public DemoOrganisation(IdentityService identityService, JdbcTemplate jdbc) {
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  public void seed() {
    for (DemoService service : SERVICES) {
      if (count("SELECT COUNT(*) FROM org_service WHERE id = ?", service.id()) == 0) {
        jdbc.update("INSERT INTO org_service (id, name, head_user_id, parent_service_id) VALUES (?, ?, ?, ?)",
            service.id(), service.name(), service.head(), service.parent());
      }
    }
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + MAIL_DOMAIN);
        user.setPassword(DEMO_PASSWORD);
        identityService.saveUser(user);
      }
      addMembership(demo.id(), Groups.AGENTS);
      demo.groups().forEach(group -> addMembership(demo.id(), group));
      if (count("SELECT COUNT(*) FROM org_agent WHERE user_id = ?", demo.id()) == 0) {
        jdbc.update("INSERT INTO org_agent (user_id, service_id, job_title) VALUES (?, ?, ?)",
            demo.id(), demo.serviceId(), demo.jobTitle());
      }
    }
    LOG.info("Demo organisation in place: {} users, {} services", USERS.size(), SERVICES.size());
  }

  private void addMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}
