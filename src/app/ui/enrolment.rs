//! The wizard's enrolment summary, shown on "Check it" and again on Burn:
//! who is being enrolled (the link's account and issuer) and what will be
//! written (the secret's length in words, hash, time step, display
//! timeout, the token once it is read, the clock). The secret itself is
//! never shown here, revealed or not.

use crate::app::bench::Bench;
use crate::app::workers::TokenStatus;
use crate::params::HmacAlgorithm;
use crate::secret::SourceKind;
use crate::tr;
use eframe::egui;

/// The summary over the wizard's bench and the token on the reader.
pub fn summary(bench: &Bench, token: &TokenStatus, ui: &mut egui::Ui) {
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.label(
            egui::RichText::new(tr!("gui-wizard-summary-heading"))
                .size(17.0)
                .strong(),
        );
        let Some(info) = bench.secret.chosen() else {
            ui.label(tr!("gui-wizard-summary-no-secret"));
            return;
        };
        let o = &bench.options;
        let link = matches!(info.source, SourceKind::OtpauthUri | SourceKind::Migration);
        egui::Grid::new("wizard-summary")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.label(tr!("gui-wizard-summary-account"));
                match &info.account {
                    Some(a) => ui.strong(a),
                    None if link => ui.label(tr!("gui-wizard-summary-no-account-link")),
                    None => ui.label(tr!("gui-wizard-summary-no-account-key")),
                };
                ui.end_row();
                ui.label(tr!("gui-wizard-summary-issuer"));
                match &info.issuer {
                    Some(i) => ui.strong(i),
                    None => ui.label(tr!("gui-wizard-summary-no-issuer")),
                };
                ui.end_row();
                ui.label(tr!("gui-wizard-summary-secret"));
                ui.label(length_words(info.secret.len()));
                ui.end_row();
                ui.label(tr!("gui-wizard-summary-hash"));
                ui.label(match o.algorithm {
                    HmacAlgorithm::Sha1 => tr!("gui-wizard-summary-sha1"),
                    HmacAlgorithm::Sha256 => tr!("gui-wizard-summary-sha256"),
                });
                ui.end_row();
                ui.label(tr!("gui-wizard-summary-step"));
                ui.label(tr!("gui-wizard-seconds", seconds = o.period.seconds()));
                ui.end_row();
                ui.label(tr!("gui-wizard-summary-display"));
                let display = o.display_timeout.seconds();
                ui.label(tr!("gui-wizard-seconds", seconds = display));
                ui.end_row();
                ui.label(tr!("gui-wizard-summary-token"));
                ui.label(match token {
                    TokenStatus::Known(t) => tr!(
                        "gui-wizard-summary-token-value",
                        model = t.model_name(),
                        serial = t.serial.as_str()
                    ),
                    _ => tr!("gui-wizard-summary-no-token"),
                });
                ui.end_row();
                ui.label(tr!("gui-wizard-summary-clock"));
                ui.label(tr!("gui-wizard-summary-clock-value"));
                ui.end_row();
            });
    });
}

/// The secret's length in words: its bits, and whether that is usual.
fn length_words(bytes: usize) -> String {
    let kind = match bytes {
        0..16 => "short",
        16..=32 => "usual",
        _ => "long",
    };
    tr!("gui-wizard-summary-length", kind = kind, bits = bytes * 8)
}
