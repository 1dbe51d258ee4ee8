-- What the generator knows about datasets, projected from dataset.* events.
CREATE TABLE dataset_ref (
    id            UUID        PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    storage_key   TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    row_count     BIGINT,
    schema_json   TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE generation (
    id             UUID        PRIMARY KEY,
    tenant         TEXT        NOT NULL,
    dataset_id     UUID        NOT NULL,
    requested_by   TEXT        NOT NULL,
    model          TEXT        NOT NULL,
    rows_requested BIGINT      NOT NULL,
    seed           BIGINT      NOT NULL,
    status         TEXT        NOT NULL,
    output_key     TEXT,
    output_sha256  CHAR(64),
    error          TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ
);
CREATE INDEX generation_by_tenant ON generation (tenant, created_at DESC);
