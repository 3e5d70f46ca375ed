//! The desktop app (eframe/egui): the burner view, the wizard, the station,
//! the records, demo mode. Each view owns its state (`burner`, `wizard`,
//! `station`, `records`); they share one handle to the workers
//! (`workers`): one device worker owns the card session, one capture
//! worker does screens, files and webcams, the reader watcher feeds the
//! reader list. Panels return actions (`action`) that the shell (`state`)
//! applies; the UI thread only draws and sends requests.

pub mod action;
mod bell;
pub mod bench;
pub mod burner;
pub mod capture;
pub mod check;
mod clipboard_wipe;
pub mod demo;
pub mod device;
pub mod error_box;
pub mod handout;
pub mod path_picker;
pub mod readers;
pub mod records;
pub mod renderer;
pub mod secret_input;
pub mod settings;
pub mod state;
pub mod station;
mod station_result;
mod station_start;
pub mod store_choice;
mod ui;
mod view_opened;
mod widget_map;
pub mod wizard;
pub mod workers;
pub mod zeroizing_text;

pub use renderer::Renderer;
pub use state::BurnerApp;
pub use ui::language::combo as language_combo;
pub use ui::{NEXT_SHORTCUT, PanelRects, SCAN_SHORTCUT, theme};

use crate::clock::SystemClock;
use std::sync::Arc;

/// The window's icon: `assets/totp-burner-64.png` (rendered from
/// `assets/totp-burner.svg`), built into the binary.
pub fn window_icon() -> eframe::egui::IconData {
    let png = include_bytes!("../../assets/totp-burner-64.png");
    match image::load_from_memory_with_format(png, image::ImageFormat::Png) {
        Ok(img) => {
            let rgba = img.into_rgba8();
            let (width, height) = rgba.dimensions();
            eframe::egui::IconData {
                rgba: rgba.into_raw(),
                width,
                height,
            }
        }
        Err(_) => eframe::egui::IconData::default(),
    }
}

/// The app's name in the current language: the start of the main window's
/// title, by which a screen scan finds the window it hides
/// (`capture::screen::hide_own_window`).
pub fn app_name() -> String {
    crate::tr!("gui-app-name")
}

/// The main window's title in the current language (the frame loop sets it
/// again when the language changes).
pub fn window_title(demo: bool) -> String {
    match demo {
        true => crate::tr!("gui-window-title-demo", name = app_name()),
        false => app_name(),
    }
}

/// Open the window; `demo` uses the built-in virtual token. `renderer`
/// (`--renderer`) or else the `renderer` setting forces one renderer;
/// otherwise wgpu, and glow where wgpu cannot start (see `renderer`).
pub fn run(demo: bool, renderer: Option<Renderer>) -> Result<(), String> {
    let settings_path = settings::Settings::default_path();
    let settings = settings::Settings::load(settings_path.clone());
    // The chosen language, before anything is drawn.
    settings.apply_language();
    let forced = renderer.or(settings.renderer);
    renderer::run_with_fallback(forced, |r, wgpu_failure| {
        let note = renderer::started_note(r, forced.is_some(), wgpu_failure);
        let (chosen, failure) = (forced.is_some(), wgpu_failure.map(String::from));
        let settings_path = settings_path.clone();
        eframe::run_native(
            "totp-burner",
            native_options(demo, r),
            Box::new(move |cc| {
                let mut app =
                    BurnerApp::new(&cc.egui_ctx, Arc::new(SystemClock), demo, settings_path);
                app.workers.note_event(&note);
                app.workers
                    .log
                    .push(move || renderer::started_words(r, chosen, failure.as_deref()));
                widget_map::install(&cc.egui_ctx);
                Ok(Box::new(app))
            }),
        )
    })
    .map_err(|e| e.to_string())
}

fn native_options(demo: bool, renderer: Renderer) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(window_title(demo))
            .with_inner_size([980.0, 760.0])
            .with_min_inner_size([640.0, 480.0])
            .with_drag_and_drop(true)
            .with_app_id(crate::APP_ID)
            .with_icon(window_icon()),
        renderer: renderer.eframe(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_the_rendered_asset() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
        // Not blank: the token's body colour is in it.
        assert!(icon.rgba.chunks(4).any(|p| p[..3] == [0x1f, 0x3b, 0x57]));
    }

    #[test]
    fn the_desktop_entry_and_metainfo_use_the_one_app_id() {
        let desktop = include_str!("../../packaging/linux/io.github.totpburner.TotpBurner.desktop");
        let meta =
            include_str!("../../packaging/linux/io.github.totpburner.TotpBurner.metainfo.xml");
        assert!(desktop.contains(&format!("StartupWMClass={}", crate::APP_ID)));
        assert!(desktop.contains(&format!("Icon={}", crate::APP_ID)));
        assert!(meta.contains(&format!("<id>{}</id>", crate::APP_ID)));
        assert!(meta.contains(&format!("{}.desktop</launchable>", crate::APP_ID)));
    }
}
