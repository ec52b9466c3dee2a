-- Search (see src/Manuals.Data/Search/README.md).
-- The database's own full-text index that this script created until issue #13 is gone (0018 drops it from databases
-- that have it): search runs on each node's Lucene.Net index, fed by search_journal (0017).

-- Synonyms applied to queries: one group per row, its words separated by commas.
CREATE TABLE search_synonyms (
    id INTEGER PRIMARY KEY,
    terms TEXT NOT NULL
);

INSERT INTO search_synonyms (terms) VALUES ('PC,パソコン'), ('年末調整,年調'), ('経費精算,立替精算');
