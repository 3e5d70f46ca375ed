//! The wizard: the burner's panels one step at a time — get the secret,
//! check it, place the token, burn, verify — over the wizard's own state.

use crate::app::action::Action;
use crate::app::wizard::{BURN, VERIFY, WizardView};
use crate::app::workers::{TokenStatus, Workers};
use eframe::egui;

const TITLES: [&str; 5] = [
    "Get the secret",
    "Check it",
    "Switch the token on and place it",
    "Burn",
    "Verify",
];

/// What Enter does on the wizard's step: Next when the step is done,
/// Burn on the burn step (after the burn, the shell makes it the next
/// token).
pub fn enter_action(wizard: &WizardView, w: &Workers) -> Option<Action> {
    match wizard.step {
        s if s < BURN => can_go_on(wizard, w).then_some(Action::WizardStep(s + 1)),
        BURN => Some(Action::Burn),
        _ => None,
    }
}

/// Whether the step shown is done (Next is enabled).
fn can_go_on(wizard: &WizardView, w: &Workers) -> bool {
    match wizard.step {
        0 => wizard.bench.secret.chosen().is_some(),
        1 => true,
        2 => matches!(w.token, TokenStatus::Known(_)),
        _ => wizard.bench.result.is_some(),
    }
}

pub fn show(wizard: &mut WizardView, w: &Workers, ui: &mut egui::Ui) -> Vec<Action> {
    let step = wizard.step.min(VERIFY);
    let bench = &mut wizard.bench;
    let mut actions = Vec::new();
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
            actions.extend(super::secret::show(&mut bench.secret, w, ui));
            bench.secret.chosen().is_some()
        }
        1 => {
            super::panels::options(&mut bench.options, &bench.secret, ui);
            true
        }
        2 => {
            actions.extend(super::panels::readers(&w.readers, ui));
            actions.extend(super::panels::token(w, ui));
            matches!(w.token, TokenStatus::Known(_))
        }
        BURN => {
            actions.extend(super::panels::burn_button(bench, w, ui));
            bench.result.is_some()
        }
        _ => {
            actions.extend(super::result::show(bench.result.as_ref(), &*w.clock, ui));
            false
        }
    };
    ui.separator();
    ui.horizontal(|ui| {
        if step > 0 && step < VERIFY && ui.button("Back").clicked() {
            actions.push(Action::WizardStep(step - 1));
        }
        if step < BURN
            && ui
                .add_enabled(can_go_on, egui::Button::new("Next"))
                .clicked()
        {
            actions.push(Action::WizardStep(step + 1));
        }
        if step == VERIFY && ui.button("Start over").clicked() {
            actions.push(Action::NextToken);
        }
    });
    actions
}
