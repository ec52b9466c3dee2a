-- Images pasted into manuals, stored content-addressed in the database (a database backup is a full backup), and which
-- manuals refer to which image in any of their revisions (for the access decision when an image is served).
CREATE TABLE images (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    width integer NOT NULL CHECK (width > 0),
    height integer NOT NULL CHECK (height > 0),
    byte_length integer NOT NULL CHECK (byte_length > 0),
    data bytea NOT NULL,
    created_at timestamptz NOT NULL,
    created_by bigint NULL REFERENCES users (id) ON DELETE SET NULL
);

-- The bytes are stored as they are: images are already compressed, so TOAST compression would only cost CPU.
ALTER TABLE images ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE manual_images (
    manual_id bigint NOT NULL REFERENCES manuals (id) ON DELETE CASCADE,
    sha256 text NOT NULL REFERENCES images (sha256),
    PRIMARY KEY (manual_id, sha256)
);

CREATE INDEX ix_manual_images_sha256 ON manual_images (sha256);
