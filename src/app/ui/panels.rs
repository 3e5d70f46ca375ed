//! The reader, token and options panels, the burn button with its steps,
//! and the time-sync confirmation.

use super::theme;
use crate::app::action::Action;
use crate::app::bench::{Bench, Operation};
use crate::app::readers::Readers;
use crate::app::secret_input::SecretInput;
use crate::app::workers::{TokenStatus, Workers};
use crate::burn::Step;
use crate::params::TokenOptions;
use crate::params::{DisplayTimeout, HmacAlgorithm, TimeStep};
use crate::protocol::TimeSync;
use crate::tr;
use eframe::egui;

pub fn readers(readers: &Readers, ui: &mut egui::Ui) -> Option<Action> {
    readers_headed(Some(tr!("gui-reader-heading")), readers, ui)
}

/// The reader panel under its own heading, or none (the wizard's step bar
/// names and numbers the step instead).
pub fn readers_headed(
    heading: Option<String>,
    readers: &Readers,
    ui: &mut egui::Ui,
) -> Option<Action> {
    if let Some(h) = heading {
        ui.heading(h);
    }
    if readers.service_down {
        ui.colored_label(ui.visuals().error_fg_color, tr!("gui-reader-service-down"));
        ui.label(tr!("gui-reader-service-down-next"));
        return None;
    }
    if readers.list.is_empty() {
        ui.label(tr!("gui-reader-none"));
        return None;
    }
    let mut chosen = readers.chosen.clone();
    ui.radio_value(&mut chosen, None, tr!("gui-reader-automatic"));
    for r in &readers.list {
        ui.radio_value(
            &mut chosen,
            Some(r.name.clone()),
            tr!(
                "gui-reader-line",
                reader = r.name.as_str(),
                state = r.state.describe()
            ),
        );
    }
    (chosen != readers.chosen).then_some(Action::ChooseReader(chosen))
}

pub fn token(w: &Workers, ui: &mut egui::Ui) -> Option<Action> {
    token_headed(Some(tr!("gui-token-heading")), w, ui)
}

/// The token panel under its own heading, or none (as `readers_headed`).
pub fn token_headed(heading: Option<String>, w: &Workers, ui: &mut egui::Ui) -> Option<Action> {
    if let Some(h) = heading {
        ui.heading(h);
    }
    let mut action = None;
    match &w.token {
        TokenStatus::Absent => {
            ui.label(tr!("gui-token-absent"));
        }
        TokenStatus::Reading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("gui-token-reading"));
            });
        }
        TokenStatus::Failed(e) => super::secret::explanation(ui, &crate::explain::burn_error(e)),
        held @ TokenStatus::HeldByStation(_) => {
            let words = held.held_words().unwrap_or_default();
            ui.add(
                egui::Label::new(egui::RichText::new(words).color(ui.visuals().warn_fg_color))
                    .wrap(),
            );
        }
        TokenStatus::Known(t) => {
            egui::Grid::new("token-grid").num_columns(2).show(ui, |ui| {
                ui.label(tr!("gui-token-model"));
                ui.strong(t.model_name());
                ui.end_row();
                ui.label(tr!("gui-token-serial"));
                ui.monospace(&t.serial);
                ui.end_row();
                ui.label(tr!("gui-token-clock"));
                ui.label(clock_against_pc(t.clock_difference()));
                ui.end_row();
                if let Some((words, detail)) = w.pc_clock_words() {
                    ui.label(tr!("gui-token-pc-clock"));
                    ui.label(words).on_hover_text(detail);
                    ui.end_row();
                }
                // Said only when the records have a list (or could not say).
                if let Some((serial, known)) = &w.known_serial
                    && *serial == t.serial
                    && !matches!(known, Ok(crate::station::records::KnownSerial::NoList))
                {
                    ui.label(tr!("gui-token-known"));
                    match known {
                        Ok(k @ crate::station::records::KnownSerial::NotListed { .. }) => {
                            ui.colored_label(
                                ui.visuals().error_fg_color,
                                crate::explain::known_serial(k),
                            );
                        }
                        Ok(k) => {
                            ui.label(crate::explain::known_serial(k));
                        }
                        Err(e) => {
                            ui.label(tr!(
                                "cli-info-known-unchecked",
                                error = crate::explain::records_error(e)
                            ));
                        }
                    }
                    ui.end_row();
                }
                ui.label(tr!("gui-token-time-sync"));
                ui.label(match t.time_sync() {
                    Some(TimeSync::ErasesSecret) => tr!("gui-token-sync-erases"),
                    Some(TimeSync::KeepsSecret) => tr!("gui-token-sync-keeps"),
                    None => tr!("gui-token-sync-unknown"),
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
    ui.heading(tr!("gui-options-heading"));
    egui::ComboBox::from_label(tr!("gui-options-hmac"))
        .selected_text(o.algorithm.to_string())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut o.algorithm, HmacAlgorithm::Sha1, "SHA-1");
            ui.selectable_value(&mut o.algorithm, HmacAlgorithm::Sha256, "SHA-256");
        });
    egui::ComboBox::from_label(tr!("gui-options-time-step"))
        .selected_text(seconds(o.period.seconds()))
        .show_ui(ui, |ui| {
            for p in [TimeStep::Seconds30, TimeStep::Seconds60] {
                ui.selectable_value(&mut o.period, p, seconds(p.seconds()));
            }
        });
    egui::ComboBox::from_label(tr!("gui-options-display-timeout"))
        .selected_text(seconds(o.display_timeout.seconds()))
        .show_ui(ui, |ui| {
            for t in DisplayTimeout::ALL {
                ui.selectable_value(&mut o.display_timeout, t, seconds(t.seconds()));
            }
        });
    let differ = secret
        .intended_options()
        .filter(|&(a, p)| (a, p) != (o.algorithm, o.period));
    if let Some(wanted) = differ {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            match says_link(secret) {
                true => tr!("gui-options-differ-link", wanted = pair(wanted)),
                false => tr!("gui-options-differ-standard", wanted = pair(wanted)),
            },
        );
    }
}

/// "30 s".
fn seconds(n: u64) -> String {
    tr!("gui-options-seconds", seconds = n)
}

/// "SHA-1 / 30 s".
fn pair((algorithm, period): (HmacAlgorithm, TimeStep)) -> String {
    tr!(
        "gui-options-pair",
        algorithm = algorithm.to_string(),
        seconds = period.seconds()
    )
}

/// The token's clock against this PC's: "in step with this PC".
fn clock_against_pc(diff: i64) -> String {
    match diff {
        0 => tr!("gui-token-clock-in-step"),
        d if d < 0 => tr!("gui-token-clock-behind", seconds = d.unsigned_abs()),
        d => tr!("gui-token-clock-ahead", seconds = d),
    }
}

/// Who names the options: the link (true), or (a bare key) the standard.
fn says_link(secret: &SecretInput) -> bool {
    match secret.chosen() {
        Some(i) => {
            i.algorithm.is_some() || i.period.is_some() || i.issuer.is_some() || i.account.is_some()
        }
        None => false,
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
    let question = match says_link(&bench.secret) {
        true => tr!(
            "gui-options-confirm-link",
            wanted = pair(wanted),
            chosen = chosen.as_str()
        ),
        false => tr!(
            "gui-options-confirm-standard",
            wanted = pair(wanted),
            chosen = chosen.as_str()
        ),
    };
    let mut action = None;
    egui::Modal::new(egui::Id::unique("options-confirm")).show(ctx, |ui| {
        ui.heading(tr!("gui-options-confirm-heading"));
        ui.label(question);
        ui.label(tr!("gui-options-confirm-note"));
        ui.horizontal(|ui| {
            if ui
                .button(tr!("gui-options-confirm-burn", chosen = chosen.as_str()))
                .clicked()
            {
                action = Some(Action::BurnConfirmed);
            }
            if ui.button(tr!("gui-options-cancel")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
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
    // After a burn the default is the next token, not another burn; a
    // Burn that cannot be pressed is not drawn as the action to take.
    let button = if bench.result.is_some() || blocker.is_some() {
        egui::Button::new(egui::RichText::new(tr!("gui-burn-button")).size(18.0))
            .min_size(egui::vec2(108.0, 36.0))
    } else {
        theme::primary(tr!("gui-burn-button"), 18.0, &v)
    };
    let response = ui.add_enabled(blocker.is_none(), button);
    // One line under Burn: the last failure while it still applies, else
    // what Burn waits for (the secret's own problem is said in its panel:
    // here only where to look), else what Burn will write.
    let failed = matches!(bench.operation, Operation::Failed { .. });
    if let Some(b) = &blocker {
        response.on_disabled_hover_text(b.clone());
        if !failed {
            let secret_problem =
                bench.secret.chosen().is_none() && bench.secret.problem().is_some();
            ui.label(match secret_problem {
                true => tr!("gui-burn-needs-secret"),
                false => b.clone(),
            });
        }
    } else {
        if response.clicked() {
            action = Some(Action::Burn);
        }
        if !failed {
            ui.weak(match w.pc_clock_verified() {
                true => tr!("gui-burn-sets-clock"),
                false => tr!("gui-burn-sets-clock-unverified"),
            });
        }
    }
    match &bench.operation {
        Operation::Burning { step } => {
            ui.horizontal(|ui| {
                // Done: ticked; running: a spinner; still to come: weak.
                let current = Step::ALL.iter().position(|x| x == step);
                for (i, s) in Step::ALL.into_iter().enumerate() {
                    if Some(i) < current {
                        theme::mark(ui, true, 14.0, ui.visuals().text_color());
                        ui.label(s.label());
                    } else if Some(i) == current {
                        ui.spinner();
                        ui.strong(s.label());
                    } else {
                        ui.weak(s.label());
                    }
                }
            });
        }
        Operation::Syncing => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("gui-burn-syncing"));
            });
        }
        Operation::Failed { why, .. } => {
            theme::marked_heading(ui, false, 20.0, v.error_fg_color, tr!("gui-burn-failed"));
            super::secret::explanation(ui, &why.words());
            if bench.clock_override_offer
                && ui
                    .button(tr!("gui-burn-trust-pc"))
                    .on_hover_text(tr!("gui-burn-trust-pc-hint"))
                    .clicked()
            {
                action = Some(Action::BurnTrustingPcClock);
            }
            if bench.reburn_offer.is_some()
                && ui
                    .button(tr!("gui-burn-reburn"))
                    .on_hover_text(tr!("gui-burn-reburn-hint"))
                    .clicked()
            {
                action = Some(Action::BurnAgain);
            }
        }
        Operation::Synced(note) => {
            let words = note.words();
            ui.label(egui::RichText::new(words).strong().color(v.warn_fg_color));
        }
        Operation::Idle => {}
    }
    record_warning(bench, ui);
    action
}

/// The warning about the last burn or sync (its outcome not recorded, the
/// PC clock not verified), in the language shown now: under Burn, and
/// under the result once a burn worked.
pub fn record_warning(bench: &Bench, ui: &mut egui::Ui) {
    if let Some(warning) = bench.record_warning.words() {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
}

pub fn sync_confirmation(bench: &Bench, w: &Workers, ctx: &egui::Context) -> Option<Action> {
    if !bench.confirm_sync {
        return None;
    }
    let erases = bench.sync_erases(w);
    let erases_words = match &w.token {
        TokenStatus::Known(t) => tr!("gui-sync-erases", model = t.model_name()),
        _ => tr!("gui-sync-erases-this"),
    };
    let mut action = None;
    egui::Modal::new(egui::Id::unique("sync-confirm")).show(ctx, |ui| {
        ui.heading(tr!("gui-sync-heading"));
        ui.label(tr!("gui-sync-writes-options"));
        if erases {
            ui.colored_label(ui.visuals().error_fg_color, erases_words);
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
