-- The takeover's record kept in its tables rather than in process variables (deleted by history cleanup).
-- Weekly review: the incidents of the week (form takeover-weekly-review, maxLength 4000).
ALTER TABLE takeover_review ADD COLUMN incidents VARCHAR(4000);
-- Time-limit review: the partner the action is transferred to (maxLength 200) and the reason given for an
-- extension (maxLength 2000); the reason of the final decision goes to outcome_reason.
ALTER TABLE takeover_plan ADD COLUMN new_partner_name VARCHAR(200);
ALTER TABLE takeover_plan ADD COLUMN extension_reason VARCHAR(2000);
-- Hand-back meeting: the checklist confirmed with the partner and the notes (maxLength 4000).
ALTER TABLE takeover_plan ADD COLUMN hand_back_checklist_complete BOOLEAN;
ALTER TABLE takeover_plan ADD COLUMN hand_back_notes VARCHAR(4000);
