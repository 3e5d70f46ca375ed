//! The success state and its check (see `app/check.rs`): a ✓ header, then
//! "Switch the token off and on, then type the code it shows" with the
//! code field (focused; Enter checks) and an explicit "Skip the check".
//! The live code is shown only once there is a verdict, so the check is
//! the token's code, not the screen's: large (it scales with the window),
//! with a countdown bar and the previous and next codes. "Copy code" is
//! offered once the code matched; a mismatch lists the likely causes and
//! makes Burn again the main button.

use super::theme;
use crate::app::action::Action;
use crate::app::bench::BurnResult;
use crate::app::check::{CodeProblem, Matched, Verdict};
use crate::clock::Clock;
use crate::secret::totp::codes_at;
use crate::tr;
use eframe::egui::{self, RichText};

pub(super) fn grouped(code: &str) -> String {
    if code.len() == 6 {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

/// Where the result is shown: the wizard says what is left to do (type the
/// code into Entra) in its own words above the code, so the panel's ✓ line
/// after a match does not say it a second time there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The burner view: the ✓ line says what to do next.
    Burner,
    /// The wizard's last step: the ✓ line only confirms.
    Wizard,
}

pub fn show(
    result: Option<&mut BurnResult>,
    place: Place,
    clock: &dyn Clock,
    ui: &mut egui::Ui,
) -> Option<Action> {
    let r = result?;
    let v = ui.visuals().clone();
    let mut action = None;
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        let burned = tr!(
            "gui-result-burned",
            model = r.model,
            serial = r.serial.as_str()
        );
        // A code that did not match: the burn itself worked, but the ✓
        // would contradict the ✗ below it.
        if r.verdict == Some(Verdict::Mismatched) {
            ui.label(RichText::new(burned).size(18.0).strong());
        } else {
            theme::marked_heading(ui, true, 20.0, theme::success(&v), burned);
        }
        if let Some(label) = &r.label {
            ui.label(label);
        }
        match r.verdict {
            None => action = ask(r, ui, &v),
            Some(verdict) => {
                live_code(r, clock, ui);
                action = verdict_shown(r, verdict, place, clock, ui, &v);
            }
        }
        if let Some(e) = &r.not_recorded {
            let words = tr!(
                "gui-check-not-recorded",
                error = crate::explain::records_error(e)
            );
            ui.colored_label(v.error_fg_color, words);
        }
    });
    action
}

/// The check: the code field (Enter checks), Check, Skip the check.
fn ask(r: &mut BurnResult, ui: &mut egui::Ui, v: &egui::Visuals) -> Option<Action> {
    let mut action = None;
    let question = RichText::new(tr!("gui-check-question")).size(18.0).strong();
    ui.add(egui::Label::new(question).wrap());
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("gui-check-code-label"));
        let id = egui::Id::unique("token-code-field");
        let field = egui::TextEdit::singleline(&mut r.code)
            .id(id)
            .hint_text(tr!("gui-check-code-hint"))
            .char_limit(12)
            .desired_width(140.0)
            .font(egui::TextStyle::Monospace);
        let response = ui.add(field).labelled_by(label.id);
        // The field takes the keyboard when the result appears (the
        // technician types the digits straight away), once: a click
        // elsewhere (the secret field, for the next token) is respected.
        let asked = ui.data(|d| d.get_temp::<u64>(id)) == Some(r.id);
        if !asked {
            ui.data_mut(|d| d.insert_temp(id, r.id));
            response.request_focus();
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            action = Some(Action::CheckCode);
            // Enter on an empty or short code: the field keeps the
            // keyboard (a verdict replaces the field anyway).
            response.request_focus();
        }
        if ui
            .add(theme::primary(tr!("gui-check-button"), 16.0, v))
            .clicked()
        {
            action = Some(Action::CheckCode);
        }
        if ui
            .button(tr!("gui-check-skip"))
            .on_hover_text(tr!("gui-check-skip-hint"))
            .clicked()
        {
            action = Some(Action::SkipCheck);
        }
    });
    if let Some(p) = r.problem {
        let words = match p {
            CodeProblem::NotACode { digits } => tr!("gui-check-not-a-code", digits = digits),
            CodeProblem::CheckFirst => tr!("gui-check-first"),
        };
        ui.colored_label(v.error_fg_color, words);
    }
    action
}

/// The large live code, its countdown and its neighbours.
fn live_code(r: &BurnResult, clock: &dyn Clock, ui: &mut egui::Ui) {
    let codes = codes_at(
        &r.secret,
        r.options.algorithm,
        r.options.period,
        clock.now(),
    );
    let step = r.options.period.seconds();
    // Readable at arm's length on a full-HD screen, still whole at 800x600
    // zoomed in.
    let screen = ui.ctx().content_rect();
    let size = (ui.available_width() / 8.0)
        .min(screen.height() / 11.0)
        .clamp(36.0, 110.0);
    ui.label(
        RichText::new(grouped(&codes.current))
            .size(size)
            .monospace()
            .strong(),
    );
    let bar = ui.add(
        egui::ProgressBar::new(codes.seconds_left as f32 / step as f32)
            .desired_width((size * 5.0).min(ui.available_width()))
            .text(tr!("gui-result-seconds-left", seconds = codes.seconds_left)),
    );
    // The track's edge, seen in both themes (its fill alone is not).
    let edge = egui::Stroke::new(1.0, theme::boundary(ui.visuals().dark_mode));
    let round = bar.rect.height() / 2.0;
    ui.painter()
        .rect_stroke(bar.rect, round, edge, egui::StrokeKind::Inside);
    ui.label(tr!(
        "gui-result-neighbours",
        previous = grouped(&codes.previous),
        next = grouped(&codes.next)
    ));
}

fn verdict_shown(
    r: &BurnResult,
    verdict: Verdict,
    place: Place,
    clock: &dyn Clock,
    ui: &mut egui::Ui,
    v: &egui::Visuals,
) -> Option<Action> {
    let mut action = None;
    let next = |ui: &mut egui::Ui, primary: bool, action: &mut Option<Action>| {
        let text = tr!("gui-result-next");
        let button = if primary {
            theme::primary(text, 16.0, v)
        } else {
            egui::Button::new(text)
        };
        if ui
            .add(button)
            .on_hover_text(tr!("gui-result-next-hint"))
            .clicked()
        {
            *action = Some(Action::NextToken);
        }
    };
    match verdict {
        Verdict::Matched(which) => {
            let mut verified = match place {
                Place::Burner => tr!("gui-result-verified"),
                Place::Wizard => tr!("gui-result-verified-only"),
            };
            match which {
                Matched::Current => {}
                Matched::Previous => {
                    verified = format!("{verified} {}", tr!("gui-check-was-previous"))
                }
                Matched::Next => verified = format!("{verified} {}", tr!("gui-check-was-next")),
            }
            theme::marked_heading(ui, true, 15.0, theme::success(v), verified);
            ui.horizontal_wrapped(|ui| {
                next(ui, true, &mut action);
                if ui
                    .button(tr!("gui-result-copy"))
                    .on_hover_text(tr!("gui-result-copy-hint"))
                    .clicked()
                {
                    let code = codes_at(
                        &r.secret,
                        r.options.algorithm,
                        r.options.period,
                        clock.now(),
                    )
                    .current;
                    ui.ctx().copy_text(code.clone());
                    crate::app::clipboard_wipe::clear_if_unchanged(
                        zeroize::Zeroizing::new(code),
                        crate::app::clipboard_wipe::CODE_LIFETIME,
                    );
                }
            });
        }
        Verdict::Mismatched => {
            let mismatch = tr!("gui-result-mismatch");
            theme::marked_heading(ui, false, 18.0, v.error_fg_color, mismatch);
            for cause in [
                tr!("gui-result-cause-clock"),
                tr!("gui-result-cause-options"),
                tr!("gui-result-cause-token"),
            ] {
                ui.label(format!("• {cause}"));
            }
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add(theme::primary(tr!("gui-result-burn-again"), 16.0, v))
                    .clicked()
                {
                    action = Some(Action::Burn);
                }
                if ui.button(tr!("gui-result-check-again")).clicked() {
                    action = Some(Action::CheckAgain);
                }
                next(ui, false, &mut action);
            });
        }
        Verdict::Skipped => {
            theme::warned_heading(ui, 15.0, theme::amber(v), tr!("gui-check-skipped"));
            ui.horizontal_wrapped(|ui| {
                next(ui, true, &mut action);
                if ui.button(tr!("gui-check-now")).clicked() {
                    action = Some(Action::CheckAgain);
                }
            });
        }
    }
    action
}
