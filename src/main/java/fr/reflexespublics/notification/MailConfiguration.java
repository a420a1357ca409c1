package fr.reflexespublics.notification;

import fr.reflexespublics.platform.ReflexesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Mail transport (SMTP when {@code spring.mail.host} is set, else the log) and mail templates. */
@Configuration
public class MailConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

  @Bean
  MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, ReflexesProperties properties) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (!(smtp instanceof JavaMailSenderImpl impl)) {
      LOG.info("No spring.mail.host configured: mails are written to the log");
      return new LogMailTransport();
    }
    LOG.info("Mails are sent through SMTP server {}:{}", impl.getHost(), impl.getPort());
    return new SmtpMailTransport(impl, properties.mail().connectionIdle());
  }

  /** Templates under templates/mail/: NAME.html (body), NAME.txt (plain body), NAME.subject.txt. */
  @Bean
  TemplateEngine mailTemplateEngine() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    ClassLoaderTemplateResolver html = new ClassLoaderTemplateResolver();
    html.setPrefix(MailService.TEMPLATES);
    html.setResolvablePatterns(java.util.Set.of("*.html"));
    html.setTemplateMode(TemplateMode.HTML);
    html.setCharacterEncoding("UTF-8");
    html.setOrder(1);
    html.setCheckExistence(true);
    ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
    text.setPrefix(MailService.TEMPLATES);
    text.setResolvablePatterns(java.util.Set.of("*.txt"));
    text.setTemplateMode(TemplateMode.TEXT);
    text.setCharacterEncoding("UTF-8");
    text.setOrder(2);
    text.setCheckExistence(true);
    engine.addTemplateResolver(html);
    engine.addTemplateResolver(text);
    return engine;
  }
}
