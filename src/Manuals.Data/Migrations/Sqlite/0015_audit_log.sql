-- The audit log (issue #12): sign-ins, sign-outs, user, manual, template, handover changes, imports. Append-only: the
-- app never updates or deletes a row, and these triggers make the database refuse it too. No foreign key to users:
-- an entry keeps its actor's id and name whatever happens to the account later.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at TEXT NOT NULL,
    actor_user_id INTEGER NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
    method TEXT NULL,
    target_type TEXT NULL,
    target_id TEXT NULL,
    target_name TEXT NULL,
    detail TEXT NULL,
    client_address TEXT NULL
);

-- The admin page's filters, each with the id for newest-first keyset paging.
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at, id);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_user_id, id);
CREATE INDEX ix_audit_log_action ON audit_log (action, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is not allowed');
END;
