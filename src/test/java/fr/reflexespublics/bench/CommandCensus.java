package fr.reflexespublics.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the engine's commands by class while switched on, the outermost apart from those run
 * inside another (which share its command context, entity cache and transaction): how many times a
 * lead's step enters the engine, where each outermost command loads again what it reads (section 2,
 * census round). The harness's lookups ({@link HarnessLookups}) are left out.
 *
 * <p>Installed from the harness's context initializer as an engine plugin, before the engine is built.
 */
class CommandCensus {

  private final Map<String, LongAdder> outermost = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> nested = new ConcurrentHashMap<>();
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private volatile boolean on;

  void register(ConfigurableApplicationContext context) {
    EngineInterceptors.register(context, "benchCommandCensusPlugin", new Counter());
  }

  void start() {
    outermost.clear();
    nested.clear();
    on = true;
  }

  void stop() {
    on = false;
  }

  /** Outermost commands per unit (a wait state) by class, the most first. */
  Map<String, Double> outermost(double units) {
    return StatementCensus.perStep(outermost, units);
  }

  /** Commands run inside another per unit by class, the most first. */
  Map<String, Double> nested(double units) {
    return StatementCensus.perStep(nested, units);
  }

  private final class Counter extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] d = depth.get();
      if (on && !HarnessLookups.active()) {
        (d[0] == 0 ? outermost : nested).computeIfAbsent(name(command), k -> new LongAdder()).increment();
      }
      d[0]++;
      try {
        return next.execute(command);
      } finally {
        d[0]--;
      }
    }
  }

  private static String name(Command<?> command) {
    Class<?> type = command.getClass();
    String name = type.getName();
    return type.isAnonymousClass() || type.isSynthetic() ? name : name.substring(name.lastIndexOf('.') + 1);
  }
}
