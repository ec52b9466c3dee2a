-- The audit log (issue #12): sign-ins, sign-outs, user, manual, template, handover changes, imports. Append-only: the
-- app never updates or deletes a row, and the trigger makes the database refuse UPDATE, DELETE and TRUNCATE too. No
-- foreign key to users: an entry keeps its actor's id and name whatever happens to the account later.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor_user_id bigint NULL,
    actor_name text NOT NULL,
    action text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
    method text NULL,
    target_type text NULL,
    target_id text NULL,
    target_name text NULL,
    detail text NULL,
    client_address text NULL
);

-- The admin page's filters, each with the id for newest-first keyset paging.
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at, id);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_user_id, id);
CREATE INDEX ix_audit_log_action ON audit_log (action, id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
