-- Known serials (optional): the vendor's list of the tokens bought. A
-- store with any refuses to start an operation on a serial not in it.
-- Appended by the administrator; stations only read it.
CREATE TABLE stock (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time BIGINT NOT NULL,
    station TEXT NOT NULL,
    serial TEXT NOT NULL UNIQUE,
    source TEXT
);
CREATE TRIGGER stock_append_only BEFORE UPDATE OR DELETE ON stock
    FOR EACH ROW EXECUTE FUNCTION totp_burner_append_only();
CREATE TRIGGER stock_no_truncate BEFORE TRUNCATE ON stock
    FOR EACH STATEMENT EXECUTE FUNCTION totp_burner_append_only();
REVOKE ALL ON stock FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON stock TO %I', totp_burner_station_role());
END
$$;
