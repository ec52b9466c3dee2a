-- How the search index is stored (issue #4, search p95 at 100,000 manuals; see src/Manuals.Data/Search/README.md).
-- A one-character query (経) is an FTS5 prefix query, and without a prefix index FTS5 builds its doclist by merging
-- the doclists of every token that starts with that character (about 83,000 manuals for 経) on every statement.
-- prefix = '1' keeps those doclists ready-made: one more index entry per token when a manual is written.
-- FTS5 cannot add a prefix index to an existing table, so the table is recreated and its rows copied (the tokens are
-- stored, nothing is analysed again; about half a minute at 100,000 manuals). The delete trigger names the table and
-- goes and comes back with it.
DROP TRIGGER manuals_delete_search;

CREATE VIRTUAL TABLE search_fts_prefixed USING fts5(title, tags, headings, body, tokenize = 'ascii', prefix = '1');

INSERT INTO search_fts_prefixed (search_fts_prefixed, rank) VALUES ('automerge', 0);

-- FTS5 writes what a transaction adds as a new segment when the transaction ends or its pending terms pass 'hashsize'
-- (1 MB by default, about 100 manuals). Batches of 200 manuals (a rebuild) then make two or more small segments each,
-- all merged again later. 64 MB is only ever taken by such large transactions (a save adds a few KB).
INSERT INTO search_fts_prefixed (search_fts_prefixed, rank) VALUES ('hashsize', 67108864);

INSERT INTO search_fts_prefixed (rowid, title, tags, headings, body)
SELECT rowid, title, tags, headings, body FROM search_fts ORDER BY rowid;

INSERT INTO search_fts_prefixed (search_fts_prefixed, rank) VALUES ('automerge', 4);

INSERT INTO search_fts_prefixed (search_fts_prefixed) VALUES ('optimize');

DROP TABLE search_fts;

ALTER TABLE search_fts_prefixed RENAME TO search_fts;

CREATE TRIGGER manuals_delete_search AFTER DELETE ON manuals
BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;
