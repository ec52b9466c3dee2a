-- Bounded search work (issue #4; see src/Manuals.Data/Search/README.md, "Bounded work per search").
-- The title's lexemes (weight A) as their own small tsvector, kept by the database from the document, with a GIN
-- index: "title matches first" asks this column instead of ranking each manual's whole document, which is stored
-- out of line (TOAST) and costs a fetch per row.
-- Numbered 0009 because 0008 is taken by the handovers work in parallel; the runner accepts gaps.
ALTER TABLE search_documents ADD COLUMN title tsvector GENERATED ALWAYS AS (ts_filter(document, '{a}')) STORED;

CREATE INDEX ix_search_documents_title ON search_documents USING gin (title);

-- "Newest first" over many matches walks the manuals from the newest and checks each against the query.
CREATE INDEX ix_manuals_updated ON manuals (updated_at DESC, id DESC);

-- The filter choices (tags and templates of the manuals a viewer may read) step from one distinct value to the next
-- through an index instead of reading every tag row and every manual.
CREATE INDEX ix_manual_tags_tag ON manual_tags (tag, manual_id);
