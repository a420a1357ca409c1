package fr.reflexespublics.notification;

import static fr.reflexespublics.platform.FoundationCheckConfiguration.PROCESS_KEY;
import static fr.reflexespublics.platform.FoundationCheckConfiguration.TASK_REVIEW;
import static fr.reflexespublics.platform.FoundationCheckConfiguration.TASK_SEND_CONFIRMATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.reflexespublics.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Mail: new-task notifications, idempotent process mails, SMTP outages with back-off. */
class MailNotificationTest extends IntegrationTest {

  @Autowired MailService mailService;
  @Autowired ApplicationContext context;

  private static final String MAIL_STEP = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://reflexespublics.fr/test">
        <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow_ToMail" sourceRef="Start" targetRef="Task_Mail" />
          <bpmn:serviceTask id="Task_Mail" camunda:asyncBefore="true" camunda:delegateExpression="${sendMail}">
            <bpmn:extensionElements>%s</bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Mail" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>""";

  private ProcessInstance startAsAlice() {
    identityService.setAuthentication("alice", List.of("agents"));
    try {
      return runtimeService.startProcessInstanceByKey(PROCESS_KEY, Variables.createVariables()
          .putValue("subject", "Pothole on Main Street").putValue("quantity", 1)
          .putValue("neededBy", LocalDate.now().plusDays(1).toString()).putValue("channel", "EMAIL"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aNewGroupTaskIsMailedToTheGroupMembersWithALinkToTasklist() {
    ProcessInstance instance = startAsAlice();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertNoMail(); // nothing leaves before the transaction has committed and the job runs

    census().start();
    executeJobs(instance.getId());
    Map<String, Double> statements = census().stop(1);

    assertThat(statements.get("selectUserByQueryCriteria")).as("the members come with their addresses").isEqualTo(1.0);
    for (String manager : List.of("marc@example.org", "nadia@example.org")) {
      List<MimeMessage> mails = mailsTo(manager);
      assertThat(mails).hasSize(1);
      assertThat(subject(mails.get(0))).isEqualTo("[Public Reflexes] New task: Review the request");
      assertThat(body(mails.get(0)))
          .contains("http://reflexes.test/camunda/app/tasklist/default/#/?task=" + task.getId());
    }
    assertThat(mailsTo("alice@example.org")).isEmpty();
  }

  @Test
  void aProcessMailIsSentOnceToTheInitiator() {
    ProcessInstance instance = startAsAlice();
    executeJobs(instance.getId());
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.complete(task.getId(), Map.of("decision", "APPROVE"));

    executeJobs(instance.getId());

    assertThat(instance).isEnded();
    List<MimeMessage> mails = mailsTo("alice@example.org");
    assertThat(mails).hasSize(1);
    assertThat(subject(mails.get(0))).isEqualTo("[Public Reflexes] Your request \"Pothole on Main Street\" was reviewed");
    assertThat(body(mails.get(0))).contains("APPROVE");
  }

  @Test
  void whenSmtpIsDownTheMailJobRetriesWithBackOffThenRaisesAnIncidentAndTheUsersWorkIsKept() throws Exception {
    ProcessInstance instance = startAsAlice();
    executeJobs(instance.getId());
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    MAIL.stop();
    try {
      taskService.complete(task.getId(), Map.of("decision", "REJECT"));
      // the user's completion is committed: the mail step waits in its own job
      assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isEqualTo(1);
      Job mailJob = managementService.createJobQuery().processInstanceId(instance.getId())
          .activityId(TASK_SEND_CONFIRMATION).singleResult();

      for (int attempt = 1; attempt <= 3; attempt++) {
        String jobId = mailJob.getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(jobId));
        mailJob = managementService.createJobQuery().jobId(jobId).singleResult();
        assertThat(mailJob.getRetries()).isEqualTo(3 - attempt);
        if (attempt < 3) {
          // back-off: the next attempt is not due before the retry interval (R3/PT5M)
          assertThat(mailJob.getDuedate().toInstant()).isAfter(Instant.now().plus(4, ChronoUnit.MINUTES));
        }
      }
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getActivityId()).isEqualTo(TASK_SEND_CONFIRMATION);
      assertThat(incident.getIncidentMessage()).startsWith("Mail delivery failed").doesNotContain("alice");
      assertThat(instance).isWaitingAt(TASK_SEND_CONFIRMATION);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_log WHERE template = ? AND dedup_key LIKE ?",
          Integer.class, "foundation-check-confirmation", instance.getId() + "%")).isZero();
    } finally {
      MAIL.start();
    }

    Job mailJob = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.setJobRetries(mailJob.getId(), 1); // what an operator does in Cockpit
    managementService.executeJob(mailJob.getId());

    assertThat(instance).isEnded();
    assertThat(mailsTo("alice@example.org")).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void taskNotificationsRetryWithBackOffWhenSmtpIsDown() {
    MAIL.stop();
    ProcessInstance instance;
    Job notification;
    try {
      instance = startAsAlice();
      notification = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(notification.getRetries()).isEqualTo(5);
      String jobId = notification.getId();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(jobId));
      notification = managementService.createJobQuery().jobId(jobId).singleResult();
      assertThat(notification.getRetries()).isEqualTo(4);
      assertThat(notification.getDuedate().toInstant()).isAfter(Instant.now().plus(4, ChronoUnit.MINUTES));
      assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REVIEW).count())
          .isEqualTo(1);
    } finally {
      MAIL.start();
    }
    managementService.executeJob(notification.getId());
    assertThat(mailsTo("marc@example.org")).hasSize(1);
  }

  @Test
  void sendingIsIdempotentPerDedupKey() {
    String key = "test:" + System.nanoTime();

    MailService.Outcome first = mailService.send(key, TaskNotifier.TEMPLATE, List.of("ines@example.org"),
        Map.of("taskName", "Assess", "taskLink", "http://x"));
    MailService.Outcome second = mailService.send(key, TaskNotifier.TEMPLATE, List.of("ines@example.org"),
        Map.of("taskName", "Assess", "taskLink", "http://x"));

    assertThat(first).isEqualTo(MailService.Outcome.SENT);
    assertThat(second).isEqualTo(MailService.Outcome.ALREADY_SENT);
    assertThat(mailsTo("ines@example.org")).hasSize(1);
    assertThat(jdbc.query("SELECT template, recipients FROM notification_log WHERE dedup_key = ?",
        (rs, i) -> rs.getString(1) + " to " + rs.getInt(2), key)).containsExactly(TaskNotifier.TEMPLATE + " to 1");
    // derived from the dedup key, so that a receiver can spot a repeat
    assertThat(messageId(mailsTo("ines@example.org").get(0))).matches("<[0-9a-f]{32}@public-reflexes>");
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPooledConnectionClosedByAServerRestartIsReplacedBeforeTheNextMail() {
    mailService.send("test:" + System.nanoTime(), TaskNotifier.TEMPLATE, List.of("ines@example.org"),
        Map.of("taskName", "Assess", "taskLink", "http://x"));
    // the connection of the first mail waits in the pool; the server restarts and drops it
    MAIL.stop();
    MAIL.start();

    MailService.Outcome second = mailService.send("test:" + System.nanoTime(), TaskNotifier.TEMPLATE,
        List.of("ines@example.org"), Map.of("taskName", "Report", "taskLink", "http://x"));

    assertThat(second).isEqualTo(MailService.Outcome.SENT);
    assertThat(mailsTo("ines@example.org")).hasSize(1); // the restarted server holds the second mail, once
    assertThat(subject(mailsTo("ines@example.org").get(0))).contains("Report");
  }

  @Test
  void mailsAreBuiltWithTheNamedStreamProviderAndKeepTheirAccents() {
    // named once the SMTP transport exists, so that Jakarta Mail does not search the class path
    // for it for every body part
    assertThat(System.getProperty(SmtpMailTransport.STREAM_PROVIDER_PROPERTY))
        .isEqualTo(SmtpMailTransport.ANGUS_STREAM_PROVIDER);

    mailService.send("test:" + System.nanoTime(), TaskNotifier.TEMPLATE, List.of("ines@example.org"),
        Map.of("taskName", "Préparer la réunion d'équipe", "taskLink", "http://x"));

    MimeMessage mail = mailsTo("ines@example.org").get(0);
    assertThat(subject(mail)).contains("Préparer la réunion d'équipe");
    assertThat(body(mail)).contains("Préparer la réunion d'équipe");
  }

  @Test
  void htmlInValuesIsEscapedInMails() {
    String key = "test:" + System.nanoTime();
    mailService.send(key, TaskNotifier.TEMPLATE, List.of("hugo@example.org"),
        Map.of("taskName", "<script>alert(1)</script>", "taskLink", "http://x"));

    String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mailsTo("hugo@example.org").get(0));
    assertThat(raw).doesNotContain("<script>alert(1)</script></strong>").contains("&lt;script&gt;");
  }

  @Test
  void aMailStepsFieldsAreEvaluatedWhenItRunsAndNoneIsKeptAsAVariable() {
    String instance = runMailStep("test-mail-step-fields", """
        <camunda:field name="mailTemplate"><camunda:string>foundation-check-confirmation</camunda:string></camunda:field>
        <camunda:field name="mailTo"><camunda:expression>${initiator}</camunda:expression></camunda:field>""");

    List<MimeMessage> mails = mailsTo("alice@example.org");
    assertThat(mails).hasSize(1);
    assertThat(subject(mails.get(0))).isEqualTo("[Public Reflexes] Your request \"Bench repair\" was reviewed");
    assertThat(body(mails.get(0))).contains("APPROVE");
    // the recipients are not kept in the engine's tables once the mail has gone
    assertNeverStored(instance, SendMailDelegate.TEMPLATE, SendMailDelegate.TO);
  }

  @Test
  void aMailStepOfAnEarlierDeploymentStillReadsItsInputParameters() {
    runMailStep("test-mail-step-inputs", """
        <camunda:inputOutput>
          <camunda:inputParameter name="mailTemplate">foundation-check-confirmation</camunda:inputParameter>
          <camunda:inputParameter name="mailTo">${initiator}</camunda:inputParameter>
        </camunda:inputOutput>""");

    assertThat(mailsTo("alice@example.org")).hasSize(1);
  }

  @Test
  void aMailStepReadsOnlyTheVariablesItsTemplateNames() {
    String key = "test-mail-step-named";
    // the instance waits after its mail: ending it would read the JSON variable to delete it
    String mailThenWait = MAIL_STEP.replace("targetRef=\"End\" />", "targetRef=\"Task_Wait\" />"
        + "<bpmn:userTask id=\"Task_Wait\" /><bpmn:sequenceFlow id=\"Flow_Wait\" sourceRef=\"Task_Wait\" targetRef=\"End\" />");
    repositoryService.createDeployment().name(key).addString(key + ".bpmn", mailThenWait.formatted(key, """
        <camunda:field name="mailTemplate"><camunda:string>foundation-check-confirmation</camunda:string></camunda:field>
        <camunda:field name="mailTo"><camunda:expression>${initiator}</camunda:expression></camunda:field>"""))
        .deploy();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(key, Variables.createVariables()
        .putValue("initiator", "alice").putValue("subject", "Bench repair").putValue("decision", "APPROVE")
        .putValue("residentNotes", org.camunda.spin.plugin.variable.SpinValues
            .jsonValue("{\"phone\":\"0600000000\"}").create()));

    census().start();
    executeJobs(instance.getId());
    Map<String, Double> statements = census().stop(1);
    assertThat(task(instance.getId(), "Task_Wait")).isNotNull();

    List<MimeMessage> mails = mailsTo("alice@example.org");
    assertThat(mails).hasSize(1);
    assertThat(subject(mails.get(0))).contains("Bench repair");
    assertThat(body(mails.get(0))).contains("APPROVE").doesNotContain("0600000000");
    // the JSON variable the template does not name is neither fetched nor parsed
    assertThat(statements.keySet()).noneMatch(id -> id.startsWith("selectByteArray"));
  }

  @Test
  void eachMailStepGetsItsOwnDelegateSoThatTwoJobThreadsCannotMixTheirFields() {
    // the engine injects a step's fields into the object ${sendMail} resolves to
    assertThat(context.getBean("sendMail")).isNotSameAs(context.getBean("sendMail"));
  }

  /** Deploys a process of one mail step configured by {@code extensionElements}, runs it: its instance id. */
  private String runMailStep(String key, String extensionElements) {
    repositoryService.createDeployment().name(key)
        .addString(key + ".bpmn", MAIL_STEP.formatted(key, extensionElements)).deploy();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(key, Map.of("initiator", "alice",
        "subject", "Bench repair", "decision", "APPROVE"));
    executeJobs(instance.getId());
    assertThat(instance).isEnded();
    return instance.getId();
  }
}
