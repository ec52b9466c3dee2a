-- Search runs on each node's Lucene.Net index, fed by search_journal (0017). The database's own full-text index
-- goes: the tsvector documents with their GIN indexes and the table a rebuild fills. Synonyms (search_synonyms) and
-- missed searches (search_misses) stay.
DROP TABLE IF EXISTS search_documents_rebuild;
DROP TABLE IF EXISTS search_documents;
