-- A dataset uploaded by someone who is not a data owner has no owner until a tenant admin names one
-- (docs/security.md): only tenant admins decide on it meanwhile.
ALTER TABLE governed_dataset ALTER COLUMN owner DROP NOT NULL;
