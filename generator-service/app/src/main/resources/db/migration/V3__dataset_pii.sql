-- The profile's PII findings (JSON list of PiiFinding): every flagged column is replaced, never learned from.
ALTER TABLE dataset_ref ADD COLUMN pii_json TEXT;
