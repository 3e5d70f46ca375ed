//! The desktop app alone, for the Windows Start-menu shortcut: a
//! GUI-subsystem program there, so no console window opens beside the
//! app. The console program `totp-burner` keeps the command line (and
//! opens the same app with `totp-burner gui`).
#![cfg_attr(windows, windows_subsystem = "windows")]
#![forbid(unsafe_code)]

fn main() {
    totp_burner::process_start();
    std::process::exit(totp_burner::cli::gui_main_with_args(std::env::args_os()));
}
