//! The collapsible expert log: steps, APDU headers and status words (seed
//! bytes are never in it), with a copy button.

use crate::app::action::Action;
use crate::tr;
use eframe::egui;

pub fn show(log: &crate::app::workers::ExpertLog, ui: &mut egui::Ui) -> Option<Action> {
    let mut action = None;
    egui::CollapsingHeader::new(tr!("gui-log-heading"))
        .id_salt("expert-log")
        .default_open(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button(tr!("gui-log-copy")).clicked() {
                    ui.ctx().copy_text(log.lines().join("\n"));
                }
                if ui.button(tr!("gui-log-clear")).clicked() {
                    action = Some(Action::ClearLog);
                }
            });
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .stick_to_bottom(true)
                .show(ui, |ui| {
                    for line in log.lines() {
                        ui.monospace(line);
                    }
                });
        });
    action
}
