-- Each stored picture's smaller widths for srcset (ImageLimits.VariantWidths: 480 and 960 px), made once when it is
-- uploaded, in the picture's format. Pictures stored before this have none: they are served at their one size.
-- Deleted with their picture (by the image store, in the same statement batch).
CREATE TABLE image_variants (
    sha256 text NOT NULL REFERENCES images (sha256),
    width integer NOT NULL CHECK (width > 0),
    height integer NOT NULL CHECK (height > 0),
    data bytea NOT NULL,
    PRIMARY KEY (sha256, width)
);

-- Already compressed, as images.data.
ALTER TABLE image_variants ALTER COLUMN data SET STORAGE EXTERNAL;

-- The cleanup of unused uploads looks for old ones.
CREATE INDEX ix_images_created_at ON images (created_at);
