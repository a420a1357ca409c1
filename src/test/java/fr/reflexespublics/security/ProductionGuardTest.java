package fr.reflexespublics.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses to start without a strong administrator password, or with demo data. */
class ProductionGuardTest {

  private final ProductionGuard guard = new ProductionGuard();

  private static MockEnvironment prod(String password) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");
    if (password != null) {
      environment.setProperty("ADMIN_PASSWORD", password);
    }
    return environment;
  }

  @Test
  void refusesWithoutPassword() {
    assertThatThrownBy(() -> guard.postProcessEnvironment(prod(null), new SpringApplication()))
        .hasMessageContaining("ADMIN_PASSWORD").hasMessageContaining("12");
  }

  @Test
  void refusesAShortPassword() {
    assertThatThrownBy(() -> guard.postProcessEnvironment(prod("short-pass1"), new SpringApplication()))
        .hasMessageContaining("at least 12");
  }

  @Test
  void refusesThePasswordEqualToTheUserId() {
    MockEnvironment environment = prod("administrator");
    environment.setProperty("ADMIN_USER", "administrator");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("differ");
  }

  @Test
  void refusesProdWithDemo() {
    MockEnvironment environment = prod("a-long-enough-password");
    environment.setActiveProfiles("prod", "demo");
    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("demo");
  }

  @Test
  void acceptsAStrongPassword() {
    assertThatCode(() -> guard.postProcessEnvironment(prod("A-long-enough-passw0rd"), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAPasswordAgainstTheEnginesPolicyBeforeTheEngineStarts() {
    // the engine would fail half-way through its start ("Password does not match policy")
    assertThatThrownBy(() -> guard.postProcessEnvironment(prod("a-long-enough-password"), new SpringApplication()))
        .hasMessageContaining("password policy").hasMessageContaining("uppercase");
    assertThatThrownBy(() -> guard.postProcessEnvironment(prod("Admin-password-42!"), new SpringApplication()))
        .hasMessageContaining("must not contain the user id");
  }

  @Test
  void otherProfilesAreNotConcerned() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
  }
}
