//! The reader, token and options panels, the burn button with its steps,
//! and the time-sync confirmation.

use super::theme;
use crate::app::action::Action;
use crate::app::bench::{Bench, Operation};
use crate::app::readers::Readers;
use crate::app::secret_input::SecretInput;
use crate::app::state::clock_words;
use crate::app::workers::{TokenStatus, Workers};
use crate::burn::Step;
use crate::params::TokenOptions;
use crate::params::{DisplayTimeout, HmacAlgorithm, TimeStep};
use crate::protocol::TimeSync;
use crate::tr;
use eframe::egui;

pub fn readers(readers: &Readers, ui: &mut egui::Ui) -> Option<Action> {
    ui.heading("2. Reader");
    if readers.service_down {
        ui.colored_label(
            ui.visuals().error_fg_color,
            "The smart-card service is not running.",
        );
        ui.label("What to do: start pcscd (Linux: sudo systemctl start pcscd) or the Windows \"Smart Card\" service.");
        return None;
    }
    if readers.list.is_empty() {
        ui.label("No reader found. Plug in the USB NFC reader.");
        return None;
    }
    let mut chosen = readers.chosen.clone();
    ui.radio_value(&mut chosen, None, "Automatic (the reader holding a token)");
    for r in &readers.list {
        ui.radio_value(
            &mut chosen,
            Some(r.name.clone()),
            format!("{} — {}", r.name, r.state.describe()),
        );
    }
    (chosen != readers.chosen).then_some(Action::ChooseReader(chosen))
}

pub fn token(w: &Workers, ui: &mut egui::Ui) -> Option<Action> {
    ui.heading("3. Token");
    let mut action = None;
    match &w.token {
        TokenStatus::Absent => {
            ui.label("Switch the token on (press its button) and lay it on the reader.");
        }
        TokenStatus::Reading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the token…");
            });
        }
        TokenStatus::Failed(x) => super::secret::explanation(ui, x),
        TokenStatus::Known(t) => {
            egui::Grid::new("token-grid").num_columns(2).show(ui, |ui| {
                ui.label("Model");
                ui.strong(t.model_name());
                ui.end_row();
                ui.label("Serial");
                ui.monospace(&t.serial);
                ui.end_row();
                ui.label("Clock");
                ui.label(clock_words(t.clock_difference()) + " this PC");
                ui.end_row();
                if let Some(words) = &w.pc_clock {
                    ui.label("PC clock");
                    let r = ui.label(words);
                    if let Some(detail) = &w.pc_clock_detail {
                        r.on_hover_text(detail);
                    }
                    ui.end_row();
                }
                ui.label("Time sync");
                ui.label(match t.time_sync() {
                    Some(TimeSync::ErasesSecret) => "erases the secret",
                    Some(TimeSync::KeepsSecret) => "keeps the secret",
                    None => "unknown model",
                });
                ui.end_row();
            });
            // Burn sets the clock already; the separate sync (which erases
            // the secret on some models) is tucked away, red, on the right.
            egui::CollapsingHeader::new(tr!("gui-token-more"))
                .id_salt("token-more")
                .default_open(false)
                .show(ui, |ui| {
                    ui.label(tr!("gui-token-burn-sets-clock"));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        let v = ui.visuals().clone();
                        if ui
                            .add_enabled(!w.busy(), theme::danger(tr!("gui-token-sync"), &v))
                            .clicked()
                        {
                            action = Some(Action::AskSync);
                        }
                    });
                });
        }
    }
    action
}

/// The options to burn, edited in place; warns when they differ from what
/// the secret asks for.
pub fn options(o: &mut TokenOptions, secret: &SecretInput, ui: &mut egui::Ui) {
    ui.heading("Options");
    egui::ComboBox::from_label("HMAC")
        .selected_text(o.algorithm.to_string())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut o.algorithm, HmacAlgorithm::Sha1, "SHA-1");
            ui.selectable_value(&mut o.algorithm, HmacAlgorithm::Sha256, "SHA-256");
        });
    egui::ComboBox::from_label("Time step")
        .selected_text(format!("{} s", o.period.seconds()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut o.period, TimeStep::Seconds30, "30 s");
            ui.selectable_value(&mut o.period, TimeStep::Seconds60, "60 s");
        });
    egui::ComboBox::from_label("Display timeout")
        .selected_text(format!("{} s", o.display_timeout.seconds()))
        .show_ui(ui, |ui| {
            for t in DisplayTimeout::ALL {
                ui.selectable_value(&mut o.display_timeout, t, format!("{} s", t.seconds()));
            }
        });
    let differ = secret
        .intended_options()
        .filter(|&(a, p)| (a, p) != (o.algorithm, o.period));
    if let Some(wanted) = differ {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} says {}: with these options the codes will not match the service's.",
                secret_says(secret),
                pair(wanted)
            ),
        );
    }
}

/// "SHA-1 / 30 s".
fn pair((algorithm, period): (HmacAlgorithm, TimeStep)) -> String {
    format!("{algorithm} / {} s", period.seconds())
}

/// Who names the options: the link, or (a bare key) the standard.
fn secret_says(secret: &SecretInput) -> &'static str {
    match secret.chosen() {
        Some(i) if i.algorithm.is_some() || i.period.is_some() => "The link",
        Some(i) if i.issuer.is_some() || i.account.is_some() => "The link",
        _ => "The standard for a key with no link",
    }
}

/// Burn asks once when the options differ from what the secret asks for.
fn options_confirmation(bench: &Bench, ctx: &egui::Context) -> Option<Action> {
    if !bench.confirm_options {
        return None;
    }
    let Some(wanted) = bench.options_differ() else {
        return Some(Action::CancelBurn);
    };
    let chosen = pair((bench.options.algorithm, bench.options.period));
    let question = format!(
        "{} says {}; burn {chosen} anyway?",
        secret_says(&bench.secret),
        pair(wanted)
    );
    let mut action = None;
    egui::Modal::new(egui::Id::unique("options-confirm")).show(ctx, |ui| {
        ui.heading("Burn other options than the secret's?");
        ui.label(question);
        ui.label("The token's codes will not match the ones the service expects.");
        ui.horizontal(|ui| {
            if ui.button(format!("Burn {chosen} anyway")).clicked() {
                action = Some(Action::BurnConfirmed);
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                action = Some(Action::CancelBurn);
            }
        });
    });
    action
}

/// The burn button, the steps of a running burn and the last outcome
/// (with its offers: burn again, trust this PC's clock).
pub fn burn_button(bench: &Bench, w: &Workers, ui: &mut egui::Ui) -> Option<Action> {
    let mut action = options_confirmation(bench, &ui.ctx().clone());
    let blocker = bench.burn_blocker(w);
    let v = ui.visuals().clone();
    // After a burn the default is the next token, not another burn.
    let button = if bench.result.is_some() {
        egui::Button::new(egui::RichText::new(tr!("gui-burn-button")).size(18.0))
            .min_size(egui::vec2(108.0, 36.0))
    } else {
        theme::primary(tr!("gui-burn-button"), 18.0, &v)
    };
    let response = ui.add_enabled(blocker.is_none(), button);
    if let Some(b) = &blocker {
        response.on_disabled_hover_text(b.clone());
        ui.label(b);
    } else {
        if response.clicked() {
            action = Some(Action::Burn);
        }
        ui.weak(tr!("gui-burn-sets-clock"));
    }
    match &bench.operation {
        Operation::Burning { step } => {
            ui.horizontal(|ui| {
                for s in Step::ALL {
                    let done = Step::ALL.iter().position(|x| x == &s)
                        < Step::ALL.iter().position(|x| x == step);
                    let mark = if done {
                        "[x]"
                    } else if s == *step {
                        "[>]"
                    } else {
                        "·"
                    };
                    ui.label(format!("{mark} {}", s.label()));
                }
            });
        }
        Operation::Syncing => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Setting the clock…");
            });
        }
        Operation::Failed { why, .. } => {
            theme::marked_heading(ui, false, 20.0, v.error_fg_color, tr!("gui-burn-failed"));
            super::secret::explanation(ui, why);
            if bench.clock_override_offer
                && ui
                    .button("Write this PC's time anyway")
                    .on_hover_text(
                        "Only if you know this PC's clock is right and the time servers are wrong; recorded as overridden.",
                    )
                    .clicked()
            {
                action = Some(Action::BurnTrustingPcClock);
            }
            if bench.reburn_offer.is_some()
                && ui
                    .button("Burn again with a new secret")
                    .on_hover_text(
                        "Replaces the secret the records say this token holds: a user it was registered for can no longer sign in with it.",
                    )
                    .clicked()
            {
                action = Some(Action::BurnAgain);
            }
        }
        Operation::Synced(words) => {
            ui.label(egui::RichText::new(words).strong().color(v.warn_fg_color));
        }
        Operation::Idle => {}
    }
    if let Some(warning) = &bench.record_warning {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    action
}

pub fn sync_confirmation(bench: &Bench, w: &Workers, ctx: &egui::Context) -> Option<Action> {
    if !bench.confirm_sync {
        return None;
    }
    let erases = bench.sync_erases(w);
    let model = match &w.token {
        TokenStatus::Known(t) => t.model_name(),
        _ => "this token",
    };
    let mut action = None;
    egui::Modal::new(egui::Id::unique("sync-confirm")).show(ctx, |ui| {
        ui.heading("Sync the token's clock?");
        ui.label("The clock is written together with the options shown (HMAC, time step, display timeout).");
        if erases {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("On the {model}, setting the clock ERASES the secret: the token will show no code until you burn it again."),
            );
        }
        ui.label(tr!("gui-token-burn-sets-clock"));
        // Cancel first (left); the erasing sync red, on the right, never
        // the default (Enter does nothing here, Esc cancels).
        ui.horizontal(|ui| {
            if ui.button(tr!("gui-sync-cancel")).clicked() {
                action = Some(Action::CancelSync);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let v = ui.visuals().clone();
                let clicked = if erases {
                    ui.add(theme::danger(tr!("gui-sync-erase"), &v)).clicked()
                } else {
                    ui.button(tr!("gui-sync-keep")).clicked()
                };
                if clicked {
                    action = Some(Action::Sync { erase_ok: erases });
                }
            });
        });
    });
    action
}
