-- Evaluations are recorded PENDING when their trigger arrives and run as jobs (db/jobs); lists read the
-- property scores from their own column instead of parsing every full document.
ALTER TABLE evaluation ADD COLUMN properties_json TEXT;
UPDATE evaluation SET properties_json = (result_json::jsonb -> 'quality' -> 'properties')::text
    WHERE result_json IS NOT NULL AND properties_json IS NULL;
