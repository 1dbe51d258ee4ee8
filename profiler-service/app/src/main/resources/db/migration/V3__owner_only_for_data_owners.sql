-- The uploader owns an upload only when they hold the data-owner role (docs/security.md); other uploads
-- have no owner until a tenant admin names one in governance.
ALTER TABLE dataset ALTER COLUMN owner DROP NOT NULL;
