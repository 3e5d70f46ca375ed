//! The verification: a large live code with a countdown bar, the previous
//! and next codes, the power-cycle instruction, copy, and "Next token".
//! Codes come from the secret that was burned (`BurnResult`), never from
//! the secret field, which the operator may have edited since.

use crate::app::action::Action;
use crate::app::bench::BurnResult;
use crate::clock::Clock;
use crate::secret::totp::codes_at;
use eframe::egui;

fn grouped(code: &str) -> String {
    if code.len() == 6 {
        format!("{} {}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

pub fn show(result: Option<&BurnResult>, clock: &dyn Clock, ui: &mut egui::Ui) -> Option<Action> {
    let r = result?;
    let now = clock.now();
    let codes = codes_at(&r.secret, r.options.algorithm, r.options.period, now);
    let step = r.options.period.seconds();
    let mut next = false;
    ui.group(|ui| {
        ui.heading("4. Verify");
        ui.label(format!(
            "Burned {} · {}{}",
            r.model,
            r.serial,
            r.label
                .as_ref()
                .map(|l| format!(" · {l}"))
                .unwrap_or_default()
        ));
        ui.label(
            egui::RichText::new(
                "Switch the token off and on, then compare: until then it shows its old code.",
            )
            .strong(),
        );
        ui.label(
            egui::RichText::new(grouped(&codes.current))
                .size(56.0)
                .monospace()
                .strong(),
        );
        ui.add(
            egui::ProgressBar::new(codes.seconds_left as f32 / step as f32)
                .desired_width(280.0)
                .text(format!("{} s left", codes.seconds_left)),
        );
        ui.label(format!(
            "previous {}   ·   next {}",
            grouped(&codes.previous),
            grouped(&codes.next)
        ));
        ui.horizontal(|ui| {
            if ui
                .button("Copy code")
                .on_hover_text("Cleared from the clipboard after 30 s")
                .clicked()
            {
                ui.ctx().copy_text(codes.current.clone());
                crate::app::clipboard_wipe::clear_if_unchanged(
                    zeroize::Zeroizing::new(codes.current.clone()),
                    crate::app::clipboard_wipe::CODE_LIFETIME,
                );
            }
            if ui
                .button("Next token")
                .on_hover_text("Forget this secret and start again")
                .clicked()
            {
                next = true;
            }
        });
    });
    next.then_some(Action::NextToken)
}
