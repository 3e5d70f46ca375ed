//! The station's status card, readable from three metres: the state fills
//! the card (DONE green, FAILED red, ALREADY DONE amber with a drawn
//! warning sign, PLACE NEXT the panel's own colour with a border), its one
//! word bold and at least a tenth of the window high, the line that says
//! which token and what next at least half that, and the live code of the
//! token just burned (as the token shows it now, with the seconds left).
//! The state is told by the word and the mark as well as the colour.
//! Below it one small tile per reader once there are several, and above
//! it the summary of the run that ended.

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

/// How a state is drawn: its mark, its colour on the panel (tiles), and
/// the card's fill with the text on it (at least 4.5:1 in either theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// No mark (waiting, starting, stopped).
    None,
    /// ✓ drawn.
    Ok,
    /// ✗ drawn.
    Failed,
    /// ⚠ drawn (already done: this token was not burned now).
    Warning,
}

/// The card's fill and its text colour for a state.
pub fn card_colours(phase: &Phase, v: &Visuals) -> (Color32, Color32) {
    match phase {
        Phase::Done {
            ok: true,
            already: true,
            ..
        } => (CARD_AMBER, Color32::BLACK),
        Phase::Done { ok: true, .. } => (CARD_GREEN, Color32::WHITE),
        Phase::Done { ok: false, .. } => (CARD_RED, Color32::WHITE),
        Phase::Stopped | Phase::Starting | Phase::WaitingToken => (v.panel_fill, v.text_color()),
    }
}

use theme::{CARD_AMBER, CARD_GREEN, CARD_RED};

/// A phase's mark, colour (on the panel) and word.
fn word(phase: &Phase, v: &Visuals) -> (Mark, Color32, String) {
    match phase {
        Phase::Stopped => (Mark::None, v.text_color(), tr!("gui-station-stopped")),
        Phase::Starting => (Mark::None, v.text_color(), tr!("gui-station-starting")),
        Phase::WaitingToken => (Mark::None, v.text_color(), tr!("gui-station-place-next")),
        Phase::Done {
            ok: true,
            already: true,
            ..
        } => (Mark::Warning, theme::amber(v), tr!("gui-station-already")),
        Phase::Done { ok: true, .. } => (Mark::Ok, theme::success(v), tr!("gui-station-done")),
        Phase::Done { ok: false, .. } => {
            (Mark::Failed, v.error_fg_color, tr!("gui-station-failed"))
        }
    }
}

/// Draw `mark`, `size` points square, in `color`.
fn draw_mark(ui: &mut egui::Ui, mark: Mark, size: f32, color: Color32) {
    match mark {
        Mark::None => {}
        Mark::Ok => drop(theme::mark(ui, true, size, color)),
        Mark::Failed => drop(theme::mark(ui, false, size, color)),
        Mark::Warning => theme::warning_sign(ui, size, color),
    }
}

/// The card's word size for a window `height` points high: a tenth of it
/// (the next line is half that).
pub fn word_size(height: f32) -> f32 {
    (height / 10.0).clamp(28.0, 160.0)
}

/// The big card: the latest event (any reader's) and the live code, its
/// word [`word_size`] high.
pub(super) fn status_card(station: &StationState, clock: &dyn Clock, ui: &mut egui::Ui) {
    let size = word_size(ui.ctx().content_rect().height());
    status_card_sized(station, clock, size, ui);
}

/// The card with its word `size` points high (full screen: larger).
pub(super) fn status_card_sized(
    station: &StationState,
    clock: &dyn Clock,
    size: f32,
    ui: &mut egui::Ui,
) {
    let v = ui.visuals().clone();
    let (mark, _, word) = word(&station.phase, &v);
    let (fill, text) = card_colours(&station.phase, &v);
    // What happened (a sentence or two, a third of the word's size), then
    // the instruction (half of it).
    let (what, next) = match &station.phase {
        Phase::WaitingToken => {
            let last = station
                .latest_reader
                .as_ref()
                .and_then(|r| station.tiles.get(r))
                .map(|t| t.note.words())
                .unwrap_or_default();
            (
                String::new(),
                tr!("gui-station-place-next-line", next = last),
            )
        }
        Phase::Done { outcome, .. } => (outcome.words(), tr!("gui-station-lift")),
        Phase::Stopped | Phase::Starting => (String::new(), String::new()),
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(3.0, v.text_color()))
        .inner_margin(16.0)
        .corner_radius(8.0);
    frame.show(ui, |ui| {
        ui.set_min_width(ui.available_width());
        ui.horizontal(|ui| {
            draw_mark(ui, mark, size, text);
            ui.label(RichText::new(word).size(size).strong().color(text));
        });
        if !what.is_empty() {
            let what = RichText::new(what).size((size / 3.0).max(16.0)).color(text);
            ui.add(egui::Label::new(what).wrap());
        }
        if !next.trim().is_empty() {
            let next = RichText::new(next.trim()).size(size / 2.0).color(text);
            ui.add(egui::Label::new(next).wrap());
        }
        // The live code, unless it is another reader's token (its
        // tile shows it then).
        if let Some(live) = station
            .live
            .as_ref()
            .filter(|l| station.latest_reader.as_deref() == Some(l.reader.as_str()))
        {
            let heading = tr!("gui-station-live-code", serial = live.serial.as_str());
            ui.label(RichText::new(heading).size(size / 3.0).color(text));
            live_code(live, clock, size * 0.9, text, ui);
        }
    });
}

/// The code `live`'s token shows now, `size` points high, with the
/// seconds left; the window repaints once a second while it is shown.
fn live_code(live: &LiveCode, clock: &dyn Clock, size: f32, color: Color32, ui: &mut egui::Ui) {
    let codes = live.codes(clock.now());
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(super::result::grouped(&codes.current))
                .size(size)
                .monospace()
                .strong()
                .color(color),
        );
        ui.label(
            RichText::new(tr!("gui-result-seconds-left", seconds = codes.seconds_left))
                .size((size / 3.0).max(14.0))
                .color(color),
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
                        draw_mark(ui, mark, 22.0, color);
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
                        live_code(live, clock, 28.0, v.text_color(), ui);
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
            live_code(live, clock, 48.0, v.text_color(), ui);
        }
        if ui.button(tr!("gui-station-summary-dismiss")).clicked() {
            dismissed = true;
        }
    });
    dismissed
}
