package fr.reflexespublics.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without an administrator password of at least
 * {@value #MIN_PASSWORD_LENGTH} characters in {@code ADMIN_PASSWORD}, or together with the demo
 * profile. Runs before any bean exists, so nothing is created with a weak or missing password.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

  public static final int MIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    if (!prod) {
      return;
    }
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      throw new IllegalStateException("The prod profile cannot run with the demo profile (demo users and passwords)");
    }
    String password = environment.getProperty("ADMIN_PASSWORD");
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException("The prod profile needs ADMIN_PASSWORD with at least "
          + MIN_PASSWORD_LENGTH + " characters (the administrator's password); refusing to start");
    }
    String admin = environment.getProperty("ADMIN_USER", "admin");
    if (password.equals(admin)) {
      throw new IllegalStateException("ADMIN_PASSWORD must differ from the administrator's user id");
    }
    // The prod profile enables Camunda's password policy, which the engine applies when it creates
    // the administrator: check it here, with a message that says what to change, rather than let
    // the engine fail half-way through its start with "Password does not match policy".
    org.camunda.bpm.engine.impl.persistence.entity.UserEntity user =
        new org.camunda.bpm.engine.impl.persistence.entity.UserEntity(admin);
    user.setFirstName(environment.getProperty("camunda.bpm.admin-user.first-name"));
    user.setLastName(environment.getProperty("camunda.bpm.admin-user.last-name"));
    user.setEmail(environment.getProperty("camunda.bpm.admin-user.email"));
    java.util.List<String> broken = new java.util.ArrayList<>();
    for (org.camunda.bpm.engine.identity.PasswordPolicyRule rule
        : new org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password, user)) {
        broken.add(describe(rule));
      }
    }
    if (!broken.isEmpty()) {
      throw new IllegalStateException("ADMIN_PASSWORD does not follow the password policy of the prod profile: "
          + String.join("; ", broken) + "; refusing to start");
    }
  }

  private static String describe(org.camunda.bpm.engine.identity.PasswordPolicyRule rule) {
    String name = rule.getPlaceholder().replace("PASSWORD_POLICY_", "").toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return name.equals("user data")
        ? "must not contain the user id, first name, last name or e-mail of the administrator"
        : name + (rule.getParameters() == null || rule.getParameters().isEmpty() ? "" : " " + rule.getParameters());
  }
}
