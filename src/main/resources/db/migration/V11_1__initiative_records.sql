-- The record of an initiative that its agents write in free text, kept with the initiative rather
-- than only in process variables (which history cleanup deletes after P730D): the manager's reason
-- for an opposition, the innovation unit's consultation (constraints, notes), the initiator's report
-- (outcome, evidence, wish to hand it over) and the lessons learned of a closed initiative.
-- NULL for what was written before this migration (it stays in the variables of those instances).
-- Version 11.1: version 11 is db/migration/V11__history_without_details (a Java migration).
ALTER TABLE initiative ADD COLUMN opposition_reason VARCHAR(2000);
ALTER TABLE initiative ADD COLUMN consultation_constraints VARCHAR(4000);
ALTER TABLE initiative ADD COLUMN consultation_notes VARCHAR(4000);
ALTER TABLE initiative ADD COLUMN outcome VARCHAR(4000);
ALTER TABLE initiative ADD COLUMN evidence VARCHAR(4000);
ALTER TABLE initiative ADD COLUMN wants_handover BOOLEAN;
ALTER TABLE initiative ADD COLUMN lessons_learned VARCHAR(4000);
