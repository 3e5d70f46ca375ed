-- Station logins and their privileges exist only on a records server
-- (PostgreSQL migration 3); a file on one PC has one owner. Nothing to do:
-- the number keeps the two schemas' versions in step.
SELECT 1;
