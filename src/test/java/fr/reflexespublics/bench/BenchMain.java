package fr.reflexespublics.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.reflexespublics.Application;
import fr.reflexespublics.hotline.CampaignProcess;
import fr.reflexespublics.hotline.FollowUpProcess;
import fr.reflexespublics.initiative.InitiativeProcess;
import fr.reflexespublics.mobility.MobilityProcess;
import fr.reflexespublics.mobility.VolunteerPool;
import fr.reflexespublics.organisation.Groups;
import fr.reflexespublics.organisation.TasklistFilterSeeder;
import fr.reflexespublics.relay.RelayProcess;
import fr.reflexespublics.retex.RetexProcess;
import fr.reflexespublics.takeover.TakeoverProcess;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The benchmark harness ({@code ./mvnw -Pbench verify}, see docs/performance.md): the
 * application (profiles demo + bench) on H2 or PostgreSQL ({@code -Dbench.db=postgres}), an
 * in-JVM SMTP server, and six sections, each figure with a baseline measured in the same run.
 * {@code -Dbench.smoke=true}: small sizes, a minute or so; {@code -Dbench.large=true}: the
 * campaign over 50,000 persons too.
 */
public class BenchMain {

  static final String FLOOR = "bench-floor";
  /** The floor's task ten times in sequence: a wait state of the bare engine without a start of its own. */
  static final String FLOOR_SEQUENCE = "bench-floor-sequence";
  static final int SEQUENCE_TASKS = 10;
  /** The floor started with {@link #LEVER_VARIABLES} string variables: what a variable costs the bare engine. */
  static final String FLOOR_VARIABLES = "bench-floor-variables";
  static final int LEVER_VARIABLES = 10;
  /**
   * The floor with {@link #LEVER_ELEMENTS} more elements on its way (an exclusive gateway, with a
   * second flow never taken, and an expression service task, before the task and after it): what
   * an element passed costs the bare engine.
   */
  static final String FLOOR_ELEMENTS = "bench-floor-elements";
  static final int LEVER_ELEMENTS = 4;
  static final String INBOX = "bench-inbox";
  static final String REST = "bench-rest";
  /** Section 6's calls per instance, through REST as through the Java API: start, the task's lookup, completion. */
  static final int REST_CALLS_PER_INSTANCE = 3;
  static final String HISTORY = "bench-history";
  static final String BENCH_USER = "bench-user";
  static final String BENCH_GROUP = "bench-callers";
  static final String PASSWORD = "demo";

  final boolean smoke = Boolean.getBoolean("bench.smoke");
  final boolean large = Boolean.getBoolean("bench.large");
  final String db = System.getProperty("bench.db", "h2");
  /** PostgreSQL (its statistics views, its settings) rather than H2. */
  final boolean postgres = "postgres".equals(db);
  /** -Dbench.db.name=bench2: the PostgreSQL database (created, schema reset), for two checkouts side by side. */
  final String dbName = System.getProperty("bench.db.name", "bench");
  final Path out = Path.of(System.getProperty("bench.out", "target/bench"));
  final int rounds = smoke ? 2 : 5;
  /** -Dbench.sections=3,5: only some sections (4 runs with 3); the floor runs with 2. */
  final List<String> sections = List.of(System.getProperty("bench.sections", "1,2,3,4,5,6").split(","));
  /** -Dbench.leads=relay,retex: section 2 for the leads whose key starts with one of these only (experiments). */
  final List<String> leadFilter = List.of(System.getProperty("bench.leads", "").split(",")).stream()
      .filter(k -> !k.isBlank()).toList();
  /**
   * -Dbench.warmup=50: instances of a lead run before its measured rounds (5 in the smoke run).
   * Its own code (forms, rules, recorders, mail templates) must be compiled as in a server that has
   * run it all day, as the engine's code common to every process is by the floor's rounds.
   */
  final int leadWarmup = Integer.getInteger("bench.warmup", smoke ? 5 : 50);
  final Results results = new Results();
  /**
   * -Dbench.h2.querystats=true: H2 times every SQL statement it runs (its QUERY_STATISTICS, an
   * overhead on every statement, the floor's as the leads'), written to h2-query-statistics.csv.
   */
  final boolean h2QueryStatistics = !postgres && Boolean.getBoolean("bench.h2.querystats");

  ConfigurableApplicationContext context;
  ProcessEngine engine;
  ProcessEngineConfigurationImpl configuration;
  JdbcTemplate jdbc;
  StatementCensus census;
  final JdbcCensus jdbcCensus = new JdbcCensus();
  final MailClock mailClock = new MailClock();
  final RestClock restClock = new RestClock();
  final CommandCensus commandCensus = new CommandCensus();
  TransactionTemplate tx;
  ZoneId zone;
  GreenMail mail;
  String baseUrl;
  double floorPerStepMs;

  public static void main(String[] args) throws Exception {
    int status = 0;
    BenchMain bench = new BenchMain();
    try {
      bench.run();
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    } finally {
      bench.close();
    }
    System.exit(status);
  }

  void run() throws Exception {
    long begin = System.nanoTime();
    Files.createDirectories(out);
    start();
    results.context("date", java.time.Instant.now().toString());
    results.context("size", smoke ? "smoke" : large ? "full + large campaign" : "full");
    results.context("database", db + " (" + jdbc.getDataSource().getConnection().getMetaData().getDatabaseProductVersion() + ")");
    results.context("history level", configuration.getHistory());
    results.context("machine", Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, Java " + System.getProperty("java.version"));
    results.context("rounds", "1 warm-up + " + rounds + " measured (median reported)");

    if (h2QueryStatistics) {
      jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 5000");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
    }
    if (sections.contains("1") || sections.contains("2")) {
      floor();
    }
    if (sections.contains("2")) {
      leads();
    }
    if (h2QueryStatistics) {
      writeH2QueryStatistics();
    }
    if (sections.contains("6")) {
      rest();
    }
    if (sections.contains("3")) {
      campaignScale(smoke ? 500 : 10_000, sections.contains("4"));
      if (large && !smoke) {
        campaignScale(50_000, false);
      }
    }
    if (sections.contains("5")) {
      dashboard();
    }
    results.context("duration", String.format(java.util.Locale.ROOT, "%.0f s", (System.nanoTime() - begin) / 1e9));
    results.write(out);
    System.out.println("[bench] results in " + out.resolve("results.md"));
  }

  // ---------------------------------------------------------------------------------------- setup

  void start() throws Exception {
    Map<String, Object> props = new HashMap<>();
    if (postgres) {
      resetPostgres();
      props.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + dbName);
      props.put("spring.datasource.username", "postgres");
      props.put("spring.datasource.password", "");
      // as in the postgres and prod profiles, unless an experiment gives others (-Dbench.pg.options=...)
      props.put("spring.datasource.hikari.data-source-properties.options",
          System.getProperty("bench.pg.options", "").isBlank() ? "-c jit=off -c plan_cache_mode=force_custom_plan"
              : System.getProperty("bench.pg.options"));
    } else {
      Path h2 = out.resolve("h2");
      if (Files.exists(h2)) {
        try (var files = Files.walk(h2)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      // as in application.yaml, unless an experiment gives another (-Dbench.h2.url=jdbc:h2:mem:bench;...)
      String url = System.getProperty("bench.h2.url", "");
      props.put("spring.datasource.url", url.isBlank()
          ? "jdbc:h2:file:./" + h2.resolve("bench") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256" : url);
    }
    String history = System.getProperty("bench.history", "");
    if (!history.isBlank()) {
      props.put("camunda.bpm.history-level", history); // an experiment: the application runs with full-without-details
    }
    int smtpPort = Integer.getInteger("bench.smtp.port", 3425);
    mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    props.put("spring.mail.host", "127.0.0.1");
    props.put("spring.mail.port", smtpPort);
    props.put("server.port", 0);
    // the floor's bare task has nobody to announce it to: the mail service's WARN for it, a console
    // line per floor instance, is a cost the leads' tasks never pay (round 11); errors still show
    props.put("logging.level.fr.reflexespublics.notification.MailService", "ERROR");
    // system properties: above application.yaml (default properties would be below it)
    props.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
    context = new SpringApplicationBuilder(Application.class).profiles("demo", "bench")
        .initializers(c -> {
          c.getBeanFactory().addBeanPostProcessor(jdbcCensus);
          c.getBeanFactory().addBeanPostProcessor(mailClock);
          restClock.register(c);
          commandCensus.register(c);
        }).run();
    engine = context.getBean(ProcessEngine.class);
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    jdbc = context.getBean(JdbcTemplate.class);
    tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    zone = context.getBean(ZoneId.class);
    baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    jobExecutor(false);
    census = StatementCensus.install(configuration);
    seedBenchUserAndModels();
  }

  /** H2's statements by total time: how long H2 itself took for each SQL text, plans included. */
  void writeH2QueryStatistics() throws java.io.IOException {
    StringBuilder csv = new StringBuilder("executions,average ms,total ms,average rows,sql\n");
    jdbc.query("SELECT EXECUTION_COUNT, AVERAGE_EXECUTION_TIME, CUMULATIVE_EXECUTION_TIME, AVERAGE_ROW_COUNT,"
        + " SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC",
        (java.sql.ResultSet r) -> {
          csv.append(r.getLong(1)).append(',').append(String.format(java.util.Locale.ROOT, "%.4f,%.1f,%.1f,",
              r.getDouble(2), r.getDouble(3), r.getDouble(4)))
              .append('"').append(r.getString(5).replaceAll("\\s+", " ").replace("\"", "\"\"")).append("\"\n");
        });
    Files.writeString(out.resolve("h2-query-statistics.csv"), csv);
    System.out.println("[bench] H2 statement timings in " + out.resolve("h2-query-statistics.csv"));
  }

  void resetPostgres() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
         Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + dbName + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + dbName);
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + dbName, "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  void close() {
    if (context != null) {
      try {
        jobExecutor(false);
        context.close();
      } catch (RuntimeException e) {
        e.printStackTrace();
      }
    }
    if (mail != null) {
      mail.stop();
    }
  }

  void jobExecutor(boolean on) {
    JobExecutor executor = configuration.getJobExecutor();
    if (on && !executor.isActive()) {
      executor.start();
    } else if (!on && executor.isActive()) {
      executor.shutdown();
    }
  }

  /** A user of the harness (bench-user, group bench-callers and agents) and the bare models. */
  void seedBenchUserAndModels() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(BENCH_USER).count() == 0) {
      User user = identity.newUser(BENCH_USER);
      user.setFirstName("Bench");
      user.setLastName("User");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.saveGroup(identity.newGroup(BENCH_GROUP));
      identity.createMembership(BENCH_USER, BENCH_GROUP);
      identity.createMembership(BENCH_USER, "agents");
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String key : List.of(FLOOR, INBOX, REST)) {
      if (authorizations.createAuthorizationQuery().userIdIn(BENCH_USER).resourceId(key).count() > 0) {
        continue;
      }
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(BENCH_USER);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(key);
      grant.addPermission(Permissions.CREATE_INSTANCE);
      grant.addPermission(Permissions.READ);
      grant.addPermission(Permissions.READ_INSTANCE);
      authorizations.saveAuthorization(grant);
    }
    deploy(Bpmn.createExecutableProcess(FLOOR).camundaHistoryTimeToLive(180)
        .startEvent().userTask("Task_Bare").name("Bare task").endEvent().done());
    org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> sequence =
        Bpmn.createExecutableProcess(FLOOR_SEQUENCE).camundaHistoryTimeToLive(180).startEvent();
    for (int i = 1; i <= SEQUENCE_TASKS; i++) {
      sequence = sequence.userTask("Task_" + i).name("Bare task " + i);
    }
    deploy(sequence.endEvent().done());
    deploy(Bpmn.createExecutableProcess(FLOOR_VARIABLES).camundaHistoryTimeToLive(180)
        .startEvent().userTask("Task_Bare").name("Bare task").endEvent().done());
    deploy(Bpmn.createExecutableProcess(FLOOR_ELEMENTS).camundaHistoryTimeToLive(180).startEvent()
        .exclusiveGateway("Gateway_Before").condition("go on", "${true}")
        .serviceTask("Noop_Before").camundaExpression("${true}")
        .userTask("Task_Bare").name("Bare task")
        .exclusiveGateway("Gateway_After").condition("go on", "${true}")
        .serviceTask("Noop_After").camundaExpression("${true}").endEvent("End")
        .moveToNode("Gateway_Before").condition("never", "${false}").endEvent("Never_Before")
        .moveToNode("Gateway_After").condition("never", "${false}").endEvent("Never_After").done());
    deploy(Bpmn.createExecutableProcess(INBOX).camundaHistoryTimeToLive(180)
        .startEvent().userTask("Task_Bare").name("Bare task").camundaCandidateGroups(BENCH_GROUP).endEvent().done());
    deploy(Bpmn.createExecutableProcess(REST).camundaHistoryTimeToLive(180)
        .startEvent().userTask("Task_Bare").name("Bare task").camundaAssignee(BENCH_USER).endEvent().done());
    deploy(Bpmn.createExecutableProcess(HISTORY).camundaHistoryTimeToLive(180)
        .startEvent().endEvent().done());
  }

  void deploy(BpmnModelInstance model) {
    String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
    engine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
  }

  // ------------------------------------------------------------------------------------ measuring

  /** What one round does: drives {@code n} instances with the driver. */
  interface Workload {
    void run(Driver driver, int n) throws Exception;
  }

  /** Median over the measured rounds: instances/s and ms per step. */
  record Measure(double instancesPerSecond, double msPerStep, double stepsPerInstance, double mailsPerInstance,
      double msPerInstance) {}

  /** {@code asJobExecutor}: see {@link Driver#Driver(ProcessEngine, boolean)}. */
  Measure measure(int n, Workload workload, boolean asJobExecutor) throws Exception {
    Driver warm = new Driver(engine, asJobExecutor);
    workload.run(warm, Math.max(1, n / 2));
    List<Double> rates = new ArrayList<>();
    List<Double> perStep = new ArrayList<>();
    double stepsPerInstance = 0;
    List<Double> mails = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      mail.purgeEmailFromAllMailboxes();
      Driver driver = new Driver(engine, asJobExecutor);
      long sentBefore = jdbc.queryForObject("SELECT COUNT(*) FROM notification_log", Long.class);
      long t = System.nanoTime();
      workload.run(driver, n);
      double seconds = (System.nanoTime() - t) / 1e9;
      rates.add(n / seconds);
      perStep.add(seconds * 1000 / driver.steps);
      stepsPerInstance = (double) driver.steps / n;
      // one row per mail handed to SMTP (one connection each)
      mails.add((double) (jdbc.queryForObject("SELECT COUNT(*) FROM notification_log", Long.class) - sentBefore) / n);
    }
    mail.purgeEmailFromAllMailboxes();
    double rate = Stats.median(rates);
    return new Measure(rate, Stats.median(perStep), stepsPerInstance, Stats.median(mails), 1000 / rate);
  }

  /**
   * One round of a lead and the floors before it (times in ms; "without mail": the round's SMTP
   * hand-over deducted; "own": the harness's lookups deducted too), and the ratios of the round.
   */
  record PairRound(double instancesPerSecond, double leadPerStep, double mailsPerInstance, double floorPerStep,
      double withoutMailPerStep, double withoutMailPerWaitState, double floorPerWaitState, double sequencePerWaitState,
      double mailMsPerMail, double ownPerWaitState, double floorOwnPerWaitState, double sequenceOwnPerWaitState,
      double interleavedOwnPerWaitState, double floorInterleavedOwnPerWaitState) {

    double ratio() {
      return leadPerStep / floorPerStep;
    }

    double ratioWithoutMail() {
      return withoutMailPerStep / floorPerStep;
    }

    double ratioPerWaitState() {
      return withoutMailPerWaitState / floorPerWaitState;
    }

    double ratioPerWaitStateToSequence() {
      return withoutMailPerWaitState / sequencePerWaitState;
    }

    double ownRatio() {
      return ownPerWaitState / floorOwnPerWaitState;
    }

    double ownRatioToSequence() {
      return ownPerWaitState / sequenceOwnPerWaitState;
    }

    /** The lead against the floor when each floor instance runs between two of the lead's steps. */
    double interleavedRatio() {
      return interleavedOwnPerWaitState / floorInterleavedOwnPerWaitState;
    }

    /** What a lead's wait state costs above the floor's, in ms (SMTP hand-over and lookups deducted). */
    double ownBeyondFloor() {
      return ownPerWaitState - floorOwnPerWaitState;
    }
  }

  /** A lead's measured rounds; every figure reported is the median of the rounds' figures. */
  record Paired(List<PairRound> rounds, double stepsPerInstance, double waitStatesPerInstance, StepKinds lead,
      StepKinds floor) {

    double median(java.util.function.ToDoubleFunction<PairRound> figure) {
      return Stats.median(rounds.stream().map(figure::applyAsDouble).toList());
    }
  }

  /**
   * The steps of all the measured rounds of a lead or of its floor, by kind ({@link Driver#byKind}),
   * and the wait states they made.
   */
  static final class StepKinds {
    private final Map<String, Driver.StepTime> byKind = new java.util.LinkedHashMap<>();
    private long waitStates;

    void add(Driver driver) {
      driver.byKind.forEach((kind, time) -> byKind.computeIfAbsent(kind, k -> new Driver.StepTime()).add(time));
      waitStates += driver.waitStates;
    }

    java.util.Set<String> kinds() {
      return byKind.keySet();
    }

    /** Milliseconds of one step of the kind; NaN when there is none. */
    double msEach(String kind) {
      Driver.StepTime time = byKind.get(kind);
      return time == null || time.count == 0 ? Double.NaN : time.nanos / 1e6 / time.count;
    }

    /** Milliseconds the kind's steps take per wait state. */
    double msPerWaitState(String kind) {
      Driver.StepTime time = byKind.get(kind);
      return time == null ? 0 : time.nanos / 1e6 / waitStates;
    }

    /** Milliseconds all the steps timed take per wait state. */
    double msPerWaitState() {
      return byKind.keySet().stream().mapToDouble(this::msPerWaitState).sum();
    }

    /** Steps of the kind per wait state. */
    double perWaitState(String kind) {
      Driver.StepTime time = byKind.get(kind);
      return time == null ? 0 : (double) time.count / waitStates;
    }
  }

  /**
   * Measures a lead in rounds alternating with rounds of the floors, so that all see the same load
   * of the (shared) machine: each ratio is the median of the rounds' ratios.
   */
  Paired measurePaired(int n, int floorN, Workload workload) throws Exception {
    workload.run(new Driver(engine, true), leadWarmup);
    bare(new Driver(engine, true), floorN / 2);
    bareSequence(new Driver(engine, true), Math.max(1, floorN / SEQUENCE_TASKS / 2));
    List<PairRound> pairs = new ArrayList<>();
    double stepsPerInstance = 0;
    double waitStatesPerInstance = 0;
    StepKinds leadKinds = new StepKinds();
    StepKinds floorKinds = new StepKinds();
    for (int r = 0; r < rounds; r++) {
      Driver floorDriver = new Driver(engine, true, mailClock::totalNanos);
      long f = System.nanoTime();
      bare(floorDriver, floorN);
      double floorMs = (System.nanoTime() - f) / 1e6;
      Driver sequenceDriver = new Driver(engine, true);
      long q = System.nanoTime();
      bareSequence(sequenceDriver, floorN / SEQUENCE_TASKS);
      double sequenceMs = (System.nanoTime() - q) / 1e6;
      mail.purgeEmailFromAllMailboxes();
      Driver driver = new Driver(engine, true, mailClock::totalNanos);
      long sentBefore = jdbc.queryForObject("SELECT COUNT(*) FROM notification_log", Long.class);
      double mailMsBefore = mailClock.totalMs();
      long t = System.nanoTime();
      workload.run(driver, n);
      double leadMs = (System.nanoTime() - t) / 1e6;
      double mailMs = mailClock.totalMs() - mailMsBefore;
      double sent = jdbc.queryForObject("SELECT COUNT(*) FROM notification_log", Long.class) - sentBefore;
      stepsPerInstance = (double) driver.steps / n;
      waitStatesPerInstance = (double) driver.waitStates / n;
      // the same lead with a floor instance after each of its starts, completions and timers
      Driver floorBetween = new Driver(engine, true, mailClock::totalNanos);
      Driver mixed = new Driver(engine, true, mailClock::totalNanos).interleaving(() -> bare(floorBetween, 1));
      double mixedMailMsBefore = mailClock.totalMs();
      long m = System.nanoTime();
      workload.run(mixed, n);
      double mixedMs = (System.nanoTime() - m) / 1e6 - (mailClock.totalMs() - mixedMailMsBefore);
      double betweenMs = mixed.betweenNanos / 1e6;
      pairs.add(new PairRound(n * 1000 / leadMs, leadMs / driver.steps, sent / n, floorMs / floorDriver.steps,
          (leadMs - mailMs) / driver.steps, (leadMs - mailMs) / driver.waitStates, floorMs / floorDriver.waitStates,
          sequenceMs / sequenceDriver.waitStates, sent == 0 ? 0 : mailMs / sent,
          (leadMs - mailMs - driver.lookupNanos / 1e6) / driver.waitStates,
          (floorMs - floorDriver.lookupNanos / 1e6) / floorDriver.waitStates,
          (sequenceMs - sequenceDriver.lookupNanos / 1e6) / sequenceDriver.waitStates,
          (mixedMs - betweenMs - mixed.lookupNanos / 1e6) / mixed.waitStates,
          (betweenMs - floorBetween.lookupNanos / 1e6) / floorBetween.waitStates));
      leadKinds.add(driver);
      floorKinds.add(floorDriver);
    }
    mail.purgeEmailFromAllMailboxes();
    return new Paired(pairs, stepsPerInstance, waitStatesPerInstance, leadKinds, floorKinds);
  }

  /**
   * Rows written and index/table scans per step, by table (PostgreSQL's statistics views, NaN on
   * H2), and the engine's SQL statements per step by statement id (both databases).
   */
  record TableActivity(double rowsWrittenPerStep, double scansPerStep, String topWrites, String topScans,
      double statementsPerStep, String topStatements, Map<String, Double> statements,
      Map<String, Double> roundTrips, double stepsPerWaitState, double lookupStatementsPerStep,
      Map<String, Map<String, Double>> statementsByStep, Map<String, Double> rowsRead,
      Map<String, Double> outermostCommands, Map<String, Double> nestedCommands) {

    double statementsPerWaitState() {
      return statementsPerStep * stepsPerWaitState;
    }

    /** Without the harness's lookups ({@link HarnessLookups}). */
    double ownStatementsPerWaitState() {
      return (statementsPerStep - lookupStatementsPerStep) * stepsPerWaitState;
    }
  }

  /**
   * Where a wait state's time goes, from a round of its own (the census round's bookkeeping would
   * weigh on the Java part): milliseconds per wait state in the database calls by
   * {@link JdbcCensus.TimeSplit}, the mails' hand-over, and the rest (Java: engine, application,
   * harness), which makes up the round's time; apart, the CPU time of the thread that drives the
   * round (the database calls' Java included) and the garbage collectors' time, which tell how much
   * of "the rest" is Java running and how much waiting.
   */
  record WaitStateTime(Map<JdbcCensus.TimeSplit, Double> database, double mails, double rest,
      Map<String, Double> queries, Map<String, Double> writes, double cpu, double user, double gc) {

    double total() {
      return database.values().stream().mapToDouble(Double::doubleValue).sum() + mails + rest;
    }

    /** "engine reads 4.1, engine writes 2.0, ..., rest (Java) 3.2": every part, in a fixed order. */
    String describe() {
      StringBuilder b = new StringBuilder();
      database.forEach((split, ms) -> b.append(split.label).append(' ').append(Results.fmt(ms)).append(", "));
      return b.append("mails' hand-over ").append(Results.fmt(mails)).append(", rest (Java: engine, application,"
          + " harness) ").append(Results.fmt(rest)).append("; the driving thread's CPU ").append(Results.fmt(cpu))
          .append(" (of which user ").append(Results.fmt(user)).append("), GC ").append(Results.fmt(gc))
          .append("; longest engine queries (mapping included): ").append(StatementCensus.top(queries, 6))
          .append("; longest engine writes: ").append(StatementCensus.top(writes, 6)).toString();
    }
  }

  WaitStateTime timeSplit(int n, Workload workload) throws Exception {
    Driver d = new Driver(engine, true);
    double mailsBefore = mailClock.totalMs();
    jdbcCensus.startTiming();
    census.startTiming();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long gcBefore = gcMillis();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long userStart = threads.getCurrentThreadUserTime();
    long start = System.nanoTime();
    workload.run(d, n);
    double ms = (System.nanoTime() - start) / 1e6;
    double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    double userMs = (threads.getCurrentThreadUserTime() - userStart) / 1e6;
    double gcMs = gcMillis() - gcBefore;
    Map<String, Double> queries = census.stopTiming(d.waitStates);
    Map<String, Double> writes = jdbcCensus.writesByTable(d.waitStates);
    Map<JdbcCensus.TimeSplit, Double> perStep = jdbcCensus.stopTiming(d.steps);
    double waitStates = d.waitStates;
    Map<JdbcCensus.TimeSplit, Double> database = new java.util.EnumMap<>(JdbcCensus.TimeSplit.class);
    perStep.forEach((split, perStepMs) -> database.put(split, perStepMs * d.steps / waitStates));
    double mails = (mailClock.totalMs() - mailsBefore) / waitStates;
    double inDatabase = database.values().stream().mapToDouble(Double::doubleValue).sum();
    return new WaitStateTime(database, mails, ms / waitStates - inDatabase - mails, queries, writes, cpuMs / waitStates,
        userMs / waitStates, gcMs / waitStates);
  }

  private static final String SAMPLED_FLOOR = "floor";
  private static final String SAMPLED_LEAD = "lead";
  private static final int SAMPLED_RUNS = 5;

  /**
   * A round of its own under Java Flight Recorder: the floor's and the lead's runs of twice a
   * measured round's size, five times each in turn (the recorder takes a sample every 3–5 ms of a
   * running thread here, not every ms), their samples by whose code they are in
   * ({@link SampleProfile}).
   */
  Map<String, SampleProfile.Split> sampled(int floorN, int n, Workload workload) throws Exception {
    List<Map.Entry<String, SampleProfile.Work>> phases = new ArrayList<>();
    for (int i = 0; i < SAMPLED_RUNS; i++) {
      phases.add(Map.entry(SAMPLED_FLOOR, () -> bare(new Driver(engine, true), 2 * floorN)));
      phases.add(Map.entry(SAMPLED_LEAD, () -> workload.run(new Driver(engine, true), 2 * n)));
    }
    return new SampleProfile().profile(phases);
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  /**
   * Runs a workload once and counts what it asks of the database: PostgreSQL's per-table
   * statistics around it (rows inserted, updated and deleted, and scans, per step; the tables
   * written most) and the engine's statements by id.
   */
  TableActivity tableActivity(int n, Workload workload) throws Exception {
    if (postgres) {
      Thread.sleep(2500); // what the previous rounds wrote is reported first
    }
    Map<String, long[]> before = postgres ? tableStats() : Map.of();
    Map<String, Long> indexesBefore = postgres ? indexScans() : Map.of();
    Driver d = new Driver(engine, true);
    census.start();
    jdbcCensus.start();
    commandCensus.start();
    workload.run(d, n);
    commandCensus.stop();
    Map<String, Double> outermostCommands = commandCensus.outermost(d.waitStates);
    Map<String, Double> nestedCommands = commandCensus.nested(d.waitStates);
    Map<String, Double> roundTrips = jdbcCensus.stop(d.steps);
    double lookupStatements = census.lookupsPerStep(d.steps);
    Map<String, Map<String, Double>> byStep = census.byStep(d.stepCounts());
    Map<String, Double> rowsRead = census.rowsRead(d.waitStates);
    Map<String, Double> statements = census.stop(d.steps);
    double steps = d.steps;
    String topStatements = StatementCensus.top(statements, 15);
    if (!postgres) {
      return new TableActivity(Double.NaN, Double.NaN, "", "", StatementCensus.total(statements), topStatements,
          statements, roundTrips, steps / d.waitStates, lookupStatements, byStep, rowsRead, outermostCommands, nestedCommands);
    }
    Thread.sleep(2500); // backends report their statistics at most once a second, when idle
    Map<String, long[]> after = tableStats();
    Map<String, Long> indexScans = new HashMap<>();
    indexScans().forEach((index, count) -> {
      long scansOfIndex = count - indexesBefore.getOrDefault(index, 0L);
      if (scansOfIndex > 0) {
        indexScans.put(index, scansOfIndex);
      }
    });
    long written = 0;
    long scans = 0;
    Map<String, Long> writes = new HashMap<>();
    Map<String, Long> scanned = new HashMap<>();
    for (Map.Entry<String, long[]> e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[2]);
      long w = e.getValue()[0] - b[0];
      long sc = e.getValue()[1] - b[1];
      written += w;
      scans += sc;
      if (w > 0) {
        writes.put(e.getKey(), w);
      }
      if (sc > 0) {
        scanned.put(e.getKey(), sc);
      }
    }
    return new TableActivity(written / steps, scans / steps, top(writes, steps),
        top(scanned, steps) + "; most scanned indexes: " + top(indexScans, steps),
        StatementCensus.total(statements), topStatements, statements, roundTrips, steps / d.waitStates,
        lookupStatements, byStep, rowsRead, outermostCommands, nestedCommands);
  }

  static String top(Map<String, Long> perTable, double steps) {
    return perTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
        .map(e -> e.getKey() + " " + Results.fmt(e.getValue() / steps)).collect(java.util.stream.Collectors.joining(", "));
  }

  /** Index scans by index (a nested loop's inner index scan counts once per outer row). */
  Map<String, Long> indexScans() {
    Map<String, Long> scans = new HashMap<>();
    jdbc.query("SELECT indexrelname, idx_scan FROM pg_stat_user_indexes", rs -> {
      scans.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
    });
    return scans;
  }

  Map<String, long[]> tableStats() {
    Map<String, long[]> stats = new HashMap<>();
    jdbc.query("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del, COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0)"
        + " FROM pg_stat_user_tables", rs -> {
          stats.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), new long[] {rs.getLong(2), rs.getLong(3)});
        });
    return stats;
  }

  // -------------------------------------------------------------------------------------- 1 floor

  void floor() throws Exception {
    int n = smoke ? 50 : 300;
    Measure m = measure(n, this::bare, true);
    floorPerStepMs = m.msPerStep();
    String s = "1 Floor";
    results.add(s, "bare one-user-task process, Java API", "instances/s", "1/s", m.instancesPerSecond(), null, null,
        n + " instances per round; steps per instance " + Results.fmt(m.stepsPerInstance()));
    results.add(s, "bare one-user-task process, Java API", "per step", "ms", m.msPerStep(), null, null,
        "step = one transaction: start, completion or job");
    levers(s, n);
  }

  /**
   * What the models' two levers cost the bare engine: the floor with variables and the floor with
   * more elements, in rounds alternating with the floor's, per wait state (the harness's lookups
   * deducted), the median of the rounds' ratios.
   */
  void levers(String section, int n) throws Exception {
    List<Lever> levers = List.of(
        new Lever("one-user-task process started with " + LEVER_VARIABLES + " string variables", "variable",
            LEVER_VARIABLES, this::bareWithVariables),
        new Lever("one-user-task process with " + LEVER_ELEMENTS + " more elements (two exclusive gateways, two"
            + " expression service tasks)", "element", LEVER_ELEMENTS, this::bareWithElements));
    for (Lever lever : levers) {
      lever.workload().run(new Driver(engine, true), n / 2);
    }
    bare(new Driver(engine, true), n / 2);
    Map<Lever, List<Double>> ratios = new HashMap<>();
    Map<Lever, List<Double>> beyond = new HashMap<>();
    List<Double> floorMs = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double floor = ownMsPerWaitState(n, this::bare);
      floorMs.add(floor);
      for (Lever lever : levers) {
        double each = ownMsPerWaitState(n, lever.workload());
        ratios.computeIfAbsent(lever, k -> new ArrayList<>()).add(each / floor);
        beyond.computeIfAbsent(lever, k -> new ArrayList<>()).add(each - floor);
      }
    }
    double floor = Stats.median(floorMs);
    for (Lever lever : levers) {
      double ms = Stats.median(beyond.get(lever));
      double one = ms / lever.count();
      results.add(section, lever.subject(), "per wait state beyond the floor's, the harness's lookups deducted", "ms",
          ms, null, null, "median of the rounds' differences, rounds alternating with the floor's (" + Results.fmt(floor)
              + " ms); median of the rounds' ratios " + Results.fmt(Stats.median(ratios.get(lever))) + "; one "
              + lever.unit() + ": " + Results.fmt(one) + " ms, " + Results.fmt(100 * one / floor)
              + " % of the floor's wait state");
    }
  }

  /** A variant of the floor with more of one thing a model has: variables, or elements passed. */
  private record Lever(String subject, String unit, int count, Workload workload) {}

  /** Runs a workload once; its milliseconds per wait state, the harness's lookups deducted. */
  private double ownMsPerWaitState(int n, Workload workload) throws Exception {
    Driver d = new Driver(engine, true);
    long t = System.nanoTime();
    workload.run(d, n);
    return ((System.nanoTime() - t) / 1e6 - d.lookupNanos / 1e6) / d.waitStates;
  }

  /** The floor's workload: start, then complete the one task. */
  void bare(Driver d, int count) {
    for (int i = 0; i < count; i++) {
      String id = d.start(FLOOR);
      d.complete(d.task(id, "Task_Bare"));
    }
  }

  /** The floor with variables: started with ten strings of 20 characters, then its task completed. */
  void bareWithVariables(Driver d, int count) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (int v = 1; v <= LEVER_VARIABLES; v++) {
      variables.put("value" + v, "a value of twenty ch" + v);
    }
    for (int i = 0; i < count; i++) {
      String id = d.start(FLOOR_VARIABLES, variables);
      d.complete(d.task(id, "Task_Bare"));
    }
  }

  /** The floor with more elements: its task between two gateways and two expression service tasks. */
  void bareWithElements(Driver d, int count) {
    for (int i = 0; i < count; i++) {
      String id = d.start(FLOOR_ELEMENTS);
      d.complete(d.task(id, "Task_Bare"));
    }
  }

  /** The sequence floor: start, then complete its ten tasks one after the other. */
  void bareSequence(Driver d, int count) {
    for (int i = 0; i < count; i++) {
      String id = d.start(FLOOR_SEQUENCE);
      for (int t = 1; t <= SEQUENCE_TASKS; t++) {
        d.complete(d.task(id, "Task_" + t));
      }
    }
  }

  // --------------------------------------------------------------------------------- 2 lead paths

  final AtomicInteger initiativeYears = new AtomicInteger();

  /**
   * What handing one mail to the in-JVM SMTP server costs: through the application's transport
   * (connections reused, as MailService sends) and, for comparison, with a new connection per mail.
   */
  double[] smtpMsPerMail() throws Exception {
    fr.reflexespublics.notification.MailTransport transport =
        context.getBean(fr.reflexespublics.notification.MailTransport.class);
    org.springframework.mail.javamail.JavaMailSender sender =
        context.getBean(org.springframework.mail.javamail.JavaMailSender.class);
    List<Double> pooled = new ArrayList<>();
    List<Double> fresh = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long t = System.nanoTime();
      transport.deliver(new fr.reflexespublics.notification.MailMessage("reflexes@localhost", List.of("bench@localhost"),
          "bench", "<p>bench</p>", "bench", "<bench-" + i + "@public-reflexes>"));
      if (i >= 10) {
        pooled.add((System.nanoTime() - t) / 1e6);
      }
      org.springframework.mail.SimpleMailMessage m = new org.springframework.mail.SimpleMailMessage();
      m.setFrom("reflexes@localhost");
      m.setTo("bench@localhost");
      m.setSubject("bench");
      m.setText("bench");
      t = System.nanoTime();
      sender.send(m);
      if (i >= 10) {
        fresh.add((System.nanoTime() - t) / 1e6);
      }
    }
    mail.purgeEmailFromAllMailboxes();
    return new double[] {Stats.median(pooled), Stats.median(fresh)};
  }

  void leads() throws Exception {
    String s = "2 Lead happy paths";
    double[] smtpCosts = smtpMsPerMail();
    double smtp = smtpCosts[0];
    results.add(s, "one mail handed to the in-JVM SMTP server (application transport)", "per mail", "ms", smtp,
        "a new connection per mail", smtpCosts[1], "connection reused; baseline: connect + EHLO + send + QUIT; medians of 30");
    Map<String, Workload> leads = new java.util.LinkedHashMap<>();
    leads.put(InitiativeProcess.KEY, this::initiative);
    leads.put(RelayProcess.KEY, this::relay);
    leads.put(TakeoverProcess.KEY, this::takeover);
    leads.put(FollowUpProcess.KEY + " (campaign of 5n)", this::hotline);
    leads.put(RetexProcess.KEY, this::retex);
    leads.put(MobilityProcess.KEY, this::mobility);
    int n = smoke ? 4 : 10;
    int floorN = smoke ? 20 : 100;
    TableActivity floorActivity = tableActivity(floorN, this::bare);
    TableActivity sequenceActivity = tableActivity(floorN / SEQUENCE_TASKS, this::bareSequence);
    String floorName = "bare one-user-task process (floor)";
    StringBuilder statementsCsv = new StringBuilder("subject,statement,per step\n");
    appendStatements(statementsCsv, "floor", floorActivity);
    appendStatements(statementsCsv, "floor of " + SEQUENCE_TASKS + " tasks in sequence", sequenceActivity);
    if (postgres) {
      results.add(s, floorName, "rows written per step", "rows",
          floorActivity.rowsWrittenPerStep(), null, null, "most written (rows per step): " + floorActivity.topWrites());
      results.add(s, floorName, "table and index scans per step", "scans",
          floorActivity.scansPerStep(), null, null, "PostgreSQL statistics views, one round after the measured ones;"
              + " most scanned (per step): " + floorActivity.topScans());
    }
    results.add(s, floorName, "engine statements per step", "statements", floorActivity.statementsPerStep(), null, null,
        "MyBatis statements (harness queries included), one round after the measured ones: "
            + floorActivity.topStatements());
    addRoundTrips(s, floorName, floorActivity, null);
    results.add(s, floorName, "engine statements per wait state", "statements", floorActivity.statementsPerWaitState(),
        null, null, "start, announcement job and completion of its one task");
    results.add(s, "bare process of " + SEQUENCE_TASKS + " tasks in sequence (floor)", "engine statements per wait state",
        "statements", sequenceActivity.statementsPerWaitState(), null, null,
        "one start for ten tasks: what a wait state costs the bare engine once the instance exists");
    if (!leadFilter.isEmpty()) {
      leads.keySet().removeIf(key -> leadFilter.stream().noneMatch(key::startsWith));
    }
    for (Map.Entry<String, Workload> lead : leads.entrySet()) {
      // a campaign's own steps (start, batches, closing) are shared by its follow-ups: a campaign
      // of 10 would weigh them as if they were part of every follow-up
      int count = lead.getKey().startsWith(FollowUpProcess.KEY) ? n * 5 : n;
      Paired p = measurePaired(count, floorN, lead.getValue());
      double floorPerStep = p.median(PairRound::floorPerStep);
      results.add(s, lead.getKey(), "instances/s", "1/s", p.median(PairRound::instancesPerSecond), null, null,
          count + " per round; " + Results.fmt(p.stepsPerInstance()) + " steps per instance");
      results.add(s, lead.getKey(), "per step", "ms", p.median(PairRound::leadPerStep), "floor per step (rounds alternated)",
          floorPerStep, "median of the rounds' ratios " + Results.fmt(p.median(PairRound::ratio)) + "; per transaction"
              + " (the target is per wait state, below); " + Results.fmt(p.median(PairRound::mailsPerInstance))
              + " mails per instance");
      results.add(s, lead.getKey(), "per step, SMTP hand-over deducted", "ms", p.median(PairRound::withoutMailPerStep),
          "floor per step (rounds alternated)", floorPerStep,
          "median of the rounds' ratios " + Results.fmt(p.median(PairRound::ratioWithoutMail)) + "; deducted: the time"
              + " the round's mails took to hand over, measured in the round ("
              + Results.fmt(p.median(PairRound::mailMsPerMail)) + " ms per mail)");
      double perWaitState = p.median(PairRound::withoutMailPerWaitState);
      results.add(s, lead.getKey(), "per wait state, SMTP hand-over deducted", "ms", perWaitState,
          "floor per wait state (start + completion)", p.median(PairRound::floorPerWaitState), "median of the rounds'"
              + " ratios " + Results.fmt(p.median(PairRound::ratioPerWaitState)) + "; "
              + Results.fmt(p.waitStatesPerInstance())
              + " wait states per instance (tasks completed, timers, asynchronous continuations, messages;"
              + " announcement jobs are steps, not wait states); target ≤ 1.5 (goal 1.2)");
      results.add(s, lead.getKey(), "per wait state, SMTP hand-over deducted", "ms", perWaitState,
          "floor of " + SEQUENCE_TASKS + " tasks in sequence, per wait state", p.median(PairRound::sequencePerWaitState),
          "median of the rounds' ratios " + Results.fmt(p.median(PairRound::ratioPerWaitStateToSequence))
              + "; the bare engine's wait state without the start of an instance of its own");
      String own = "per wait state, SMTP hand-over and the harness's lookups deducted";
      double ownPerWaitState = p.median(PairRound::ownPerWaitState);
      double floorOwnPerWaitState = p.median(PairRound::floorOwnPerWaitState);
      results.add(s, lead.getKey(), own, "ms", ownPerWaitState, "floor, its lookups deducted",
          floorOwnPerWaitState, "median of the rounds' ratios " + Results.fmt(p.median(PairRound::ownRatio))
              + "; lookups: the task to complete, the due jobs after each step, a workload's checks (HarnessLookups)");
      results.add(s, lead.getKey(), own, "ms", ownPerWaitState,
          "floor of " + SEQUENCE_TASKS + " tasks in sequence, its lookups deducted",
          p.median(PairRound::sequenceOwnPerWaitState), "median of the rounds' ratios "
              + Results.fmt(p.median(PairRound::ownRatioToSequence)));
      results.add(s, lead.getKey(), "per wait state beyond the floor's, SMTP hand-over and the harness's lookups"
          + " deducted", "ms", p.median(PairRound::ownBeyondFloor), null, null, "median of the rounds' differences:"
          + " the lead's own work in ms, which can be compared across databases where the ratio cannot (the floor"
          + " costs several times less on H2 than on PostgreSQL); the target 1.5 allows half the floor's "
          + Results.fmt(floorOwnPerWaitState) + " ms");
      results.add(s, lead.getKey(), "per wait state, the floor interleaved with the lead, SMTP hand-over and the"
          + " harness's lookups deducted", "ms", p.median(PairRound::interleavedOwnPerWaitState),
          "floor run between the lead's steps, its lookups deducted", p.median(PairRound::floorInterleavedOwnPerWaitState),
          "median of the rounds' ratios " + Results.fmt(p.median(PairRound::interleavedRatio)) + "; in each round, after"
              + " the lead's own, the lead again with one floor instance after each of its starts, completions and"
              + " timers (and the jobs they made due), as a server runs several processes at once; the same rounds'"
              + " floor alone: " + Results.fmt(floorOwnPerWaitState) + " ms");
      addStepKinds(s, lead.getKey(), p);
      TableActivity activity = tableActivity(count, lead.getValue());
      if (postgres) {
        results.add(s, lead.getKey(), "rows written per step", "rows", activity.rowsWrittenPerStep(), "floor",
            floorActivity.rowsWrittenPerStep(), "most written (rows per step): " + activity.topWrites());
        results.add(s, lead.getKey(), "table and index scans per step", "scans", activity.scansPerStep(), "floor",
            floorActivity.scansPerStep(), "most scanned (per step): " + activity.topScans());
      }
      results.add(s, lead.getKey(), "engine statements per step", "statements", activity.statementsPerStep(), "floor",
          floorActivity.statementsPerStep(), "most run (per step): " + activity.topStatements());
      results.add(s, lead.getKey(), "engine statements per wait state", "statements", activity.statementsPerWaitState(),
          "floor", floorActivity.statementsPerWaitState(), null);
      results.add(s, lead.getKey(), "engine statements per wait state", "statements", activity.statementsPerWaitState(),
          "floor of " + SEQUENCE_TASKS + " tasks in sequence", sequenceActivity.statementsPerWaitState(), null);
      String ownStatements = "engine statements per wait state, the harness's lookups left out";
      results.add(s, lead.getKey(), ownStatements, "statements", activity.ownStatementsPerWaitState(), "floor",
          floorActivity.ownStatementsPerWaitState(), null);
      results.add(s, lead.getKey(), ownStatements, "statements", activity.ownStatementsPerWaitState(),
          "floor of " + SEQUENCE_TASKS + " tasks in sequence", sequenceActivity.ownStatementsPerWaitState(), null);
      results.add(s, lead.getKey(), "engine statements per step beyond the floor's", "statements",
          activity.statementsPerStep() - floorActivity.statementsPerStep(), null, null,
          "by kind, per step, lead (floor): " + StatementCensus.kindsAgainst(activity.statements(), floorActivity.statements()));
      activity.statementsByStep().forEach((kind, perStep) -> {
        Map<String, Double> floorStep = floorActivity.statementsByStep().get(kind);
        results.add(s, lead.getKey(), "engine statements per step: " + kind, "statements",
            StatementCensus.total(perStep), floorStep == null ? null : "floor's " + kind,
            floorStep == null ? null : StatementCensus.total(floorStep), (floorStep == null
                ? "most run: " + StatementCensus.top(perStep, 10)
                : "beyond the floor's: " + StatementCensus.beyond(perStep, floorStep, 10))
                + "; the harness's lookups left out");
      });
      results.add(s, lead.getKey(), "engine rows read per wait state", "rows",
          StatementCensus.total(activity.rowsRead()), "floor", StatementCensus.total(floorActivity.rowsRead()),
          "rows the engine's queries returned, each mapped by MyBatis (an entity, or a count's one row), the"
              + " harness's lookups left out; beyond the floor's: " + StatementCensus.beyond(activity.rowsRead(), floorActivity.rowsRead(), 10));
      results.add(s, lead.getKey(), "engine commands per wait state, outermost", "commands",
          StatementCensus.total(activity.outermostCommands()), "floor",
          StatementCensus.total(floorActivity.outermostCommands()), "each with its own command context and"
              + " entity cache; lead: " + StatementCensus.top(activity.outermostCommands(), 12) + "; floor: "
              + StatementCensus.top(floorActivity.outermostCommands(), 6) + "; run inside them, lead: "
              + StatementCensus.top(activity.nestedCommands(), 8));
      results.add(s, lead.getKey(), "per engine statement, SMTP hand-over deducted", "ms",
          p.median(PairRound::withoutMailPerStep) / activity.statementsPerStep(), "floor",
          floorPerStep / floorActivity.statementsPerStep(),
          "a step's time divided by its engine statements (application statements and the harness's queries included"
              + " in the time): what a lead's step costs beyond the engine work it asks for");
      addRoundTrips(s, lead.getKey(), activity, floorActivity);
      WaitStateTime floorSplit = timeSplit(floorN, this::bare); // just before, so that both see the same load
      WaitStateTime split = timeSplit(count, lead.getValue());
      results.add(s, lead.getKey(), "per wait state, where the time goes (a round of its own)", "ms", split.total(),
          "floor", floorSplit.total(), "lead: " + split.describe() + "; floor: " + floorSplit.describe());
      Map<String, SampleProfile.Split> samples = sampled(floorN, count, lead.getValue());
      SampleProfile.Split leadSamples = samples.get(SAMPLED_LEAD);
      SampleProfile.Split floorSamples = samples.get(SAMPLED_FLOOR);
      results.add(s, lead.getKey(), "per wait state, share in the product's own code (JFR samples, a round of its own)",
          "%", 100 * leadSamples.share(SampleProfile.Owner.PRODUCT), "floor",
          100 * floorSamples.share(SampleProfile.Owner.PRODUCT), "samples of the driving thread, the floor's and the"
              + " lead's runs of twice a round's size " + SAMPLED_RUNS + " times in turn; lead: "
              + leadSamples.describe() + "; floor: " + floorSamples.describe());
      double leadEngine = leadSamples.share(SampleProfile.Owner.ENGINE);
      double floorEngine = floorSamples.share(SampleProfile.Owner.ENGINE);
      results.add(s, lead.getKey(), "per wait state, the engine's own work, SMTP hand-over and the harness's lookups"
          + " deducted", "ms", ownPerWaitState * leadEngine, "floor's engine's own work", floorOwnPerWaitState * floorEngine,
          "the row '" + own + "' times the share of the samples in the engine's own code (lead "
              + Results.fmt(100 * leadEngine) + " %, floor " + Results.fmt(100 * floorEngine) + " %): a wait state if"
              + " the product's code and the engine work it asks for took no time, the engine's flush of what the"
              + " product set left in; below this ratio, no change to the product's Java alone brings a lead");
      appendStatements(statementsCsv, lead.getKey(), activity);
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("statements.csv"), statementsCsv);
  }

  /**
   * A lead's steps by kind against the floor's, over all the measured rounds (SMTP hand-over and
   * the harness's lookups deducted): what one step of each kind costs, and how the milliseconds a
   * lead adds to a wait state split between the kinds.
   */
  void addStepKinds(String section, String subject, Paired p) {
    StepKinds lead = p.lead();
    StepKinds floor = p.floor();
    StringBuilder split = new StringBuilder();
    for (String kind : lead.kinds()) {
      double floorEach = floor.msEach(kind);
      boolean floorHasIt = !Double.isNaN(floorEach);
      results.add(section, subject, "per step: " + kind + ", SMTP hand-over and the harness's lookups deducted", "ms",
          lead.msEach(kind), floorHasIt ? "floor's " + kind : null, floorHasIt ? floorEach : null,
          Results.fmt(lead.perWaitState(kind)) + " per wait state (floor " + Results.fmt(floor.perWaitState(kind))
              + "); all the measured rounds");
      split.append(kind).append(' ').append(Results.fmt(lead.msPerWaitState(kind) - floor.msPerWaitState(kind)))
          .append(", ");
    }
    // the rounds are of the same size: the mean of their figures is the figure of all of them
    double leadOutside = mean(p, PairRound::ownPerWaitState) - lead.msPerWaitState();
    double floorOutside = mean(p, PairRound::floorOwnPerWaitState) - floor.msPerWaitState();
    results.add(section, subject, "per wait state beyond the floor's, by step kind", "ms",
        mean(p, PairRound::ownBeyondFloor), null, null, "all the measured rounds (the mean; the row above is the"
            + " median of the rounds); the kinds' ms per wait state, lead's minus floor's: " + split
            + "outside the steps (the hotline's batches and closing messages, run as background jobs; the drivers'"
            + " own loops) " + Results.fmt(leadOutside - floorOutside));
  }

  private static double mean(Paired p, java.util.function.ToDoubleFunction<PairRound> figure) {
    return p.rounds().stream().mapToDouble(figure).average().orElse(Double.NaN);
  }

  /**
   * The database calls of a step (a statement executed or a batch sent): the engine's, and the
   * application's by class and method, which the engine census does not see.
   */
  void addRoundTrips(String section, String subject, TableActivity activity, TableActivity floor) {
    Map<String, Double> trips = activity.roundTrips();
    results.add(section, subject, "database calls per step, application", "calls", JdbcCensus.application(trips),
        floor == null ? null : "floor", floor == null ? null : JdbcCensus.application(floor.roundTrips()),
        "JDBC executions outside the engine (recorders, mails, checks): " + JdbcCensus.topApplication(trips, 8));
    results.add(section, subject, "database calls per step, engine", "calls", JdbcCensus.engine(trips),
        floor == null ? null : "floor", floor == null ? null : JdbcCensus.engine(floor.roundTrips()),
        "JDBC executions by MyBatis (a batch of inserts or deletes is one call)");
  }

  static void appendStatements(StringBuilder csv, String subject, TableActivity activity) {
    activity.statements().forEach((statement, perStep) ->
        csv.append(subject).append(',').append(statement).append(',').append(Results.fmt(perStep)).append('\n'));
  }

  void initiative(Driver d, int n) {
    for (int i = 0; i < n; i++) {
      int k = initiativeYears.getAndIncrement();
      LocalDate start = LocalDate.of(2100 + k / 10 % 800, 3, 2);
      Map<String, Object> v = new HashMap<>();
      v.put(InitiativeProcess.TITLE, "Shared toolbox for road crews");
      v.put(InitiativeProcess.PUBLIC_INTEREST, "Fewer trips to the depot, faster repairs of potholes for residents");
      v.put(InitiativeProcess.DESCRIPTION, "A toolbox left at each district office, refilled weekly.");
      v.put(InitiativeProcess.REQUESTED_DAYS, 1);
      v.put(InitiativeProcess.PLANNED_START, start.toString());
      String id = d.startAs("alice", InitiativeProcess.KEY, v).getId();
      d.completeAs("marc", d.task(id, InitiativeProcess.TASK_REVIEW_NON_OPPOSITION),
          Map.of(InitiativeProcess.DECISION, "NO_OPPOSITION"));
      d.completeAs("ines", d.task(id, InitiativeProcess.TASK_INNOVATION_UNIT_CONSULTATION),
          Map.of(InitiativeProcess.SUPPORT, "COACHING", InitiativeProcess.CONSTRAINTS, "Storage room needed",
              InitiativeProcess.NOTES, ""));
      d.completeAs("alice", d.task(id, InitiativeProcess.TASK_REPORT_ON_INITIATIVE), Map.of(
          InitiativeProcess.DAYS_USED, 1, InitiativeProcess.OUTCOME, "Toolboxes used daily by two crews",
          InitiativeProcess.EVIDENCE, "Crew logbook", InitiativeProcess.WANTS_HANDOVER, true));
      d.completeAs("ines", d.task(id, InitiativeProcess.TASK_ASSESS_INITIATIVE), Map.of(
          InitiativeProcess.ASSESSMENT, "CLOSE", InitiativeProcess.LESSONS_LEARNED, "Useful, needs storage first"));
    }
  }

  void relay(Driver d, int n) {
    for (int i = 0; i < n; i++) {
      String id = d.startAs("ines", RelayProcess.KEY, Map.of(RelayProcess.TITLE, "Megotiers " + UUID.randomUUID(),
          RelayProcess.DESCRIPTION, "Mobile ashtrays designed with the agents of the city centre",
          RelayProcess.INITIATORS, "alice, bruno")).getId();
      d.completeAs("ines", d.task(id, RelayProcess.TASK_IDENTIFY_FINAL_CARRIER), Map.of(
          RelayProcess.CARRIER_DEPARTMENT, "roads", RelayProcess.CARRIER_USER_ID, "marc",
          RelayProcess.RELAY_PLAN, "Two pilot streets, then the whole centre by June",
          RelayProcess.RELAY_DEADLINE, LocalDate.now(zone).plusMonths(4).toString()));
      d.completeAs("marc", d.task(id, RelayProcess.TASK_ACCEPT_OWNERSHIP), Map.of(RelayProcess.OWNERSHIP, "ACCEPT"));
      d.completeAs("marc", d.task(id, RelayProcess.TASK_CONFIRM_ADOPTION), Map.of(RelayProcess.ADOPTION_SUMMARY,
          "Emptying the ashtrays is now in the street-cleaning rounds"));
    }
  }

  void takeover(Driver d, int n) {
    for (int i = 0; i < n; i++) {
      Map<String, Object> v = new HashMap<>();
      v.put(TakeoverProcess.PARTNER_NAME, "Les Restos du Quartier");
      v.put(TakeoverProcess.PARTNER_EMAIL, "contact@restos-quartier.example.org");
      v.put(TakeoverProcess.ACTION_NAME, "Food parcels, Saturday distribution");
      v.put(TakeoverProcess.ACTION_CATEGORY, "FOOD_AID");
      v.put(TakeoverProcess.BENEFICIARIES_COUNT, 120);
      v.put(TakeoverProcess.FAILURE_CAUSE, "VOLUNTEER_SHORTAGE");
      v.put(TakeoverProcess.PARTNER_CONSENTS, true);
      v.put(TakeoverProcess.URGENCY, "HIGH");
      String id = d.startAs("paula", TakeoverProcess.KEY, v).getId();
      d.completeAs("diane", d.task(id, TakeoverProcess.TASK_DECIDE_TAKEOVER), Map.of(
          TakeoverProcess.DIRECTOR_DECISION, "APPROVE", TakeoverProcess.DURATION_DAYS, 30));
      d.completeAs("paula", d.task(id, TakeoverProcess.TASK_PREPARE_TAKEOVER_PLAN), Map.of(
          TakeoverProcess.ASSIGNED_AGENTS, "alice, bruno",
          TakeoverProcess.START_DATE, LocalDate.now(zone).plusDays(1).toString(),
          TakeoverProcess.RESOURCES, "Central kitchen fridges, one van",
          TakeoverProcess.PREMISES, "Former tax office, ground floor",
          TakeoverProcess.HAND_BACK_CRITERIA, "Twelve volunteers back and the hall reopened"));
      d.fireTimer(id, TakeoverProcess.START_REVIEW_DUE);
      d.completeAs("paula", d.task(id, TakeoverProcess.TASK_WEEKLY_REVIEW), Map.of(
          TakeoverProcess.BENEFICIARIES_SERVED, 90, TakeoverProcess.INCIDENTS, "None",
          TakeoverProcess.PARTNER_CAN_RESUME, true));
      d.completeAs("paula", d.task(id, TakeoverProcess.TASK_HAND_BACK_MEETING), Map.of(
          TakeoverProcess.CHECKLIST_COMPLETE, true, TakeoverProcess.NOTES, "Keys returned, stock counted"));
    }
  }

  /**
   * Retex ritual: ines launches it for alice and bruno, colin announces the change of state, both
   * testify, ines runs the workshop (one lesson, no dissent) and commits its action, the results are
   * published, and after the review delay ines marks the action done.
   */
  void retex(Driver d, int n) {
    for (int i = 0; i < n; i++) {
      Map<String, Object> v = new HashMap<>();
      v.put(RetexProcess.RETEX_TITLE, "Retex of the second lockdown");
      v.put(RetexProcess.CRISIS_PHASE, "End of the second lockdown");
      v.put(RetexProcess.SCOPE, "Roads and Early Childhood");
      v.put(RetexProcess.PARTICIPANTS, "alice,bruno");
      v.put(RetexProcess.ANONYMOUS, false);
      v.put(RetexProcess.TESTIMONY_DEADLINE, LocalDate.now(zone).plusDays(10).toString());
      String id = d.startAs("ines", RetexProcess.KEY, v).getId();
      d.completeAs("colin", d.task(id, RetexProcess.TASK_ANNOUNCE), Map.of(
          RetexProcess.WHAT_CHANGES, "Teams come back on site two days a week",
          RetexProcess.WHAT_STAYS, "The crisis cell meets every Monday",
          RetexProcess.NEXT_STAGE, "A review in March, before the spring"));
      for (String user : List.of("alice", "bruno")) {
        Task testimony = d.lookup(() -> d.taskService.createTaskQuery().processInstanceId(id)
            .taskDefinitionKey(RetexProcess.TASK_GIVE_TESTIMONY).taskAssignee(user).singleResult());
        Map<String, Object> t = new HashMap<>();
        t.put(RetexProcess.WHAT_WORKED, "The crisis cell answered within the day");
        t.put(RetexProcess.WHAT_WAS_HARD, "Working from the kitchen table");
        t.put(RetexProcess.DONE_DIFFERENTLY, "");
        t.put(RetexProcess.DISAGREEMENT, "");
        t.put(RetexProcess.WELLBEING, 4);
        d.completeAs(user, testimony, t);
      }
      d.completeAs("ines", d.task(id, RetexProcess.TASK_FACILITATE_WORKSHOP), Map.of(
          RetexProcess.LESSONS, SpinValues.jsonValue(
              "[{\"title\":\"Equip home workers\",\"description\":\"Chairs and screens on loan\"}]").create(),
          RetexProcess.DISSENT_ANSWERS, SpinValues.jsonValue("[]").create()));
      d.completeAs("ines", d.task(id, RetexProcess.TASK_COMMIT_ACTION), Map.of(RetexProcess.ACTION_OWNER, "nadia",
          RetexProcess.ACTION, "Lend chairs and screens to home workers",
          RetexProcess.ACTION_DUE, LocalDate.now(zone).plusMonths(2).toString(),
          RetexProcess.PLAN_ITEM, "Administration plan 2027, axis 3"));
      d.fireTimer(id, RetexProcess.TIMER_ACTION_REVIEW);
      String action = d.lookup(() -> jdbc.queryForObject("SELECT a.id FROM retex_action a JOIN retex r"
          + " ON r.id = a.retex_id WHERE r.process_instance_id = ?", String.class, id));
      d.completeAs("ines", d.task(id, RetexProcess.TASK_REVIEW_ACTIONS), Map.of(RetexProcess.ACTION_STATUSES,
          SpinValues.jsonValue("[{\"actionId\":\"" + action + "\",\"status\":\"DONE\",\"reason\":\"\"}]").create()));
      d.assertEnded(id, "retex");
    }
  }

  final AtomicInteger mobilityYears = new AtomicInteger();

  /**
   * Micro-mobility: marc asks for one agent, hugo selects chloe (a volunteer of the pool), chloe
   * accepts, her manager nadia releases her, the mid-mission check-in, the return and the debrief.
   * Each mission in a year of its own, so that the volunteer's yearly quota never runs out.
   */
  void mobility(Driver d, int n) {
    VolunteerPool pool = context.getBean(VolunteerPool.class);
    pool.register(new VolunteerPool.Registration("chloe", List.of("driving", "phone"), List.of("crisis"), false, 15));
    for (int i = 0; i < n; i++) {
      LocalDate start = LocalDate.of(2100 + mobilityYears.getAndIncrement() % 800, 3, 1);
      Map<String, Object> v = new HashMap<>();
      v.put(MobilityProcess.MISSION, "Winter salting of the bridges, with the road crews");
      v.put(MobilityProcess.RECEIVING_SERVICE, "roads");
      v.put(MobilityProcess.SKILLS, "driving, logistics");
      v.put(MobilityProcess.START_DATE, start.toString());
      v.put(MobilityProcess.END_DATE, start.plusDays(9).toString());
      v.put(MobilityProcess.AGENTS_NEEDED, 1);
      v.put(MobilityProcess.WEEKEND_WORK, false);
      v.put(MobilityProcess.TUTOR_USER_ID, "alice");
      String id = d.startAs("marc", MobilityProcess.KEY, v).getId();
      d.completeAs("hugo", d.task(id, MobilityProcess.TASK_SELECT_AGENTS), Map.of(MobilityProcess.SELECTED_AGENTS, "chloe"));
      d.completeAs("chloe", d.task(id, MobilityProcess.TASK_ACCEPT_MISSION),
          Map.of(MobilityProcess.MISSION_ANSWER, "ACCEPT"));
      d.completeAs("nadia", d.task(id, MobilityProcess.TASK_RELEASE_AGENT), Map.of(MobilityProcess.RELEASE, "RELEASE"));
      d.fireTimer(id, MobilityProcess.TIMER_MID_MISSION);
      d.completeAs("chloe", d.task(id, MobilityProcess.TASK_MID_MISSION_CHECK_IN), Map.of(MobilityProcess.GOING_WELL,
          true, MobilityProcess.CONSTRAINTS_RESPECTED, true, MobilityProcess.COMMENT, "Great crew"));
      d.fireTimer(id, MobilityProcess.TIMER_MISSION_END);
      d.completeAs("nadia", d.task(id, MobilityProcess.TASK_PREPARE_RETURN),
          Map.of(MobilityProcess.RETURN_NOTES, "Back on Monday, desk ready"));
      d.completeAs("chloe", d.task(id, MobilityProcess.TASK_MISSION_DEBRIEF), Map.of(MobilityProcess.SKILLS_GAINED,
          "Driving a salt spreader", MobilityProcess.WOULD_DO_AGAIN, true));
      d.assertEnded(id, "micro-mobility");
    }
  }

  /** A campaign over n simple persons: started in batches, each called once (reached, all well), then closed. */
  void hotline(Driver d, int n) {
    String register = "bench-lead-" + UUID.randomUUID();
    insertPersons(register, n);
    ProcessInstance campaign = d.startAs("hugo", CampaignProcess.KEY, Map.of(
        CampaignProcess.CAMPAIGN_NAME, "Heat wave", CampaignProcess.CALL_INTERVAL_DAYS, 7,
        CampaignProcess.CAMPAIGN_END, LocalDate.now(zone).plusDays(30).toString(),
        CampaignProcess.SOURCE_REGISTER, register, CampaignProcess.COMPLEXITY, "ANY", CampaignProcess.AGE_BAND, "ANY"));
    d.executeBackgroundJobs();
    d.steps += n; // each follow-up's start (batched: n starts in n/batch-size transactions)
    String campaignId = d.lookup(() -> (String) d.runtimeService.getVariable(campaign.getId(), CampaignProcess.CAMPAIGN_ID));
    List<ProcessInstance> followUps = d.lookup(() -> d.runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(FollowUpProcess.KEY).variableValueEquals(FollowUpProcess.CAMPAIGN_ID, campaignId).list());
    if (followUps.size() != n) {
      throw new IllegalStateException(followUps.size() + " follow-ups for " + n + " persons");
    }
    for (ProcessInstance followUp : followUps) {
      Map<String, Object> answers = new HashMap<>();
      answers.put(FollowUpProcess.REACHED, true);
      answers.put(FollowUpProcess.WELLBEING, "GOOD");
      answers.put(FollowUpProcess.NEEDS, SpinValues.jsonValue("[\"NONE\"]").create());
      answers.put(FollowUpProcess.DIFFICULTY_DETECTED, false);
      answers.put(FollowUpProcess.URGENT, false);
      answers.put(FollowUpProcess.WISHES_TO_STOP, false);
      d.completeAs("bruno", d.task(followUp.getId(), FollowUpProcess.TASK_CALL_PERSON), answers);
    }
    d.completeAs("hugo", d.task(campaign.getId(), CampaignProcess.TASK_CLOSE_CAMPAIGN),
        Map.of(CampaignProcess.CLOSING_NOTE, "Heat wave over"));
    d.executeBackgroundJobs();
    d.steps += n; // each follow-up's end (message correlated by the close batches)
    d.waitStates += n; // the wait for the next call, ended by that message
    d.executeJobs(campaign.getId());
  }

  void insertPersons(String register, int n) {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    java.sql.Date consent = java.sql.Date.valueOf(LocalDate.of(2026, 6, 1));
    for (int from = 0; from < n; from += 1000) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 1000); i++) {
        String id = UUID.randomUUID().toString();
        rows.add(new Object[] {id, "Resident" + i, "Bench", String.format("01 99 %08d", i), "Riverside", "75-84",
            "SIMPLE", consent, register, now, id});
      }
      jdbc.batchUpdate("INSERT INTO registered_person (id, first_name, last_name, phone, area, age_band, complexity,"
          + " consent_date, source_register, created_at, identity_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows);
    }
  }

  // -------------------------------------------------------------------------------------- 6 REST

  void rest() throws Exception {
    int n = smoke ? 30 : 100;
    String s = "6 REST";
    Measure java = measure(n, (d, count) -> {
      for (int i = 0; i < count; i++) {
        String id = d.startAs(BENCH_USER, REST, Map.of()).getId();
        Task task = d.as(BENCH_USER, () -> d.task(id, "Task_Bare"));
        d.completeAs(BENCH_USER, task, Map.of());
      }
    }, false); // the same engine work as the REST calls below: no job run
    HttpClient http = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString((BENCH_USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Pattern idPattern = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    long[] waited = {0};
    Workload throughRest = (d, count) -> {
      for (int i = 0; i < count; i++) {
        d.steps++;
        String started = send(http, auth, "POST", "/engine-rest/process-definition/key/" + REST + "/start", "{}", waited);
        Matcher m = idPattern.matcher(started);
        m.find();
        String task = send(http, auth, "GET", "/engine-rest/task?firstResult=0&maxResults=2&processInstanceId=" + m.group(1),
            null, waited);
        Matcher t = idPattern.matcher(task);
        t.find();
        d.steps++;
        send(http, auth, "POST", "/engine-rest/task/" + t.group(1) + "/complete", "{}", waited);
      }
    };
    Measure rest = measure(n, throughRest, false);
    // where a request's time goes: a round of its own, timed by the client and in the server
    restClock.reset();
    waited[0] = 0;
    throughRest.run(new Driver(engine, false), n);
    RestClock.Split split = restClock.split();
    double clientMs = waited[0] / 1e6 / split.requests();
    results.add(s, "start + complete, Java API as the user", "instances/s", "1/s", java.instancesPerSecond(),
        null, null, n + " per round; authorizations checked");
    results.add(s, "start + complete, /engine-rest (Basic auth)", "instances/s", "1/s", rest.instancesPerSecond(),
        "Java API", java.instancesPerSecond(), null);
    results.add(s, "start + complete, /engine-rest (Basic auth)", "per instance", "ms",
        1000 / rest.instancesPerSecond(), "Java API", 1000 / java.instancesPerSecond(), null);
    results.add(s, "start + complete, Java API as the user", "per instance", "ms", 1000 / java.instancesPerSecond(),
        "floor (no authentication)", floorPerStepMs * 2, null);
    results.add(s, "a request to /engine-rest, where the time goes (a round of its own)", "per request", "ms", clientMs,
        "the Java API's call as the user", java.msPerInstance() / REST_CALLS_PER_INSTANCE, split.requests()
            + " requests (start, the task's lookup, completion); as the client waits: outside the server (HTTP client,"
            + " connection, Tomcat before the first filter) " + Results.fmt(clientMs - split.server())
            + ", authentication (the application's filter: password check, the user's groups) "
            + Results.fmt(split.authentication()) + " of which engine commands " + Results.fmt(split.authenticationEngine())
            + ", then the engine's commands " + Results.fmt(split.engineAfterAuthentication()) + " and the REST layer"
            + " around them (Camunda's resources on Jersey, JSON, the filters below the authentication) "
            + Results.fmt(split.restLayer()));
  }

  /** One request, its time as the client waits for it added to {@code waited[0]} (ns). */
  String send(HttpClient http, String auth, String method, String path, String json, long[] waited) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", auth)
        .header("Accept", "application/json");
    if (json != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } finally {
      waited[0] += System.nanoTime() - start;
    }
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  // ------------------------------------------------------------------------ 3 campaign, 4 inbox

  void campaignScale(int persons, boolean withInbox) throws Exception {
    String s = "3 Campaign scale";
    String label = String.format(java.util.Locale.ROOT, "%,d", persons);
    // baseline: the same number of bare instances (a candidate-group task each), started in
    // transactions of batch-size instances on as many threads as cores, the job executor on
    int batch = context.getEnvironment().getProperty("reflexes.hotline.batch-size", Integer.class, 200);
    jobExecutor(true);
    double liveBeforeBare = HeapWatch.liveMb();
    HeapWatch bareWatch = new HeapWatch();
    long t0 = System.nanoTime();
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < persons; from += batch) {
      int size = Math.min(batch, persons - from);
      futures.add(pool.submit(() -> tx.executeWithoutResult(status -> {
        for (int i = 0; i < size; i++) {
          engine.getRuntimeService().startProcessInstanceByKey(INBOX);
        }
      })));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double bareSeconds = (System.nanoTime() - t0) / 1e9;
    bareWatch.close();
    double bareMemory = bareWatch.maxAfterGcMb();
    waitForJobs(600);
    double bareDrained = (System.nanoTime() - t0) / 1e9;

    String register = "bench-scale-" + persons;
    insertPersons(register, persons);
    double liveBefore = HeapWatch.liveMb();
    long callsBefore = callTasks();
    HeapWatch watch = new HeapWatch();
    long t1 = System.nanoTime();
    Driver d = new Driver(engine);
    d.startAs("hugo", CampaignProcess.KEY, Map.of(
        CampaignProcess.CAMPAIGN_NAME, "Heat wave " + label, CampaignProcess.CALL_INTERVAL_DAYS, 7,
        CampaignProcess.CAMPAIGN_END, LocalDate.now(zone).plusDays(30).toString(),
        CampaignProcess.SOURCE_REGISTER, register, CampaignProcess.COMPLEXITY, "ANY", CampaignProcess.AGE_BAND, "ANY"));
    long deadline = System.nanoTime() + 1800L * 1_000_000_000L;
    long waiting = 0;
    double liveHalfway = -1;
    while (System.nanoTime() < deadline) {
      waiting = callTasks() - callsBefore;
      if (waiting >= persons) {
        break;
      }
      if (liveHalfway < 0 && waiting >= persons / 2) {
        liveHalfway = HeapWatch.liveMb(); // the live set while batches are in flight
      }
      // polled at 2 % of the elapsed time (at least every 200 ms), so that watching a large campaign
      // does not take a core from it
      Thread.sleep(Math.max(200, (System.nanoTime() - t1) / 50_000_000L));
    }
    double readySeconds = (System.nanoTime() - t1) / 1e9;
    watch.close();
    double campaignMemory = watch.maxAfterGcMb();
    double liveReady = HeapWatch.liveMb();
    waitForJobs(1800);
    double drainedSeconds = (System.nanoTime() - t1) / 1e9;
    jobExecutor(false);
    String note = waiting >= persons ? null : "NOT READY: " + waiting + " waiting";
    results.add(s, "campaign over " + label + " persons", "ready (all at first call)", "s", readySeconds,
        "start " + label + " bare instances", bareSeconds,
        (persons == 10_000 && postgres ? "target ≤ 60 s; " : "") + (note == null ? "" : note));
    results.add(s, "campaign over " + label + " persons", "all jobs done (task notifications incl.)", "s",
        drainedSeconds, "bare instances, jobs done", bareDrained, null);
    results.add(s, "campaign over " + label + " persons", "follow-ups started per second", "1/s",
        persons / readySeconds, "bare instances per second", persons / bareSeconds, null);
    results.add(s, "campaign over " + label + " persons", "heap after GC, highest while starting", "MB", campaignMemory,
        "bare instances", bareMemory, watch.collections() + " collections; live before the campaign "
            + Results.fmt(liveBefore) + " MB, before the bare instances " + Results.fmt(liveBeforeBare) + " MB");
    results.add(s, "campaign over " + label + " persons", "live heap after a full GC, half started", "MB",
        liveHalfway < 0 ? null : liveHalfway, "live heap before the campaign", liveBefore,
        "what is alive while batches are in flight");
    results.add(s, "campaign over " + label + " persons", "live heap after a full GC, all waiting", "MB", liveReady,
        "live heap before the campaign", liveBefore, "what the campaign keeps alive once every follow-up waits");
    if (withInbox) {
      inbox(persons);
    }
  }

  /**
   * Open call tasks: the campaign's follow-ups waiting at their first call (the harness completes
   * none meanwhile). One table, no join: a join of the members to their tasks was planned with
   * stale statistics at 50,000 persons and ran for minutes.
   */
  long callTasks() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = ?", Long.class,
        FollowUpProcess.TASK_CALL_PERSON);
  }

  void waitForJobs(int maxSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    while (System.nanoTime() < deadline && engine.getManagementService().createJobQuery().executable().count() > 0) {
      Thread.sleep(200);
    }
  }

  void inbox(int tasks) {
    String s = "4 Task inbox";
    if (postgres) {
      // what autovacuum does after such a growth: the planner then works with real statistics
      jdbc.execute("ANALYZE");
    }
    FilterService filters = engine.getFilterService();
    Driver d = new Driver(engine);
    FilterTimes[] times = timeFilter(d, filters, TasklistFilterSeeder.MY_GROUP_TASKS, smoke ? 30 : 100, 20);
    FilterTimes caller = times[0];
    FilterTimes bare = times[1];
    String what = "\"My group tasks\" as bruno (hotline-callers)";
    results.add(s, what + ", first page of 15", "p50", "ms", Stats.percentile(caller.page(), 50),
        "same on bare tasks", Stats.percentile(bare.page(), 50),
        caller.count()[0] + " call tasks vs " + bare.count()[0] + " bare tasks");
    results.add(s, what + ", first page of 15", "p95", "ms", Stats.percentile(caller.page(), 95),
        "same on bare tasks", Stats.percentile(bare.page(), 95), tasks == 10_000 ? "target ≤ 200 ms" : null);
    results.add(s, what + ", first page + count", "p50", "ms", Stats.percentile(caller.pageAndCount(), 50),
        "same on bare tasks", Stats.percentile(bare.pageAndCount(), 50), null);
    results.add(s, what + ", first page + count", "p95", "ms", Stats.percentile(caller.pageAndCount(), 95),
        "same on bare tasks", Stats.percentile(bare.pageAndCount(), 95), null);
    // Tasklist also shows (and refreshes) the count of every other shared filter: fewer samples, for information
    int samples = smoke ? 10 : 30;
    for (String other : List.of(TasklistFilterSeeder.MY_TASKS, TasklistFilterSeeder.DUE_SOON)) {
      times = timeFilter(d, filters, other, samples, 5);
      what = "\"" + other + "\" as bruno, first page + count";
      results.add(s, what, "p50", "ms", Stats.percentile(times[0].pageAndCount(), 50), "same as bench-user",
          Stats.percentile(times[1].pageAndCount(), 50), times[0].count()[0] + " and " + times[1].count()[0] + " tasks");
      results.add(s, what, "p95", "ms", Stats.percentile(times[0].pageAndCount(), 95), "same as bench-user",
          Stats.percentile(times[1].pageAndCount(), 95), samples + " samples");
    }
    // A query the engine's authorization check answers over thousands of tasks, the kind
    // plan_cache_mode=force_custom_plan was set for: a coordinator (READ_TASK on the follow-up's
    // definition) looking at the callers' tasks, a group he is not in.
    var callersTasks = engine.getTaskService().createTaskQuery().taskCandidateGroup(Groups.HOTLINE_CALLERS);
    List<Double> coordinator = new ArrayList<>();
    long[] seen = new long[1];
    for (int i = 0; i < samples + 5; i++) {
      long t = System.nanoTime();
      d.as("hugo", () -> callersTasks.orderByTaskCreateTime().desc().listPage(0, 15));
      seen[0] = d.as("hugo", callersTasks::count);
      if (i >= 5) {
        coordinator.add((System.nanoTime() - t) / 1e6);
      }
    }
    what = "the callers' tasks as hugo (coordinator, not a caller: the engine's authorization check), first page + count";
    results.add(s, what, "p50", "ms", Stats.percentile(coordinator, 50), null, null, seen[0] + " tasks");
    results.add(s, what, "p95", "ms", Stats.percentile(coordinator, 95), null, null, samples + " samples");
  }

  /** A filter's first page alone and first page + count, in ms after the warm-ups, and its last count. */
  record FilterTimes(List<Double> page, List<Double> pageAndCount, long[] count) {
  }

  /** Times a shared filter as bruno ([0]) and as bench-user ([1]), alternating. */
  FilterTimes[] timeFilter(Driver d, FilterService filters, String name, int samples, int warmUps) {
    String filterId = filters.createFilterQuery().filterName(name).singleResult().getId();
    FilterTimes[] times = new FilterTimes[2];
    for (int who = 0; who < 2; who++) {
      times[who] = new FilterTimes(new ArrayList<>(), new ArrayList<>(), new long[1]);
    }
    for (int i = 0; i < samples + warmUps; i++) {
      for (int who = 0; who < 2; who++) {
        String user = who == 0 ? "bruno" : BENCH_USER;
        long t = System.nanoTime();
        d.as(user, () -> filters.listPage(filterId, 0, 15));
        double pageMs = (System.nanoTime() - t) / 1e6;
        times[who].count()[0] = d.as(user, () -> filters.count(filterId));
        if (i >= warmUps) {
          times[who].page().add(pageMs);
          times[who].pageAndCount().add((System.nanoTime() - t) / 1e6);
        }
      }
    }
    return times;
  }

  // --------------------------------------------------------------------------------- 5 dashboard

  void dashboard() throws Exception {
    int historic = smoke ? 1_000 : 100_000;
    long t = System.nanoTime();
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < historic; from += 500) {
      int size = Math.min(500, historic - from);
      futures.add(pool.submit(() -> tx.executeWithoutResult(status -> {
        for (int i = 0; i < size; i++) {
          engine.getRuntimeService().startProcessInstanceByKey(HISTORY);
        }
      })));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    results.context("history generated for section 5", String.format(java.util.Locale.ROOT,
        "%d instances of a start-end process in %.0f s", historic, (System.nanoTime() - t) / 1e9));
    int scale = smoke ? 400 : Integer.getInteger("bench.dashboard.scale", 20_000);
    t = System.nanoTime();
    Map<String, Integer> rows = new ApplicationTables(jdbc).seed(scale);
    if (postgres) {
      jdbc.execute("ANALYZE"); // what autovacuum does after such a growth
    }
    results.context("application tables for section 5", String.format(java.util.Locale.ROOT,
        "%d rows in %.0f s (-Dbench.dashboard.scale=%d initiatives): %s", rows.values().stream().mapToInt(i -> i).sum(),
        (System.nanoTime() - t) / 1e9, scale, rows));
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
    new DashboardBench(dashboardPaths(), baseUrl, "hugo", PASSWORD, jdbc).run(results, smoke ? 30 : 200, total);
  }

  /**
   * -Dbench.dashboard.paths=/a,/b, else every GET mapping under /api/dashboard without path
   * variables and every section of the dashboard ({@code /api/dashboard/<section id>}).
   */
  List<String> dashboardPaths() {
    String given = System.getProperty("bench.dashboard.paths", "");
    if (!given.isBlank()) {
      return List.of(given.split(","));
    }
    List<String> paths = new ArrayList<>();
    for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
        boolean get = e.getKey().getMethodsCondition().getMethods().isEmpty()
            || e.getKey().getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.GET);
        for (String p : e.getKey().getPatternValues()) {
          if (get && p.startsWith("/api/dashboard") && !p.contains("{")) {
            paths.add(p);
          }
        }
      }
    }
    context.getBeansOfType(fr.reflexespublics.dashboard.DashboardSection.class).values()
        .forEach(section -> paths.add("/api/dashboard/" + section.id()));
    return paths.stream().distinct().sorted().toList();
  }
}
