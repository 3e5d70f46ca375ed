//! Fuzz target: `totp_burner::fuzzing::otpauth_uri`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::otpauth_uri(data));
