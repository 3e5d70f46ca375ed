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
            let v = ui.visuals().clone();
            if ui
                .add(super::theme::primary(
                    crate::tr!("gui-station-start"),
                    18.0,
                    &v,
                ))
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
    status_card(&station.phase, &station.tiles, ui);
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
    ui.label(
        egui::RichText::new(crate::tr!("gui-station-count", burned = station.burned))
            .size(20.0)
            .strong(),
    );
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

/// The status card, readable from three metres: about a fifth of the
/// window high, a drawn ✓ or ✗ and one word (DONE, FAILED, ALREADY DONE in
/// amber, PLACE NEXT), then the line that says which token and what next.
/// Text in the theme's success, error or amber colour on the panel's own
/// fill, with a thick border in the same colour (readable in dark and
/// light; no white on a pale fill).
fn status_card(
    phase: &Phase,
    tiles: &std::collections::BTreeMap<String, crate::app::station::Tile>,
    ui: &mut egui::Ui,
) {
    use super::theme;
    use crate::tr;
    let v = ui.visuals().clone();
    let next = || {
        tiles
            .values()
            .next()
            .map(|t| t.note.clone())
            .unwrap_or_default()
    };
    let (mark, color, word, line) = match phase {
        Phase::Stopped => (
            None,
            v.text_color(),
            tr!("gui-station-stopped"),
            String::new(),
        ),
        Phase::Starting => (
            None,
            v.text_color(),
            tr!("gui-station-starting"),
            String::new(),
        ),
        Phase::WaitingToken => (
            None,
            v.text_color(),
            tr!("gui-station-place-next"),
            tr!("gui-station-place-next-line", next = next()),
        ),
        Phase::Done {
            ok: true,
            already: true,
            text,
        } => (
            Some(true),
            theme::amber(&v),
            tr!("gui-station-already"),
            format!("{text}\n{}", tr!("gui-station-lift")),
        ),
        Phase::Done { ok: true, text, .. } => (
            Some(true),
            theme::success(&v),
            tr!("gui-station-done"),
            format!("{text}\n{}", tr!("gui-station-lift")),
        ),
        Phase::Done {
            ok: false, text, ..
        } => (
            Some(false),
            v.error_fg_color,
            tr!("gui-station-failed"),
            format!("{text}\n{}", tr!("gui-station-lift")),
        ),
    };
    let height = (ui.ctx().content_rect().height() / 5.0).max(90.0);
    let size = (height * 0.45).clamp(28.0, 140.0);
    egui::Frame::new()
        .fill(v.panel_fill)
        .stroke(egui::Stroke::new(4.0, color))
        .inner_margin(16.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.set_min_height(height);
            ui.horizontal(|ui| {
                if let Some(ok) = mark {
                    theme::mark(ui, ok, size, color);
                }
                ui.label(egui::RichText::new(word).size(size).strong().color(color));
            });
            if !line.is_empty() {
                ui.label(egui::RichText::new(line).size(20.0));
            }
        });
}
