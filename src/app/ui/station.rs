//! The station view: choose where secrets come from, start, then lay
//! tokens on the reader one after another; a large green or red result
//! after each, "lift the token", next.

use crate::app::action::Action;
use crate::app::station::{Phase, StationSource, StationState};
use crate::app::workers::Workers;
use crate::app::zeroizing_text::{no_undo, secret_field};
use eframe::egui;

pub fn show(station: &mut StationState, w: &Workers, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    let running = station.running();
    ui.heading("Provisioning station");
    ui.add_enabled_ui(!running, |ui| {
        ui.horizontal(|ui| {
            ui.radio_value(&mut station.source, StationSource::Random, "Random secrets");
            ui.radio_value(&mut station.source, StationSource::Csv, "CSV list of users");
            ui.radio_value(
                &mut station.source,
                StationSource::PerUser,
                "Each user's QR code",
            );
        });
        if station.source == StationSource::Csv {
            let label = ui.label("CSV file (upn,secret or upn per line):");
            ui.add(egui::TextEdit::singleline(&mut station.csv_path).desired_width(420.0))
                .labelled_by(label.id);
        }
        ui.checkbox(
            &mut station.keep_secrets,
            "Keep secrets (encrypted) for the Entra ID export",
        );
        if station.keep_secrets {
            // Zeroizing buffers, no undo history (Ctrl+Z brings nothing back).
            let (first, again) = (
                egui::Id::unique("station-passphrase"),
                egui::Id::unique("station-passphrase-again"),
            );
            no_undo(ui.ctx(), first);
            no_undo(ui.ctx(), again);
            let label = ui.label("Passphrase:");
            ui.add(secret_field(&mut station.passphrase, first, false))
                .labelled_by(label.id);
            let label = ui.label("Passphrase again (a new records file):");
            ui.add(secret_field(&mut station.passphrase_again, again, false))
                .labelled_by(label.id);
        }
        ui.checkbox(
            &mut station.reburn,
            "Burn again with a new secret: tokens burned before get a new secret",
        );
    });
    super::panels::options(&mut station.options, &station.secret, ui);
    ui.horizontal(|ui| {
        if !running {
            if ui
                .button(egui::RichText::new("Start station").size(18.0))
                .clicked()
            {
                actions.push(Action::StartStation);
            }
        } else if ui.button("Stop after this token").clicked() {
            actions.push(Action::StopStation);
        }
    });
    if station.keep_secrets && running {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Secrets are being KEPT (encrypted) in the records for export.",
        );
    }
    if let Some(p) = &station.problem {
        ui.colored_label(ui.visuals().error_fg_color, p);
    }
    if station.shows_secret_panel() {
        ui.separator();
        actions.extend(super::secret::show(&mut station.secret, w, ui));
    }
    ui.separator();
    let (fill, text) = match &station.phase {
        Phase::Stopped => (ui.visuals().faint_bg_color, "Not started.".to_string()),
        Phase::Starting => (
            ui.visuals().faint_bg_color,
            "Opening the records…".to_string(),
        ),
        Phase::WaitingToken => (
            ui.visuals().faint_bg_color,
            format!(
                "Next: {}. Switch the token on and lay it on the reader.",
                station
                    .tiles
                    .values()
                    .next()
                    .map(|t| t.note.clone())
                    .unwrap_or_default()
            ),
        ),
        Phase::Done { ok: true, text } => (
            egui::Color32::from_rgb(30, 120, 50),
            format!("{text}\nLift the token."),
        ),
        Phase::Done { ok: false, text } => (
            egui::Color32::from_rgb(150, 30, 30),
            format!("{text}\nLift the token."),
        ),
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(16.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.label(
                egui::RichText::new(text)
                    .size(24.0)
                    .color(egui::Color32::WHITE),
            );
        });
    if station.tiles.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            for (reader, tile) in &station.tiles {
                ui.group(|ui| {
                    ui.vertical(|ui| {
                        ui.strong(reader);
                        ui.label(match &tile.phase {
                            Phase::Done { text, .. } => text.clone(),
                            _ => format!("Next: {}", tile.note),
                        });
                    });
                });
            }
        });
    }
    if let Some(n) = &station.note {
        ui.label(n);
    }
    ui.label(format!("Burned in this run: {}", station.burned));
    if let Some(s) = &station.summary {
        ui.label(format!(
            "Last run: {} burned, {} failed, {} refused as burned before{}.",
            s.burned,
            s.failed,
            s.refused,
            if s.in_doubt.is_empty() {
                String::new()
            } else {
                format!("; unfinished: {}", s.in_doubt.join(", "))
            }
        ));
    }
    egui::ScrollArea::vertical()
        .max_height(160.0)
        .id_salt("station-history")
        .show(ui, |ui| {
            for line in station.history.iter().rev() {
                ui.monospace(line);
            }
        });
    actions
}
