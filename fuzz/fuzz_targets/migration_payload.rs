//! Fuzz target: `totp_burner::fuzzing::migration_payload`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::migration_payload(data));
