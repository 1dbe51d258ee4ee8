-- The event whose delivery claimed a running job: a redelivery of that same event (after a crash or a
-- transient failure of the worker) may take the job over instead of finding it RUNNING forever.
ALTER TABLE generation ADD COLUMN claimed_by_event VARCHAR(64);
