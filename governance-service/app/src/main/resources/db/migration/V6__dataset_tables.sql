-- A dataset made of several tables: its tables (name, rows, columns, hash, keys) from dataset.profiled,
-- for lineage and data cards that cover every table. NULL for a single table.
ALTER TABLE governed_dataset ADD COLUMN tables_json text;
