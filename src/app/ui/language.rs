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
