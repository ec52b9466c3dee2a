-- Coverage: business tasks (業務) and their manuals, employees (担当者), the skill matrix (星取表) and its history.
-- Enumerations are stored by their code names; status_date is an ISO date (yyyy-MM-dd) as text on both engines.
CREATE TABLE business_tasks (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL CHECK (frequency IN ('Daily', 'Weekly', 'Monthly', 'Quarterly', 'Yearly', 'AsNeeded')),
    timing TEXT NOT NULL DEFAULT '',
    criticality TEXT NOT NULL CHECK (criticality IN ('High', 'Medium', 'Low')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (department_id, name)
);

CREATE TABLE task_manuals (
    task_id INTEGER NOT NULL REFERENCES business_tasks (id) ON DELETE CASCADE,
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, manual_id)
);

CREATE INDEX ix_task_manuals_manual ON task_manuals (manual_id);

CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    email TEXT NULL,
    status TEXT NOT NULL CHECK (status IN ('Active', 'TransferScheduled', 'LeavingScheduled', 'Transferred', 'Left')),
    status_date TEXT NULL,
    user_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX ix_employees_department ON employees (department_id);

CREATE TABLE skill_cells (
    employee_id INTEGER NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    task_id INTEGER NOT NULL REFERENCES business_tasks (id) ON DELETE CASCADE,
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
    role TEXT NOT NULL CHECK (role IN ('None', 'Primary', 'Backup')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (employee_id, task_id)
);

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

CREATE INDEX ix_skill_changes_task ON skill_changes (task_id, changed_at);
CREATE INDEX ix_skill_changes_employee ON skill_changes (employee_id, changed_at);
