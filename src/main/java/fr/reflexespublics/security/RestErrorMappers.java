package fr.reflexespublics.security;

import fr.reflexespublics.security.forms.FormValidationException;
import fr.reflexespublics.security.forms.TaskNotOpenException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Error answers of {@code /engine-rest}, on top of Camunda's own mappers:
 * <ul>
 *   <li>a rejected form is a 400 on every endpoint (Camunda answers 500 on {@code .../start}
 *       whatever the cause);</li>
 *   <li>a 5xx never carries database details (SQL, JDBC or MyBatis messages): the body says an
 *       internal error occurred, the log keeps the details.</li>
 * </ul>
 */
@Component
public class RestErrorMappers implements ResourceConfigCustomizer {

  private static final Logger LOG = LoggerFactory.getLogger(RestErrorMappers.class);
  static final String INTERNAL = "An internal error occurred; it has been logged";

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RestExceptions.class);
    config.register(EngineExceptions.class);
    config.register(OtherExceptions.class);
  }

  static Response answer(Throwable throwable) {
    FormValidationException invalid = find(throwable, FormValidationException.class);
    if (invalid != null) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType(FormValidationException.class.getSimpleName());
      dto.setMessage(invalid.getMessage());
      return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    TaskNotOpenException gone = find(throwable, TaskNotOpenException.class);
    if (gone != null) {
      return json(gone.isCompletedMeanwhile() ? Response.Status.CONFLICT : Response.Status.NOT_FOUND,
          "TaskNotOpen", gone.getMessage());
    }
    if (find(throwable, OptimisticLockingException.class) != null) {
      LOG.info("Concurrent modification answered 409: {}", throwable.getMessage());
      return json(Response.Status.CONFLICT, "ConcurrentModification",
          "Someone else changed the same data at the same moment: reload and try again");
    }
    NullPointerException missing = find(throwable, NullPointerException.class);
    if (missing != null && missing.getStackTrace().length > 0
        && missing.getStackTrace()[0].getClassName().startsWith("org.camunda.bpm.engine.rest.")) {
      // Camunda's request objects dereference absent values (e.g. authorization/create without
      // "type", job-definition retries without "retries"): the caller's fault, not a 500
      LOG.info("Request without a required value answered 400: {}", missing.getMessage());
      return json(Response.Status.BAD_REQUEST, "InvalidRequestException",
          "The request misses a required value: see the REST API reference of this endpoint");
    }
    Response response = ExceptionHandlerHelper.getInstance().getResponse(throwable);
    if (response.getStatus() >= 500 && revealsInternals(throwable)) {
      LOG.error("Internal error answered without details", throwable);
      ExceptionDto dto = new ExceptionDto();
      dto.setType("InternalError");
      dto.setMessage(INTERNAL);
      return Response.status(response.getStatus()).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    return response;
  }

  private static Response json(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static boolean revealsInternals(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (t instanceof java.sql.SQLException || name.startsWith("org.apache.ibatis") || name.endsWith("PersistenceException")
          || message.contains("ENGINE-03") || t instanceof NullPointerException
          || name.startsWith("org.springframework.jdbc") || message.contains("### Error")
          || message.contains("### SQL") || message.matches("(?is).*\\b(select|insert|update|delete)\\b.*\\b(from|into|set)\\b.*")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static <T extends Throwable> T find(Throwable throwable, Class<T> type) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Replaces Camunda's RestException mapper. */
  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /** Replaces Camunda's ProcessEngineException mapper. */
  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }

  /** Replaces Camunda's catch-all mapper. */
  @Priority(1)
  public static class OtherExceptions implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      if (exception instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      return answer(exception);
    }
  }
}
