-- Bounded search work (issue #4; see src/Manuals.Data/Search/README.md, "Bounded work per search").
-- A search joins every match it looks at to its manual for the access policy and the filters. The manuals row holds
-- the Markdown too, so that join read about one 4 KB page per match. This index holds only what the policy, the
-- filters and the ordering need (about 60 bytes a manual), so the join reads it instead of the table.
-- Numbered 0009 because 0008 is taken by the handovers work in parallel; the runner accepts gaps.
CREATE INDEX ix_manuals_search ON manuals (id, visibility, department_id, owner_id, status, template, updated_at);

-- The filter choices (tags and templates of the manuals a viewer may read) step from one distinct value to the next
-- through an index instead of reading every tag row and every manual.
CREATE INDEX ix_manual_tags_tag ON manual_tags (tag, manual_id);
