-- Register of fragile residents: the only place where their personal data lives.
-- Erasure (opt-out) blanks the personal columns and sets erased_at; the id stays for statistics.
CREATE TABLE registered_person (
    id              VARCHAR(36)  PRIMARY KEY,
    first_name      VARCHAR(100),
    last_name       VARCHAR(100),
    phone           VARCHAR(30),
    area            VARCHAR(100),
    age_band        VARCHAR(10)  NOT NULL,
    complexity      VARCHAR(10)  NOT NULL,
    consent_date    DATE,
    source_register VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    opted_out_at    TIMESTAMP,
    erased_at       TIMESTAMP,
    identity_key    VARCHAR(64)
);
-- one person once: a hash of first name, last name and phone (erased with the person)
CREATE UNIQUE INDEX uq_registered_person_identity ON registered_person (identity_key);
CREATE INDEX idx_registered_person_selection ON registered_person (source_register, complexity, age_band, id);

CREATE TABLE hotline_campaign (
    id                  VARCHAR(36)  PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    call_interval_days  INTEGER      NOT NULL,
    campaign_end        DATE         NOT NULL,
    source_register     VARCHAR(100) NOT NULL,
    complexity          VARCHAR(10)  NOT NULL,
    age_band            VARCHAR(10)  NOT NULL,
    total               INTEGER      NOT NULL DEFAULT 0,
    status              VARCHAR(20)  NOT NULL,
    coordinator         VARCHAR(64),
    started_at          TIMESTAMP    NOT NULL,
    closed_at           TIMESTAMP
);

-- Who a campaign follows, and through which follow-up instance (unique: never started twice).
CREATE TABLE campaign_member (
    campaign_id         VARCHAR(36) NOT NULL REFERENCES hotline_campaign (id),
    person_id           VARCHAR(36) NOT NULL REFERENCES registered_person (id),
    process_instance_id VARCHAR(64) NOT NULL,
    started_at          TIMESTAMP   NOT NULL,
    PRIMARY KEY (campaign_id, person_id)
);

-- One row per call attempt; no free text (descriptions stay in the process, with its retention).
CREATE TABLE call_log (
    id                  VARCHAR(36) PRIMARY KEY,
    campaign_id         VARCHAR(36) NOT NULL,
    person_id           VARCHAR(36) NOT NULL,
    caller              VARCHAR(64),
    called_at           TIMESTAMP   NOT NULL,
    attempt             INTEGER     NOT NULL,
    reached             BOOLEAN     NOT NULL,
    wellbeing           VARCHAR(10),
    difficulty_detected BOOLEAN     NOT NULL,
    urgent              BOOLEAN     NOT NULL,
    wishes_to_stop      BOOLEAN     NOT NULL
);
CREATE INDEX idx_call_log_campaign ON call_log (campaign_id, called_at);

-- Orientation requests: the orientators' record of each difficulty, tracked until handled.
CREATE TABLE orientation_request (
    id               VARCHAR(36)  PRIMARY KEY,
    campaign_id      VARCHAR(36)  NOT NULL,
    person_id        VARCHAR(36)  NOT NULL,
    needs            VARCHAR(200),
    urgent           BOOLEAN      NOT NULL,
    proposed_service VARCHAR(40),
    target_service   VARCHAR(40),
    status           VARCHAR(20)  NOT NULL,
    reminders        INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMP    NOT NULL,
    routed_at        TIMESTAMP,
    handled_at       TIMESTAMP
);
CREATE INDEX idx_orientation_status ON orientation_request (status, created_at);
CREATE INDEX idx_orientation_campaign ON orientation_request (campaign_id);
