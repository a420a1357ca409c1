package fr.reflexespublics.organisation;

import fr.reflexespublics.platform.ReflexesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At startup: groups, authorizations and Tasklist filters (every profile), then the demo
 * organisation and the modules' demo data (demo profile only), in one transaction.
 */
@Component
@Order(0)
public class OrganisationBootstrap implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationBootstrap.class);

  private final AuthorizationSeeder authorizations;
  private final TasklistFilterSeeder filters;
  private final DemoOrganisation demo;
  private final ReflexesProperties properties;
  private final TransactionTemplate transaction;
  private final java.util.List<DemoData> moduleDemoData;

  public OrganisationBootstrap(AuthorizationSeeder authorizations, TasklistFilterSeeder filters,
      DemoOrganisation demo, ReflexesProperties properties, TransactionTemplate transaction,
      java.util.List<DemoData> moduleDemoData) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.demo = demo;
    this.properties = properties;
    this.transaction = transaction;
    this.moduleDemoData = moduleDemoData;
  }

  @Override
  public void run(ApplicationArguments args) {
    transaction.executeWithoutResult(status -> {
      authorizations.seed();
      filters.seed();
      if (properties.demo().enabled()) {
        demo.seed();
        moduleDemoData.forEach(DemoData::seed);
      }
    });
    if (properties.demo().enabled()) {
      StringBuilder logins = new StringBuilder();
      logins.append(String.format("%n  %-7s %s", "admin", "platform administrator (Cockpit, Admin)"));
      for (DemoOrganisation.DemoUser user : DemoOrganisation.USERS) {
        logins.append(String.format("%n  %-7s %s", user.id(), user.jobTitle()));
      }
      LOG.info("""

          Public Reflexes is ready: {}/camunda/app/tasklist/
          Demo logins (password "{}" for every user):{}""",
          properties.baseUrl(), DemoOrganisation.DEMO_PASSWORD, logins);
    }
  }
}
