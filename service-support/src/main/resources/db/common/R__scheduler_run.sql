-- Which replica ran a scheduled task last, and when (io.synthline.service.scheduling.OncePerPeriod): with several
-- replicas, each period's run happens once. A repeatable migration written to be idempotent (IF NOT EXISTS forms
-- only), so every service gets it whatever its versioned migrations.
CREATE TABLE IF NOT EXISTS scheduler_run (
    name         TEXT        PRIMARY KEY,
    last_run_at  TIMESTAMPTZ NOT NULL,
    owner        TEXT
);
