//! Fuzz target: `totp_burner::fuzzing::image_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::image_file(data));
