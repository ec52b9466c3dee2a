-- The search journal (issue #13): every change that affects what search shows, or who may see it, appends a row in the
-- same transaction as the change; each web node's indexer applies the rows in order to its own Lucene index. No foreign
-- key to manuals: a delete row outlives its manual. An identity is allocated at INSERT but its row becomes visible at
-- COMMIT, so readers see gaps that fill later or never (a rollback): see SearchJournalCursor.
CREATE TABLE search_journal (
    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    manual_id bigint NOT NULL,
    kind text NOT NULL CHECK (kind IN ('upsert', 'delete')),
    recorded_at timestamptz NOT NULL DEFAULT now()
);

-- How far each web node has applied the journal (its watermark) and when it last said so; pruning keeps every row a
-- live node still needs.
CREATE TABLE search_nodes (
    node_id text PRIMARY KEY,
    applied_sequence bigint NOT NULL,
    seen_at timestamptz NOT NULL
);

-- Deleting a manual row, by whatever path, journals its removal (the application itself never deletes a manual).
CREATE FUNCTION manuals_delete_journal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_journal (manual_id, kind) VALUES (OLD.id, 'delete');
    RETURN NULL;
END;
$$;

CREATE TRIGGER manuals_delete_journal AFTER DELETE ON manuals
    FOR EACH ROW EXECUTE FUNCTION manuals_delete_journal();

-- An index built from the journal alone sees every manual that existed before the journal did.
INSERT INTO search_journal (manual_id, kind)
SELECT id, 'upsert' FROM manuals ORDER BY id;
