-- Each stored picture's smaller widths for srcset (ImageLimits.VariantWidths: 480 and 960 px), made once when it is
-- uploaded, in the picture's format. Pictures stored before this have none: they are served at their one size.
-- Deleted with their picture (by the image store, in the same statement batch).
CREATE TABLE image_variants (
    sha256 TEXT NOT NULL REFERENCES images (sha256),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, width)
);

-- The cleanup of unused uploads looks for old ones.
CREATE INDEX ix_images_created_at ON images (created_at);
