-- One database login per station, each a member of the group role
-- <database>_station, which may only read and append: SELECT and INSERT on
-- the records, the list claims and the hand-outs, the schema version, and
-- of the vault's keys only the public recipient (stations seal kept
-- secrets to it; the passphrase-wrapped identity that opens them stays
-- with the administrator's login, so no station login can guess the
-- passphrase offline). No UPDATE, DELETE or TRUNCATE for anyone but the
-- owner, and the append-only triggers stop those too. A station writes in
-- its own name only: a record, claim or hand-out whose station is not the
-- login is refused.

-- The stations' group role of this database (a role name has at most 63
-- bytes: a long database name is cut, the same way everywhere).
CREATE FUNCTION totp_burner_station_role() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT left(current_database(), 50) || '_station'
$$;

DO $$
DECLARE
    station_role text := totp_burner_station_role();
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = station_role) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', station_role);
    END IF;
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), station_role);
    REVOKE ALL ON records, list_claims, assignments, vault_keys, schema_version FROM PUBLIC;
    EXECUTE format('GRANT EXECUTE ON FUNCTION totp_burner_station_role() TO %I', station_role);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', station_role);
    EXECUTE format('GRANT SELECT, INSERT ON records, list_claims, assignments TO %I', station_role);
    EXECUTE format('GRANT SELECT ON schema_version TO %I', station_role);
    EXECUTE format('GRANT SELECT (id, time, recipient) ON vault_keys TO %I', station_role);
END
$$;

CREATE FUNCTION totp_burner_own_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_has_role(session_user, totp_burner_station_role(), 'MEMBER')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
       AND session_user <> (SELECT pg_get_userbyid(datdba) FROM pg_database
                            WHERE datname = current_database())
       AND NEW.station IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'station % may only write in its own name, not %',
            session_user, NEW.station;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER records_own_name BEFORE INSERT ON records
    FOR EACH ROW EXECUTE FUNCTION totp_burner_own_name();
CREATE TRIGGER list_claims_own_name BEFORE INSERT ON list_claims
    FOR EACH ROW EXECUTE FUNCTION totp_burner_own_name();
CREATE TRIGGER assignments_own_name BEFORE INSERT ON assignments
    FOR EACH ROW EXECUTE FUNCTION totp_burner_own_name();
