-- Retex rituals: the ritual, who takes part, what they said (without author in anonymous mode),
-- the lessons, the dissents and how the workshop answered them, the owned actions.
CREATE TABLE retex (
    id                  VARCHAR(36)  PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    title               VARCHAR(200) NOT NULL,
    crisis_phase        VARCHAR(200) NOT NULL,
    scope               VARCHAR(200) NOT NULL,
    anonymous           BOOLEAN      NOT NULL,
    participant_count   INTEGER      NOT NULL,
    testimony_count     INTEGER      NOT NULL DEFAULT 0,
    testimony_deadline  DATE         NOT NULL,
    what_changes        VARCHAR(4000),
    what_stays          VARCHAR(4000),
    next_stage          VARCHAR(4000),
    status              VARCHAR(20)  NOT NULL,
    launched_at         TIMESTAMP    NOT NULL,
    published_at        TIMESTAMP,
    reviewed_at         TIMESTAMP
);

CREATE TABLE retex_participant (
    retex_id VARCHAR(36) NOT NULL REFERENCES retex (id),
    user_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (retex_id, user_id)
);

-- No date and no task reference: in anonymous mode nothing links a testimony to its author.
CREATE TABLE retex_testimony (
    id                VARCHAR(36)   PRIMARY KEY,
    retex_id          VARCHAR(36)   NOT NULL REFERENCES retex (id),
    author            VARCHAR(64),
    what_worked       VARCHAR(4000),
    what_was_hard     VARCHAR(4000),
    done_differently  VARCHAR(4000),
    disagreement      VARCHAR(4000),
    wellbeing         INTEGER       NOT NULL
);
CREATE INDEX idx_retex_testimony_retex ON retex_testimony (retex_id);

CREATE TABLE retex_lesson (
    id          VARCHAR(36)   PRIMARY KEY,
    retex_id    VARCHAR(36)   NOT NULL REFERENCES retex (id),
    position    INTEGER       NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    description VARCHAR(4000)
);

CREATE TABLE retex_dissent (
    id       VARCHAR(36)   PRIMARY KEY,
    retex_id VARCHAR(36)   NOT NULL REFERENCES retex (id),
    position INTEGER       NOT NULL,
    dissent  VARCHAR(4000) NOT NULL,
    answer   VARCHAR(4000)
);

CREATE TABLE retex_action (
    id           VARCHAR(36)   PRIMARY KEY,
    retex_id     VARCHAR(36)   NOT NULL REFERENCES retex (id),
    lesson_title VARCHAR(200)  NOT NULL,
    owner        VARCHAR(64)   NOT NULL,
    action       VARCHAR(4000) NOT NULL,
    due_date     DATE          NOT NULL,
    plan_item    VARCHAR(200)  NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    reason       VARCHAR(2000),
    created_at   TIMESTAMP     NOT NULL,
    updated_at   TIMESTAMP
);
CREATE INDEX idx_retex_action_retex ON retex_action (retex_id);
CREATE INDEX idx_retex_action_status ON retex_action (status, due_date);
