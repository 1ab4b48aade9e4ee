-- Schema version 2: what `list` shows, precomputed into the onboardings row on every write (so the
-- list is one scan, not joins over every milestone), and the wizard's drafts.

ALTER TABLE onboardings ADD COLUMN stage TEXT;

ALTER TABLE onboardings ADD COLUMN next_stage TEXT;

ALTER TABLE onboardings ADD COLUMN next_expected TEXT;

ALTER TABLE onboardings ADD COLUMN metros TEXT;

CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    onboarding_name TEXT,
    base_version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    document TEXT NOT NULL
);

CREATE INDEX drafts_owner ON drafts (owner);

-- Fill the new columns of the onboardings written by version 1.
-- peering: refresh-summaries
