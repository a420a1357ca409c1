package fr.reflexespublics.bench;

import fr.reflexespublics.notification.MailTransport;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The time the application spends handing mails to the SMTP server, measured where it happens:
 * the application's {@link MailTransport} is wrapped in a timing delegate (a bean post-processor,
 * like {@link JdbcCensus}). Section 2 deducts what a round's mails took in that round, rather than
 * a cost per mail measured apart from it.
 */
public class MailClock implements BeanPostProcessor {

  private final LongAdder nanos = new LongAdder();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof MailTransport transport) {
      return (MailTransport) message -> {
        long start = System.nanoTime();
        try {
          transport.deliver(message);
        } finally {
          nanos.add(System.nanoTime() - start);
        }
      };
    }
    return bean;
  }

  /** Milliseconds spent handing mails over since the JVM started. */
  double totalMs() {
    return totalNanos() / 1e6;
  }

  /** The same, in nanoseconds. */
  long totalNanos() {
    return nanos.sum();
  }
}
