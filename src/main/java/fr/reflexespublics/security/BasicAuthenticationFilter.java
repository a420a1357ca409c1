package fr.reflexespublics.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication against Camunda's identity service for {@code /engine-rest/*}, {@code /api/*}
 * and the dashboard page: every request (including the engine list that Camunda's own filter lets
 * through) must carry valid HTTP Basic credentials, else 401. The authenticated user and their
 * groups are set on the engine for the request, so authorizations apply.
 *
 * <p>Read-only requests (GET, HEAD) to the application's own pages and {@code /api/*} also accept
 * the session of a user logged into the Camunda webapps (Tasklist), so that the dashboard opens
 * from Tasklist without a second login. State-changing requests always need Basic credentials:
 * a browser never sends those on its own, so there is no cross-site request forgery to fear.
 * {@code /engine-rest} never takes the session.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Basic ";
  private static final String ENGINE = "default";

  private final IdentityService identityService;
  private final CommandExecutor commandExecutor;

  /** A user whose credentials (or webapp session) were accepted, with their groups. */
  private record Identity(String userId, List<String> groups) {}

  /** HTTP Basic credentials as the request gives them, not checked yet. */
  private record Credentials(String userId, String password) {}

  public BasicAuthenticationFilter(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    Identity identity = null;
    Credentials credentials = credentials(header);
    if (credentials != null) {
      identity = identify(credentials.userId(), credentials.password());
    } else if (header == null && acceptsSession(request)) {
      String sessionUser = webappSessionUser(request);
      identity = sessionUser == null ? null : identify(sessionUser, null);
    }
    if (identity == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"public-reflexes\"");
      if (isPage(request)) {
        writeLoginHint(response);
      } else {
        ErrorBodies.write(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
            "Authentication required: HTTP Basic with a valid user and password");
      }
      return;
    }
    try {
      identityService.setAuthentication(identity.userId(), identity.groups());
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static boolean acceptsSession(HttpServletRequest request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method)) && !request.getRequestURI()
        .startsWith(request.getContextPath() + "/engine-rest");
  }

  private static boolean isPage(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        && !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
  }

  /** The user logged into the Camunda webapps in this HTTP session, if any. */
  private static String webappSessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(ENGINE);
    return authentication == null ? null : authentication.getIdentityId();
  }

  private static void writeLoginHint(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in</title>"
        + "</head><body><p>Please <a href=\"/camunda/app/tasklist/\">log into Tasklist</a> first, then come back "
        + "to this page.</p></body></html>");
  }

  /**
   * The user and their groups, the password checked first when one is given (a webapp session's
   * user has none to check): one engine command, so one transaction and one connection per
   * request rather than one for the check and one for the groups. Null when the password does not
   * match (the engine counts the failed attempt, as it does for any check).
   */
  private Identity identify(String userId, String password) {
    return commandExecutor.execute(commandContext -> {
      if (password != null && !identityService.checkPassword(userId, password)) {
        return null;
      }
      return new Identity(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList());
    });
  }

  /** The user id and password of HTTP Basic credentials, or null when there are none or they are malformed. */
  private static Credentials credentials(String header) {
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
    return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
