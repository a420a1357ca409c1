-- The record of each assignment, no longer kept only in process variables (which history cleanup
-- deletes): the halfway check-in's answers and the original manager's return notes.
ALTER TABLE mission_assignment ADD COLUMN going_well BOOLEAN;
ALTER TABLE mission_assignment ADD COLUMN check_in_comment VARCHAR(2000);
ALTER TABLE mission_assignment ADD COLUMN return_notes VARCHAR(2000);
