-- The search journal (issue #13): every change that affects what search shows, or who may see it, appends a row in the
-- same transaction as the change; each web node's indexer applies the rows in order to its own Lucene index. No foreign
-- key to manuals: a delete row outlives its manual. AUTOINCREMENT, so a sequence is never used twice, even after the
-- newest rows were pruned. Times are UTC ISO-8601 text of the fixed width DateTimeOffsetHandler writes.
CREATE TABLE search_journal (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    manual_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')),
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f', 'now') || '0000+00:00')
);

-- How far each web node has applied the journal (its watermark) and when it last said so; pruning keeps every row a
-- live node still needs.
CREATE TABLE search_nodes (
    node_id TEXT PRIMARY KEY,
    applied_sequence INTEGER NOT NULL,
    seen_at TEXT NOT NULL
);

-- Deleting a manual row, by whatever path, journals its removal (the application itself never deletes a manual).
CREATE TRIGGER manuals_delete_journal AFTER DELETE ON manuals
BEGIN
    INSERT INTO search_journal (manual_id, kind) VALUES (old.id, 'delete');
END;

-- An index built from the journal alone sees every manual that existed before the journal did.
INSERT INTO search_journal (manual_id, kind)
SELECT id, 'upsert' FROM manuals ORDER BY id;
