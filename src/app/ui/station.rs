//! The station view: choose where secrets come from, start, then lay
//! tokens on the reader one after another; the status card
//! ([`super::station_card`]) shows each result from afar, with the live
//! code of the token just burned, one tile per reader, and the summary
//! once a run ends.

use crate::app::action::Action;
use crate::app::station::{StationSource, StationState};
use crate::app::workers::Workers;
use crate::app::zeroizing_text::{no_undo, secret_field};
use crate::tr;
use eframe::egui;

pub fn show(station: &mut StationState, w: &Workers, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    let running = station.running();
    ui.heading(tr!("gui-station-title"));
    if running {
        // What a run burns is fixed when it starts: the set-up collapses to
        // one line (nothing in it can change), and the card gets the room.
        ui.add(egui::Label::new(run_line(station)).wrap());
    } else {
        settings(station, ui);
        super::panels::options(&mut station.options, &station.secret, ui);
    }
    ui.horizontal_wrapped(|ui| {
        if !running {
            let v = ui.visuals().clone();
            if ui
                .add(super::theme::primary(tr!("gui-station-start"), 18.0, &v))
                .clicked()
            {
                actions.push(Action::StartStation);
            }
        } else if ui.button(tr!("gui-station-stop")).clicked() {
            actions.push(Action::StopStation);
        }
        if ui.button(tr!("gui-station-full-screen")).clicked() {
            actions.push(Action::FullScreen(true));
        }
    });
    if station.keeps() && running {
        ui.colored_label(ui.visuals().warn_fg_color, tr!("gui-station-keeping"));
    }
    if let Some(p) = &station.problem {
        ui.colored_label(ui.visuals().error_fg_color, p.words());
    }
    if station.shows_secret_panel() {
        ui.separator();
        actions.extend(super::secret::show(&mut station.secret, w, ui));
    }
    ui.separator();
    if let Some(s) = &station.summary
        && super::station_card::summary(s, station.live.as_ref(), &*w.clock, ui)
    {
        actions.push(Action::DismissOutcome);
    }
    // Once a run ended its summary takes the card's place.
    if station.running() || station.summary.is_none() {
        super::station_card::status_card(station, &*w.clock, ui);
    }
    if station.running() && station.tiles.len() > 1 {
        super::station_card::tiles(station, &*w.clock, ui);
    }
    if let Some(n) = &station.note {
        ui.label(n.words());
    }
    ui.label(
        egui::RichText::new(tr!("gui-station-count", burned = station.burned))
            .size(20.0)
            .strong(),
    );
    egui::ScrollArea::vertical()
        .max_height(160.0)
        .id_salt("station-history")
        .show(ui, |ui| {
            for outcome in station.history.iter().rev() {
                ui.monospace(outcome.words());
            }
        });
    actions
}

/// A running station's set-up in one line: where secrets come from, the
/// options burned, whether secrets are kept.
fn run_line(station: &StationState) -> String {
    let source = match station.source {
        StationSource::Random => tr!("gui-station-source-random"),
        StationSource::Csv => tr!("gui-station-source-csv"),
        StationSource::PerUser => tr!("gui-station-source-per-user"),
    };
    let o = &station.options;
    tr!(
        "gui-station-run-line",
        source = source,
        hmac = o.algorithm.to_string(),
        step = o.period.seconds(),
        kept = if station.keeps() {
            tr!("gui-station-run-kept")
        } else {
            tr!("gui-station-run-not-kept")
        }
    )
}

/// Full screen: only the card, the counters and Stop (F11 or Esc leaves).
pub fn full_screen(station: &StationState, w: &Workers, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    // The whole screen is the card's: a sixth of its height for the word.
    let height = ui.ctx().content_rect().height();
    let size = (height / 6.0).clamp(32.0, 220.0);
    super::station_card::status_card_sized(station, &*w.clock, size, ui);
    if station.tiles.len() > 1 {
        super::station_card::tiles(station, &*w.clock, ui);
    }
    let size = size / 3.0;
    ui.label(
        egui::RichText::new(tr!(
            "gui-station-counters",
            burned = station.burned,
            failed = station.failed,
            already = station.already
        ))
        .size(size)
        .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        if station.running() && ui.button(tr!("gui-station-stop")).clicked() {
            actions.push(Action::StopStation);
        }
        if ui.button(tr!("gui-station-leave-full-screen")).clicked() {
            actions.push(Action::FullScreen(false));
        }
    });
    actions
}

/// Where secrets come from, whether they are kept, and reburning.
fn settings(station: &mut StationState, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for (source, label) in [
            (StationSource::Random, tr!("gui-station-source-random")),
            (StationSource::Csv, tr!("gui-station-source-csv")),
            (StationSource::PerUser, tr!("gui-station-source-per-user")),
        ] {
            ui.radio_value(&mut station.source, source, label);
        }
    });
    if station.source == StationSource::Csv {
        let label = tr!("gui-station-csv-file");
        station
            .csv_picker
            .row(ui, &label, &mut station.csv_path, "");
    }
    ui.checkbox(station.keeps_mut(), tr!("gui-station-keep-secrets"));
    if station.keeps() {
        // Zeroizing buffers, no undo history (Ctrl+Z brings nothing back).
        let (first, again) = (
            egui::Id::unique("station-passphrase"),
            egui::Id::unique("station-passphrase-again"),
        );
        no_undo(ui.ctx(), first);
        no_undo(ui.ctx(), again);
        let label = ui.label(tr!("gui-station-passphrase"));
        ui.add(secret_field(&mut station.passphrase, first, false))
            .labelled_by(label.id);
        let label = ui.label(tr!("gui-station-passphrase-again"));
        ui.add(secret_field(&mut station.passphrase_again, again, false))
            .labelled_by(label.id);
    } else if station.source != StationSource::PerUser {
        // Each user's own QR secret is in Entra already; a random one that
        // is not kept is known to nobody.
        ui.add(
            egui::Label::new(
                egui::RichText::new(tr!("gui-station-not-kept-warning"))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
    ui.checkbox(&mut station.reburn, tr!("gui-station-reburn"));
}
