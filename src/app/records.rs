//! The records view's state: the search (serial or UPN, outcome, batch),
//! the operations found, and the exports. Every query and export runs on a
//! short-lived worker thread that opens the records itself and sends one
//! answer back; the UI thread only sends, polls and draws. Answers to an
//! older search than the latest are dropped.

use super::path_picker::PathPicker;
use crate::capture::chooser::FileKind;
use crate::station::export;
use crate::station::records::{PageQuery, Record, RecordsError, Status, Store, StoreLocation};
use crate::tr;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};
use zeroize::{Zeroize, Zeroizing};

/// How long typing must pause before the search runs.
pub const SEARCH_DEBOUNCE: Duration = Duration::from_millis(300);

/// Which outcomes are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeFilter {
    /// Every operation.
    All,
    /// Successful ones.
    Ok,
    /// Failed ones.
    Failed,
    /// Started and never finished.
    Interrupted,
}

impl OutcomeFilter {
    /// Every choice, in the order shown.
    pub const ALL: [OutcomeFilter; 4] = [
        OutcomeFilter::All,
        OutcomeFilter::Ok,
        OutcomeFilter::Failed,
        OutcomeFilter::Interrupted,
    ];

    /// The store's outcome word (None for all).
    pub fn as_query(self) -> Option<Status> {
        match self {
            OutcomeFilter::All => None,
            OutcomeFilter::Ok => Some(Status::Ok),
            OutcomeFilter::Failed => Some(Status::Failed),
            OutcomeFilter::Interrupted => Some(Status::Interrupted),
        }
    }

    /// Its label in the view.
    pub fn label(self) -> String {
        match self {
            OutcomeFilter::All => tr!("gui-records-all-outcomes"),
            OutcomeFilter::Ok => tr!("gui-records-ok"),
            OutcomeFilter::Failed => tr!("gui-records-failed"),
            OutcomeFilter::Interrupted => tr!("gui-records-interrupted"),
        }
    }
}

/// What an export brought, to show under its buttons, kept typed (words
/// when drawn, in the language of that moment).
#[derive(Debug)]
pub enum ExportNote {
    /// Running.
    Running,
    /// The records CSV was written.
    Records {
        /// Records written.
        count: usize,
        /// The file.
        path: PathBuf,
    },
    /// The Entra ID CSV was written (what it holds, and which tokens were
    /// left out for want of a user).
    Entra {
        /// What was written.
        summary: export::EntraSummary,
        /// The Entra file.
        path: PathBuf,
        /// Where the tokens without a user went (None: only listed).
        unassigned_path: Option<PathBuf>,
    },
    /// Not written.
    Failed(ExportProblem),
}

/// Why an export was not written, kept typed (words when drawn).
#[derive(Debug)]
pub enum ExportProblem {
    /// The Entra export needs the vault passphrase.
    PassphraseNeeded,
    /// There is no data folder, so no records.
    NoFolder,
    /// No file to write was given.
    NoFile,
    /// The worker thread could not start.
    NotStarted,
    /// The records could not be opened.
    Unopenable(RecordsError),
    /// The export failed.
    Export(export::ExportError),
    /// No token of the export has a user and no file for them was given
    /// (how many tokens have no user).
    NobodyAssigned(usize),
}

/// Why the records could not be searched, kept typed (words when drawn).
#[derive(Debug)]
pub enum RecordsProblem {
    /// There is no data folder.
    NoFolder,
    /// The search's worker thread could not start.
    SearchNotStarted,
    /// The records could not be read.
    Unreadable(RecordsError),
}

enum Msg {
    Found {
        seq: u64,
        /// A further page of the same search (added below the rows shown).
        older: bool,
        result: Result<Vec<Record>, RecordsError>,
    },
    /// The batches present (after a first page: the page is shown first).
    Batches(Vec<String>),
    Exported(ExportNote),
}

/// How many operations a page of the records view holds: the view shows
/// the newest page first and adds older pages on request, so opening it
/// costs the same whatever the history holds.
pub const PAGE: usize = 200;

/// The records view's state.
pub struct RecordsState {
    /// The records (None: no data folder).
    pub(crate) records: Option<StoreLocation>,
    /// Serial or UPN to look for (part of it).
    pub search: String,
    /// Outcome filter.
    pub outcome: OutcomeFilter,
    /// Batch filter (None: every batch); also the Entra export's batch.
    pub batch: Option<String>,
    /// The batches present in the records.
    pub batches: Vec<String>,
    /// The operations found, newest first (a page or more of them).
    pub rows: Vec<Record>,
    /// The last page came back full: older ones may follow.
    more: bool,
    /// A search runs.
    pub searching: bool,
    /// Why the records could not be read.
    pub problem: Option<RecordsProblem>,
    /// The file an export writes.
    pub export_path: String,
    /// Its file dialog.
    pub export_picker: PathPicker,
    /// The file dialog of the Entra export's file of tokens without a user.
    pub unassigned_picker: PathPicker,
    /// Where the Entra export writes the tokens without a user (empty:
    /// they are only listed).
    pub unassigned_path: String,
    /// The vault passphrase for the Entra export (wiped once used).
    pub passphrase: Zeroizing<String>,
    /// The last export's result.
    pub export_note: Option<ExportNote>,
    /// "Export anyway": the Entra export takes tokens whose code check did
    /// not match or was skipped (until an export is written).
    pub accept_unchecked: bool,
    /// The search changed at this instant and has not run since.
    changed: Option<Instant>,
    /// When the view was last drawn (to see it open).
    opened: super::view_opened::ViewOpened,
    seq: u64,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
}

impl RecordsState {
    /// The view over the records at `records`.
    pub fn new(records: Option<StoreLocation>) -> RecordsState {
        let (tx, rx) = mpsc::channel();
        RecordsState {
            records,
            search: String::new(),
            outcome: OutcomeFilter::All,
            batch: None,
            batches: Vec::new(),
            rows: Vec::new(),
            more: false,
            searching: false,
            problem: None,
            export_path: String::new(),
            export_picker: PathPicker::save(
                FileKind::Csv,
                || tr!("gui-dialog-export"),
                "totp-burner-export.csv",
            ),
            unassigned_picker: PathPicker::save(
                FileKind::Csv,
                || tr!("gui-dialog-unassigned"),
                "totp-burner-unassigned.csv",
            ),
            unassigned_path: String::new(),
            passphrase: Zeroizing::new(String::new()),
            export_note: None,
            accept_unchecked: false,
            changed: None,
            opened: super::view_opened::ViewOpened::default(),
            seq: 0,
            tx,
            rx,
        }
    }

    /// Point the view at another records file (tests, a chosen file).
    pub fn set_records_path(&mut self, path: Option<PathBuf>) {
        self.set_records(path.map(StoreLocation::File));
    }

    /// The records the view reads.
    pub fn location(&self) -> Option<&StoreLocation> {
        self.records.as_ref()
    }

    /// Point the view at other records (a file, or a server).
    pub fn set_records(&mut self, records: Option<StoreLocation>) {
        self.records = records;
        self.rows.clear();
        self.batches.clear();
        self.opened.forget();
    }

    /// Note that the view is drawn in frame `frame`: true when it was not
    /// drawn in the frame before (it has just been opened).
    pub fn shown(&mut self, frame: u64) -> bool {
        self.opened.shown(frame)
    }

    /// The search text changed: search once typing pauses.
    pub fn search_changed(&mut self) {
        self.changed = Some(Instant::now());
    }

    /// How long until a changed search is due (None: nothing waits).
    pub fn search_due_in(&self) -> Option<Duration> {
        self.changed
            .map(|t| SEARCH_DEBOUNCE.saturating_sub(t.elapsed()))
    }

    /// Run the search now on a worker (its first page, newest first);
    /// `repaint` wakes the UI with its answer.
    pub fn refresh(&mut self, repaint: impl Fn() + Send + Sync + 'static) {
        self.changed = None;
        self.fetch(None, repaint);
    }

    /// Whether there may be older operations than those shown (the last
    /// page came back full).
    pub fn more(&self) -> bool {
        self.more
    }

    /// Add the next page of the same search below the rows shown.
    pub fn older(&mut self, repaint: impl Fn() + Send + Sync + 'static) {
        if let Some(last) = self.rows.last().map(|r| r.id) {
            self.fetch(Some(last), repaint);
        }
    }

    fn fetch(&mut self, before: Option<i64>, repaint: impl Fn() + Send + Sync + 'static) {
        let Some(path) = self.records.clone() else {
            self.problem = Some(RecordsProblem::NoFolder);
            return;
        };
        self.seq += 1;
        self.searching = true;
        let seq = self.seq;
        let text = self.search.trim().to_string();
        let outcome = self.outcome.as_query();
        let batch = self.batch.clone();
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("records-search".into())
            .spawn(move || {
                let q = PageQuery {
                    text: &text,
                    outcome,
                    batch: batch.as_deref(),
                    before,
                    limit: PAGE,
                };
                let older = before.is_some();
                let send = |m: Msg| {
                    let _ = tx.send(m);
                    repaint();
                };
                let found = |result| send(Msg::Found { seq, older, result });
                if let Some(batches) = search(&path, &q, &found) {
                    send(Msg::Batches(batches));
                }
            });
        if spawned.is_err() {
            self.searching = false;
            self.problem = Some(RecordsProblem::SearchNotStarted);
        }
    }

    /// Export every record as CSV to the chosen file, on a worker.
    pub fn export_records(&mut self, repaint: impl Fn() + Send + Sync + 'static) {
        let Some((store_path, out)) = self.export_paths() else {
            return;
        };
        self.run_export(repaint, move || {
            let store = open(&store_path)?;
            let count = export::export_records(&store, &out).map_err(ExportProblem::Export)?;
            Ok(ExportNote::Records { count, path: out })
        });
    }

    /// Export the kept secrets (of the chosen batch, or all) for Entra ID,
    /// on a worker; the passphrase is taken from its field and wiped.
    pub fn export_entra(&mut self, repaint: impl Fn() + Send + Sync + 'static) {
        if self.passphrase.is_empty() {
            self.export_note = Some(ExportNote::Failed(ExportProblem::PassphraseNeeded));
            return;
        }
        let Some((store_path, out)) = self.export_paths() else {
            return;
        };
        let passphrase = age::secrecy::SecretString::from(self.passphrase.as_str().to_string());
        self.passphrase.zeroize();
        let batch = self.batch.clone();
        let anyway = self.accept_unchecked;
        let rest = Some(self.unassigned_path.trim())
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        self.run_export(repaint, move || {
            let store = open(&store_path)?;
            // Nobody to upload and nowhere to keep them: say so plainly.
            if let Ok((0, without)) = export::entra_count(&store, batch.as_deref(), anyway)
                && rest.is_none()
            {
                return Err(ExportProblem::NobodyAssigned(without));
            }
            let (b, r) = (batch.as_deref(), rest.as_deref());
            let summary = export::export_entra(&store, &passphrase, b, &out, r, anyway)
                .map_err(ExportProblem::Export)?;
            Ok(ExportNote::Entra {
                summary,
                path: out,
                unassigned_path: rest,
            })
        });
    }

    fn export_paths(&mut self) -> Option<(StoreLocation, PathBuf)> {
        let out = self.export_path.trim();
        let Some(store) = self.records.clone() else {
            self.export_note = Some(ExportNote::Failed(ExportProblem::NoFolder));
            return None;
        };
        if out.is_empty() {
            self.export_note = Some(ExportNote::Failed(ExportProblem::NoFile));
            return None;
        }
        Some((store, PathBuf::from(out)))
    }

    fn run_export(
        &mut self,
        repaint: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce() -> Result<ExportNote, ExportProblem> + Send + 'static,
    ) {
        let tx = self.tx.clone();
        let repaint = Arc::new(repaint);
        let spawned = std::thread::Builder::new()
            .name("records-export".into())
            .spawn(move || {
                let note = work().unwrap_or_else(ExportNote::Failed);
                let _ = tx.send(Msg::Exported(note));
                repaint();
            });
        self.export_note = Some(match spawned {
            Ok(_) => ExportNote::Running,
            Err(_) => ExportNote::Failed(ExportProblem::NotStarted),
        });
    }

    /// Whether an export runs.
    pub fn exporting(&self) -> bool {
        matches!(self.export_note, Some(ExportNote::Running))
    }

    /// Take the workers' answers (start of the view's frame).
    pub fn poll(&mut self) {
        while let Ok(m) = self.rx.try_recv() {
            match m {
                Msg::Found { seq, older, result } if seq == self.seq => {
                    self.searching = false;
                    match result {
                        Ok(rows) => {
                            self.more = rows.len() == PAGE;
                            if older {
                                self.rows.extend(rows);
                            } else {
                                self.rows = rows;
                            }
                            self.problem = None;
                        }
                        Err(e) => self.problem = Some(RecordsProblem::Unreadable(e)),
                    }
                }
                Msg::Found { .. } => {}
                Msg::Batches(b) => self.batches = b,
                Msg::Exported(note) => {
                    if matches!(note, ExportNote::Entra { .. }) {
                        self.accept_unchecked = false;
                    }
                    self.export_note = Some(note);
                }
            }
        }
    }
}

fn open(path: &StoreLocation) -> Result<Store, ExportProblem> {
    Store::open_at(path, None).map_err(ExportProblem::Unopenable)
}

/// A page of the search, handed to `found` as soon as it is read; then,
/// for a first page, the batches present (a scan of the history: the page
/// is not kept waiting for it). Worker thread. A records file that does
/// not exist yet has no records: it is not created for a look.
fn search(
    path: &StoreLocation,
    q: &PageQuery<'_>,
    found: &dyn Fn(Result<Vec<Record>, RecordsError>),
) -> Option<Vec<String>> {
    if !path.may_hold_records() {
        found(Ok(Vec::new()));
        return q.before.is_none().then(Vec::new);
    }
    let store = match Store::open_at(path, None) {
        Ok(s) => s,
        Err(e) => {
            found(Err(e));
            return None;
        }
    };
    found(store.search_page(q));
    match q.before {
        None => store.batch_names().ok(),
        Some(_) => None,
    }
}
