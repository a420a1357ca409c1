package fr.reflexespublics.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import fr.reflexespublics.support.Rest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication and authorization of the REST API (docs/security.md). */
class RestSecurityTest extends IntegrationTest {

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/process-definition", "/engine-rest/task",
      "/engine-rest/user", "/api/organisation/me", "/api/does-not-exist"})
  void withoutCredentialsEveryRestPathAnswers401WithJson(String path) {
    Rest.Answer answer = rest(null, null).get(path);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(answer.json().path("type").asText()).isEqualTo("AuthenticationException");
    assertThat(answer.message()).contains("Authentication required");
  }

  @Test
  void wrongPasswordOrUnknownUserAnswers401() {
    // colin only: a failed login delays the user's next attempts (Camunda's brute-force protection)
    assertThat(rest("colin", "not-his-password").get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);
    assertThat(rest("nobody", "demo").get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);
    assertThat(rest(null, null).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task"))
        .header("Authorization", "Basic !!!not-base64")).status()).isEqualTo(401);
  }

  @Test
  void aRefusedPasswordCountsAsAFailedAttempt() {
    identityService.unlockUser("colin"); // no earlier attempt, no delay in force
    try {
      assertThat(rest("colin", "not-his-password").get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);

      // the brute-force protection's count is kept although the request is refused
      UserEntity colin = (UserEntity) identityService.createUserQuery().userId("colin").singleResult();
      assertThat(colin.getAttempts()).isEqualTo(1);
      assertThat(colin.getLockExpirationTime()).isNotNull();
    } finally {
      identityService.unlockUser("colin");
    }
  }

  @Test
  void validCredentialsAreAccepted() {
    Rest.Answer answer = rest("alice").get("/engine-rest/task?maxResults=10");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().isArray()).isTrue();
  }

  @Test
  void anAgentCannotDeploy() {
    String boundary = "reflexes-boundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nhack\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"hack.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";

    Rest.Answer answer = rest("alice").postRaw("/engine-rest/deployment/create",
        "multipart/form-data; boundary=" + boundary, body.getBytes());

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.message()).contains("CREATE").contains("Deployment");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("hack").count()).isZero();
  }

  @Test
  void anAgentCannotUseAdminApis() {
    Rest.Answer createUser = rest("alice").post("/engine-rest/user/create",
        Map.of("profile", Map.of("id", "mallory", "firstName", "M", "lastName", "M", "email", "m@example.org"),
            "credentials", Map.of("password", "longenoughpassword")));
    Rest.Answer createGroup = rest("alice").post("/engine-rest/group/create", Map.of("id", "rebels", "name", "Rebels"));
    Rest.Answer grant = rest("alice").post("/engine-rest/authorization/create",
        Map.of("type", 1, "permissions", new String[] {"ALL"}, "userId", "alice", "resourceType", 0, "resourceId", "*"));

    assertThat(createUser.status()).isEqualTo(403);
    assertThat(createGroup.status()).isEqualTo(403);
    assertThat(grant.status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void anAgentCannotOpenCockpitOrAdmin() throws Exception {
    assertThat(webappLogin("alice", "cockpit")).isEqualTo(403);
    assertThat(webappLogin("alice", "admin")).isEqualTo(403);
    assertThat(webappLogin("alice", "tasklist")).isEqualTo(200);
    assertThat(webappLogin("admin", "cockpit")).isEqualTo(200);
    assertThat(webappLogin("admin", "admin")).isEqualTo(200);
  }

  /** Logs into a Camunda webapp the way the browser does (CSRF token from a first page load). */
  private int webappLogin(String user, String app) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/")).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    return login.statusCode();
  }

  @Test
  void theAdminUserDoesNotHaveItsIdAsPassword() {
    assertThat(identityService.checkPassword("admin", "admin")).isFalse();
    identityService.unlockUser("admin"); // the failed attempt above delays admin's next logins
  }
}
