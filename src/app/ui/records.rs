//! The records view: search the operations by serial or UPN, filter by
//! outcome and batch, see the interrupted ones that still need their token
//! laid on again, and export (records CSV, Entra ID CSV). The searches and
//! exports run on workers (`app::records`); this only draws.

use crate::app::records::{ExportNote, ExportProblem, OutcomeFilter, RecordsProblem, RecordsState};
use crate::explain;
use crate::station::export::ExportError;
use crate::station::records::Record;
use crate::tr;
use eframe::egui;

/// The marker in front of an operation that still needs finishing (the
/// row's colour is not the only sign).
const NEEDS_FINISHING: &str = "(!) ";

pub fn show(r: &mut RecordsState, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let repaint = move || ctx.request_repaint();
    r.poll();
    if r.shown(ui.ctx().cumulative_frame_nr()) {
        r.refresh(repaint.clone());
    }
    ui.heading(tr!("gui-records-heading"));
    search_bar(r, ui, &repaint);
    match r.search_due_in() {
        Some(wait) if wait.is_zero() => r.refresh(repaint.clone()),
        Some(wait) => ui.ctx().request_repaint_after(wait),
        None => {}
    }
    if let Some(p) = &r.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem_words(p));
    }
    let unfinished = r.rows.iter().filter(|x| x.needs_finishing()).count();
    if unfinished > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{NEEDS_FINISHING}{}",
                explain::interrupted_count(unfinished)
            ),
        );
    }
    ui.add_space(4.0);
    table(r, ui);
    if r.more() && !r.searching && ui.button(tr!("gui-records-older")).clicked() {
        r.older(repaint.clone());
    }
    ui.separator();
    exports(r, ui, &repaint);
}

fn search_bar(
    r: &mut RecordsState,
    ui: &mut egui::Ui,
    repaint: &(impl Fn() + Clone + Send + Sync + 'static),
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!("gui-records-search"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut r.search)
                    .hint_text(tr!("gui-records-search-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if field.changed() {
            r.search_changed();
        }
        let before = (r.outcome, r.batch.clone());
        let outcome_label = ui.label(tr!("gui-records-outcome"));
        egui::ComboBox::from_id_salt("records-outcome")
            .selected_text(r.outcome.label())
            .show_ui(ui, |ui| {
                for o in OutcomeFilter::ALL {
                    ui.selectable_value(&mut r.outcome, o, o.label());
                }
            })
            .response
            .labelled_by(outcome_label.id);
        let batch_label = ui.label(tr!("gui-records-batch"));
        egui::ComboBox::from_id_salt("records-batch")
            .selected_text(
                r.batch
                    .clone()
                    .unwrap_or_else(|| tr!("gui-records-all-batches")),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut r.batch, None, tr!("gui-records-all-batches"));
                for b in r.batches.clone() {
                    let text = b.clone();
                    ui.selectable_value(&mut r.batch, Some(b), text);
                }
            })
            .response
            .labelled_by(batch_label.id);
        let refresh = ui.button(tr!("gui-records-refresh")).clicked();
        if refresh || before != (r.outcome, r.batch.clone()) {
            r.refresh(repaint.clone());
        }
        if r.searching {
            ui.spinner();
            ui.label(tr!("gui-records-searching"));
        }
    });
}

fn table(r: &RecordsState, ui: &mut egui::Ui) {
    if r.rows.is_empty() {
        if !r.searching && r.problem.is_none() {
            let filtered =
                !r.search.trim().is_empty() || r.outcome != OutcomeFilter::All || r.batch.is_some();
            ui.label(if filtered {
                tr!("gui-records-no-match")
            } else {
                tr!("gui-records-none")
            });
        }
        return;
    }
    // Row 0 is the header; a row needing its token again gets the warning
    // colour, faint enough to read dark or light text on.
    let mut flagged = vec![false];
    flagged.extend(r.rows.iter().map(Record::needs_finishing));
    egui::ScrollArea::horizontal()
        .id_salt("records-table")
        .show(ui, |ui| {
            egui::Grid::new("records-grid")
                .num_columns(9)
                .spacing([14.0, 4.0])
                .with_row_color(move |row, style| {
                    if flagged.get(row).copied().unwrap_or(false) {
                        Some(style.visuals.warn_fg_color.gamma_multiply(0.25))
                    } else if row % 2 == 1 {
                        Some(style.visuals.faint_bg_color)
                    } else {
                        None
                    }
                })
                .show(ui, |ui| {
                    for h in [
                        tr!("gui-col-time"),
                        tr!("gui-col-serial"),
                        tr!("gui-col-model"),
                        tr!("gui-col-operation"),
                        tr!("gui-col-outcome"),
                        tr!("gui-col-upn"),
                        tr!("gui-col-batch"),
                        tr!("gui-col-reader"),
                        tr!("gui-col-station"),
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for rec in &r.rows {
                        row(ui, rec);
                    }
                });
        });
}

fn row(ui: &mut egui::Ui, r: &Record) {
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    ui.label(crate::explain::local_time(r.time));
    ui.label(dash(&r.serial));
    ui.label(dash(&r.model));
    ui.label(explain::operation_name(r.operation));
    let outcome = explain::record_outcome(r);
    if r.needs_finishing() {
        ui.label(egui::RichText::new(format!("{NEEDS_FINISHING}{outcome}")).strong());
    } else {
        ui.label(outcome);
    }
    ui.label(dash(&r.upn));
    ui.label(dash(&r.batch));
    ui.label(&r.reader);
    ui.label(&r.station);
    ui.end_row();
}

fn exports(
    r: &mut RecordsState,
    ui: &mut egui::Ui,
    repaint: &(impl Fn() + Clone + Send + Sync + 'static),
) {
    ui.strong(tr!("gui-records-export"));
    let busy = r.exporting();
    ui.add_enabled_ui(!busy, |ui| {
        let (label, hint) = (
            tr!("gui-records-export-file"),
            tr!("gui-records-export-file-hint"),
        );
        r.export_picker.row(ui, &label, &mut r.export_path, &hint);
        ui.horizontal(|ui| {
            if ui.button(tr!("gui-records-export-records")).clicked() {
                r.export_records(repaint.clone());
            }
            ui.label(tr!("gui-records-export-records-note"));
        });
        ui.horizontal(|ui| {
            let label = ui.label(tr!("gui-passphrase"));
            ui.add(
                egui::TextEdit::singleline(&mut *r.passphrase)
                    .password(true)
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            if ui.button(tr!("gui-records-export-entra")).clicked() {
                r.export_entra(repaint.clone());
            }
            // Tokens whose code check did not match or was skipped: the
            // export takes them only when told to (the passphrase is
            // asked again: it was wiped with the first try).
            let unchecked = matches!(
                &r.export_note,
                Some(ExportNote::Failed(ExportProblem::Export(
                    ExportError::Unchecked { .. }
                )))
            );
            if unchecked && ui.button(tr!("gui-export-anyway")).clicked() {
                r.accept_unchecked = true;
                r.export_entra(repaint.clone());
            }
        });
        let label = tr!("gui-records-unassigned-file");
        let hint = tr!("gui-records-unassigned-hint");
        r.unassigned_picker
            .row(ui, &label, &mut r.unassigned_path, &hint);
        ui.label(tr!(
            "gui-records-entra-of",
            batches = r.batch.as_deref().map_or_else(
                || tr!("gui-records-every-batch"),
                |b| tr!("handout-one-batch", batch = b)
            )
        ));
    });
    if cfg!(windows) {
        ui.label(explain::export_folder_permissions());
    }
    match &r.export_note {
        None => {}
        Some(ExportNote::Running) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("gui-records-exporting"));
            });
        }
        Some(ExportNote::Records { count, path }) => {
            ui.label(explain::records_exported(*count, path));
        }
        Some(ExportNote::Entra {
            summary,
            path,
            unassigned_path,
        }) => {
            let how = explain::AssignHow::HandoutView;
            for line in explain::entra_exported(summary, path, unassigned_path.as_deref(), how) {
                ui.label(line);
            }
            if summary.written > 0 || summary.unassigned_written {
                ui.label(
                    egui::RichText::new(explain::entra_file_holds_secrets(cfg!(windows)))
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
            }
        }
        Some(ExportNote::Failed(p)) => {
            let x = export_problem_words(p);
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{} {}", x.problem, x.next_step),
            );
        }
    }
}

/// Why the records could not be searched, in the current language.
pub(crate) fn problem_words(p: &RecordsProblem) -> String {
    match p {
        RecordsProblem::NoFolder => tr!("gui-records-no-folder"),
        RecordsProblem::SearchNotStarted => tr!("gui-records-search-not-started"),
        RecordsProblem::Unreadable(e) => {
            tr!("gui-records-unreadable", error = explain::records_error(e))
        }
    }
}

/// Why an export was not written, in the current language.
fn export_problem_words(p: &ExportProblem) -> explain::Explanation {
    let x = explain::Explanation::new;
    match p {
        ExportProblem::PassphraseNeeded => x(
            tr!("gui-records-passphrase-needed"),
            tr!("gui-passphrase-needed-next"),
        ),
        ExportProblem::NoFolder => x(
            tr!("gui-records-no-folder"),
            tr!("gui-records-no-folder-next"),
        ),
        ExportProblem::NoFile => x(tr!("gui-records-no-file"), tr!("gui-records-no-file-next")),
        ExportProblem::NotStarted => x(tr!("gui-not-started"), tr!("gui-not-started-next")),
        ExportProblem::Unopenable(e) => x(
            tr!("gui-records-unopenable", error = explain::records_error(e)),
            tr!("gui-records-unopenable-next"),
        ),
        ExportProblem::Export(e) => explain::export_error(e, &tr!("gui-keep-secrets-switch")),
        ExportProblem::NobodyAssigned(n) => {
            explain::nobody_assigned(*n, explain::AssignHow::HandoutView)
        }
    }
}
