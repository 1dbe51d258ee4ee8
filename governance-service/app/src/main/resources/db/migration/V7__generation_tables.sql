-- A generation on a dataset of several tables: every table it wrote (name, rows, columns, hash, bytes)
-- from generation.completed, for lineage and data cards that cover every output table. NULL for one table.
ALTER TABLE governed_generation ADD COLUMN tables_json text;
