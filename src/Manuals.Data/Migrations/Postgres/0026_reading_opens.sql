-- 既読: the latest revision each person opened of a manual assigned to them (opening is not confirming 「読みました」).
CREATE TABLE reading_opens (
    manual_id bigint NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    revision_number integer NOT NULL,
    opened_at timestamptz NOT NULL,
    PRIMARY KEY (manual_id, user_id)
);
