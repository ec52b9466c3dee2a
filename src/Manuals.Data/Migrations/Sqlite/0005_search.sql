-- Full-text search (see src/Manuals.Data/Search/README.md). The C# analyzer does all the linguistic work and stores
-- its tokens separated by spaces; FTS5 only has to split on those spaces. The 'ascii' tokenizer does exactly that:
-- every non-ASCII character is part of a token, so a token such as サーバ or 々日 is never cut or changed (unicode61
-- would classify characters with its own Unicode tables), and only ASCII letters and digits occur besides.
-- rowid is the manual id. A normal table, not a contentless one: SQLite 3.35 deletes a row from a contentless table
-- only when given its exact old tokens, and an update here is a delete and an insert in the saving transaction.
CREATE VIRTUAL TABLE search_fts USING fts5(title, tags, headings, body, tokenize = 'ascii');

-- Which revision each indexed manual is at, and which analyzer version wrote it; start-up indexes what is missing
-- or stale (a database from before this migration, or a newer analyzer).
CREATE TABLE search_documents (
    manual_id INTEGER PRIMARY KEY REFERENCES manuals (id) ON DELETE CASCADE,
    revision_number INTEGER NOT NULL,
    analyzer_version INTEGER NOT NULL
);

-- The FTS table has no foreign key; a deleted manual takes its index row with it.
CREATE TRIGGER manuals_delete_search AFTER DELETE ON manuals
BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

-- Synonyms applied to queries: one group per row, its words separated by commas.
CREATE TABLE search_synonyms (
    id INTEGER PRIMARY KEY,
    terms TEXT NOT NULL
);

INSERT INTO search_synonyms (terms) VALUES ('PC,パソコン'), ('年末調整,年調'), ('経費精算,立替精算');
