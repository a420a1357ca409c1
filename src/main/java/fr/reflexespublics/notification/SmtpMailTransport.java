package fr.reflexespublics.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends mail through the SMTP server of {@code spring.mail.*}. */
public class SmtpMailTransport implements MailTransport {

  private final JavaMailSenderImpl sender;

  public SmtpMailTransport(JavaMailSenderImpl sender) {
    this.sender = sender;
  }

  @Override
  public void deliver(MailMessage message) {
    try {
      MimeMessage mime = new MimeMessage(sender.getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", message.messageId());
        }
      };
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(message.from());
      helper.setTo(message.to().toArray(String[]::new));
      helper.setSubject(message.subject());
      helper.setText(message.textBody(), message.htmlBody());
      sender.send(mime);
    } catch (MessagingException | MailException e) {
      // The exception message names the server, never the recipients or the content.
      throw new MailDeliveryException("Mail delivery failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
