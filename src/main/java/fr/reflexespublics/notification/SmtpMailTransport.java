package fr.reflexespublics.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends mail through the SMTP server of {@code spring.mail.*}, reusing connections: a connection
 * (connect, EHLO, authentication) costs several round trips, a message on an open connection a few.
 * A connection serves one mail at a time; after it, it waits in a small pool for the next mail
 * and is closed after {@code idle} without use (and when the application stops).
 *
 * <p>Delivery stays what the mail jobs rely on: a mail that cannot be handed over throws
 * {@link MailDeliveryException} (the job rolls back its {@code notification_log} row and retries
 * with back-off), and its connection is closed. A pooled connection is checked before use (SMTP
 * NOOP, one round trip): one the server has closed meanwhile (idle timeout, restart) is dropped for
 * a new one before the mail is handed over, so a mail is never handed over twice by one delivery.
 *
 * <p>Jakarta Mail looks up its stream provider for every body part it creates or writes, by the
 * system property {@value #STREAM_PROVIDER_PROPERTY} when set, else through the {@code
 * ServiceLoader}, which reads the service files of every jar on the class path each time: about
 * half the time of building a mail (docs/performance.md, "Round 10"). Unless the property is set
 * already, it names the provider of the Jakarta Mail implementation on the class path.
 */
public class SmtpMailTransport implements MailTransport, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailTransport.class);
  /** Open connections kept waiting for the next mail, at most (one per concurrent mail job). */
  static final int MAX_IDLE_CONNECTIONS = 4;
  /** The system property Jakarta Mail reads before its service loader lookup. */
  static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
  /** The stream provider of Angus Mail, Jakarta Mail's implementation. */
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  /** An open connection and when it last served. */
  private record Connection(Transport transport, long lastUsedNanos) {}

  private final JavaMailSenderImpl sender;
  private final long idleNanos;
  private final Deque<Connection> pool = new ConcurrentLinkedDeque<>();
  private final ScheduledExecutorService closer;

  /**
   * @param idle how long an unused connection stays open; zero: a connection per mail
   */
  public SmtpMailTransport(JavaMailSenderImpl sender, Duration idle) {
    nameStreamProvider();
    this.sender = sender;
    this.idleNanos = idle.toNanos();
    if (idleNanos > 0) {
      closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smtp-idle-closer");
        t.setDaemon(true);
        return t;
      });
      long period = Math.max(1, idle.toMillis() / 2);
      closer.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    } else {
      closer = null;
    }
  }

  /** Sets {@value #STREAM_PROVIDER_PROPERTY} to Angus Mail's provider when unset and present. */
  static void nameStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER_PROPERTY) != null) {
      return;
    }
    try {
      Class.forName(ANGUS_STREAM_PROVIDER, false, SmtpMailTransport.class.getClassLoader());
      System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
    } catch (ClassNotFoundException e) {
      LOG.info("{} not on the class path: Jakarta Mail finds its stream provider by service lookup",
          ANGUS_STREAM_PROVIDER);
    }
  }

  @Override
  public void deliver(MailMessage message) {
    MimeMessage mime;
    try {
      mime = mime(message);
    } catch (MessagingException e) {
      throw failed(e);
    }
    Transport transport = null;
    try {
      transport = openConnection();
      transport.sendMessage(mime, mime.getAllRecipients());
      release(transport);
    } catch (MessagingException | IllegalStateException e) {
      close(transport);
      throw failed(e);
    }
  }

  /**
   * A pooled connection that still answers (SMTP NOOP: the server may have closed it meanwhile),
   * else a new one. A mail is handed over once per delivery, never again on another connection: a
   * failure during the hand-over fails the job, as without the pool.
   */
  private Transport openConnection() throws MessagingException {
    Connection pooled;
    while ((pooled = take()) != null) {
      if (pooled.transport().isConnected()) {
        return pooled.transport();
      }
      close(pooled.transport());
    }
    return connect();
  }

  private MimeMessage mime(MailMessage message) throws MessagingException {
    // the sender's message carries its file type map: a plain MimeMessage would make the helper
    // load and parse mime.types again for every mail
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
    helper.setFrom(message.from());
    helper.setTo(message.to().toArray(String[]::new));
    helper.setSubject(message.subject());
    helper.setText(message.textBody(), message.htmlBody());
    mime.setSentDate(new Date());
    mime.saveChanges(); // Transport.sendMessage does not (Transport.send did)
    // after saveChanges, which generates a random one; a saved message is written as it stands
    mime.setHeader("Message-ID", message.messageId());
    return mime;
  }

  /** A new connection, as {@link JavaMailSenderImpl} opens one (host, port, user of spring.mail.*). */
  private Transport connect() throws MessagingException {
    String username = sender.getUsername();
    String password = sender.getPassword();
    if ("".equals(username)) {
      username = null;
      password = "".equals(password) ? null : password;
    }
    String protocol = sender.getProtocol() != null ? sender.getProtocol()
        : sender.getSession().getProperty("mail.transport.protocol");
    Transport transport = sender.getSession().getTransport(protocol == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : protocol);
    transport.connect(sender.getHost(), sender.getPort(), username, password);
    return transport;
  }

  /** The most recently used open connection that has not been idle too long, or null. */
  private Connection take() {
    Connection c;
    while ((c = pool.pollFirst()) != null) {
      if (System.nanoTime() - c.lastUsedNanos() < idleNanos) {
        return c;
      }
      close(c.transport());
    }
    return null;
  }

  private void release(Transport transport) {
    if (idleNanos > 0 && pool.size() < MAX_IDLE_CONNECTIONS) {
      pool.offerFirst(new Connection(transport, System.nanoTime()));
    } else {
      close(transport);
    }
  }

  private void closeIdle() {
    for (Connection c : pool) {
      if (System.nanoTime() - c.lastUsedNanos() >= idleNanos && pool.remove(c)) {
        close(c.transport());
      }
    }
  }

  private static void close(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("SMTP connection not closed cleanly ({})", e.getClass().getSimpleName());
    }
  }

  /** The exception message names the failure, never the recipients or the content. */
  private static MailDeliveryException failed(Exception e) {
    return new MailDeliveryException("Mail delivery failed: " + e.getClass().getSimpleName(), e);
  }

  /** Closes the open connections (at shutdown). */
  @Override
  public void close() {
    if (closer != null) {
      closer.shutdownNow();
    }
    Connection c;
    while ((c = pool.pollFirst()) != null) {
      close(c.transport());
    }
  }
}
