-- Coverage pages keep what they read on each web node (issue #18). A node may reuse what it read only while the
-- version here is the one it read first: every change to what coverage is computed from (tasks and their manual links,
-- employees, matrix cells, step templates, the manuals linked to a task, a manual owner's display name) adds one to it
-- in the same transaction as the change, by the triggers below, whatever writes it. A reader reads the version before
-- the data, so data read under a version is never older than it.

CREATE TABLE data_versions (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);

INSERT INTO data_versions (name, version) VALUES ('coverage', 1);

CREATE TRIGGER business_tasks_coverage_insert AFTER INSERT ON business_tasks
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER business_tasks_coverage_update AFTER UPDATE ON business_tasks
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER business_tasks_coverage_delete AFTER DELETE ON business_tasks
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER task_manuals_coverage_insert AFTER INSERT ON task_manuals
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER task_manuals_coverage_update AFTER UPDATE ON task_manuals
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER task_manuals_coverage_delete AFTER DELETE ON task_manuals
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER employees_coverage_insert AFTER INSERT ON employees
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER employees_coverage_update AFTER UPDATE ON employees
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER employees_coverage_delete AFTER DELETE ON employees
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER skill_cells_coverage_insert AFTER INSERT ON skill_cells
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER skill_cells_coverage_update AFTER UPDATE ON skill_cells
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER skill_cells_coverage_delete AFTER DELETE ON skill_cells
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER step_templates_coverage_insert AFTER INSERT ON step_templates
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER step_templates_coverage_update AFTER UPDATE ON step_templates
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER step_templates_coverage_delete AFTER DELETE ON step_templates
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

-- A manual counts only while a task links it (a new manual is linked by a task_manuals row, which counts itself).
CREATE TRIGGER manuals_coverage_update AFTER UPDATE ON manuals
WHEN EXISTS (SELECT 1 FROM task_manuals WHERE manual_id = new.id)
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER manuals_coverage_delete BEFORE DELETE ON manuals
WHEN EXISTS (SELECT 1 FROM task_manuals WHERE manual_id = old.id)
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;

CREATE TRIGGER users_coverage_update AFTER UPDATE OF display_name ON users
WHEN old.display_name IS NOT new.display_name
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'coverage';
END;
