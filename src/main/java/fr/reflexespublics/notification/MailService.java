package fr.reflexespublics.notification;

import fr.reflexespublics.platform.ReflexesProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one way processes send mail. Sending is idempotent: a mail is identified by a dedup key
 * (the job or process step that sends it); a retried or re-executed step finds its key in
 * {@code notification_log} and does not send again.
 *
 * <p>Call it from a job (an {@code asyncBefore} service task, or the task-notification job):
 * the log row is written in the job's transaction before the SMTP hand-over, so a failed delivery
 * rolls the row back and the job retries with back-off.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  /** What happened to a send request. */
  public enum Outcome { SENT, ALREADY_SENT, NO_RECIPIENT }

  /** Where the templates are, on the class path (the template engine's prefix). */
  static final String TEMPLATES = "templates/mail/";
  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final Map<String, Set<String>> words = new ConcurrentHashMap<>();
  private final JdbcTemplate jdbc;
  private final MailTransport transport;
  private final TemplateEngine templates;
  private final ReflexesProperties properties;

  public MailService(JdbcTemplate jdbc, MailTransport transport,
      @Qualifier("mailTemplateEngine") TemplateEngine templates, ReflexesProperties properties) {
    this.jdbc = jdbc;
    this.transport = transport;
    this.templates = templates;
    this.properties = properties;
  }

  /**
   * Renders template {@code templates/mail/NAME.*} with the model and sends it once per dedup key.
   *
   * @param dedupKey identifies this mail (e.g. from {@link DedupKeys}); at most 255 characters
   * @param template template name
   * @param to recipient addresses (duplicates and blanks are dropped)
   * @param model template variables; {@code baseUrl} is always available
   */
  public Outcome send(String dedupKey, String template, List<String> to, Map<String, Object> model) {
    List<String> recipients = to.stream().filter(a -> a != null && !a.isBlank()).distinct().toList();
    if (recipients.isEmpty()) {
      LOG.warn("Mail '{}' ({}) has no recipient with an address: not sent", template, dedupKey);
      return Outcome.NO_RECIPIENT;
    }
    // One statement both checks the key and records the mail: the row is written before the
    // hand-over, so a concurrent execution of the same step waits on it and then fails on the key
    // (its job retries and finds the row).
    int recorded = jdbc.update("INSERT INTO notification_log (dedup_key, template, recipients, sent_at)"
        + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM notification_log WHERE dedup_key = ?)",
        dedupKey, template, recipients.size(), Timestamp.from(Instant.now()), dedupKey);
    if (recorded == 0) {
      LOG.info("Mail '{}' ({}) was already sent: not sent again", template, dedupKey);
      return Outcome.ALREADY_SENT;
    }
    MailMessage message = render(dedupKey, template, recipients, model);
    transport.deliver(message);
    LOG.info("Mail '{}' sent to {} recipient(s) ({})", template, recipients.size(), dedupKey);
    return Outcome.SENT;
  }

  /**
   * The words of a template's three files ({@code NAME.subject.txt}, {@code NAME.txt}, {@code
   * NAME.html}), read once: a value the template uses appears among them by its name. A mail step
   * gives the template the process variables named there only (data minimisation, and a variable
   * the mail does not show, a JSON list for instance, is not read nor parsed).
   */
  public Set<String> wordsOf(String template) {
    return words.computeIfAbsent(template, MailService::readWords);
  }

  private static Set<String> readWords(String template) {
    Set<String> found = new HashSet<>();
    for (String file : List.of(template + ".subject.txt", template + ".txt", template + ".html")) {
      try (InputStream in = MailService.class.getClassLoader().getResourceAsStream(TEMPLATES + file)) {
        if (in == null) {
          throw new IllegalStateException("No mail template " + TEMPLATES + file);
        }
        Matcher m = WORD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        while (m.find()) {
          found.add(m.group());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Set.copyOf(found);
  }

  MailMessage render(String dedupKey, String template, List<String> to, Map<String, Object> model) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariables(model);
    context.setVariable("baseUrl", properties.baseUrl());
    String subject = templates.process(template + ".subject.txt", context).replaceAll("[\\r\\n]+", " ").trim();
    String html = templates.process(template + ".html", context);
    String text = templates.process(template + ".txt", context);
    return new MailMessage(properties.mail().from(), to, subject, html, text, messageId(dedupKey));
  }

  private static String messageId(String dedupKey) {
    byte[] hash = SHA_256.get().digest(dedupKey.getBytes(StandardCharsets.UTF_8));
    return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@public-reflexes>";
  }

  /** A digest per thread: looking one up costs more than hashing a key. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });
}
