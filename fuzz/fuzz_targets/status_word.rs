//! Fuzz target: `totp_burner::fuzzing::status_word`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::status_word(data));
