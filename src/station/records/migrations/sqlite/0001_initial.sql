-- The records as the first versioned release has them: operations (started
-- and outcome rows), the vault's keys and the hand-outs, each append-only
-- (triggers refuse UPDATE and DELETE). Files made before schema versions
-- existed are brought up by this migration: the runner adds the columns
-- they lack first, and every statement here leaves what exists alone.
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    operator TEXT NOT NULL,
    station TEXT NOT NULL,
    reader TEXT NOT NULL,
    serial TEXT,
    model TEXT,
    operation TEXT NOT NULL,
    algorithm TEXT,
    period INTEGER,
    display_timeout INTEGER,
    outcome TEXT NOT NULL,
    error TEXT,
    batch TEXT,
    upn TEXT,
    secret_enc BLOB,
    key_id INTEGER,
    op_id TEXT,
    error_code TEXT,
    token_state TEXT,
    list_id TEXT,
    list_row INTEGER,
    flags TEXT
);
CREATE INDEX IF NOT EXISTS records_serial ON records(serial);
CREATE INDEX IF NOT EXISTS records_op ON records(op_id);
CREATE INDEX IF NOT EXISTS records_list ON records(list_id, list_row);
CREATE TABLE IF NOT EXISTS vault_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    wrapped_identity BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS records_append_only_u BEFORE UPDATE ON records
    BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS records_append_only_d BEFORE DELETE ON records
    BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS vault_keys_append_only_u BEFORE UPDATE ON vault_keys
    BEGIN SELECT RAISE(ABORT, 'vault keys are append-only'); END;
CREATE TRIGGER IF NOT EXISTS vault_keys_append_only_d BEFORE DELETE ON vault_keys
    BEGIN SELECT RAISE(ABORT, 'vault keys are append-only'); END;
CREATE TABLE IF NOT EXISTS assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    operator TEXT NOT NULL,
    station TEXT NOT NULL,
    serial TEXT NOT NULL,
    upn TEXT NOT NULL,
    reader TEXT
);
CREATE INDEX IF NOT EXISTS assignments_serial ON assignments(serial);
CREATE TRIGGER IF NOT EXISTS assignments_append_only_u BEFORE UPDATE ON assignments
    BEGIN SELECT RAISE(ABORT, 'assignments are append-only'); END;
CREATE TRIGGER IF NOT EXISTS assignments_append_only_d BEFORE DELETE ON assignments
    BEGIN SELECT RAISE(ABORT, 'assignments are append-only'); END;
