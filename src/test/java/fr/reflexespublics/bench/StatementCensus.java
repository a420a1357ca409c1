package fr.reflexespublics.bench;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts the engine's SQL statements by MyBatis statement id while switched on (the harness's own
 * queries included): which statements a step of a lead runs that a step of the floor does not.
 * The application's JDBC statements (recorders, guards) are not MyBatis's and are not counted here.
 * Also used by tests that assert how many statements an engine command runs.
 */
@Intercepts({
    @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
    @Signature(type = Executor.class, method = "flushStatements", args = {}),
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class})})
public class StatementCensus implements Interceptor {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  /** How deep the current thread is in the engine's MyBatis executor: its JDBC calls are the engine's. */
  private static final ThreadLocal<int[]> IN_ENGINE = ThreadLocal.withInitial(() -> new int[1]);
  /** While timing: the time of the engine's queries by statement id, mapping of the results included. */
  private final Map<String, LongAdder> queryNanos = new ConcurrentHashMap<>();
  private volatile boolean timing;
  /** While counting: the rows the engine's queries returned, by statement id (the harness's lookups left out). */
  private final Map<String, LongAdder> rows = new ConcurrentHashMap<>();
  /** Of the counted statements, those of the harness's lookups ({@link HarnessLookups}). */
  private final LongAdder lookups = new LongAdder();
  private volatile boolean on;
  /** -Dbench.census.trace=selectHistoricBatch: where the first five of these statements come from. */
  private static final String TRACE = System.getProperty("bench.census.trace", "");
  private final java.util.concurrent.atomic.AtomicInteger traced = new java.util.concurrent.atomic.AtomicInteger();
  /** The kind of step the current thread runs ({@link Driver}), null outside a step. */
  private static final ThreadLocal<String> STEP = new ThreadLocal<>();
  /** While counting: the statements by kind of step, then by statement id (the harness's lookups left out). */
  private final Map<String, Map<String, LongAdder>> byStep = new ConcurrentHashMap<>();

  /** The census already added to this engine's MyBatis configuration, or a new one added now. */
  public static StatementCensus on(ProcessEngineConfigurationImpl configuration) {
    return configuration.getSqlSessionFactory().getConfiguration().getInterceptors().stream()
        .filter(StatementCensus.class::isInstance).map(StatementCensus.class::cast).findFirst()
        .orElseGet(() -> install(configuration));
  }

  /** Adds the census to the engine's MyBatis configuration (executors created from now on). */
  public static StatementCensus install(ProcessEngineConfigurationImpl configuration) {
    StatementCensus census = new StatementCensus();
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(census);
    return census;
  }

  /**
   * Marks the current thread as running a step of {@code kind} (null: none); returns the kind it
   * was running, to be restored after.
   */
  static String inStep(String kind) {
    String previous = STEP.get();
    STEP.set(kind);
    return previous;
  }

  /** Whether the current thread's JDBC call comes from the engine (MyBatis), for {@link JdbcCensus}'s timing. */
  static boolean inEngine() {
    return IN_ENGINE.get()[0] > 0;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    int[] depth = IN_ENGINE.get();
    depth[0]++;
    Object[] args = invocation.getArgs();
    boolean timed = timing && args != null && args.length == 4 && !HarnessLookups.active(); // a query
    long start = timed ? System.nanoTime() : 0;
    try {
      String counted = count(invocation);
      Object result = invocation.proceed();
      if (counted != null && result instanceof java.util.List<?> list) { // a query's rows, mapped by MyBatis
        rows.computeIfAbsent(counted, k -> new LongAdder()).add(list.size());
      }
      return result;
    } finally {
      depth[0]--;
      if (timed) {
        String id = ((MappedStatement) args[0]).getId();
        queryNanos.computeIfAbsent(id.substring(id.lastIndexOf('.') + 1), k -> new LongAdder())
            .add(System.nanoTime() - start);
      }
    }
  }

  /** Times the engine's queries by statement id from now on (the harness's lookups left out). */
  public void startTiming() {
    queryNanos.clear();
    timing = true;
  }

  /** Stops timing; milliseconds per unit (a step, a wait state) by statement id, the longest first. */
  public Map<String, Double> stopTiming(double units) {
    timing = false;
    return perStep(queryNanos, units * 1e6); // nanoseconds to milliseconds per unit
  }

  /**
   * Counts the statement while the census is on; returns its short id when counted outside the
   * harness's lookups, else null.
   */
  private String count(Invocation invocation) {
    if (on && invocation.getArgs() != null && invocation.getArgs().length > 0) { // flushStatements has none
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      String id = statement.getId();
      String shortId = id.substring(id.lastIndexOf('.') + 1);
      counts.computeIfAbsent(shortId, k -> new LongAdder()).increment();
      String step = STEP.get();
      boolean lookup = HarnessLookups.active();
      if (lookup) {
        lookups.increment();
      } else if (step != null) {
        byStep.computeIfAbsent(step, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(shortId, k -> new LongAdder()).increment();
      }
      if (shortId.equals(TRACE) && traced.incrementAndGet() <= 5) {
        StringBuilder b = new StringBuilder("[bench] statement " + shortId + " (" + invocation.getArgs()[1] + ") run from:\n");
        for (StackTraceElement e : new Throwable().getStackTrace()) {
          String c = e.getClassName();
          if (c.startsWith("fr.reflexespublics") && !c.startsWith(StatementCensus.class.getName())
              || c.contains(".impl.history.") || c.contains(".impl.cmd.")) {
            b.append("    ").append(e).append('\n');
          }
        }
        System.out.println(b);
      }
      return lookup ? null : shortId;
    }
    return null;
  }

  @Override
  public Object plugin(Object target) {
    return target instanceof Executor ? Plugin.wrap(target, this) : target;
  }

  @Override
  public void setProperties(Properties properties) {
    // none
  }

  public void start() {
    counts.clear();
    byStep.clear();
    rows.clear();
    lookups.reset();
    on = true;
  }

  /** Of the statements counted since {@link #start}, how many the harness's lookups ran, per step. */
  public double lookupsPerStep(double steps) {
    return lookups.sum() / steps;
  }

  /**
   * The rows the engine's queries returned since {@link #start}, each mapped by MyBatis (an
   * entity, or a count's one row), per unit (a wait state), by statement id, the most first; read before {@link #stop}.
   */
  public Map<String, Double> rowsRead(double units) {
    return perStep(rows, units);
  }

  /** Stops counting; the statements per step, the most frequent first. */
  public Map<String, Double> stop(double steps) {
    on = false;
    return perStep(counts, steps);
  }

  /**
   * The statements counted since {@link #start} by kind of step, per step of the kind: {@code steps}
   * gives how many steps of each kind ran.
   */
  public Map<String, Map<String, Double>> byStep(Map<String, Long> steps) {
    Map<String, Map<String, Double>> perKind = new java.util.LinkedHashMap<>();
    steps.forEach((kind, count) -> perKind.put(kind, perStep(byStep.getOrDefault(kind, Map.of()), count)));
    return perKind;
  }

  /** Counts divided by the steps, the most frequent first (this census's and {@link JdbcCensus}'s). */
  static Map<String, Double> perStep(Map<String, LongAdder> counts, double steps) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, LongAdder>comparingByValue(
            java.util.Comparator.comparingLong(LongAdder::sum)).reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum() / steps, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  static double total(Map<String, Double> perStep) {
    return perStep.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * What an engine statement works on, from its MyBatis id: to tell what the statements a lead
   * step runs beyond the floor's are for (docs/performance.md, "What the extra statements are").
   * The first matching kind wins: {@code insertHistoricDecisionInputInstance} is a decision's,
   * {@code insertHistoricJobLogEvent} a job's, {@code isUserAuthorizedForResource} an authorization's.
   */
  enum Kind {
    VARIABLES("variables and their byte arrays", "VariableInstance", "ByteArray"),
    DECISIONS("decisions and their history", "Decision"),
    AUDIT("user operation, identity link and task meter logs", "UserOperationLog", "IdentityLinkLog", "MeterLog"),
    AUTHORIZATIONS("authorization checks and task authorizations", "Authoriz"),
    JOBS("jobs, timers, job log, incidents", "Job", "Message", "Timer", "Incident"),
    HISTORY("activity, task and instance history", "Historic"),
    TASKS("tasks and their identity links", "Task", "IdentityLink"),
    IDENTITY("users and groups", "User", "Group", "Membership"),
    EXECUTIONS("executions, definitions, event subscriptions", "Execution", "ProcessDefinition", "ProcessInstance",
        "EventSubscription"),
    OTHER("other");

    final String label;
    private final String[] fragments;

    Kind(String label, String... fragments) {
      this.label = label;
      this.fragments = fragments;
    }

    static Kind of(String statementId) {
      for (Kind kind : values()) {
        for (String fragment : kind.fragments) {
          if (statementId.contains(fragment)) {
            return kind;
          }
        }
      }
      return OTHER;
    }
  }

  /** Statements per step summed by kind, every kind present (0 when none ran). */
  static Map<Kind, Double> byKind(Map<String, Double> perStep) {
    Map<Kind, Double> kinds = new java.util.EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      kinds.put(kind, 0.0);
    }
    perStep.forEach((statement, count) -> kinds.merge(Kind.of(statement), count, Double::sum));
    return kinds;
  }

  /**
   * "variables 7.66 (floor 0), jobs... 6.10 (3.00), ...": a lead's statements per step by kind with
   * the floor's, the kinds that differ most first.
   */
  static String kindsAgainst(Map<String, Double> lead, Map<String, Double> floor) {
    Map<Kind, Double> l = byKind(lead);
    Map<Kind, Double> f = byKind(floor);
    return java.util.Arrays.stream(Kind.values())
        .filter(k -> l.get(k) > 0 || f.get(k) > 0)
        .sorted(java.util.Comparator.comparingDouble((Kind k) -> l.get(k) - f.get(k)).reversed())
        .map(k -> k.label + " " + Results.fmt(l.get(k)) + " (floor " + Results.fmt(f.get(k)) + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * "insertHistoricJobLogEvent +1.00, selectJob +1.00, ...": the statements a lead's step runs more
   * often than the floor's step (per step), the largest differences first.
   */
  static String beyond(Map<String, Double> lead, Map<String, Double> floor, int limit) {
    return lead.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - floor.getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() > 0.005)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
        .map(e -> e.getKey() + " +" + Results.fmt(e.getValue())).collect(Collectors.joining(", "));
  }

  static String top(Map<String, Double> perStep, int limit) {
    return perStep.entrySet().stream().limit(limit)
        .map(e -> e.getKey() + " " + Results.fmt(e.getValue())).collect(Collectors.joining(", "));
  }
}
