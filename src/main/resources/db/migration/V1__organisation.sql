-- The organisation: services, their heads, and the service of every agent.
-- The manager of an agent is the head of the agent's service, or, for the head
-- itself, the head of the parent service.
CREATE TABLE org_service (
    id                VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    head_user_id      VARCHAR(64),
    parent_service_id VARCHAR(64)  REFERENCES org_service (id)
);

CREATE TABLE org_agent (
    user_id    VARCHAR(64)  PRIMARY KEY,
    service_id VARCHAR(64)  NOT NULL REFERENCES org_service (id),
    job_title  VARCHAR(200)
);

CREATE INDEX idx_org_agent_service ON org_agent (service_id);
