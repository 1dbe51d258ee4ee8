CREATE TABLE evaluation (
    id             UUID        PRIMARY KEY,
    tenant         TEXT        NOT NULL,
    generation_id  UUID        NOT NULL UNIQUE,
    dataset_id     UUID        NOT NULL,
    status         TEXT        NOT NULL,
    overall_score  DOUBLE PRECISION,
    result_json    TEXT,
    error          TEXT,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX evaluation_by_tenant ON evaluation (tenant, created_at DESC);
