//! The hand-out view's state: the token to hand out (its serial read from
//! the token on the reader, or typed), its user (typed, or picked from a
//! CSV users list), the hand-outs recorded lately, the live codes of the
//! tokens handed out (for Entra ID's activation; the secrets stay in wiped
//! buffers, only codes are shown) and the printable receipt. Every records
//! or vault access runs on a short-lived worker thread that sends one
//! answer back; the UI thread only sends, polls and draws.

use super::path_picker::PathPicker;
use super::records::RecordsProblem;
use super::zeroizing_text::ZeroizingText;
use crate::capture::chooser::FileKind;
use crate::station::export;
use crate::station::handout::{self, Assigned, HandoutError, LiveToken};
use crate::station::receipt::{self, ReceiptFor};
use crate::station::records::StoreLocation;
use crate::station::records::{Assignment, RecordsError, Store};
use crate::station::users::{self, User, UsersError};
use age::secrecy::SecretString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

/// How long live codes stay shown before their secrets are wiped.
pub const CODES_SHOWN_FOR: Duration = Duration::from_secs(15 * 60);

/// How many recent hand-outs are listed.
pub const RECENT: usize = 12;

enum Msg {
    Assigned(Result<Box<Assigned>, HandoutProblem>),
    Recent(Result<(Vec<Assignment>, Vec<String>), RecordsError>),
    Users(Result<Vec<User>, UsersProblem>),
    Codes(Result<Vec<LiveToken>, HandoutProblem>),
    Receipt(Result<(usize, PathBuf), HandoutProblem>),
}

/// The result of the last action, shown under it; kept typed (words when
/// drawn, in the language of that moment).
#[derive(Debug)]
pub enum Note {
    /// Running.
    Running,
    /// The hand-out was recorded.
    Assigned(Box<Assigned>),
    /// The receipt was written: how many tokens it lists, and where.
    ReceiptWritten {
        /// Tokens on it.
        count: usize,
        /// The file.
        path: PathBuf,
    },
    /// Refused or failed.
    Failed(HandoutProblem),
}

/// Why an action of the hand-out view was refused or failed (words when
/// drawn).
#[derive(Debug)]
pub enum HandoutProblem {
    /// Its worker thread could not start.
    NotStarted,
    /// The hand-out (or reading the records for it) failed.
    Handout(HandoutError),
    /// The live codes need the vault passphrase.
    CodesPassphrase,
    /// The kept secrets could not be read, or the receipt written.
    Export(export::ExportError),
    /// No token of the batch has a user (how many have none).
    NobodyAssigned(usize),
    /// The receipt would list no token: of this user, or of this batch.
    ReceiptNothing {
        /// A batch's receipt (else a user's).
        batch: bool,
        /// The user or batch.
        of: String,
    },
    /// The receipt was not written: what to do first.
    ReceiptNotWritten(ReceiptMissing),
}

/// What a receipt needs before it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptMissing {
    /// A batch for the codes.
    Batch,
    /// A user.
    User,
    /// The file's path.
    Path,
}

/// Why the users list could not be used (words when drawn).
#[derive(Debug)]
pub enum UsersProblem {
    /// The file could not be read.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// It is not a users list.
    Unusable(UsersError),
}

/// The hand-out view's state.
pub struct HandoutState {
    records: Option<StoreLocation>,
    /// The token's serial (read from the reader, or typed).
    pub serial: String,
    /// The users list's file dialog.
    pub users_picker: PathPicker,
    /// The receipt's file dialog.
    pub receipt_picker: PathPicker,
    /// The technician chose "Hand out anyway" for a token whose code check
    /// did not match or was skipped (for this serial only).
    pub accept_unchecked: Option<String>,
    /// The reader the serial was read from (None once typed).
    pub serial_reader: Option<String>,
    /// The serial last seen on the reader (a new one fills the field).
    seen_on_reader: Option<String>,
    /// The user's UPN (typed, or picked from the list).
    pub upn: String,
    /// The users list file.
    pub users_path: String,
    /// The users read from it.
    pub users: Vec<User>,
    /// The users list could not be read.
    pub users_problem: Option<UsersProblem>,
    /// The last hand-out's result.
    pub assign_note: Option<Note>,
    /// The latest hand-outs, newest first.
    pub recent: Vec<Assignment>,
    /// The batches present in the records.
    pub batches: Vec<String>,
    /// The records could not be read.
    pub problem: Option<RecordsProblem>,
    /// The codes' batch (None: every batch).
    pub codes_batch: Option<String>,
    /// The vault passphrase for the codes (wiped once used).
    pub passphrase: ZeroizingText,
    /// The tokens whose live codes are shown (their secrets wiped on drop).
    pub live: Vec<LiveToken>,
    live_since: Option<Instant>,
    /// The codes' last result.
    pub codes_note: Option<Note>,
    /// The receipt file to write.
    pub receipt_path: String,
    /// The receipt's last result.
    pub receipt_note: Option<Note>,
    opened: super::view_opened::ViewOpened,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
}

impl HandoutState {
    /// The view over the records at `records`.
    pub fn new(records: Option<StoreLocation>) -> HandoutState {
        let (tx, rx) = mpsc::channel();
        HandoutState {
            records,
            serial: String::new(),
            users_picker: PathPicker::open(FileKind::Csv, || crate::tr!("gui-dialog-users")),
            receipt_picker: PathPicker::save(
                FileKind::Html,
                || crate::tr!("gui-dialog-receipt"),
                "receipt.html",
            ),
            accept_unchecked: None,
            serial_reader: None,
            seen_on_reader: None,
            upn: String::new(),
            users_path: String::new(),
            users: Vec::new(),
            users_problem: None,
            assign_note: None,
            recent: Vec::new(),
            batches: Vec::new(),
            problem: None,
            codes_batch: None,
            passphrase: ZeroizingText::default(),
            live: Vec::new(),
            live_since: None,
            codes_note: None,
            receipt_path: String::new(),
            receipt_note: None,
            opened: super::view_opened::ViewOpened::default(),
            tx,
            rx,
        }
    }

    /// Point the view at another records file (tests, a chosen file).
    pub fn set_records_path(&mut self, path: Option<PathBuf>) {
        self.set_records(path.map(StoreLocation::File));
    }

    /// Point the view at other records (a file, or a server).
    pub fn set_records(&mut self, records: Option<StoreLocation>) {
        self.records = records;
        self.hide_codes();
        self.recent.clear();
        self.opened.forget();
    }

    /// Note that the view is drawn in frame `frame`: true when it was not
    /// drawn in the frame before (it has just been opened).
    pub fn shown(&mut self, frame: u64) -> bool {
        self.opened.shown(frame)
    }

    /// The token on the reader now (serial, reader name): a token newly
    /// laid on fills the serial.
    pub fn token_on_reader(&mut self, token: Option<(&str, &str)>) {
        let serial = token.map(|(s, _)| s.to_string());
        if serial != self.seen_on_reader {
            if let Some((s, reader)) = token {
                self.serial = s.to_string();
                self.serial_reader = Some(reader.to_string());
            }
            self.seen_on_reader = serial;
        }
    }

    /// The serial field was edited: it is typed now.
    pub fn serial_typed(&mut self) {
        self.serial_reader = None;
    }

    fn spawn(
        &mut self,
        repaint: impl Fn() + Send + 'static,
        work: impl FnOnce() -> Msg + Send + 'static,
    ) -> bool {
        let tx = self.tx.clone();
        std::thread::Builder::new()
            .name("handout".into())
            .spawn(move || {
                let _ = tx.send(work());
                repaint();
            })
            .is_ok()
    }

    fn path_or_problem(&mut self) -> Option<StoreLocation> {
        if self.records.is_none() {
            self.problem = Some(RecordsProblem::NoFolder);
        }
        self.records.clone()
    }

    /// Read the recent hand-outs and the batches, on a worker.
    pub fn refresh(&mut self, repaint: impl Fn() + Send + 'static) {
        let Some(path) = self.path_or_problem() else {
            return;
        };
        self.spawn(repaint, move || Msg::Recent(recent(&path)));
    }

    /// Record the hand-out of the serial to the UPN, on a worker.
    pub fn assign(&mut self, repaint: impl Fn() + Send + 'static) {
        let Some(path) = self.path_or_problem() else {
            return;
        };
        let (serial, upn) = (self.serial.clone(), self.upn.clone());
        let reader = self.serial_reader.clone();
        let anyway = self.accept_unchecked.as_deref() == Some(serial.as_str());
        let started = self.spawn(repaint, move || {
            let done = open_existing(&path, &serial).and_then(|store| {
                handout::assign(&store, &serial, &upn, reader.as_deref(), anyway)
            });
            Msg::Assigned(done.map(Box::new).map_err(HandoutProblem::Handout))
        });
        self.assign_note = Some(if started {
            Note::Running
        } else {
            not_started()
        });
    }

    /// Read the users list file, on a worker.
    pub fn load_users(&mut self, repaint: impl Fn() + Send + 'static) {
        let path = PathBuf::from(self.users_path.trim());
        self.spawn(repaint, move || {
            let read = std::fs::read_to_string(&path)
                .map_err(|error| UsersProblem::Unreadable { path, error })
                .and_then(|text| users::parse_users(&text).map_err(UsersProblem::Unusable));
            Msg::Users(read)
        });
    }

    /// The listed users matching the UPN field (all when it is empty).
    pub fn matching_users(&self) -> Vec<&User> {
        users::matching(&self.users, &self.upn)
    }

    /// Unseal the kept secrets of the tokens handed out (of the chosen
    /// batch) for their live codes, on a worker; the passphrase field is
    /// wiped.
    pub fn show_codes(&mut self, repaint: impl Fn() + Send + 'static) {
        if self.passphrase.is_empty() {
            self.codes_note = Some(Note::Failed(HandoutProblem::CodesPassphrase));
            return;
        }
        let Some(path) = self.path_or_problem() else {
            return;
        };
        let passphrase = SecretString::from(self.passphrase.as_str().to_string());
        self.passphrase.wipe();
        self.passphrase.set("");
        self.hide_codes();
        let batch = self.codes_batch.clone();
        let started = self.spawn(repaint, move || {
            let live = if path.may_hold_records() {
                Store::open_at(&path, None).map_err(|e| HandoutProblem::Handout(e.into()))
            } else {
                Err(HandoutProblem::Export(export::ExportError::Nothing))
            }
            .and_then(|store| {
                handout::live_tokens(&store, &passphrase, batch.as_deref()).map_err(|e| {
                    match (&e, export::entra_count(&store, batch.as_deref(), true)) {
                        (export::ExportError::Nothing, Ok((0, n))) => {
                            HandoutProblem::NobodyAssigned(n)
                        }
                        _ => HandoutProblem::Export(e),
                    }
                })
            });
            Msg::Codes(live)
        });
        self.codes_note = Some(if started {
            Note::Running
        } else {
            not_started()
        });
    }

    /// Forget the live codes (their secrets are wiped).
    pub fn hide_codes(&mut self) {
        self.live.clear();
        self.live_since = None;
    }

    /// Write the receipt of the user in the UPN field (or of the codes'
    /// batch when `batch`), on a worker.
    pub fn write_receipt(&mut self, batch: bool, repaint: impl Fn() + Send + 'static) {
        let Some(path) = self.path_or_problem() else {
            return;
        };
        let out = PathBuf::from(self.receipt_path.trim());
        let whom = match (batch, &self.codes_batch) {
            (true, Some(b)) => Ok(b.clone()),
            (true, None) => Err(ReceiptMissing::Batch),
            (false, _) if self.upn.trim().is_empty() => Err(ReceiptMissing::User),
            (false, _) => Ok(self.upn.trim().to_string()),
        };
        let whom = match (whom, out.as_os_str().is_empty()) {
            (Err(p), _) => Err(p),
            (_, true) => Err(ReceiptMissing::Path),
            (Ok(w), false) => Ok(w),
        };
        let whom = match whom {
            Ok(w) => w,
            Err(p) => {
                self.receipt_note = Some(Note::Failed(HandoutProblem::ReceiptNotWritten(p)));
                return;
            }
        };
        let started = self.spawn(repaint, move || {
            let of = if batch {
                ReceiptFor::Batch(&whom)
            } else {
                ReceiptFor::User(&whom)
            };
            Msg::Receipt(write_receipt(&path, of, &out).map(|n| (n, out)))
        });
        self.receipt_note = Some(if started {
            Note::Running
        } else {
            not_started()
        });
    }

    /// Take the workers' answers (start of the view's frame); live codes
    /// shown too long are wiped.
    pub fn poll(&mut self, repaint: impl Fn() + Clone + Send + 'static) {
        while let Ok(m) = self.rx.try_recv() {
            match m {
                Msg::Assigned(Ok(a)) => {
                    self.accept_unchecked = None;
                    self.assign_note = Some(Note::Assigned(a));
                    self.refresh(repaint.clone());
                }
                Msg::Assigned(Err(x)) => self.assign_note = Some(Note::Failed(x)),
                Msg::Recent(Ok((recent, batches))) => {
                    self.recent = recent;
                    self.batches = batches;
                    self.problem = None;
                }
                Msg::Recent(Err(e)) => self.problem = Some(RecordsProblem::Unreadable(e)),
                Msg::Users(Ok(u)) => {
                    self.users = u;
                    self.users_problem = None;
                }
                Msg::Users(Err(x)) => self.users_problem = Some(x),
                Msg::Codes(Ok(live)) => {
                    self.codes_note = None;
                    self.live = live;
                    self.live_since = Some(Instant::now());
                }
                Msg::Codes(Err(x)) => self.codes_note = Some(Note::Failed(x)),
                Msg::Receipt(r) => {
                    self.receipt_note = Some(match r {
                        Ok((count, path)) => Note::ReceiptWritten { count, path },
                        Err(p) => Note::Failed(p),
                    });
                }
            }
        }
        if self
            .live_since
            .is_some_and(|t| t.elapsed() > CODES_SHOWN_FOR)
        {
            self.hide_codes();
        }
    }

    /// Whether a hand-out is being recorded.
    pub fn assigning(&self) -> bool {
        matches!(self.assign_note, Some(Note::Running))
    }
}

fn not_started() -> Note {
    Note::Failed(HandoutProblem::NotStarted)
}

/// The records, opened only when they exist: a hand-out never creates
/// them (the token would not be found burned anyway).
fn open_existing(path: &StoreLocation, serial: &str) -> Result<Store, HandoutError> {
    if !path.may_hold_records() {
        return Err(match handout::clean_serial(serial) {
            Ok(serial) => HandoutError::NeverBurned { serial },
            Err(e) => e,
        });
    }
    Ok(Store::open_at(path, None)?)
}

fn recent(path: &StoreLocation) -> Result<(Vec<Assignment>, Vec<String>), RecordsError> {
    if !path.may_hold_records() {
        return Ok((Vec::new(), Vec::new()));
    }
    let store = Store::open_at(path, None)?;
    let mut list = store.assignments(None)?;
    list.reverse();
    list.truncate(RECENT);
    Ok((list, store.batch_names()?))
}

/// Write the receipt: how many tokens it lists.
fn write_receipt(
    path: &StoreLocation,
    of: ReceiptFor<'_>,
    out: &Path,
) -> Result<usize, HandoutProblem> {
    let handout = |e: RecordsError| HandoutProblem::Handout(e.into());
    let store = Store::open_at(path, None).map_err(handout)?;
    let tokens = receipt::receipt_tokens(&store, of).map_err(handout)?;
    if tokens.is_empty() {
        return Err(match of {
            ReceiptFor::User(u) => HandoutProblem::ReceiptNothing {
                batch: false,
                of: u.to_string(),
            },
            ReceiptFor::Batch(b) => HandoutProblem::ReceiptNothing {
                batch: true,
                of: b.to_string(),
            },
        });
    }
    export::write_plain(out, receipt::receipt_html(&tokens).as_bytes())
        .map_err(HandoutProblem::Export)?;
    Ok(tokens.len())
}
