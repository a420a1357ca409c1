package fr.reflexespublics.platform;

import fr.reflexespublics.notification.TaskNotificationListener;
import fr.reflexespublics.notification.TaskNotificationParseListener;
import fr.reflexespublics.security.GrantsOnly;
import fr.reflexespublics.security.forms.FormGuard;
import fr.reflexespublics.security.forms.FormSubmissionInterceptor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaFailedJobConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The project's additions to the Camunda engine. */
@Configuration
public class EngineConfiguration {

  /** Time zone of the administration: "today" for date checks, due dates. */
  @Bean
  ZoneId zone(@Value("${reflexes.zone:Europe/Paris}") String zone) {
    return ZoneId.of(zone);
  }

  /**
   * Server-side form validation on every submission, grants-only authorizations, notification of
   * every new user task, the history's root process instance read once per command, the project's
   * history level, the decision tables' simple cells answered without the Scala FEEL engine, the
   * timers' datatype factory named, the variables of a small execution tree read in one query, the
   * engine tables' statistics declared on a new H2 database.
   */
  @Bean
  AbstractProcessEnginePlugin reflexesEnginePlugin(@Lazy FormGuard formGuard, ReflexesProperties properties,
      java.util.List<org.camunda.bpm.engine.impl.jobexecutor.JobHandler<?>> jobHandlers) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        var interceptors = listOf(configuration.getCustomPostCommandInterceptorsTxRequired(),
            configuration::setCustomPostCommandInterceptorsTxRequired);
        interceptors.add(new FormSubmissionInterceptor(formGuard));
        // revoke authorizations refused while the engine is told not to check them,
        // task grants of candidates and assignees kept
        interceptors.add(new GrantsOnly());
        // registered here too: the starter registers job handlers only when the job executor is on
        var customJobHandlers = listOf(configuration.getCustomJobHandlers(), configuration::setCustomJobHandlers);
        for (var handler : jobHandlers) {
          if (!customJobHandlers.contains(handler)) {
            customJobHandlers.add(handler);
          }
        }
        listOf(configuration.getCustomPostBPMNParseListeners(), configuration::setCustomPostBPMNParseListeners).add(
            new TaskNotificationParseListener(new TaskNotificationListener(properties.mail().retryCycle())));
        // the root process instance's removal time read once per command, not once per history event
        configuration.setHistoryEventProducer(new RootInstanceHistoryCache());
        var sessionFactories = listOf(configuration.getCustomSessionFactories(), configuration::setCustomSessionFactories);
        sessionFactories.add(new SessionOpener(RootInstanceHistoryCache.Lookups.class, RootInstanceHistoryCache.Lookups::new));
        // a user's groups checked as given, without a query per command for the groups holding an authorization,
        // and a query for the tasks offered to the user's own groups answered by their candidate links
        // (opened where the engine would open its own manager)
        sessionFactories.add(new SessionOpener(AuthorizationManager.class, OwnGroupTasks::new));
        // an inserted row's id checked before the engine builds the message of that check
        sessionFactories.add(new SessionOpener(DbEntityManager.class, IdCheckedFirst::new));
        // the variables of a process instance's executions read in one query once its execution tree is read
        sessionFactories.add(new SessionOpener(VariableInstanceManager.class, InstanceVariables::new));
        // history level full-without-details (application.yaml): no ACT_HI_DETAIL
        listOf(configuration.getCustomHistoryLevels(), configuration::setCustomHistoryLevels)
            .add(new HistoryWithoutDetails());
        // the decision tables' simple cells answered without the Scala FEEL engine's parse and set-up
        if (configuration.getDmnEngineConfiguration() == null) {
          configuration.setDmnEngineConfiguration(
              (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration();
        decisions.setFeelEngineFactory(new DecisionFeel.Factory(decisions));
        // timers' durations parsed without a class-path search for the datatype factory
        XmlDatatypes.nameJdkFactory(EngineConfiguration.class.getClassLoader());
      }

      @Override
      public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine engine) {
        var built = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // on a new H2 database, before the first plan that H2 would keep for a connection's life
        try {
          EngineStatistics.ensure(built.getDataSource());
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException("Could not declare the engine tables' statistics on H2", e);
        }
        if (GrantsOnly.inForce(built)) {
          GrantsOnly.checkNoRevokeStored(engine);
        }
      }
    };
  }

  /**
   * Replaces the starter's failed-job setup: BPMN retry cycles as usual, plus the same back-off
   * for notification jobs.
   */
  @Bean
  CamundaFailedJobConfiguration failedJobConfiguration(ReflexesProperties properties) {
    return new CamundaFailedJobConfiguration() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        listOf(configuration.getCustomPostBPMNParseListeners(), configuration::setCustomPostBPMNParseListeners)
            .add(new DefaultFailedJobParseListener());
        configuration.setFailedJobCommandFactory(new BackgroundJobRetries(properties.mail().retryCycle()));
      }
    };
  }

  /** One of the engine's lists of custom additions, created empty when the engine has none yet. */
  static <T> List<T> listOf(List<T> list, Consumer<List<T>> setter) {
    if (list != null) {
      return list;
    }
    List<T> created = new ArrayList<>();
    setter.accept(created);
    return created;
  }
}
