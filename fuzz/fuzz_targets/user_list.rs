//! Fuzz target: `totp_burner::fuzzing::user_list`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::user_list(data));
