-- A correction event may also be a revert: the field returns to the worker's extracted value.
-- SQLite cannot alter a CHECK constraint, so the table is rebuilt with its rows and index.
CREATE TABLE corrections_new (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    field TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('correct', 'approve', 'revert')),
    before_value TEXT NOT NULL,
    after_value TEXT NOT NULL,
    note TEXT,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO corrections_new SELECT id, org_id, document_id, version, field, action, before_value,
    after_value, note, actor, created_at FROM corrections;
DROP TABLE corrections;
ALTER TABLE corrections_new RENAME TO corrections;
CREATE INDEX corrections_document ON corrections (document_id, version);
