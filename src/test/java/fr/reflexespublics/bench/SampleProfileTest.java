package fr.reflexespublics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.reflexespublics.bench.SampleProfile.Frame;
import fr.reflexespublics.bench.SampleProfile.Owner;
import fr.reflexespublics.bench.SampleProfile.Placed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the benchmark's sampled round places a stack (the top, the running method, first): the
 * split between the product's code, the engine work it asks for and the engine's own is what
 * docs/performance.md reads from it.
 */
class SampleProfileTest {

  private static final Frame H2 = new Frame("org.h2.command.Command", "executeQuery");
  private static final Frame MYBATIS = new Frame("org.apache.ibatis.executor.SimpleExecutor", "doQuery");
  private static final Frame SELECT = new Frame("org.camunda.bpm.engine.impl.db.sql.DbSqlSession", "selectList");
  private static final Frame SET_VARIABLE =
      new Frame("org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity", "setVariable");
  private static final Frame COMMAND =
      new Frame("org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor", "execute");
  private static final Frame FORM_INTERCEPTOR =
      new Frame("fr.reflexespublics.security.forms.FormSubmissionInterceptor", "execute");
  private static final Frame MAIL_DELEGATE = new Frame("fr.reflexespublics.notification.SendMailDelegate", "execute");
  private static final Frame DRIVER = new Frame("fr.reflexespublics.bench.Driver", "complete");

  private final SampleProfile profile = new SampleProfile();

  @Test
  void theProductsOwnCodeWithTheLibrariesItCalls() {
    Placed placed = profile.place(List.of(new Frame("org.thymeleaf.TemplateEngine", "process"),
        new Frame("fr.reflexespublics.notification.MailService", "render"), MAIL_DELEGATE, COMMAND, DRIVER));

    assertThat(placed.owner()).isEqualTo(Owner.PRODUCT);
    assertThat(placed.productClass()).isEqualTo("MailService");
  }

  @Test
  void theEngineWorkADelegateAsksFor() {
    Placed placed = profile.place(List.of(H2, MYBATIS, SELECT, SET_VARIABLE, MAIL_DELEGATE, COMMAND, DRIVER));

    assertThat(placed.owner()).isEqualTo(Owner.ASKED_BY_PRODUCT);
    assertThat(placed.productClass()).isEqualTo("SendMailDelegate");
  }

  @Test
  void anApplicationInterceptorPassingTheCommandOnDoesNotMakeItTheProducts() {
    Placed placed = profile.place(List.of(H2, MYBATIS, SELECT, COMMAND, FORM_INTERCEPTOR, COMMAND, DRIVER));

    assertThat(placed.owner()).isEqualTo(Owner.ENGINE);
    assertThat(placed.productClass()).isNull();
  }

  @Test
  void theInterceptorsOwnCheckIsTheProducts() {
    Placed placed = profile.place(List.of(new Frame("java.util.HashMap", "get"), FORM_INTERCEPTOR, COMMAND, DRIVER));

    assertThat(placed.owner()).isEqualTo(Owner.PRODUCT);
    assertThat(placed.productClass()).isEqualTo("FormSubmissionInterceptor");
  }

  @Test
  void theHarnesssCensusesArePassedOverAndItsJobRunnerIsTheHarness() {
    Frame census = new Frame("fr.reflexespublics.bench.JdbcCensus$CountingStatement", "executeQuery");
    Frame jobRunner = new Frame("fr.reflexespublics.support.BackgroundJobs", "executeIfPresent");

    assertThat(profile.place(List.of(H2, census, MYBATIS, SELECT, COMMAND, jobRunner, DRIVER)).owner())
        .isEqualTo(Owner.ENGINE);
    assertThat(profile.place(List.of(census, MYBATIS, SELECT, COMMAND, DRIVER)).owner()).isEqualTo(Owner.ENGINE);
    assertThat(profile.place(List.of(new Frame("java.util.ArrayList", "add"), DRIVER)).owner())
        .isEqualTo(Owner.HARNESS);
  }

  @Test
  void theLookupsAndTheHandOverAreLeftOut() {
    Frame lookup = new Frame("fr.reflexespublics.bench.HarnessLookups", "run");
    Frame handOver = new Frame("fr.reflexespublics.bench.MailClock$$Lambda/0x0000000801234", "deliver");

    assertThat(profile.place(List.of(H2, MYBATIS, SELECT, COMMAND, lookup, DRIVER))).isEqualTo(Placed.LEFT_OUT);
    assertThat(profile.place(List.of(new Frame("java.net.SocketOutputStream", "write"), handOver, MAIL_DELEGATE,
        COMMAND, DRIVER))).isEqualTo(Placed.LEFT_OUT);
  }

  @Test
  void aStackWithNoneOfTheirFramesIsPlacedNowhere() {
    assertThat(profile.place(List.of(new Frame("java.lang.Thread", "run")))).isEqualTo(Placed.NOWHERE);
  }

  @Test
  void aRecordingGivesThePhaseItsSamplesOfThisThread() throws Exception {
    Map<String, SampleProfile.Split> splits = profile.profile(List.of(Map.entry("busy", () -> {
      // the recorder shares its samples between the JVM's running threads: in the test suite's
      // JVM, with its servers and job executors, this thread gets one every 50-100 ms
      long until = System.nanoTime() + 2_000_000_000L;
      double x = 0;
      while (System.nanoTime() < until) {
        x += Math.sqrt(x + 1);
      }
      assertThat(x).isPositive();
    })));

    SampleProfile.Split busy = splits.get("busy");
    // this test's own loop belongs to none of the three: every sample of it is placed nowhere
    assertThat(busy.unplaced).isPositive();
    assertThat(busy.counted()).isZero();
  }
}
