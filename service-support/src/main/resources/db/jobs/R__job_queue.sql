-- The job queue of services that run long work (generations, evaluations) off their Kafka consumers
-- (io.synthline.service.jobs). A repeatable migration written to be idempotent, so that it can be
-- added to a service whatever versioned migrations that service already has: change it only with
-- IF NOT EXISTS forms.
CREATE TABLE IF NOT EXISTS job (
    id           UUID        PRIMARY KEY,
    kind         TEXT        NOT NULL,
    -- what the job is about (a generation id, an evaluation id): at most one job per (kind, job_key)
    job_key      TEXT        NOT NULL,
    tenant       TEXT        NOT NULL,
    -- the event that asked for the work (JSON)
    payload      TEXT        NOT NULL,
    -- QUEUED, RUNNING, DONE or FAILED
    status       TEXT        NOT NULL,
    -- claims that did not end in a recorded outcome count against synthline.jobs.max-attempts
    attempts     INT         NOT NULL DEFAULT 0,
    -- fencing token: raised by every claim; only the holder of the current token may record an outcome
    lease_token  BIGINT      NOT NULL DEFAULT 0,
    owner        TEXT,
    lease_until  TIMESTAMPTZ,
    not_before   TIMESTAMPTZ NOT NULL,
    last_error   TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    UNIQUE (kind, job_key)
);
CREATE INDEX IF NOT EXISTS job_open ON job (kind, created_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX IF NOT EXISTS job_finished ON job (finished_at) WHERE finished_at IS NOT NULL;
