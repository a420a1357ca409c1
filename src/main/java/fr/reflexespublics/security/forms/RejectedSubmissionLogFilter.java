package fr.reflexespublics.security.forms;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps expected bad input out of the error log. The engine logs every exception that ends a
 * command as "ENGINE-16004 Exception while closing command context" at ERROR, except the ones it
 * knows to be the caller's fault (BadUserRequestException, AuthorizationException, optimistic
 * locking: DEBUG). A rejected form ({@link FormValidationException}) and a task completed by
 * someone else meanwhile ({@link TaskNotOpenException}) are the caller's fault too: they are
 * answered 4xx with a message and must not page an operator. Only these two are dropped from the
 * engine's context logger; every other command failure stays at ERROR.
 *
 * <p>Not chosen: {@code enableCmdExceptionLogging=false} (hides real failures as well) or a level
 * for {@code org.camunda.bpm.engine.context} (same).
 */
@Component
public class RejectedSubmissionLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  public RejectedSubmissionLogFilter() {
    setName("rejected-submission");
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> "rejected-submission".equals(f.getName()))) {
      context.addTurboFilter(this);
      start();
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    // a turbo filter runs for every logging call, the engine's disabled debug calls included:
    // the level first, the cheapest test
    if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    if (expected(t)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object p : params) {
        if (p instanceof Throwable thrown && expected(thrown)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  static boolean expected(Throwable throwable) {
    for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormValidationException || t instanceof TaskNotOpenException) {
        return true;
      }
    }
    return false;
  }
}
