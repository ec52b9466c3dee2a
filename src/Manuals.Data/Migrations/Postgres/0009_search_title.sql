-- Indexes for listing manuals (issue #4). Numbered 0009 because 0008 is taken by the handovers work in parallel; the
-- runner accepts gaps.
-- Manuals newest first.
CREATE INDEX ix_manuals_updated ON manuals (updated_at DESC, id DESC);

-- The manuals of a tag.
CREATE INDEX ix_manual_tags_tag ON manual_tags (tag, manual_id);
