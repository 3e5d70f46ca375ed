//! A file path the app reads or writes, chosen in the platform's file
//! dialog ("Choose…", see [`crate::capture::chooser`]) or typed: the
//! dialog runs on a thread of its own (the technician may take minutes;
//! the window never waits), its choice fills the field, a cancel leaves it
//! as it was, and where no dialog exists the field says so and takes the
//! keyboard for the path to be typed. Enter in the field submits it.

use crate::capture::CaptureError;
use crate::capture::chooser::{self, FileKind, FileRequest};
use crate::tr;
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The dialog: a request in, the chosen path out (`Ok(None)`: cancelled).
/// The real one is [`chooser::choose`]; tests swap it.
pub type Chooser = Arc<dyn Fn(&FileRequest) -> Result<Option<PathBuf>, CaptureError> + Send + Sync>;

/// One path field's dialog: open or save, of which kind, under what title.
pub struct PathPicker {
    open: bool,
    kind: FileKind,
    title: fn() -> String,
    name: Option<&'static str>,
    /// The dialog (tests: a fixture's).
    pub chooser: Chooser,
    waiting: Option<Receiver<Result<Option<PathBuf>, CaptureError>>>,
    /// No dialog could be shown: the path is typed instead.
    pub no_dialog: bool,
    focus: bool,
}

impl PathPicker {
    /// A picker for a file to open.
    pub fn open(kind: FileKind, title: fn() -> String) -> PathPicker {
        PathPicker::new(true, kind, title, None)
    }

    /// A picker for a file to write, suggesting `name`.
    pub fn save(kind: FileKind, title: fn() -> String, name: &'static str) -> PathPicker {
        PathPicker::new(false, kind, title, Some(name))
    }

    fn new(open: bool, kind: FileKind, title: fn() -> String, name: Option<&'static str>) -> Self {
        PathPicker {
            open,
            kind,
            title,
            name,
            chooser: Arc::new(chooser::choose),
            waiting: None,
            no_dialog: false,
            focus: false,
        }
    }

    /// Whether its dialog is open.
    pub fn waiting(&self) -> bool {
        self.waiting.is_some()
    }

    /// Open the dialog on its own thread; `repaint` wakes the window when
    /// it closes.
    pub fn ask(&mut self, repaint: impl Fn() + Send + 'static) {
        if self.waiting.is_some() {
            return;
        }
        let request = FileRequest {
            open: self.open,
            kind: self.kind,
            title: (self.title)(),
            filter: match self.kind {
                FileKind::Image => tr!("gui-secret-browse-filter"),
                FileKind::Csv => tr!("gui-dialog-filter-csv"),
                FileKind::Html => tr!("gui-dialog-filter-html"),
            },
            name: self.name.map(str::to_string),
        };
        let (tx, rx) = channel();
        let chooser = self.chooser.clone();
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let answer =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| chooser(&request)))
                        .unwrap_or_else(|_| {
                            Err(CaptureError::NoFileDialog {
                                detail: "the file dialog failed".into(),
                            })
                        });
                let _ = tx.send(answer);
                repaint();
            });
        match spawned {
            Ok(_) => self.waiting = Some(rx),
            Err(_) => {
                self.no_dialog = true;
                self.focus = true;
            }
        }
    }

    /// Take the dialog's answer into `path`, when it has come.
    pub fn poll(&mut self, path: &mut String) {
        let Some(rx) = &self.waiting else {
            return;
        };
        let answer = match rx.try_recv() {
            Ok(a) => a,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Ok(None),
        };
        self.waiting = None;
        match answer {
            Ok(Some(p)) => {
                *path = p.display().to_string();
                self.no_dialog = false;
            }
            Ok(None) => {}
            Err(_) => {
                self.no_dialog = true;
                self.focus = true;
            }
        }
    }

    /// The row: `label`, the path field and "Choose…"; true when Enter was
    /// pressed in the field (the path submitted).
    pub fn row(&mut self, ui: &mut egui::Ui, label: &str, path: &mut String, hint: &str) -> bool {
        self.poll(path);
        let mut submitted = false;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(label);
            let field = egui::TextEdit::singleline(path)
                .hint_text(hint)
                .desired_width(320.0);
            let response = ui.add(field).labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                response.request_focus();
            }
            submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let choose = egui::Button::new(tr!("gui-choose-file"));
            if ui.add_enabled(!self.waiting(), choose).clicked() {
                let ctx = ui.ctx().clone();
                self.ask(move || ctx.request_repaint());
            }
            if self.waiting() {
                ui.spinner();
                ui.label(tr!("gui-choose-file-waiting"));
            }
        });
        if self.no_dialog {
            ui.colored_label(ui.visuals().warn_fg_color, tr!("gui-choose-file-none"));
        }
        submitted
    }
}
