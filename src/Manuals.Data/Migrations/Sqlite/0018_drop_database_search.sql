-- Search runs on each node's Lucene.Net index, fed by search_journal (0017). The database's own full-text index
-- goes: the FTS5 table, the revisions it held, the trigger that kept it in step with deletes, and the covering index
-- its join needed. Synonyms (search_synonyms) and missed searches (search_misses) stay.
DROP TRIGGER IF EXISTS manuals_delete_search;
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_fts_rebuild;
DROP TABLE IF EXISTS search_documents;
DROP TABLE IF EXISTS search_documents_rebuild;
DROP INDEX IF EXISTS ix_manuals_search;
