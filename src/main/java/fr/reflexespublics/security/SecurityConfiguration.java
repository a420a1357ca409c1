package fr.reflexespublics.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Authentication of the REST API and of the application's own endpoints. */
@Configuration
public class SecurityConfiguration {

  public static final String ENGINE_REST = "/engine-rest/*";
  public static final String API = "/api/*";
  public static final String DASHBOARD = "/dashboard";
  public static final String DASHBOARD_FILES = "/dashboard/*";

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> restAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(engine));
    registration.addUrlPatterns(ENGINE_REST, API, DASHBOARD, DASHBOARD_FILES);
    registration.setName("reflexes-basic-authentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappPagingFilter> webappPaging(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}") int limit) {
    FilterRegistrationBean<WebappPagingFilter> registration = new FilterRegistrationBean<>(new WebappPagingFilter(limit));
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setName("reflexes-webapp-paging");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
