-- The record of a relay that lived only in process variables (gone with the engine's history):
-- the relay plan, the notes of each checkpoint and the reason of each decline.
ALTER TABLE relay ADD COLUMN relay_plan VARCHAR(4000);
ALTER TABLE relay_checkpoint ADD COLUMN notes VARCHAR(4000);

-- One row per declined ownership (several per relay): who declined, for which department, and why.
CREATE TABLE relay_decline (
    id                 VARCHAR(36)   PRIMARY KEY,
    relay_id           VARCHAR(36)   NOT NULL REFERENCES relay (id),
    carrier_department VARCHAR(64),
    carrier_user_id    VARCHAR(64),
    reason             VARCHAR(2000),
    declined_at        TIMESTAMP     NOT NULL
);
CREATE INDEX idx_relay_decline_relay ON relay_decline (relay_id);
