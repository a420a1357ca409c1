package fr.reflexespublics.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication against Camunda's identity service for {@code /engine-rest/*} and
 * {@code /api/*}: every request (including the engine list that Camunda's own filter lets
 * through) must carry valid credentials, else 401 with a JSON body. The authenticated user and
 * their groups are set on the engine for the request, so authorizations apply.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Basic ";

  private final IdentityService identityService;

  public BasicAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = authenticate(request.getHeader("Authorization"));
    if (userId == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"public-reflexes\"");
      ErrorBodies.write(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          "Authentication required: HTTP Basic with a valid user and password");
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    try {
      identityService.setAuthentication(userId, groups);
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return identityService.checkPassword(userId, password) ? userId : null;
  }
}
