-- 既読: the latest revision each person opened of a manual assigned to them (opening is not confirming 「読みました」).
CREATE TABLE reading_opens (
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    revision_number INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    PRIMARY KEY (manual_id, user_id)
);
