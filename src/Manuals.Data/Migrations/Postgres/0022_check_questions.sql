-- 理解度チェック: a manual's multiple-choice questions (choices as a JSON array of strings; correct is the index of
-- the right one), and how each reader has done: wrong attempts since the last pass, and the attempt that passed.
CREATE TABLE check_questions (
    manual_id bigint NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    position integer NOT NULL,
    question text NOT NULL,
    choices text NOT NULL,
    correct integer NOT NULL,
    PRIMARY KEY (manual_id, position)
);

CREATE TABLE check_results (
    manual_id bigint NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    failed_attempts integer NOT NULL DEFAULT 0,
    passed_on_attempt integer NULL,
    passed_at timestamptz NULL,
    last_attempt_at timestamptz NOT NULL,
    PRIMARY KEY (manual_id, user_id)
);
