//! Fuzz target: `totp_burner::fuzzing::token_info`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::token_info(data));
