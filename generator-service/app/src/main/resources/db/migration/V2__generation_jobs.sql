-- Full requests (conditions, constraints, PII...), progress, cancellation, provenance and the release gate.
ALTER TABLE dataset_ref ADD COLUMN sha256 CHAR(64);

ALTER TABLE generation ADD COLUMN request_json   TEXT;
ALTER TABLE generation ADD COLUMN output_format  TEXT    NOT NULL DEFAULT 'csv';
ALTER TABLE generation ADD COLUMN rows_done      BIGINT  NOT NULL DEFAULT 0;
ALTER TABLE generation ADD COLUMN rows_written   BIGINT;
ALTER TABLE generation ADD COLUMN copies_redrawn BIGINT;
ALTER TABLE generation ADD COLUMN rows_dropped   BIGINT;
ALTER TABLE generation ADD COLUMN output_bytes   BIGINT;
ALTER TABLE generation ADD COLUMN model_id       CHAR(64);
ALTER TABLE generation ADD COLUMN run_id         TEXT;
ALTER TABLE generation ADD COLUMN manifest_key   TEXT;
ALTER TABLE generation ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;
-- null while no gate applies; RELEASED, QUARANTINED or OVERRIDDEN once governance decided
ALTER TABLE generation ADD COLUMN release_status TEXT;
ALTER TABLE generation ADD COLUMN purpose        TEXT;

-- Fitted models kept as artifacts in the store, found again by what decides their content.
CREATE TABLE fitted_model (
    tenant         TEXT        NOT NULL,
    fit_key        CHAR(64)    NOT NULL,
    model_id       CHAR(64)    NOT NULL,
    dataset_id     UUID        NOT NULL,
    synthesizer    TEXT        NOT NULL,
    storage_key    TEXT        NOT NULL,
    manifest_json  TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, fit_key)
);
CREATE INDEX fitted_model_by_id ON fitted_model (tenant, model_id);
