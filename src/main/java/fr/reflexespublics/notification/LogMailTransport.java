package fr.reflexespublics.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes mails to the log instead of sending them: the demo profile's transport when no
 * {@code spring.mail.host} is configured.
 */
public class LogMailTransport implements MailTransport {

  private static final Logger LOG = LoggerFactory.getLogger(LogMailTransport.class);

  @Override
  public void deliver(MailMessage message) {
    LOG.info("""
        Mail (no SMTP server configured, written to the log)
        To: {}
        Subject: {}

        {}""", String.join(", ", message.to()), message.subject(), message.textBody());
  }
}
