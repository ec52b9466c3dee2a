-- Which data every node's search index must have been built from (issue #17): one row holding a random id, recorded in
-- each index's commit data. A restore, a move to another database or an admin's rebuild request writes a new id, and
-- a node whose index names another one rebuilds it from the manuals (at start, or a running node at its next sync):
-- the journal positions an index holds mean nothing in a database that was replaced.
CREATE TABLE search_index_generation (
    singleton integer PRIMARY KEY CHECK (singleton = 1),
    generation text NOT NULL
);

INSERT INTO search_index_generation (singleton, generation) VALUES (1, replace(gen_random_uuid()::text, '-', ''));
