-- The review cycle: how often a manual must be looked at, and who last confirmed it is still right.
ALTER TABLE manuals ADD COLUMN review_interval_days integer NOT NULL DEFAULT 180;
ALTER TABLE manuals ADD COLUMN reviewed_at timestamptz NULL;
ALTER TABLE manuals ADD COLUMN reviewed_by_id bigint NULL REFERENCES users (id);
CREATE INDEX ix_manuals_owner ON manuals (owner_id);
