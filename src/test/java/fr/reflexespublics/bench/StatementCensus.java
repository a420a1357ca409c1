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
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class})})
public class StatementCensus implements Interceptor {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile boolean on;
  /** -Dbench.census.trace=selectHistoricBatch: where the first five of these statements come from. */
  private static final String TRACE = System.getProperty("bench.census.trace", "");
  private final java.util.concurrent.atomic.AtomicInteger traced = new java.util.concurrent.atomic.AtomicInteger();

  /** Adds the census to the engine's MyBatis configuration (executors created from now on). */
  public static StatementCensus install(ProcessEngineConfigurationImpl configuration) {
    StatementCensus census = new StatementCensus();
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(census);
    return census;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (on) {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      String id = statement.getId();
      String shortId = id.substring(id.lastIndexOf('.') + 1);
      counts.computeIfAbsent(shortId, k -> new LongAdder()).increment();
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
    }
    return invocation.proceed();
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
    on = true;
  }

  /** Stops counting; the statements per step, the most frequent first. */
  public Map<String, Double> stop(double steps) {
    on = false;
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, LongAdder>comparingByValue(
            java.util.Comparator.comparingLong(LongAdder::sum)).reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum() / steps, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  static double total(Map<String, Double> perStep) {
    return perStep.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  static String top(Map<String, Double> perStep, int limit) {
    return perStep.entrySet().stream().limit(limit)
        .map(e -> e.getKey() + " " + Results.fmt(e.getValue())).collect(Collectors.joining(", "));
  }
}
