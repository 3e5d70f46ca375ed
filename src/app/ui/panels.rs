//! The reader, token and options panels, the burn button with its steps,
//! and the time-sync confirmation.

use crate::app::state::{BurnerApp, Operation, TokenStatus, clock_words};
use crate::burn::Step;
use crate::params::{DisplayTimeout, HmacAlgorithm, TimeStep};
use crate::protocol::TimeSync;
use eframe::egui;

pub fn readers(app: &mut BurnerApp, ui: &mut egui::Ui) {
    ui.heading("2. Reader");
    if app.readers.service_down {
        ui.colored_label(
            ui.visuals().error_fg_color,
            "The smart-card service is not running.",
        );
        ui.label("What to do: start pcscd (Linux: sudo systemctl start pcscd) or the Windows \"Smart Card\" service.");
        return;
    }
    if app.readers.list.is_empty() {
        ui.label("No reader found. Plug in the USB NFC reader.");
        return;
    }
    let mut chosen = app.readers.chosen.clone();
    ui.radio_value(&mut chosen, None, "Automatic (the reader holding a token)");
    for r in &app.readers.list {
        ui.radio_value(
            &mut chosen,
            Some(r.name.clone()),
            format!("{} — {}", r.name, r.state.describe()),
        );
    }
    if chosen != app.readers.chosen {
        app.readers.chosen = chosen;
        app.settings.reader = app.readers.chosen.clone();
    }
}

pub fn token(app: &mut BurnerApp, ui: &mut egui::Ui) {
    ui.heading("3. Token");
    match &app.token {
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
                if let Some(words) = &app.pc_clock {
                    ui.label("PC clock");
                    let r = ui.label(words);
                    if let Some(detail) = &app.pc_clock_detail {
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
            let enabled = !app.device.is_busy();
            if ui
                .add_enabled(enabled, egui::Button::new("Sync time…"))
                .clicked()
            {
                app.confirm_sync = true;
            }
        }
    }
}

pub fn options(app: &mut BurnerApp, ui: &mut egui::Ui) {
    ui.heading("Options");
    let o = &mut app.options;
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
    if let Some(wanted) = app.options_differ() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} says {}: with these options the codes will not match the service's.",
                secret_says(app),
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
fn secret_says(app: &BurnerApp) -> &'static str {
    match app.secret.chosen() {
        Some(i) if i.algorithm.is_some() || i.period.is_some() => "The link",
        Some(i) if i.issuer.is_some() || i.account.is_some() => "The link",
        _ => "The standard for a key with no link",
    }
}

/// Burn asks once when the options differ from what the secret asks for.
fn options_confirmation(app: &mut BurnerApp, ctx: &egui::Context) {
    if !app.confirm_options {
        return;
    }
    let Some(wanted) = app.options_differ() else {
        app.confirm_options = false;
        return;
    };
    let chosen = pair((app.options.algorithm, app.options.period));
    let question = format!(
        "{} says {}; burn {chosen} anyway?",
        secret_says(app),
        pair(wanted)
    );
    egui::Modal::new(egui::Id::unique("options-confirm")).show(ctx, |ui| {
        ui.heading("Burn other options than the secret's?");
        ui.label(question);
        ui.label("The token's codes will not match the ones the service expects.");
        ui.horizontal(|ui| {
            if ui.button(format!("Burn {chosen} anyway")).clicked() {
                app.burn_now();
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                app.confirm_options = false;
            }
        });
    });
}

pub fn burn_button(app: &mut BurnerApp, ui: &mut egui::Ui) {
    options_confirmation(app, &ui.ctx().clone());
    let blocker = app.burn_blocker();
    ui.horizontal(|ui| {
        let button = egui::Button::new(egui::RichText::new("Burn (Enter)").size(20.0))
            .min_size(egui::vec2(180.0, 40.0));
        let response = ui.add_enabled(blocker.is_none(), button);
        if let Some(b) = &blocker {
            response.on_disabled_hover_text(b.clone());
            ui.label(b);
        } else if response.clicked() {
            app.start_burn();
        }
    });
    match &app.operation {
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
            super::secret::explanation(ui, why);
            if app.clock_override_offer
                && ui
                    .button("Write this PC's time anyway")
                    .on_hover_text(
                        "Only if you know this PC's clock is right and the time servers are wrong; recorded as overridden.",
                    )
                    .clicked()
            {
                app.burn_trusting_pc_clock();
            }
            if app.reburn_offer.is_some()
                && ui
                    .button("Burn again with a new secret")
                    .on_hover_text(
                        "Replaces the secret the records say this token holds: a user it was registered for can no longer sign in with it.",
                    )
                    .clicked()
            {
                app.burn_again();
            }
        }
        Operation::Synced(words) => {
            ui.label(words);
        }
        Operation::Idle => {}
    }
    if let Some(w) = &app.record_warning {
        ui.colored_label(ui.visuals().warn_fg_color, w);
    }
}

pub fn sync_confirmation(app: &mut BurnerApp, ctx: &egui::Context) {
    if !app.confirm_sync {
        return;
    }
    let erases = app.sync_erases();
    let model = match &app.token {
        TokenStatus::Known(t) => t.model_name(),
        _ => "this token",
    };
    egui::Modal::new(egui::Id::unique("sync-confirm")).show(ctx, |ui| {
        ui.heading("Sync the token's clock?");
        ui.label("The clock is written together with the options shown (HMAC, time step, display timeout).");
        if erases {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("On the {model}, setting the clock ERASES the secret: the token will show no code until you burn it again."),
            );
        }
        ui.horizontal(|ui| {
            let label = if erases { "Sync and erase the secret" } else { "Sync the clock" };
            if ui.button(label).clicked() {
                app.start_sync(erases);
            }
            if ui.button("Cancel").clicked() {
                app.confirm_sync = false;
            }
        });
    });
}
