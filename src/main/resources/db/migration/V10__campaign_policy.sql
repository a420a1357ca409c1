-- The follow-up policy of a campaign, fixed when the campaign starts (from reflexes.hotline.*):
-- every follow-up of the campaign reads it here by campaign id instead of carrying its own copy
-- in process variables. NULL for campaigns started before: their follow-ups hold the copy.
ALTER TABLE hotline_campaign ADD COLUMN retry_delay VARCHAR(30);
ALTER TABLE hotline_campaign ADD COLUMN max_attempts INTEGER;
ALTER TABLE hotline_campaign ADD COLUMN orientation_follow_up VARCHAR(30);
ALTER TABLE hotline_campaign ADD COLUMN urgent_reminder VARCHAR(30);
ALTER TABLE hotline_campaign ADD COLUMN proximity_group VARCHAR(64);
ALTER TABLE hotline_campaign ADD COLUMN on_call_address VARCHAR(255);
