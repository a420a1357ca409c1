package fr.reflexespublics.notification;

/** Delivers a rendered mail. Throws {@link MailDeliveryException} when delivery fails. */
public interface MailTransport {

  void deliver(MailMessage message);
}
