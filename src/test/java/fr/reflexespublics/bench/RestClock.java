package fr.reflexespublics.bench;

import fr.reflexespublics.security.SecurityConfiguration;
import jakarta.servlet.Filter;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Where a request to {@code /engine-rest} spends its time in the server (section 6): two servlet
 * filters, one before the application's authentication filter and one right after it, and an engine
 * command interceptor that times the outermost command of a request's thread. A request's server
 * time is then split into the authentication (the application's filter: the password check, the
 * user's groups), the engine's commands after it, and the rest after it (Camunda's REST resources on
 * Jersey, JSON, the servlet filters below the authentication). What the client waits beyond the
 * server time is the HTTP client, the connection and Tomcat's work before the first filter.
 *
 * <p>Installed from the harness's context initializer: {@link #register} adds the two filters and
 * the engine plugin as beans before the web server and the engine are built.
 */
class RestClock {

  /** Before the application's authentication ({@code HIGHEST_PRECEDENCE + 10}) and right after it. */
  private static final int OUTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
  private static final int INNER_ORDER = Ordered.HIGHEST_PRECEDENCE + 11;
  /** Where a thread stands: outside a request, in one before or in the authentication, after it. */
  private static final int OUTSIDE = 0;
  private static final int AUTHENTICATING = 1;
  private static final int AUTHENTICATED = 2;

  private final LongAdder requests = new LongAdder();
  private final LongAdder server = new LongAdder();
  private final LongAdder afterAuthentication = new LongAdder();
  private final LongAdder engine = new LongAdder();
  private final LongAdder engineAfterAuthentication = new LongAdder();
  /** Per thread: [0] where it stands ({@link #OUTSIDE}...), [1] the depth of engine commands under way. */
  private final ThreadLocal<int[]> stage = ThreadLocal.withInitial(() -> new int[] {OUTSIDE, 0});

  /** The server's time per request, in ms, of the requests since the last {@link #reset}. */
  record Split(long requests, double server, double authentication, double authenticationEngine,
      double afterAuthentication, double engineAfterAuthentication) {

    double restLayer() {
      return afterAuthentication - engineAfterAuthentication;
    }
  }

  void register(ConfigurableApplicationContext context) {
    var beans = context.getBeanFactory();
    beans.registerSingleton("benchRestClockOuter",
        filter("bench-rest-clock-outer", OUTER_ORDER, timing(AUTHENTICATING, server, true)));
    beans.registerSingleton("benchRestClockInner",
        filter("bench-rest-clock-inner", INNER_ORDER, timing(AUTHENTICATED, afterAuthentication, false)));
    EngineInterceptors.register(context, "benchRestClockPlugin", new CommandClock());
  }

  void reset() {
    requests.reset();
    server.reset();
    afterAuthentication.reset();
    engine.reset();
    engineAfterAuthentication.reset();
  }

  Split split() {
    long n = Math.max(1, requests.sum());
    double serverMs = ms(server) / n;
    double after = ms(afterAuthentication) / n;
    double engineAfter = ms(engineAfterAuthentication) / n;
    return new Split(requests.sum(), serverMs, serverMs - after, ms(engine) / n - engineAfter, after, engineAfter);
  }

  private static double ms(LongAdder nanos) {
    return nanos.sum() / 1e6;
  }

  private static FilterRegistrationBean<Filter> filter(String name, int order, Filter filter) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(SecurityConfiguration.ENGINE_REST);
    registration.setName(name);
    registration.setOrder(order);
    return registration;
  }

  /**
   * A filter that times the rest of the chain into {@code into}, the request's thread at {@code
   * stageInside} meanwhile; the outermost one counts the request and marks its end.
   */
  private Filter timing(int stageInside, LongAdder into, boolean outermost) {
    return (request, response, chain) -> {
      int[] s = stage.get();
      s[0] = stageInside;
      long start = System.nanoTime();
      try {
        chain.doFilter(request, response);
      } finally {
        into.add(System.nanoTime() - start);
        if (outermost) {
          requests.increment();
          s[0] = OUTSIDE;
        }
      }
    };
  }

  /** Times a request thread's outermost engine command, the transaction and its commit included. */
  private class CommandClock extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] s = stage.get();
      if (s[0] == OUTSIDE || s[1] > 0) {
        return next.execute(command);
      }
      s[1]++;
      long start = System.nanoTime();
      try {
        return next.execute(command);
      } finally {
        long nanos = System.nanoTime() - start;
        s[1]--;
        engine.add(nanos);
        if (s[0] == AUTHENTICATED) {
          engineAfterAuthentication.add(nanos);
        }
      }
    }
  }
}
