-- Which user-list row belongs to which operation, as appended events: a
-- row is taken while one of its claims has no release. A claim is written
-- in the same transaction as its operation's started record; a release in
-- the same transaction as an outcome that left the token untouched.
CREATE TABLE list_claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    station TEXT NOT NULL,
    list_id TEXT NOT NULL,
    list_row INTEGER NOT NULL,
    op_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('claim', 'release'))
);
CREATE INDEX list_claims_list ON list_claims(list_id, list_row);
-- An operation claims one row once and gives it back at most once.
CREATE UNIQUE INDEX list_claims_once ON list_claims(op_id, kind);
CREATE TRIGGER list_claims_append_only_u BEFORE UPDATE ON list_claims
    BEGIN SELECT RAISE(ABORT, 'list claims are append-only'); END;
CREATE TRIGGER list_claims_append_only_d BEFORE DELETE ON list_claims
    BEGIN SELECT RAISE(ABORT, 'list claims are append-only'); END;
-- Rows started or burned before claims existed stay taken: one claim per
-- operation that named a row (older rows without an operation id each
-- count as one).
INSERT INTO list_claims (time, station, list_id, list_row, op_id, kind)
    SELECT MIN(time), MIN(station), list_id, list_row, COALESCE(op_id, 'legacy-' || id), 'claim'
    FROM records
    WHERE operation = 'burn' AND list_id IS NOT NULL AND list_row IS NOT NULL
    GROUP BY COALESCE(op_id, 'legacy-' || id)
    ORDER BY MIN(id);
