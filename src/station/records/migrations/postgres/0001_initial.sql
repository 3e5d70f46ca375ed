-- The records on a PostgreSQL server, as migration 1 of the SQLite file
-- has them: operations (started and outcome rows), the vault's keys and
-- the hand-outs, each append-only (triggers refuse UPDATE, DELETE and
-- TRUNCATE). Row order (the identity column) decides what is latest,
-- never the stations' clocks.
CREATE FUNCTION totp_burner_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% are append-only', TG_TABLE_NAME;
END
$$;
CREATE TABLE records (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time BIGINT NOT NULL,
    operator TEXT NOT NULL,
    station TEXT NOT NULL,
    reader TEXT NOT NULL,
    serial TEXT,
    model TEXT,
    operation TEXT NOT NULL,
    algorithm TEXT,
    period BIGINT,
    display_timeout BIGINT,
    outcome TEXT NOT NULL,
    error TEXT,
    batch TEXT,
    upn TEXT,
    secret_enc BYTEA,
    key_id BIGINT,
    op_id TEXT,
    error_code TEXT,
    token_state TEXT,
    list_id TEXT,
    list_row BIGINT,
    flags TEXT
);
CREATE INDEX records_serial ON records(serial);
CREATE INDEX records_op ON records(op_id);
CREATE INDEX records_list ON records(list_id, list_row);
CREATE TABLE vault_keys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time BIGINT NOT NULL,
    recipient TEXT NOT NULL,
    wrapped_identity BYTEA NOT NULL
);
CREATE TABLE assignments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time BIGINT NOT NULL,
    operator TEXT NOT NULL,
    station TEXT NOT NULL,
    serial TEXT NOT NULL,
    upn TEXT NOT NULL,
    reader TEXT
);
CREATE INDEX assignments_serial ON assignments(serial);
CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON records
    FOR EACH ROW EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON records
    FOR EACH STATEMENT EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER vault_keys_append_only BEFORE UPDATE OR DELETE ON vault_keys
    FOR EACH ROW EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER vault_keys_no_truncate BEFORE TRUNCATE ON vault_keys
    FOR EACH STATEMENT EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER assignments_append_only BEFORE UPDATE OR DELETE ON assignments
    FOR EACH ROW EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER assignments_no_truncate BEFORE TRUNCATE ON assignments
    FOR EACH STATEMENT EXECUTE FUNCTION totp_burner_append_only();
