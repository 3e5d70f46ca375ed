//! Fuzz target: `totp_burner::fuzzing::webcam_frame`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::webcam_frame(data));
