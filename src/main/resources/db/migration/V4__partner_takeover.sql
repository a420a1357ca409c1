-- Partner takeover plans: one row per reported failure; the id is the process business key.
CREATE TABLE takeover_plan (
    id                  VARCHAR(32)   PRIMARY KEY,
    process_instance_id VARCHAR(64)   NOT NULL,
    partner_name        VARCHAR(200)  NOT NULL,
    action_name         VARCHAR(200)  NOT NULL,
    action_category     VARCHAR(20)   NOT NULL,
    beneficiaries_count INTEGER       NOT NULL,
    failure_cause       VARCHAR(30)   NOT NULL,
    urgency             VARCHAR(10)   NOT NULL,
    eligible            BOOLEAN,
    max_duration_days   INTEGER,
    support_modalities  VARCHAR(200),
    duration_days       INTEGER,
    start_date          DATE,
    end_date            DATE,
    extended            BOOLEAN       NOT NULL DEFAULT FALSE,
    resources           VARCHAR(4000),
    premises            VARCHAR(4000),
    hand_back_criteria  VARCHAR(4000),
    liability_letter    VARCHAR(8000),
    status              VARCHAR(20)   NOT NULL,
    outcome_reason      VARCHAR(2000),
    reported_at         TIMESTAMP     NOT NULL,
    approved_at         TIMESTAMP,
    ended_at            TIMESTAMP
);
CREATE INDEX idx_takeover_plan_status ON takeover_plan (status, end_date);

-- Agents provided to a plan, with their home service, until they return to their posts.
CREATE TABLE takeover_agent (
    plan_id     VARCHAR(32) NOT NULL REFERENCES takeover_plan (id),
    user_id     VARCHAR(64) NOT NULL,
    service_id  VARCHAR(64),
    assigned_at TIMESTAMP   NOT NULL,
    returned_at TIMESTAMP,
    PRIMARY KEY (plan_id, user_id)
);
CREATE INDEX idx_takeover_agent_service ON takeover_agent (service_id);

-- Weekly reviews of a plan in operation.
CREATE TABLE takeover_review (
    id                   VARCHAR(36) PRIMARY KEY,
    plan_id              VARCHAR(32) NOT NULL REFERENCES takeover_plan (id),
    beneficiaries_served INTEGER     NOT NULL,
    partner_can_resume   BOOLEAN     NOT NULL,
    recorded_at          TIMESTAMP   NOT NULL
);
CREATE INDEX idx_takeover_review_plan ON takeover_review (plan_id);
