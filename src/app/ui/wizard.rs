//! The wizard: the burner's panels one step at a time — get the secret,
//! check it, place the token, burn, verify — over the wizard's own state.
//! One numbering only, the step bar's (the panels inside show no step
//! numbers of their own where they offer a choice); "Check it" and Burn
//! show who is enrolled and what will be written; after the token's code
//! matches, the last instruction: type it into Entra.

use super::theme;
use crate::app::action::Action;
use crate::app::wizard::{BURN, CHECK, SECRET, TOKEN, VERIFY, WizardView};
use crate::app::workers::{TokenStatus, Workers};
use crate::tr;
use eframe::egui;

/// The steps' titles, in order.
fn titles() -> [String; 5] {
    [
        tr!("gui-wizard-step-secret"),
        tr!("gui-wizard-step-check"),
        tr!("gui-wizard-step-token"),
        tr!("gui-wizard-step-burn"),
        tr!("gui-wizard-step-verify"),
    ]
}

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
        SECRET => wizard.bench.secret.chosen().is_some(),
        CHECK => true,
        TOKEN => matches!(w.token, TokenStatus::Known(_)),
        _ => wizard.bench.result.is_some(),
    }
}

pub fn show(wizard: &mut WizardView, w: &Workers, ui: &mut egui::Ui) -> Vec<Action> {
    let step = wizard.step.min(VERIFY);
    let can_go_on = can_go_on(wizard, w);
    let bench = &mut wizard.bench;
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for (i, title) in titles().into_iter().enumerate() {
            if i > 0 {
                ui.weak("›");
            }
            let text = tr!("gui-wizard-step-bar", number = i + 1, title = title);
            if i as u8 == step {
                ui.label(egui::RichText::new(text).size(16.0).strong())
            } else {
                ui.weak(text)
            };
        }
    });
    ui.separator();
    match step {
        SECRET => actions.extend(super::secret::show_headed(None, &mut bench.secret, w, ui)),
        CHECK => {
            super::enrolment::summary(bench, &w.token, ui);
            ui.add_space(6.0);
            super::panels::options(&mut bench.options, &bench.secret, ui);
        }
        TOKEN => {
            actions.extend(super::panels::readers_headed(None, &w.readers, ui));
            ui.separator();
            actions.extend(super::panels::token_headed(None, w, ui));
        }
        BURN => {
            super::enrolment::summary(bench, &w.token, ui);
            ui.add_space(6.0);
            actions.extend(super::panels::burn_button(bench, w, ui));
        }
        _ => {
            // Once the token's code matches, what is left to do comes
            // first, above the code to type.
            if bench
                .result
                .as_ref()
                .is_some_and(|r| matches!(r.verdict, Some(crate::app::check::Verdict::Matched(_))))
            {
                let finish = egui::RichText::new(tr!("gui-wizard-finish"))
                    .size(18.0)
                    .strong();
                ui.add(egui::Label::new(finish).wrap());
                ui.add_space(6.0);
            }
            let shown = bench.result.is_some();
            let (result, place) = (bench.result.as_mut(), super::result::Place::Wizard);
            actions.extend(super::result::show(result, place, &*w.clock, ui));
            if shown {
                super::panels::record_warning(bench, ui);
            }
        }
    }
    ui.separator();
    ui.horizontal(|ui| {
        if step > SECRET && step < VERIFY && ui.button(tr!("gui-wizard-back")).clicked() {
            actions.push(Action::WizardStep(step - 1));
        }
        if step < BURN {
            // The action to take now once the step is done (the secret
            // step's own is Scan screen until there is a secret).
            let text = tr!("gui-wizard-next");
            let next = if can_go_on {
                theme::primary(text, 15.0, ui.visuals())
            } else {
                egui::Button::new(text)
            };
            if ui.add_enabled(can_go_on, next).clicked() {
                actions.push(Action::WizardStep(step + 1));
            }
        }
    });
    actions
}
