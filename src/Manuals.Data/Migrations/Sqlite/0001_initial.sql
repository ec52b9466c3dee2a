-- Departments, accounts and manuals with revisions. Times are UTC ISO-8601 text (see DateTimeOffsetHandler).
CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL
);

INSERT INTO departments (id, name, sort_order) VALUES
    (1, '経理・財務', 1),
    (2, '人事・労務', 2),
    (3, '総務', 3),
    (4, '法務', 4),
    (5, '情報システム', 5),
    (6, '広報', 6),
    (7, '一般事務', 7);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL,
    normalized_user_name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT NULL,
    password_hash TEXT NULL,
    security_stamp TEXT NOT NULL,
    concurrency_stamp TEXT NOT NULL,
    lockout_end TEXT NULL,
    lockout_enabled INTEGER NOT NULL DEFAULT 1,
    access_failed_count INTEGER NOT NULL DEFAULT 0,
    is_disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_departments (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    PRIMARY KEY (user_id, department_id)
);

CREATE TABLE manuals (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    visibility TEXT NOT NULL CHECK (visibility IN ('Company', 'Department')),
    status TEXT NOT NULL CHECK (status IN ('Draft', 'Published', 'Archived')),
    template TEXT NULL,
    owner_id INTEGER NULL REFERENCES users (id),
    revision_number INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX ix_manuals_department ON manuals (department_id, updated_at);

CREATE TABLE manual_tags (
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (manual_id, tag)
);

CREATE TABLE manual_revisions (
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id INTEGER NULL REFERENCES users (id),
    author_name TEXT NOT NULL,
    change_note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (manual_id, number)
);
