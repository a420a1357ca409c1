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
  }
}
