package fr.reflexespublics.bench;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ConfigurableApplicationContext;

/** Adds a harness's command interceptor to the engine, from the context initializer, before the engine is built. */
final class EngineInterceptors {

  private EngineInterceptors() {
  }

  /** Registers an engine plugin bean that puts {@code interceptor} before the engine's own (transaction required). */
  static void register(ConfigurableApplicationContext context, String beanName, CommandInterceptor interceptor) {
    context.getBeanFactory().registerSingleton(beanName, new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(interceptor);
      }
    });
  }
}
