-- Coverage pages keep what they read on each web node (issue #18). A node may reuse what it read only while the
-- version here is the one it read first: every change to what coverage is computed from (tasks and their manual links,
-- employees, matrix cells, step templates, the manuals linked to a task, a manual owner's display name) adds one to it
-- in the same transaction as the change, by the triggers below (once per statement, so a bulk write adds one or a few), whatever writes it. A reader reads the version before
-- the data, so data read under a version is never older than it.

CREATE TABLE data_versions (
    name text PRIMARY KEY,
    version bigint NOT NULL
);

INSERT INTO data_versions (name, version) VALUES ('coverage', 1);

CREATE FUNCTION coverage_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
    RETURN NULL;
END;
$$;

CREATE TRIGGER business_tasks_coverage AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();

CREATE TRIGGER task_manuals_coverage AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_manuals
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();

CREATE TRIGGER employees_coverage AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON employees
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();

CREATE TRIGGER skill_cells_coverage AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON skill_cells
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();

CREATE TRIGGER step_templates_coverage AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON step_templates
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_version_bump();

-- A manual counts only while a task links it (a new manual is linked by a task_manuals row, which counts itself).
CREATE FUNCTION manuals_coverage_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM task_manuals WHERE manual_id = OLD.id) THEN
        UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
    END IF;
    -- Lets the delete go on when fired before it; ignored after an update.
    RETURN OLD;
END;
$$;

CREATE TRIGGER manuals_coverage AFTER UPDATE ON manuals
    FOR EACH ROW EXECUTE FUNCTION manuals_coverage_version_bump();

CREATE TRIGGER manuals_coverage_delete BEFORE DELETE ON manuals
    FOR EACH ROW EXECUTE FUNCTION manuals_coverage_version_bump();

CREATE TRIGGER users_coverage AFTER UPDATE OF display_name ON users
    FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION coverage_version_bump();
