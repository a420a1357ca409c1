package fr.reflexespublics.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors that reach the servlet container's error page, as {@code {"type", "message"}} JSON. */
@RestController
public class JsonErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
        ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
    String message = status.is5xxServerError()
        ? "An unexpected error occurred; it has been logged"
        : status.getReasonPhrase();
    return ResponseEntity.status(status).body(ErrorBodies.body(status.getReasonPhrase().replace(" ", ""), message));
  }
}
