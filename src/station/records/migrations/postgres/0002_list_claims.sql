-- Which user-list row belongs to which operation, as appended events (see
-- the SQLite file's migration 2); a server starts empty, so nothing older
-- is carried over here (`records import` brings a file's history).
CREATE TABLE list_claims (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time BIGINT NOT NULL,
    station TEXT NOT NULL,
    list_id TEXT NOT NULL,
    list_row BIGINT NOT NULL,
    op_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('claim', 'release'))
);
CREATE INDEX list_claims_list ON list_claims(list_id, list_row);
CREATE UNIQUE INDEX list_claims_once ON list_claims(op_id, kind);
CREATE TRIGGER list_claims_append_only BEFORE UPDATE OR DELETE ON list_claims
    FOR EACH ROW EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER list_claims_no_truncate BEFORE TRUNCATE ON list_claims
    FOR EACH STATEMENT EXECUTE FUNCTION totp_burner_append_only();
