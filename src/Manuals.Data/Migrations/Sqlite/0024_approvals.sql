-- 承認フロー: a department's approval route, 1 to 3 stages in order. A stage is approved by a role (DepartmentEditors:
-- the department's Editors; Admins) or by any one of the users named for it. No row: publishing needs no approval.
CREATE TABLE approval_stages (
    department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
    approver_kind TEXT NOT NULL CHECK (approver_kind IN ('Users', 'DepartmentEditors', 'Admins')),
    PRIMARY KEY (department_id, stage)
);

CREATE TABLE approval_stage_users (
    department_id INTEGER NOT NULL,
    stage INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (department_id, stage, user_id),
    FOREIGN KEY (department_id, stage) REFERENCES approval_stages (department_id, stage) ON DELETE CASCADE
);

-- 承認申請: the full content of the revision a writer asks to make current, on top of base_revision. It is not a
-- revision until the last stage approves it, so readers, history, search and print never see it. stages is the route
-- as it was when the request was made (users:3,5;editors;admins); tags are one per line.
CREATE TABLE approval_requests (
    id INTEGER PRIMARY KEY,
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    base_revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    visibility TEXT NOT NULL,
    status TEXT NOT NULL,
    template TEXT NULL,
    tag_lines TEXT NOT NULL,
    body TEXT NOT NULL,
    change_note TEXT NOT NULL,
    is_material INTEGER NOT NULL DEFAULT 0,
    requested_by_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    requested_by_name TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    stages TEXT NOT NULL,
    current_stage INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('Pending', 'SentBack', 'Approved', 'Withdrawn', 'Superseded')),
    closed_at TEXT NULL
);

-- At most one request of a manual waits for approval at a time.
CREATE UNIQUE INDEX ux_approval_requests_pending ON approval_requests (manual_id) WHERE state = 'Pending';
CREATE INDEX ix_approval_requests_manual ON approval_requests (manual_id);
CREATE INDEX ix_approval_requests_open ON approval_requests (state) WHERE state IN ('Pending', 'SentBack');

-- 承認 and 差し戻し, one row per stage decided; a stage is approved once at most.
CREATE TABLE approval_decisions (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES approval_requests (id) ON DELETE CASCADE,
    stage INTEGER NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('Approved', 'SentBack')),
    user_id INTEGER NULL REFERENCES users (id) ON DELETE SET NULL,
    user_name TEXT NOT NULL,
    comment TEXT NULL,
    decided_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_approval_decisions_approved ON approval_decisions (request_id, stage) WHERE decision = 'Approved';
CREATE INDEX ix_approval_decisions_request ON approval_decisions (request_id);
