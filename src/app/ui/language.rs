//! The language menu: "System (…)" follows the OS, or one of the shipped
//! languages by its own name. A choice takes effect at once (every text is
//! looked up when drawn) and is saved with the other settings.

use crate::app::settings::Settings;
use crate::i18n::Lang;
use crate::tr;
use eframe::egui;

/// The label and combo box; changes `settings.language` and applies it
/// (the app saves changed settings after the frame).
pub fn combo(settings: &mut Settings, ui: &mut egui::Ui) {
    let os = || crate::i18n::requested_language().native_name();
    let name = |l: Option<Lang>| match l {
        Some(l) => l.native_name().to_string(),
        None => tr!("gui-language-os", language = os()),
    };
    let before = settings.language;
    let label = ui.label(tr!("gui-language"));
    egui::ComboBox::from_id_salt("language")
        .selected_text(name(settings.language))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut settings.language, None, name(None));
            for l in Lang::ALL {
                ui.selectable_value(&mut settings.language, Some(l), name(Some(l)));
            }
        })
        .response
        .labelled_by(label.id);
    if settings.language != before {
        settings.apply_language();
        ui.ctx().request_repaint();
    }
}

/// The theme: the OS's, light or dark (remembered).
pub fn theme_combo(settings: &mut Settings, ui: &mut egui::Ui) {
    use crate::app::settings::ThemeChoice as T;
    let name = |t: Option<T>| match t {
        None => tr!("gui-theme-system"),
        Some(T::Light) => tr!("gui-theme-light"),
        Some(T::Dark) => tr!("gui-theme-dark"),
    };
    let before = settings.theme;
    let label = ui.label(tr!("gui-theme"));
    egui::ComboBox::from_id_salt("theme")
        .selected_text(name(settings.theme))
        .show_ui(ui, |ui| {
            for t in [None, Some(T::Light), Some(T::Dark)] {
                ui.selectable_value(&mut settings.theme, t, name(t));
            }
        })
        .response
        .labelled_by(label.id);
    if settings.theme != before {
        settings.apply_theme(ui.ctx());
    }
}
