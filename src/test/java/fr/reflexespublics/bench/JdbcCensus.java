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
  /** Time spent in the database's calls by {@link TimeSplit} bucket, while timing. */
  private final Map<TimeSplit, LongAdder> nanos = new ConcurrentHashMap<>();
  private volatile boolean timing;
  /** While timing: the engine's writes by verb and table ("insert ACT_HI_VARINST"). */
  private final Map<String, LongAdder> writeNanos = new ConcurrentHashMap<>();

  /**
   * Where a step's time goes, as seen from the JDBC driver: the engine's reads and writes (a batch
   * of writes is one call), the commits, the application's statements, the harness's lookups.
   * What is left of the step's time is Java (engine, application, harness) and the mails.
   */
  enum TimeSplit {
    ENGINE_READS("engine reads"),
    ENGINE_WRITES("engine writes"),
    COMMITS("commits"),
    APPLICATION("application statements"),
    LOOKUPS("harness lookups");

    final String label;

    TimeSplit(String label) {
      this.label = label;
    }
  }

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

  /** Times the database calls from now on (no counting: the census round counts, this one times). */
  public void startTiming() {
    nanos.clear();
    writeNanos.clear();
    timing = true;
  }

  /** Stops timing; milliseconds per step by bucket, every bucket present. */
  public Map<TimeSplit, Double> stopTiming(double steps) {
    timing = false;
    Map<TimeSplit, Double> perStep = new java.util.EnumMap<>(TimeSplit.class);
    for (TimeSplit split : TimeSplit.values()) {
      perStep.put(split, nanos.getOrDefault(split, new LongAdder()).sum() / 1e6 / steps);
    }
    return perStep;
  }

  /** The engine's writes since {@link #startTiming} in ms per unit (a wait state) by verb and table, the longest first. */
  public Map<String, Double> writesByTable(double units) {
    return StatementCensus.perStep(writeNanos, units * 1e6);
  }

  /** "insert ACT_HI_VARINST" from an INSERT, UPDATE or DELETE statement's SQL. */
  static String verbAndTable(String sql) {
    String[] words = sql.strip().split("\\s+", 5);
    String verb = words[0].toLowerCase(java.util.Locale.ROOT);
    int table = verb.equals("update") ? 1 : 2; // insert into T, delete from T, update T
    if (words.length <= table) {
      return verb;
    }
    String name = words[table];
    int paren = name.indexOf('('); // insert into T(COLUMNS...)
    return verb + " " + (paren > 0 ? name.substring(0, paren) : name).toUpperCase(java.util.Locale.ROOT);
  }

  private static String firstString(Object[] args) {
    return args != null && args.length > 0 && args[0] instanceof String s ? s : null;
  }

  private static TimeSplit split(String sql) {
    if (HarnessLookups.active()) {
      return TimeSplit.LOOKUPS;
    }
    if (!StatementCensus.inEngine()) {
      return TimeSplit.APPLICATION;
    }
    String head = sql == null ? "" : sql.stripLeading();
    return head.regionMatches(true, 0, "select", 0, 6) ? TimeSplit.ENGINE_READS : TimeSplit.ENGINE_WRITES;
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

  private <T> T wrap(T target, Class<T> type) {
    return wrap(target, type, null);
  }

  @SuppressWarnings("unchecked")
  private <T> T wrap(T target, Class<T> type, String sql) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Handler(target, sql));
  }

  private final class Handler implements InvocationHandler {
    private final Object target;
    /** The SQL a prepared statement was created with (null for a connection or a plain statement). */
    private final String sql;

    Handler(Object target, String sql) {
      this.target = target;
      this.sql = sql;
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
      TimeSplit split = null;
      if (timing) {
        if (target instanceof Statement && EXECUTING.contains(method.getName())) {
          split = split(sql != null ? sql : firstString(args)); // a plain statement takes its SQL here
        } else if (target instanceof Connection && method.getName().equals("commit")) {
          split = TimeSplit.COMMITS;
        }
      }
      long start = split == null ? 0 : System.nanoTime();
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (split != null) {
          long took = System.nanoTime() - start;
          nanos.computeIfAbsent(split, k -> new LongAdder()).add(took);
          if (split == TimeSplit.ENGINE_WRITES && sql != null) {
            writeNanos.computeIfAbsent(verbAndTable(sql), k -> new LongAdder()).add(took);
          }
        }
      }
      Class<?> returned = method.getReturnType();
      if (result instanceof Connection connection && returned == Connection.class) {
        return wrap(connection, Connection.class);
      }
      if (result instanceof Statement statement && Statement.class.isAssignableFrom(returned)) {
        return wrap(statement, (Class<Statement>) returned, firstString(args)); // prepareStatement(sql, ...)
      }
      return result;
    }
  }
}
