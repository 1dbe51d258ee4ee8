-- Re-evaluations requested by governance (evaluation.requested): a generation keeps its first
-- evaluation (request_id NULL, one per generation) and gets one more per request.
ALTER TABLE evaluation ADD COLUMN request_id TEXT;
ALTER TABLE evaluation ADD COLUMN seed BIGINT;
ALTER TABLE evaluation DROP CONSTRAINT IF EXISTS evaluation_generation_id_key;
CREATE UNIQUE INDEX evaluation_first_per_generation ON evaluation (generation_id) WHERE request_id IS NULL;
CREATE UNIQUE INDEX evaluation_per_request ON evaluation (tenant, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX evaluation_by_generation ON evaluation (tenant, generation_id, created_at DESC);
