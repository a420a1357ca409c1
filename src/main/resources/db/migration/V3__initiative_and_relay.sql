-- Initiatives without prior permission: one row per declared initiative (read by the HR dashboard).
CREATE TABLE initiative (
    id                  VARCHAR(36)  PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    initiator           VARCHAR(64)  NOT NULL,
    service_id          VARCHAR(64),
    title               VARCHAR(120) NOT NULL,
    requested_days      INTEGER      NOT NULL,
    extra_days          INTEGER      NOT NULL DEFAULT 0,
    days_used           INTEGER,
    planned_start       DATE         NOT NULL,
    quota_year          INTEGER      NOT NULL,
    non_opposition      VARCHAR(16),
    support             VARCHAR(20),
    status              VARCHAR(20)  NOT NULL,
    declared_at         TIMESTAMP    NOT NULL,
    go_ahead_at         TIMESTAMP,
    report_due          DATE,
    ended_at            TIMESTAMP
);
CREATE INDEX idx_initiative_quota ON initiative (initiator, quota_year);
CREATE INDEX idx_initiative_status ON initiative (status);
CREATE INDEX idx_initiative_service ON initiative (service_id, declared_at);

-- Relay porting of an initiative (or of a practice brought directly by the innovation unit).
CREATE TABLE relay (
    id                  VARCHAR(36)  PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    initiative_id       VARCHAR(36)  REFERENCES initiative (id),
    title               VARCHAR(120) NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    carrier_department  VARCHAR(64),
    carrier_user_id     VARCHAR(64),
    relay_deadline      DATE,
    declines            INTEGER      NOT NULL DEFAULT 0,
    started_at          TIMESTAMP    NOT NULL,
    ended_at            TIMESTAMP
);
CREATE INDEX idx_relay_status ON relay (status);

CREATE TABLE relay_checkpoint (
    id                     VARCHAR(36) PRIMARY KEY,
    relay_id               VARCHAR(36) NOT NULL REFERENCES relay (id),
    department_involvement INTEGER     NOT NULL,
    initiators_involved    BOOLEAN     NOT NULL,
    recorded_at            TIMESTAMP   NOT NULL
);
CREATE INDEX idx_relay_checkpoint_relay ON relay_checkpoint (relay_id);

-- The adopted-practices catalogue: the administration's "source code".
CREATE TABLE adopted_practice (
    id              VARCHAR(36)   PRIMARY KEY,
    relay_id        VARCHAR(36)   NOT NULL REFERENCES relay (id),
    initiative_id   VARCHAR(36),
    title           VARCHAR(120)  NOT NULL,
    description     VARCHAR(5000),
    department_id   VARCHAR(64)   NOT NULL,
    carrier_user_id VARCHAR(64)   NOT NULL,
    summary         VARCHAR(5000) NOT NULL,
    adopted_at      TIMESTAMP     NOT NULL
);
CREATE INDEX idx_adopted_practice_date ON adopted_practice (adopted_at);
