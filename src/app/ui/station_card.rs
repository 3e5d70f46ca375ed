//! The station's status card, readable from three metres: about a fifth of
//! the window high, a drawn ✓ or ✗ and one word (DONE, FAILED, ALREADY
//! DONE in amber, PLACE NEXT), the line that says which token and what
//! next, and the live code of the token just burned (as the token shows it
//! now, with the seconds left). Below it one small tile per reader once
//! there are several, and above it the summary of the run that ended.
//! Text in the theme's success, error or amber colour on the panel's own
//! fill, with a thick border in the same colour (readable in dark and
//! light; no white on a pale fill).

use super::theme;
use crate::app::station::{LiveCode, Phase, RunSummary, StationState};
use crate::clock::Clock;
use crate::tr;
use eframe::egui::{self, Color32, RichText, Visuals};

/// The panel's own fill with a `width` border in `color` (the text on it
/// keeps the theme's contrast, dark and light).
fn framed(v: &Visuals, width: f32, color: Color32, margin: f32) -> egui::Frame {
    egui::Frame::new()
        .fill(v.panel_fill)
        .stroke(egui::Stroke::new(width, color))
        .inner_margin(margin)
        .corner_radius(margin / 2.0)
}

/// A phase's mark (✓, ✗ or none), colour and word.
fn word(phase: &Phase, v: &Visuals) -> (Option<bool>, Color32, String) {
    match phase {
        Phase::Stopped => (None, v.text_color(), tr!("gui-station-stopped")),
        Phase::Starting => (None, v.text_color(), tr!("gui-station-starting")),
        Phase::WaitingToken => (None, v.text_color(), tr!("gui-station-place-next")),
        Phase::Done {
            ok: true,
            already: true,
            ..
        } => (Some(true), theme::amber(v), tr!("gui-station-already")),
        Phase::Done { ok: true, .. } => (Some(true), theme::success(v), tr!("gui-station-done")),
        Phase::Done { ok: false, .. } => (Some(false), v.error_fg_color, tr!("gui-station-failed")),
    }
}

/// The big card: the latest event (any reader's) and the live code.
pub(super) fn status_card(station: &StationState, clock: &dyn Clock, ui: &mut egui::Ui) {
    let v = ui.visuals().clone();
    let (mark, color, word) = word(&station.phase, &v);
    let line = match &station.phase {
        Phase::WaitingToken => {
            let next = station
                .latest_reader
                .as_ref()
                .and_then(|r| station.tiles.get(r))
                .map(|t| t.note.words())
                .unwrap_or_default();
            tr!("gui-station-place-next-line", next = next)
        }
        Phase::Done { outcome, .. } => {
            format!("{}\n{}", outcome.words(), tr!("gui-station-lift"))
        }
        Phase::Stopped | Phase::Starting => String::new(),
    };
    let height = (ui.ctx().content_rect().height() / 5.0).max(90.0);
    let size = (height * 0.45).clamp(28.0, 140.0);
    framed(&v, 4.0, color, 16.0).show(ui, |ui| {
        ui.set_min_width(ui.available_width());
        ui.set_min_height(height);
        ui.horizontal(|ui| {
            if let Some(ok) = mark {
                theme::mark(ui, ok, size, color);
            }
            ui.label(RichText::new(word).size(size).strong().color(color));
        });
        if !line.is_empty() {
            ui.label(RichText::new(line).size(20.0));
        }
        // The live code, unless it is another reader's token (its
        // tile shows it then).
        if let Some(live) = station
            .live
            .as_ref()
            .filter(|l| station.latest_reader.as_deref() == Some(l.reader.as_str()))
        {
            ui.label(
                RichText::new(tr!("gui-station-live-code", serial = live.serial.as_str()))
                    .size(20.0),
            );
            live_code(live, clock, size * 0.8, ui);
        }
    });
}

/// The code `live`'s token shows now, `size` points high, with the
/// seconds left; the window repaints once a second while it is shown.
fn live_code(live: &LiveCode, clock: &dyn Clock, size: f32, ui: &mut egui::Ui) {
    let codes = live.codes(clock.now());
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(super::result::grouped(&codes.current))
                .size(size)
                .monospace()
                .strong(),
        );
        ui.label(
            RichText::new(tr!("gui-result-seconds-left", seconds = codes.seconds_left))
                .size((size / 3.0).max(14.0)),
        );
    });
    super::repaint_next_second(ui.ctx());
}

/// One small tile per reader: its name, its state word, the last serial,
/// and the live code when the token just burned there is not the card's.
pub(super) fn tiles(station: &StationState, clock: &dyn Clock, ui: &mut egui::Ui) {
    let v = ui.visuals().clone();
    let latest = station.latest_reader.as_deref();
    ui.horizontal_wrapped(|ui| {
        for (reader, tile) in &station.tiles {
            let (mark, color, word) = word(&tile.phase, &v);
            framed(&v, 2.0, color, 8.0).show(ui, |ui| {
                ui.set_min_width(200.0);
                ui.vertical(|ui| {
                    ui.label(RichText::new(reader).strong());
                    ui.horizontal(|ui| {
                        if let Some(ok) = mark {
                            theme::mark(ui, ok, 22.0, color);
                        }
                        ui.label(RichText::new(word).size(20.0).strong().color(color));
                    });
                    ui.label(match &tile.last_serial {
                        Some(s) => tr!("gui-station-tile-last", serial = s.as_str()),
                        None => tr!("gui-station-tile-none"),
                    });
                    if let Some(live) = station
                        .live
                        .as_ref()
                        .filter(|l| l.reader == *reader && latest != Some(reader.as_str()))
                    {
                        live_code(live, clock, 28.0, ui);
                    }
                });
            });
        }
    });
}

/// The summary of the run that ended, with the last token's live code
/// (still counting: the operator may compare it after stopping); true
/// when it is dismissed.
pub(super) fn summary(
    s: &RunSummary,
    live: Option<&LiveCode>,
    clock: &dyn Clock,
    ui: &mut egui::Ui,
) -> bool {
    let v = ui.visuals().clone();
    let mut dismissed = false;
    framed(&v, 2.0, v.text_color(), 12.0).show(ui, |ui| {
        ui.set_min_width(ui.available_width());
        ui.label(
            RichText::new(tr!("gui-station-summary-title"))
                .size(22.0)
                .strong(),
        );
        ui.label(
            RichText::new(tr!(
                "gui-station-summary-counts",
                burned = s.burned,
                failed = s.failed,
                already = s.already
            ))
            .size(18.0),
        );
        ui.label(tr!(
            "gui-station-summary-batch",
            batch = s.batch_id.as_str()
        ));
        let took = s.ended.saturating_sub(s.started);
        ui.label(tr!(
            "gui-station-summary-span",
            start = crate::explain::local_time(s.started as i64),
            end = crate::explain::local_time(s.ended as i64),
            minutes = took / 60,
            seconds = took % 60
        ));
        if !s.in_doubt.is_empty() {
            ui.colored_label(
                v.error_fg_color,
                tr!(
                    "gui-station-summary-in-doubt",
                    serials = s.in_doubt.join(", ")
                ),
            );
        }
        let next = match (s.burned, s.per_user, s.kept_secrets) {
            (0, _, _) => tr!("gui-station-summary-next-nothing"),
            (_, true, _) => tr!("gui-station-summary-next-per-user"),
            (_, false, true) => tr!("gui-station-summary-next-export"),
            (_, false, false) => tr!("gui-station-summary-next-not-kept"),
        };
        ui.label(RichText::new(next).strong());
        if let Some(live) = live {
            ui.label(
                RichText::new(tr!("gui-station-live-code", serial = live.serial.as_str()))
                    .size(20.0),
            );
            live_code(live, clock, 48.0, ui);
        }
        if ui.button(tr!("gui-station-summary-dismiss")).clicked() {
            dismissed = true;
        }
    });
    dismissed
}
