-- Indexes for listing manuals (issue #4). Numbered 0009 because 0008 is taken by the handovers work in parallel; the
-- runner accepts gaps.
-- The manuals of a tag.
CREATE INDEX ix_manual_tags_tag ON manual_tags (tag, manual_id);
