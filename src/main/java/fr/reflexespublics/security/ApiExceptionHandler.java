package fr.reflexespublics.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * JSON errors for the application's endpoints ({@code /api/...}): a 4xx with a clear message for
 * bad input, 403 for missing rights, and for anything unexpected a 500 whose body says nothing of
 * the internals (no stack trace, no SQL); the details go to the log.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
    return error(HttpStatus.BAD_REQUEST, "BadRequest", e.getMessage());
  }

  @ExceptionHandler({BadUserRequestException.class, FormFieldValidationException.class})
  ResponseEntity<Map<String, Object>> badUserRequest(RuntimeException e) {
    return error(HttpStatus.BAD_REQUEST, e.getClass().getSimpleName(), e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, "NotFound", e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return error(HttpStatus.NOT_FOUND, "NotFound", "No such endpoint");
  }

  @ExceptionHandler({AuthorizationException.class, ForbiddenException.class})
  ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
    return error(HttpStatus.FORBIDDEN, "Forbidden",
        e instanceof ForbiddenException ? e.getMessage() : "You are not allowed to do this");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "PayloadTooLarge", "The upload is larger than allowed");
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
      MethodArgumentTypeMismatchException.class, HttpMediaTypeNotSupportedException.class})
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    String message = e instanceof MissingServletRequestParameterException m
        ? "Missing parameter '" + m.getParameterName() + "'"
        : e instanceof MethodArgumentTypeMismatchException m
            ? "Parameter '" + m.getName() + "' has the wrong type"
            : e instanceof HttpMediaTypeNotSupportedException ? "Unsupported content type"
                : "The request body could not be read (malformed JSON or wrong types)";
    return error(HttpStatus.BAD_REQUEST, "BadRequest", message);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", "Method " + e.getMethod() + " is not allowed here");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    LOG.error("Unexpected error in an API call", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError", "An unexpected error occurred; it has been logged");
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(ErrorBodies.body(type, message));
  }
}
