-- 理解度チェック: a manual's multiple-choice questions (choices as a JSON array of strings; correct is the index of
-- the right one), and how each reader has done: wrong attempts since the last pass, and the attempt that passed.
CREATE TABLE check_questions (
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    choices TEXT NOT NULL,
    correct INTEGER NOT NULL,
    PRIMARY KEY (manual_id, position)
);

CREATE TABLE check_results (
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    passed_on_attempt INTEGER NULL,
    passed_at TEXT NULL,
    last_attempt_at TEXT NOT NULL,
    PRIMARY KEY (manual_id, user_id)
);
