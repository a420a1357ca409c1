package fr.reflexespublics.notification;

import java.util.List;

/**
 * A rendered mail ready to be handed to a transport.
 *
 * @param messageId stable Message-ID derived from the dedup key, so that a receiver can recognise
 *     a repeated delivery
 */
public record MailMessage(String from, List<String> to, String subject, String htmlBody, String textBody,
    String messageId) {}
