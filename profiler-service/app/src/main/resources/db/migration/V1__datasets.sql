CREATE TABLE dataset (
    id            UUID         PRIMARY KEY,
    tenant        TEXT         NOT NULL,
    name          TEXT         NOT NULL,
    owner         TEXT         NOT NULL,
    status        TEXT         NOT NULL,
    storage_key   TEXT         NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    row_count     BIGINT,
    column_count  INTEGER,
    profile_json  TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    profiled_at   TIMESTAMPTZ
);
CREATE INDEX dataset_by_tenant ON dataset (tenant, created_at DESC);
