-- Server-side sign-in sessions: the cookie holds only a random key; the ticket lives here, so signing out, disabling
-- a user or resetting a password ends the session at once on every node. id is the SHA-256 of the cookie's key.
-- Also the flag that makes a user change a password an admin set before doing anything else.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

CREATE TABLE sessions (
    id text PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ticket bytea NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);

CREATE INDEX ix_sessions_user ON sessions (user_id);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
