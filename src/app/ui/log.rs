//! The collapsible expert log: steps, APDU headers and status words (seed
//! bytes are never in it), with a copy button.

use crate::app::state::BurnerApp;
use eframe::egui;

pub fn show(app: &mut BurnerApp, ui: &mut egui::Ui) {
    egui::CollapsingHeader::new("Expert log")
        .id_salt("expert-log")
        .default_open(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Copy log").clicked() {
                    ui.ctx().copy_text(app.log.join("\n"));
                }
                if ui.button("Clear log").clicked() {
                    app.log.clear();
                }
            });
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .stick_to_bottom(true)
                .show(ui, |ui| {
                    for line in &app.log {
                        ui.monospace(line);
                    }
                });
        });
}
