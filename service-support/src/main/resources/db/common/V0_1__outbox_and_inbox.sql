-- Shared by every service database: the transactional outbox and the consumer inbox.
CREATE TABLE outbox_event (
    seq          BIGSERIAL   NOT NULL UNIQUE,
    id           UUID        PRIMARY KEY,
    topic        TEXT        NOT NULL,
    message_key  TEXT,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
