-- The pool of volunteer agents: skills, kinds of mission, constraints, yearly volunteer days.
CREATE TABLE volunteer (
    user_id        VARCHAR(64)   PRIMARY KEY,
    skills         VARCHAR(1000) NOT NULL,
    mission_kinds  VARCHAR(1000) NOT NULL,
    no_weekends    BOOLEAN       NOT NULL,
    volunteer_days INTEGER       NOT NULL,
    registered_at  TIMESTAMP     NOT NULL,
    withdrawn_at   TIMESTAMP
);

-- A service's request for reinforcement.
CREATE TABLE reinforcement_request (
    id                  VARCHAR(36)   PRIMARY KEY,
    process_instance_id VARCHAR(64)   NOT NULL,
    requester           VARCHAR(64),
    mission             VARCHAR(2000) NOT NULL,
    receiving_service   VARCHAR(64)   NOT NULL,
    skills              VARCHAR(1000) NOT NULL,
    start_date          DATE          NOT NULL,
    end_date            DATE          NOT NULL,
    agents_needed       INTEGER       NOT NULL,
    weekend_work        BOOLEAN       NOT NULL,
    tutor               VARCHAR(64)   NOT NULL,
    requested_at        TIMESTAMP     NOT NULL
);

-- One proposed agent of a request, from proposal to return.
CREATE TABLE mission_assignment (
    id                    VARCHAR(36)   PRIMARY KEY,
    request_id            VARCHAR(36)   NOT NULL REFERENCES reinforcement_request (id),
    user_id               VARCHAR(64)   NOT NULL,
    home_service          VARCHAR(64),
    receiving_service     VARCHAR(64)   NOT NULL,
    mission_days          INTEGER       NOT NULL,
    start_date            DATE          NOT NULL,
    end_date              DATE          NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    refusal_reason        VARCHAR(2000),
    constraints_respected BOOLEAN,
    returned_at           TIMESTAMP,
    returned_early        BOOLEAN,
    skills_gained         VARCHAR(2000),
    would_do_again        BOOLEAN,
    proposed_at           TIMESTAMP     NOT NULL
);
CREATE INDEX idx_assignment_user ON mission_assignment (user_id, status, start_date);
CREATE INDEX idx_assignment_request ON mission_assignment (request_id);
