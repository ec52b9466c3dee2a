-- Handovers (引継ぎ): one per leaving employee, one item per task, the common items, three sign-offs and an audit trail.
-- Also adds the employee status 休職中 (OnLeave). SQLite cannot change a CHECK constraint in place, and dropping
-- employees would cascade into the matrix, so the matrix tables are set aside, employees rebuilt, and the matrix put back
-- with the same ids, all inside this migration's transaction.
CREATE TABLE employees_new (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    email TEXT NULL,
    status TEXT NOT NULL CHECK (status IN ('Active', 'TransferScheduled', 'LeavingScheduled', 'Transferred', 'Left', 'OnLeave')),
    status_date TEXT NULL,
    user_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

INSERT INTO employees_new (id, name, department_id, email, status, status_date, user_id, created_at, updated_at)
SELECT id, name, department_id, email, status, status_date, user_id, created_at, updated_at FROM employees;

CREATE TEMP TABLE skill_cells_saved AS SELECT employee_id, task_id, level, role, updated_at FROM skill_cells;
CREATE TEMP TABLE skill_changes_saved AS
SELECT id, employee_id, task_id, from_level, from_role, to_level, to_role, changed_by_id, changed_by_name, changed_at FROM skill_changes;

DROP TABLE skill_changes;
DROP TABLE skill_cells;
DROP TABLE employees;
ALTER TABLE employees_new RENAME TO employees;
CREATE INDEX ix_employees_department ON employees (department_id);

CREATE TABLE skill_cells (
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES business_tasks (id) ON DELETE CASCADE,
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
    role TEXT NOT NULL CHECK (role IN ('None', 'Primary', 'Backup')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (employee_id, task_id)
);

INSERT INTO skill_cells (employee_id, task_id, level, role, updated_at)
SELECT employee_id, task_id, level, role, updated_at FROM temp.skill_cells_saved;
CREATE INDEX ix_skill_cells_task ON skill_cells (task_id);

CREATE TABLE skill_changes (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES business_tasks (id) ON DELETE CASCADE,
    from_level INTEGER NOT NULL,
    from_role TEXT NOT NULL,
    to_level INTEGER NOT NULL,
    to_role TEXT NOT NULL,
    changed_by_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    changed_by_name TEXT NOT NULL,
    changed_at TEXT NOT NULL
);

INSERT INTO skill_changes (id, employee_id, task_id, from_level, from_role, to_level, to_role, changed_by_id, changed_by_name, changed_at)
SELECT id, employee_id, task_id, from_level, from_role, to_level, to_role, changed_by_id, changed_by_name, changed_at FROM temp.skill_changes_saved;
CREATE INDEX ix_skill_changes_task ON skill_changes (task_id, changed_at);
CREATE INDEX ix_skill_changes_employee ON skill_changes (employee_id, changed_at);

DROP TABLE temp.skill_cells_saved;
DROP TABLE temp.skill_changes_saved;

CREATE TABLE handovers (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    reason TEXT NOT NULL CHECK (reason IN ('Transfer', 'Leaving', 'LeaveOfAbsence', 'Other')),
    effective_date TEXT NOT NULL,
    manager_name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('InProgress', 'Completed')),
    version INTEGER NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    completed_at TEXT NULL
);

CREATE INDEX ix_handovers_employee ON handovers (employee_id);
CREATE INDEX ix_handovers_effective ON handovers (effective_date);

CREATE TABLE handover_items (
    handover_id INTEGER NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES business_tasks (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    basis INTEGER NOT NULL,
    successor_id INTEGER NULL REFERENCES employees (id) ON DELETE SET NULL,
    due_before TEXT NULL,
    due_after TEXT NULL,
    checks INTEGER NOT NULL DEFAULT 0 CHECK (checks BETWEEN 0 AND 15),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (handover_id, task_id)
);

CREATE TABLE handover_common_items (
    handover_id INTEGER NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (handover_id, kind)
);

CREATE TABLE handover_signatures (
    handover_id INTEGER NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('Predecessor', 'Successor', 'Manager')),
    name TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (handover_id, role)
);

CREATE TABLE handover_events (
    id INTEGER PRIMARY KEY,
    handover_id INTEGER NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    args TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE INDEX ix_handover_events_handover ON handover_events (handover_id, id);
