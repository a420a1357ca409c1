package fr.reflexespublics.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.reflexespublics.Application;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the integration tests: one Spring context for the whole suite (the application with
 * the demo organisation, on H2 or PostgreSQL), a real SMTP server (GreenMail on 127.0.0.1:3025 or -Dtest.smtp.port,
 * fresh for every test), jobs and timers driven by the test, process coverage recorded.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class IntegrationTest {

  @RegisterExtension
  protected static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(Integer.getInteger("test.smtp.port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @LocalServerPort
  protected int port;

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected RepositoryService repositoryService;
  @Autowired protected IdentityService identityService;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected java.time.ZoneId zone;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  /** The engine's statement census, added once for every test of this engine. */
  protected fr.reflexespublics.bench.StatementCensus census() {
    return fr.reflexespublics.bench.StatementCensus.on(engineConfiguration());
  }

  /** The engine's configuration as the engine itself holds it (its command executor, its MyBatis mappings). */
  protected org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration() {
    return (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** Runs {@code command} in a command of the engine, as the engine runs its own (what it opens, which session). */
  protected <T> T inCommand(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
    return engineConfiguration().getCommandExecutorTxRequired().execute(command);
  }

  /** The SQL the engine sends for one of its MyBatis statements, as its own mapping builds it for {@code parameter}. */
  protected String enginesSql(String statementId, Object parameter) {
    return engineConfiguration()
        .getSqlSessionFactory().getConfiguration().getMappedStatement(statementId)
        .getBoundSql(new org.camunda.bpm.engine.impl.db.ListQueryParameterObject(parameter, 0, Integer.MAX_VALUE))
        .getSql();
  }

  /** The database's plan (EXPLAIN, every line) for a statement of one string parameter. */
  protected static String explain(java.sql.Connection connection, String sql, String parameter)
      throws java.sql.SQLException {
    StringBuilder plan = new StringBuilder();
    try (var explain = connection.prepareStatement("EXPLAIN " + sql)) {
      explain.setString(1, parameter);
      try (var rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  /** Deploys a model written for a test, named after its process, and starts one instance of it; returns its id. */
  protected String deployAndStart(org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
    String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
    repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
    return runtimeService.startProcessInstanceByKey(key).getId();
  }

  /** Lets a user read a process definition deployed by a test (what completing its tasks needs). */
  protected void grantRead(String userId, String processKey) {
    var authorizations = engine.getAuthorizationService();
    var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(userId);
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    grant.setResourceId(processKey);
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  /** Today in the administration's time zone (the server's "today" for date checks). */
  protected java.time.LocalDate today() {
    return fr.reflexespublics.platform.Clocks.today(zone);
  }

  /** The ids of a user's groups. */
  protected List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
  }

  /** Runs an action as a user, with the user's groups, so that authorizations apply. */
  protected <T> T as(String userId, java.util.function.Supplier<T> action) {
    identityService.setAuthentication(userId, groupsOf(userId));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Starts a process as a user (start form values). */
  protected org.camunda.bpm.engine.runtime.ProcessInstance startAs(String userId, String processKey,
      java.util.Map<String, Object> variables) {
    return as(userId, () -> runtimeService.startProcessInstanceByKey(processKey,
        org.camunda.bpm.engine.variable.Variables.fromMap(new java.util.HashMap<>(variables))));
  }

  /** Completes a task as a user (form values). */
  protected void completeAs(String userId, org.camunda.bpm.engine.task.Task task, java.util.Map<String, Object> variables) {
    as(userId, () -> {
      taskService.complete(task.getId(), new java.util.HashMap<>(variables));
      return null;
    });
  }

  /** The one open task of a process instance at an activity. */
  protected org.camunda.bpm.engine.task.Task task(String processInstanceId, String taskDefinitionKey) {
    List<org.camunda.bpm.engine.task.Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(tasks).as("open tasks " + taskDefinitionKey).hasSize(1);
    return tasks.get(0);
  }

  /** When the timer of a timer event is due (the one timer of that event in the instance). */
  protected java.util.Date timerDue(String processInstanceId, String timerActivityId) {
    return timer(processInstanceId, timerActivityId).getDuedate();
  }

  /** The one timer of a timer event in the instance (asserted to be there). */
  private Job timer(String processInstanceId, String timerActivityId) {
    Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(timerActivityId).singleResult();
    assertThat(timer).as("timer " + timerActivityId).isNotNull();
    return timer;
  }

  /**
   * The timer is due {@code period} after a moment between {@code from} and now, within an hour (a
   * change of daylight saving time in between moves it by one).
   */
  protected void assertDueAfter(String processInstanceId, String timerActivityId, java.time.Instant from,
      java.time.Duration period) {
    java.time.Duration hour = java.time.Duration.ofHours(1);
    assertThat(timerDue(processInstanceId, timerActivityId)).as("due date of " + timerActivityId)
        .isBetween(java.util.Date.from(from.plus(period).minus(hour)),
            java.util.Date.from(java.time.Instant.now().plus(period).plus(hour)));
  }

  /** Fires the timer of a timer event now (the job executor is off in tests). */
  protected void fireTimer(String processInstanceId, String timerActivityId) {
    managementService.executeJob(timer(processInstanceId, timerActivityId).getId());
  }

  /**
   * Runs the project's background jobs (batches, notifications without an instance), as the job
   * executor would, until none is due (bounded).
   */
  protected int executeBackgroundJobs() {
    return BackgroundJobs.executeAll(managementService, 50);
  }

  /** The instance a call activity started. */
  protected String calledInstance(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).singleResult().getId();
  }

  /** A REST client on this application's random port, authenticated as the given user. */
  protected Rest rest(String user, String password) {
    return new Rest("http://127.0.0.1:" + port, user, password);
  }

  /** A REST client authenticated as a demo user. */
  protected Rest rest(String user) {
    return rest(user, "demo");
  }

  /** Runs, as the engine's job executor would, every due job of a process instance (bounded). */
  protected void executeJobs(String processInstanceId) {
    BackgroundJobs.executeJobsOf(managementService, processInstanceId);
  }

  /** Mails delivered to an address's mailbox. */
  protected List<MimeMessage> mailsTo(String address) {
    try {
      com.icegreen.greenmail.user.GreenMailUser user = MAIL.getUserManager().getUserByEmail(address);
      if (user == null) {
        return List.of();
      }
      return MAIL.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
          .map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage).toList();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded plain-text body of a mail (its text/plain part). */
  protected static String body(MimeMessage message) {
    try {
      String text = plainText(message.getContent());
      return text != null ? text : com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plainText(Object content) throws Exception {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return (String) part.getContent();
        }
        String nested = part.getContent() instanceof jakarta.mail.Multipart ? plainText(part.getContent()) : null;
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  protected static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  protected void assertNoMail() {
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  /**
   * Values the steps read but the engine never stored (transient form fields): none of these
   * names among the instance's variables, nor in their history.
   */
  protected void assertNeverStored(String processInstanceId, String... names) {
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .variableNameIn(names).list()).as("variables of %s", processInstanceId).isEmpty();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableNameIn(names).list()).as("variable history of %s", processInstanceId).isEmpty();
  }
}
