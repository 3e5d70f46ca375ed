//! totp-burner: burns TOTP secrets into Token2 programmable hardware tokens.
//!
//! The path of the data is visible in the modules: `secret` turns what the
//! user supplies into a [`secret::Secret`]; `burn` runs the workflow over a
//! [`card::Transport`] speaking `protocol`; `emulator` is the token's side,
//! for tests and the demo; `cli` is the command-line front end and
//! `explain` the one place where errors become words for people.
// Denied everywhere; the only exception is the Windows system sound call
// in `app::bell` (one FFI call, no pointers).
#![deny(unsafe_code)]
#![warn(missing_docs)]

/// The one reverse-DNS application id: the window's app id (Wayland) and
/// `StartupWMClass`, the `.desktop` file name and the AppStream id.
pub const APP_ID: &str = "io.github.totpburner.TotpBurner";

pub mod app;
pub mod burn;
pub mod capture;
pub mod card;
pub mod cli;
pub mod clock;
pub mod clockcheck;
pub mod dirs;
pub mod emulator;
pub mod explain;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod params;
pub mod protocol;
pub mod secret;
pub mod station;

/// When this process started (first asked; `main` asks at once), for the
/// app's start-up measurement.
pub fn process_start() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}
