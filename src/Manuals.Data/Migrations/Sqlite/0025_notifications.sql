-- Notifications (the bell): one row per user and event; args is a JSON array of the values the wording names.
-- dedupe_key, when set, makes a reminder or digest reach each user once.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    args TEXT NOT NULL,
    url TEXT NOT NULL,
    dedupe_key TEXT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT NULL
);

CREATE INDEX ix_notifications_user ON notifications (user_id, id);
CREATE UNIQUE INDEX ux_notifications_dedupe ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

-- The kinds a user does not want by e-mail (all are on until turned off).
CREATE TABLE notification_mail_optouts (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- A department's chat channel: a Microsoft Teams or Slack incoming webhook.
CREATE TABLE department_webhooks (
    department_id INTEGER PRIMARY KEY REFERENCES departments (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('teams', 'slack')),
    url TEXT NOT NULL
);
