//! The success state and the verification: a green ✓ header, a large live
//! code (it scales with the window) with a countdown bar, the previous and
//! next codes, then the real check — "Switch the token off and on. Does it
//! show this code?" [Matches] [Doesn't match]. "Copy code" is offered only
//! once the operator says the token matches; "Doesn't match" lists the
//! likely causes. Codes come from the secret that was burned
//! (`BurnResult`), never from the secret field, which the operator may have
//! edited since.

use super::theme;
use crate::app::action::Action;
use crate::app::bench::BurnResult;
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
/// after Matches does not say it a second time there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The burner view: the ✓ line says what to do next.
    Burner,
    /// The wizard's last step: the ✓ line only confirms.
    Wizard,
}

pub fn show(
    result: Option<&BurnResult>,
    place: Place,
    clock: &dyn Clock,
    ui: &mut egui::Ui,
) -> Option<Action> {
    let r = result?;
    let now = clock.now();
    let codes = codes_at(&r.secret, r.options.algorithm, r.options.period, now);
    let step = r.options.period.seconds();
    let v = ui.visuals().clone();
    let mut action = None;
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        let burned = tr!(
            "gui-result-burned",
            model = r.model,
            serial = r.serial.as_str()
        );
        theme::marked_heading(ui, true, 22.0, theme::success(&v), burned);
        if let Some(label) = &r.label {
            ui.label(label);
        }
        // The code scales with the window: readable at arm's length on a
        // full-HD screen, still whole at 800x600 zoomed in.
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
        ui.add(
            egui::ProgressBar::new(codes.seconds_left as f32 / step as f32)
                .desired_width((size * 5.0).min(ui.available_width()))
                .text(tr!("gui-result-seconds-left", seconds = codes.seconds_left)),
        );
        ui.label(tr!(
            "gui-result-neighbours",
            previous = grouped(&codes.previous),
            next = grouped(&codes.next)
        ));
        match r.matches {
            None => {
                ui.label(
                    RichText::new(tr!("gui-result-question"))
                        .size(18.0)
                        .strong(),
                );
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .add(theme::primary(tr!("gui-result-matches"), 16.0, &v))
                        .clicked()
                    {
                        action = Some(Action::Verdict(Some(true)));
                    }
                    if ui.button(tr!("gui-result-differs")).clicked() {
                        action = Some(Action::Verdict(Some(false)));
                    }
                    if ui
                        .button(tr!("gui-result-next"))
                        .on_hover_text(tr!("gui-result-next-hint"))
                        .clicked()
                    {
                        action = Some(Action::NextToken);
                    }
                });
            }
            Some(true) => {
                let verified = match place {
                    Place::Burner => tr!("gui-result-verified"),
                    Place::Wizard => tr!("gui-result-verified-only"),
                };
                theme::marked_heading(ui, true, 15.0, theme::success(&v), verified);
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .add(theme::primary(tr!("gui-result-next"), 16.0, &v))
                        .on_hover_text(tr!("gui-result-next-hint"))
                        .clicked()
                    {
                        action = Some(Action::NextToken);
                    }
                    if ui
                        .button(tr!("gui-result-copy"))
                        .on_hover_text(tr!("gui-result-copy-hint"))
                        .clicked()
                    {
                        ui.ctx().copy_text(codes.current.clone());
                        crate::app::clipboard_wipe::clear_if_unchanged(
                            zeroize::Zeroizing::new(codes.current.clone()),
                            crate::app::clipboard_wipe::CODE_LIFETIME,
                        );
                    }
                });
            }
            Some(false) => {
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
                    if ui.button(tr!("gui-result-burn-again")).clicked() {
                        action = Some(Action::Burn);
                    }
                    if ui.button(tr!("gui-result-check-again")).clicked() {
                        action = Some(Action::Verdict(None));
                    }
                    if ui
                        .add(theme::primary(tr!("gui-result-next"), 16.0, &v))
                        .on_hover_text(tr!("gui-result-next-hint"))
                        .clicked()
                    {
                        action = Some(Action::NextToken);
                    }
                });
            }
        }
    });
    action
}
