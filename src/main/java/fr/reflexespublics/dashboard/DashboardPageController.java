package fr.reflexespublics.dashboard;

import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard}: the page (static files under {@code static/dashboard/}) for {@code hr} and
 * {@code directors}; anyone else logged in gets a 403 page. Authentication is the REST filter's:
 * HTTP Basic, or the session of a user logged into Tasklist.
 */
@Controller
public class DashboardPageController {

  private static final ClassPathResource PAGE = new ClassPathResource("static/dashboard/index.html");

  private static final String FORBIDDEN = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>Forbidden</title></head><body><h1>403 Forbidden</h1><p>The HR dashboard is for HR and directors.</p>"
      + "<p><a href=\"/camunda/app/tasklist/\">Back to Tasklist</a></p></body></html>";

  private final CurrentUser currentUser;

  public DashboardPageController(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  public ResponseEntity<byte[]> page() throws IOException {
    if (!currentUser.isMemberOfAny(Groups.HR, Groups.DIRECTORS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .body(FORBIDDEN.getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream page = PAGE.getInputStream()) {
      return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .header(HttpHeaders.CACHE_CONTROL, "no-store").body(page.readAllBytes());
    }
  }
}
