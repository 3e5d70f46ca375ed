//! Helpers shared by the integration tests that run the real binary: each
//! test process gets records and settings folders of its own (records of
//! real-reader burns must never land in the user's data folder, and a
//! serial burned by an earlier test run must not be refused as "burned
//! before"), plus output as text and JSON. `gui` holds the helpers of the
//! egui_kittest binaries.
#![allow(dead_code)]

pub mod gui;
pub mod leak;
pub mod pcsc;
pub mod pg;
pub mod pseudo;
pub mod records;
pub mod relay;
pub mod station;
pub mod station_gui;
#[cfg(target_os = "linux")]
pub mod xvfb;

use std::path::PathBuf;
use std::process::{Command, Output};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_totp-burner");

/// A folder of this test process's own under the temp folder.
pub fn run_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("totp-burner-{name}-{}", std::process::id()))
}

/// The binary with this process's own records and settings folders,
/// speaking English whatever the machine's locale (tests match its words).
pub fn bin() -> Command {
    let mut c = Command::new(BIN);
    c.env("TOTP_BURNER_LANG", "en")
        .env("TOTP_BURNER_DATA_DIR", run_dir("data"))
        .env("TOTP_BURNER_CONFIG_DIR", run_dir("config"));
    c
}

/// Bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Standard output as JSON (the failure shows both streams).
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", text(&o.stdout), text(&o.stderr)))
}
