-- Governance's record of each dataset: projected from dataset.* events, then owned here (policy metadata).
CREATE TABLE governed_dataset (
    dataset_id     UUID        PRIMARY KEY,
    tenant         TEXT        NOT NULL,
    name           TEXT,
    owner          TEXT        NOT NULL,
    classification TEXT        NOT NULL,
    purpose        TEXT,
    legal_basis    TEXT,
    retention      TEXT,
    retain_until   TIMESTAMPTZ,
    storage_key    TEXT,
    sha256         CHAR(64),
    size_bytes     BIGINT,
    row_count      BIGINT,
    column_count   INTEGER,
    profile_version TEXT,
    status         TEXT        NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL,
    profiled_at    TIMESTAMPTZ,
    deleted_at     TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX governed_dataset_by_tenant ON governed_dataset (tenant, registered_at DESC);
CREATE INDEX governed_dataset_retention ON governed_dataset (retain_until) WHERE status = 'ACTIVE';

-- Privacy-budget ledger: one account per dataset and per tenant; amounts are exact decimals.
CREATE TABLE tenant_budget (
    tenant           TEXT        PRIMARY KEY,
    epsilon_cap      NUMERIC,
    delta_cap        NUMERIC,
    epsilon_spent    NUMERIC     NOT NULL DEFAULT 0,
    delta_spent      NUMERIC     NOT NULL DEFAULT 0,
    epsilon_reserved NUMERIC     NOT NULL DEFAULT 0,
    delta_reserved   NUMERIC     NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE dataset_budget (
    dataset_id       UUID        PRIMARY KEY,
    tenant           TEXT        NOT NULL,
    epsilon_cap      NUMERIC,
    delta_cap        NUMERIC,
    epsilon_spent    NUMERIC     NOT NULL DEFAULT 0,
    delta_spent      NUMERIC     NOT NULL DEFAULT 0,
    epsilon_reserved NUMERIC     NOT NULL DEFAULT 0,
    delta_reserved   NUMERIC     NOT NULL DEFAULT 0,
    alerted_fraction NUMERIC,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (epsilon_reserved >= 0 AND delta_reserved >= 0)
);
CREATE TABLE budget_reservation (
    reservation_id  TEXT        PRIMARY KEY,
    tenant          TEXT        NOT NULL,
    dataset_id      UUID        NOT NULL,
    generation_id   TEXT,
    epsilon         NUMERIC     NOT NULL,
    delta           NUMERIC     NOT NULL,
    status          TEXT        NOT NULL,
    epsilon_charged NUMERIC,
    delta_charged   NUMERIC,
    rho             DOUBLE PRECISION,
    mechanisms      TEXT,
    reason          TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    settled_at      TIMESTAMPTZ
);
CREATE INDEX budget_reservation_by_dataset ON budget_reservation (dataset_id, created_at);

-- Who may request generations from a dataset (besides its owner), for what purpose, until when.
CREATE TABLE access_grant (
    id          BIGSERIAL   PRIMARY KEY,
    tenant      TEXT        NOT NULL,
    dataset_id  UUID        NOT NULL,
    grantee     TEXT        NOT NULL,
    purpose     TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ,
    granted_by  TEXT        NOT NULL,
    granted_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    revoked_by  TEXT
);
CREATE INDEX access_grant_active ON access_grant (dataset_id, grantee) WHERE revoked_at IS NULL;

-- Each generation as governance sees it: request, decision, outcome, release.
CREATE TABLE governed_generation (
    generation_id    UUID        PRIMARY KEY,
    tenant           TEXT        NOT NULL,
    dataset_id       UUID        NOT NULL,
    requested_by     TEXT        NOT NULL,
    model            TEXT,
    rows_requested   BIGINT,
    seed             BIGINT,
    epsilon          DOUBLE PRECISION,
    delta            DOUBLE PRECISION,
    pii_replaced     BOOLEAN,
    purpose          TEXT,
    status           TEXT        NOT NULL,
    decision_reason  TEXT,
    violations       TEXT,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    requested_at     TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    output_key       TEXT,
    output_sha256    CHAR(64),
    source_key       TEXT,
    privacy_spent    TEXT,
    failure_reason   TEXT,
    release_status   TEXT        NOT NULL DEFAULT 'NONE',
    release_reason   TEXT,
    release_checks   TEXT,
    released_at      TIMESTAMPTZ,
    released_by      TEXT,
    evaluation_id    TEXT,
    last_evaluated_at TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX governed_generation_by_tenant ON governed_generation (tenant, requested_at DESC);
CREATE INDEX governed_generation_by_dataset ON governed_generation (dataset_id, status);

CREATE TABLE governed_evaluation (
    evaluation_id  TEXT        PRIMARY KEY,
    tenant         TEXT        NOT NULL,
    generation_id  UUID        NOT NULL,
    dataset_id     UUID,
    status         TEXT        NOT NULL,
    scores         TEXT,
    report_key     TEXT,
    request_id     TEXT,
    error          TEXT,
    completed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX governed_evaluation_by_generation ON governed_evaluation (generation_id, completed_at);

CREATE TABLE alert (
    alert_id        UUID        PRIMARY KEY,
    tenant          TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    severity        TEXT        NOT NULL,
    resource        TEXT,
    message         TEXT        NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT
);
-- one open alert per kind and resource: repeated conditions do not flood the inbox
CREATE UNIQUE INDEX alert_open ON alert (tenant, kind, resource) WHERE acknowledged_at IS NULL;
