package fr.reflexespublics.notification;

/**
 * Delivery failed (SMTP down, refused...). Thrown inside a job, it fails the job so that the
 * engine retries it with the configured back-off and raises an incident at the end.
 */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
