-- Idempotent notifications: one row per sent mail, keyed by the step that sent it.
-- No addresses or contents are kept (data minimisation); rows expire with
-- reflexes.mail.log-retention.
CREATE TABLE notification_log (
    dedup_key  VARCHAR(255) PRIMARY KEY,
    template   VARCHAR(100) NOT NULL,
    recipients INTEGER      NOT NULL,
    sent_at    TIMESTAMP    NOT NULL
);

CREATE INDEX idx_notification_log_sent ON notification_log (sent_at);
