-- The technician's check after a burn: the code the power-cycled token
-- showed, typed and compared with the burned secret's (matched or
-- mismatched), or the check skipped on purpose. Appended; an operation's
-- latest check (by id, the store's own order) is the one that counts.
CREATE TABLE code_checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    operator TEXT NOT NULL,
    station TEXT NOT NULL,
    op_id TEXT NOT NULL,
    serial TEXT,
    verdict TEXT NOT NULL CHECK (verdict IN ('matched', 'mismatched', 'skipped'))
);
CREATE INDEX code_checks_op ON code_checks(op_id, id);
CREATE TRIGGER code_checks_append_only_u BEFORE UPDATE ON code_checks
    BEGIN SELECT RAISE(ABORT, 'the code checks are append-only'); END;
CREATE TRIGGER code_checks_append_only_d BEFORE DELETE ON code_checks
    BEGIN SELECT RAISE(ABORT, 'the code checks are append-only'); END;
