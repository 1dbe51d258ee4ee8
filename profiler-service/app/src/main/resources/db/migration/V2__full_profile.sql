-- The full profile document (version 2) also lives in the dataset store next to the data.
ALTER TABLE dataset ADD COLUMN profile_version TEXT;
ALTER TABLE dataset ADD COLUMN profile_key TEXT;
ALTER TABLE dataset ADD COLUMN profile_sha256 CHAR(64);
-- csv or parquet: what was uploaded (the stored data is always canonical CSV)
ALTER TABLE dataset ADD COLUMN source_format TEXT;
