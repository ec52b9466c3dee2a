-- Company accounts (issue #12): a user signed in through Microsoft Entra ID or another OpenID Connect provider is linked
-- by the provider's stable subject (oid + tid for Entra ID, sub + issuer otherwise), never by e-mail or name.
CREATE TABLE external_logins (
    provider TEXT NOT NULL,
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_sign_in_at TEXT NOT NULL,
    PRIMARY KEY (provider, issuer, subject)
);

CREATE INDEX ix_external_logins_user ON external_logins (user_id);

-- Which directory group gives which 部署, edited by admins. A group may give several departments.
CREATE TABLE directory_group_mappings (
    id INTEGER PRIMARY KEY,
    group_id TEXT NOT NULL,
    label TEXT NULL,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    created_at TEXT NOT NULL,
    UNIQUE (group_id, department_id)
);

-- Roles and departments set by an admin by hand: the directory no longer overwrites them at sign-in.
ALTER TABLE users ADD COLUMN access_overridden INTEGER NOT NULL DEFAULT 0;
