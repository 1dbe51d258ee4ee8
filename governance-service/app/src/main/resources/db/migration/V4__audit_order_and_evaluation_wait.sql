-- Events whose cause is not in the chain yet (see io.synthline.governance.engine.audit.CausalOrder) wait here,
-- acknowledged, until their cause is appended (then they follow it in the same transaction) or until
-- synthline.governance.audit.order-wait passed (then they are appended anyway: nothing is withheld for good).
CREATE TABLE audit_deferred (
    event_id      TEXT        PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    cause_subject TEXT        NOT NULL,
    cause_types   TEXT        NOT NULL,
    event_json    TEXT        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_deferred_by_cause ON audit_deferred (tenant, cause_subject);
CREATE INDEX audit_deferred_by_age ON audit_deferred (received_at);

-- When the evaluator took a completed generation's evaluation up (evaluation.queued): a completed output
-- without it after synthline.governance.monitoring.evaluation-wait waits for an unavailable evaluator.
ALTER TABLE governed_generation ADD COLUMN evaluation_queued_at TIMESTAMPTZ;
