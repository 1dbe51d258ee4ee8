-- What each evaluation was run with, and where its documents are; the dataset projection that
-- supplies default label / sensitive columns from the profile.
ALTER TABLE evaluation ADD COLUMN source_key TEXT;
ALTER TABLE evaluation ADD COLUMN output_key TEXT;
ALTER TABLE evaluation ADD COLUMN holdout_key TEXT;
ALTER TABLE evaluation ADD COLUMN report_key TEXT;
ALTER TABLE evaluation ADD COLUMN options_json TEXT;
ALTER TABLE evaluation ADD COLUMN summary_json TEXT;

CREATE TABLE dataset_profile (
    id            UUID        PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    schema_json   TEXT,
    profile_json  TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);
