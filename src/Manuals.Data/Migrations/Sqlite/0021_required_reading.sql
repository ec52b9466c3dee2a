-- 重要な変更: a revision the people who must read the manual confirm again.
ALTER TABLE manual_revisions ADD COLUMN is_material INTEGER NOT NULL DEFAULT 0;

-- 必読: a manual assigned to one person or to everyone in a department (whoever is in it when asked), due on a day
-- (yyyy-MM-dd). Assigning the same person or department again moves the due date.
CREATE TABLE reading_assignments (
    id INTEGER PRIMARY KEY,
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    user_id INTEGER NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id INTEGER NULL REFERENCES departments (id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    assigned_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    assigned_at TEXT NOT NULL,
    CHECK ((user_id IS NULL) <> (department_id IS NULL))
);

CREATE UNIQUE INDEX ux_reading_assignments_user ON reading_assignments (manual_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX ux_reading_assignments_department ON reading_assignments (manual_id, department_id) WHERE department_id IS NOT NULL;
CREATE INDEX ix_reading_assignments_user ON reading_assignments (user_id);
CREATE INDEX ix_reading_assignments_department ON reading_assignments (department_id);

-- 読みました: the latest revision each person confirmed having read.
CREATE TABLE read_confirmations (
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    revision_number INTEGER NOT NULL,
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (manual_id, user_id)
);
