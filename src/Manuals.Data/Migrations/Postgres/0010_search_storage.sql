-- How the search index is stored (issue #4, search p95 at 100,000 manuals; see src/Manuals.Data/Search/README.md).
-- GIN collects new entries in a pending list that every search reads in full until the list is merged into the index
-- (at 4 MB, by autovacuum, or after a rebuild). A title has a few lexemes, so its index takes them directly: a save
-- costs a few index insertions more, and a search no longer reads a list of recent titles (3 ms at 100,000 manuals
-- right after a rebuild). The document index keeps its pending list (a save adds hundreds of lexemes); a rebuild
-- builds a new index at the end anyway.
ALTER INDEX ix_search_documents_title SET (fastupdate = off);

SELECT gin_clean_pending_list('ix_search_documents_title');

-- A document's tsvector (about 9 KB) is stored out of line, and PostgreSQL's compression never gains the 25 % it asks
-- for on it, so trying costs every save and rebuild a compression pass for nothing. EXTERNAL keeps it out of line,
-- uncompressed, without trying. (Rows already written stay as they are; they were not compressed either.)
ALTER TABLE search_documents ALTER COLUMN document SET STORAGE EXTERNAL;
