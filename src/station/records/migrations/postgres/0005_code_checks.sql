-- The technician's check after a burn: the code the power-cycled token
-- showed, typed and compared with the burned secret's (matched or
-- mismatched), or the check skipped on purpose. Appended by stations in
-- their own name; an operation's latest check (by id, the store's own
-- order) is the one that counts.
CREATE TABLE code_checks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time BIGINT NOT NULL,
    operator TEXT NOT NULL,
    station TEXT NOT NULL,
    op_id TEXT NOT NULL,
    serial TEXT,
    verdict TEXT NOT NULL CHECK (verdict IN ('matched', 'mismatched', 'skipped'))
);
CREATE INDEX code_checks_op ON code_checks(op_id, id);
CREATE TRIGGER code_checks_append_only BEFORE UPDATE OR DELETE ON code_checks
    FOR EACH ROW EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER code_checks_no_truncate BEFORE TRUNCATE ON code_checks
    FOR EACH STATEMENT EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER code_checks_own_name BEFORE INSERT ON code_checks
    FOR EACH ROW EXECUTE FUNCTION totp_burner_own_name();
REVOKE ALL ON code_checks FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT SELECT, INSERT ON code_checks TO %I', totp_burner_station_role());
END
$$;
