//! Fuzz target: `totp_burner::fuzzing::secret_read`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| totp_burner::fuzzing::secret_read(data));
