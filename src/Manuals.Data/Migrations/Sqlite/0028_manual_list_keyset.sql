-- Manual lists page through the database (issue #18): newest update first within a department, with the id as the
-- tie-break of the keyset, and the department tabs count readable manuals from an index that holds every column the
-- access policy looks at, without reading the manuals' text.
DROP INDEX ix_manuals_department;
CREATE INDEX ix_manuals_department ON manuals (department_id, updated_at, id);
CREATE INDEX ix_manuals_access ON manuals (department_id, visibility, status, owner_id);
-- Every department's manuals newest first (PostgreSQL has had it since 0009).
CREATE INDEX ix_manuals_updated ON manuals (updated_at, id);
