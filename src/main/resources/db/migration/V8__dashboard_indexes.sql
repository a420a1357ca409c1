-- The HR dashboard filters each table by a period: one index per date it filters on.
CREATE INDEX idx_initiative_declared ON initiative (declared_at);
CREATE INDEX idx_relay_started ON relay (started_at);
CREATE INDEX idx_takeover_agent_assigned ON takeover_agent (assigned_at);
CREATE INDEX idx_takeover_review_recorded ON takeover_review (recorded_at);
CREATE INDEX idx_call_log_called ON call_log (called_at);
CREATE INDEX idx_orientation_created ON orientation_request (created_at);
CREATE INDEX idx_assignment_start ON mission_assignment (start_date);
CREATE INDEX idx_retex_launched ON retex (launched_at);
CREATE INDEX idx_hotline_campaign_period ON hotline_campaign (started_at, closed_at);
