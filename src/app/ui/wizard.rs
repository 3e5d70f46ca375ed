//! The wizard: the same state, one step at a time — get the secret, check
//! it, place the token, burn, verify.

use crate::app::state::{BurnerApp, TokenStatus, View};
use eframe::egui;

const TITLES: [&str; 5] = [
    "Get the secret",
    "Check it",
    "Switch the token on and place it",
    "Burn",
    "Verify",
];

pub fn show(app: &mut BurnerApp, ui: &mut egui::Ui, step: u8) {
    let step = step.min(4);
    ui.horizontal(|ui| {
        for (i, t) in TITLES.iter().enumerate() {
            let text = format!("{}. {t}", i + 1);
            if i as u8 == step {
                ui.strong(text)
            } else {
                ui.weak(text)
            };
        }
    });
    ui.separator();
    let can_go_on = match step {
        0 => {
            super::secret::show(app, ui);
            app.secret.chosen().is_some()
        }
        1 => {
            super::panels::options(app, ui);
            true
        }
        2 => {
            super::panels::readers(app, ui);
            super::panels::token(app, ui);
            matches!(app.token, TokenStatus::Known(_))
        }
        3 => {
            super::panels::burn_button(app, ui);
            app.result.is_some()
        }
        _ => {
            super::result::show(app, ui);
            false
        }
    };
    ui.separator();
    ui.horizontal(|ui| {
        if step > 0 && step < 4 && ui.button("Back").clicked() {
            app.view = View::Wizard(step - 1);
        }
        if step < 3
            && ui
                .add_enabled(can_go_on, egui::Button::new("Next"))
                .clicked()
        {
            app.view = View::Wizard(step + 1);
        }
        if step == 4 && ui.button("Start over").clicked() {
            app.next_token();
        }
    });
}
