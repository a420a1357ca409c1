package fr.reflexespublics.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the calls that go to the database (a statement executed, or a batch of them sent), by who
 * made them: the engine (MyBatis on the stack) or the application class and method that ran the
 * statement. {@link StatementCensus} counts the engine's statements by id, several of which can
 * travel in one batch; this counts round trips, and is the only count of the application's own
 * statements (recorders, mails, access checks), which a lead step's time includes and the engine's
 * census does not.
 *
 * <p>Installed as a bean post-processor: the application's data source is wrapped before the
 * engine, Flyway or any repository gets it.
 */
public class JdbcCensus implements BeanPostProcessor {

  static final String ENGINE = "engine (MyBatis)";
  private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
      "executeLargeUpdate", "executeLargeBatch");
  private static final String PROJECT = "fr.reflexespublics.";
  private static final String HARNESS = "fr.reflexespublics.bench.";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile boolean on;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return wrap(dataSource, DataSource.class);
    }
    return bean;
  }

  public void start() {
    counts.clear();
    on = true;
  }

  /** Stops counting; calls per step by origin, the most frequent first. */
  public Map<String, Double> stop(double steps) {
    on = false;
    return StatementCensus.perStep(counts, steps);
  }

  static double engine(Map<String, Double> perStep) {
    return perStep.getOrDefault(ENGINE, 0.0);
  }

  static double application(Map<String, Double> perStep) {
    return perStep.entrySet().stream().filter(e -> !ENGINE.equals(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
  }

  /** "MailService.send 0.667, InitiativeRecorder.recordReport 0.111, ...": the application's, most first. */
  static String topApplication(Map<String, Double> perStep, int limit) {
    String top = perStep.entrySet().stream().filter(e -> !ENGINE.equals(e.getKey())).limit(limit)
        .map(e -> e.getKey() + " " + Results.fmt(e.getValue())).collect(Collectors.joining(", "));
    return top.isEmpty() ? "none" : top;
  }

  private void count() {
    String origin = StackWalker.getInstance().walk(frames -> frames
        .filter(f -> f.getClassName().startsWith("org.apache.ibatis.")
            || f.getClassName().startsWith(PROJECT) && !f.getClassName().startsWith(HARNESS))
        .findFirst()
        .map(f -> f.getClassName().startsWith("org.apache.ibatis.") ? ENGINE
            : f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .orElse("other (harness, libraries)"));
    counts.computeIfAbsent(origin, k -> new LongAdder()).increment();
  }

  @SuppressWarnings("unchecked")
  private <T> T wrap(T target, Class<T> type) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Handler(target));
  }

  private final class Handler implements InvocationHandler {
    private final Object target;

    Handler(Object target) {
      this.target = target;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          break;
      }
      if (on && EXECUTING.contains(method.getName()) && target instanceof Statement && !HarnessLookups.active()) {
        count();
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      Class<?> returned = method.getReturnType();
      if (result instanceof Connection connection && returned == Connection.class) {
        return wrap(connection, Connection.class);
      }
      if (result instanceof Statement statement && Statement.class.isAssignableFrom(returned)) {
        return wrap(statement, (Class<Statement>) returned);
      }
      return result;
    }
  }
}
