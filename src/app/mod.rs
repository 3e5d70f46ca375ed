//! The desktop app (eframe/egui): the burner view, the wizard, demo mode.
//! One device worker owns the card session, one capture worker does
//! screens, files and webcams, the reader watcher feeds the reader list;
//! the UI thread only draws and sends requests.

mod bell;
pub mod capture;
mod clipboard_wipe;
pub mod demo;
pub mod device;
pub mod readers;
pub mod records;
pub mod secret_input;
pub mod settings;
pub mod state;
pub mod station;
mod ui;
pub mod zeroizing_text;

pub use state::BurnerApp;
pub use ui::SCAN_SHORTCUT;

use crate::clock::SystemClock;
use std::sync::Arc;

/// Open the window; `demo` uses the built-in virtual token.
pub fn run(demo: bool) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(if demo {
                "TOTP burner — demo"
            } else {
                "TOTP burner"
            })
            .with_inner_size([980.0, 760.0])
            .with_min_inner_size([640.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "totp-burner",
        options,
        Box::new(move |cc| {
            let settings = settings::Settings::default_path();
            Ok(Box::new(BurnerApp::new(
                &cc.egui_ctx,
                Arc::new(SystemClock),
                demo,
                settings,
            )))
        }),
    )
    .map_err(|e| e.to_string())
}
