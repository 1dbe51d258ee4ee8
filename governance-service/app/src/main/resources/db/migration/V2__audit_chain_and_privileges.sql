-- Tamper evidence: every entry joins its tenant's hash chain (see io.synthline.governance.engine.audit).
-- Rows written before this version carry no chain columns; verification reports them as unchained.
ALTER TABLE audit_entry
    ADD COLUMN chain_index   BIGINT,
    ADD COLUMN actor_roles   TEXT,
    ADD COLUMN purpose       TEXT,
    ADD COLUMN justification TEXT,
    ADD COLUMN previous_hash CHAR(64),
    ADD COLUMN entry_hash    CHAR(64);
CREATE UNIQUE INDEX audit_entry_chain ON audit_entry (tenant, chain_index) WHERE chain_index IS NOT NULL;
CREATE INDEX audit_entry_by_time ON audit_entry (tenant, occurred_at);
CREATE INDEX audit_entry_by_type ON audit_entry (tenant, event_type, seq);

-- Signed statements of each chain's head; append-only like the entries.
CREATE TABLE audit_checkpoint (
    id           BIGSERIAL   PRIMARY KEY,
    tenant       TEXT        NOT NULL,
    chain_index  BIGINT      NOT NULL,
    entry_hash   CHAR(64)    NOT NULL,
    signed_at    TIMESTAMPTZ NOT NULL,
    key_id       TEXT        NOT NULL,
    signature    TEXT        NOT NULL,
    UNIQUE (tenant, chain_index)
);

-- Every public key that ever signed, so that checkpoints stay verifiable after a key rotation.
CREATE TABLE audit_signing_key (
    key_id         TEXT        PRIMARY KEY,
    algorithm      TEXT        NOT NULL,
    public_key_pem TEXT        NOT NULL,
    first_used_at  TIMESTAMPTZ NOT NULL
);

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_signing_key_no_update BEFORE UPDATE OR DELETE ON audit_signing_key
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_signing_key_no_truncate BEFORE TRUNCATE ON audit_signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- The service runs as its own login role, which may only read and append the audit tables. Migrations
-- run as the schema owner (quarkus.flyway.username); the trigger above stops the owner too, so only a
-- superuser who disables triggers can rewrite history, and the chain shows it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${runtimeUser}') THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${runtimeUser}', '${runtimePassword}');
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${runtimeUser}');
END
$$;
GRANT USAGE ON SCHEMA public TO "${runtimeUser}";
GRANT SELECT, INSERT ON audit_entry, audit_checkpoint, audit_signing_key TO "${runtimeUser}";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_checkpoint, audit_signing_key FROM "${runtimeUser}";
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_event, processed_event TO "${runtimeUser}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${runtimeUser}";
-- Operational tables of later migrations are read-write for the service; audit tables must revoke explicitly.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtimeUser}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${runtimeUser}";
