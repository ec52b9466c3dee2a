-- Images pasted into manuals, stored content-addressed in the database (a database backup is a full backup), and which
-- manuals refer to which image in any of their revisions (for the access decision when an image is served).
CREATE TABLE images (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    byte_length INTEGER NOT NULL CHECK (byte_length > 0),
    data BLOB NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER NULL REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE manual_images (
    manual_id INTEGER NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES images (sha256),
    PRIMARY KEY (manual_id, sha256)
);

CREATE INDEX ix_manual_images_sha256 ON manual_images (sha256);
