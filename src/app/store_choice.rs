//! Which records the app uses: this PC's file (the default: nothing to set
//! up) or a fleet's records server, entered by an operator in the Records
//! view. A server's address is remembered without its password; the
//! password is typed at each start (held in memory only, wiped once handed
//! over) unless `PGPASSWORD` or the pgpass file gives it. Connecting and
//! the state check run on a worker thread, never on the UI thread.

use crate::station::records::{self, RecordsError, Store, StoreLocation};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use zeroize::{Zeroize, Zeroizing};

/// What the records in use are doing, as last seen.
#[derive(Debug, Clone)]
pub enum StoreState {
    /// Not looked at yet.
    Unchecked,
    /// Being reached.
    Checking,
    /// Reached (a file: readable); how many outcomes wait on this PC.
    Ready {
        /// Outcomes waiting to be delivered.
        waiting: usize,
    },
    /// The server cannot be reached now; outcomes waiting on this PC.
    Unreachable {
        /// Why.
        error: Arc<RecordsError>,
        /// Outcomes waiting to be delivered.
        waiting: usize,
    },
    /// The server answered with a refusal (password, rights, schema), or
    /// the file cannot be opened.
    Refused(Arc<RecordsError>),
    /// A server's address with no password given or found: type it.
    PasswordNeeded,
    /// There is no data folder for a records file.
    NoFolder,
}

struct Checked {
    seq: u64,
    /// Where it was tried, and the address to remember when it is applied.
    tried: Option<(StoreLocation, Option<String>)>,
    result: Result<usize, RecordsError>,
}

/// The choice of records and its state (the Records view draws it).
pub struct StoreChoice {
    /// The records in use (None: no data folder).
    pub location: Option<StoreLocation>,
    /// The server address field (or a file path).
    pub address: String,
    /// The password field (wiped once handed to a connection).
    pub password: Zeroizing<String>,
    /// The connection editor is open.
    pub editing: bool,
    /// The typed address cannot be used as it is (a location error).
    pub problem: Option<RecordsError>,
    /// What the records in use are doing.
    pub state: StoreState,
    /// The address in use as remembered (a server's, without password).
    saved: Option<String>,
    seq: u64,
    tx: Sender<Checked>,
    rx: Receiver<Checked>,
}

impl StoreChoice {
    /// The records a saved address names (a server), else this PC's file.
    pub fn new(saved: Option<&str>) -> StoreChoice {
        let server = saved
            .and_then(|a| StoreLocation::parse(a).ok())
            .filter(StoreLocation::is_server);
        let (location, saved) = match server {
            Some(at) => (Some(at), saved.map(str::to_string)),
            None => (records::default_path().map(StoreLocation::File), None),
        };
        let (tx, rx) = channel();
        StoreChoice {
            location,
            address: saved.clone().unwrap_or_default(),
            password: Zeroizing::new(String::new()),
            editing: false,
            problem: None,
            state: StoreState::Unchecked,
            saved,
            seq: 0,
            tx,
            rx,
        }
    }

    /// The address to remember (a server's, never with a password; None:
    /// this PC's file).
    pub fn saved_address(&self) -> Option<String> {
        self.saved.clone()
    }

    /// Look at the records in use (on a worker): reachable, how many
    /// outcomes wait. A records file that does not exist yet is not made.
    pub fn check(&mut self, repaint: impl Fn() + Send + 'static) {
        let Some(at) = self.location.clone() else {
            self.state = StoreState::NoFolder;
            return;
        };
        if let StoreLocation::Postgres(pg) = &at
            && !pg.has_password()
        {
            self.state = StoreState::PasswordNeeded;
            return;
        }
        self.spawn(None, at, repaint);
    }

    /// Try the typed address (and password) on a worker; once it answers,
    /// [`StoreChoice::poll`] hands it out to be used everywhere.
    pub fn connect(&mut self, repaint: impl Fn() + Send + 'static) {
        self.problem = None;
        let text = self.address.trim().to_string();
        let at = match StoreLocation::parse(&text) {
            Ok(StoreLocation::Postgres(pg)) if !self.password.is_empty() => {
                let password = Zeroizing::new(self.password.as_str().to_string());
                self.password.zeroize();
                StoreLocation::Postgres(pg.with_password(password))
            }
            Ok(at) => at,
            Err(e) => {
                self.problem = Some(RecordsError::Location(e));
                return;
            }
        };
        let saved = at
            .is_server()
            .then(|| records::address_without_password(&text));
        self.spawn(Some(saved), at, repaint);
    }

    /// Use this PC's records file again (nothing to check: it is made on
    /// first use). Returns it, to be used everywhere.
    pub fn use_this_pc(&mut self) -> Option<StoreLocation> {
        self.seq += 1; // an answer still on its way is for another choice
        self.password.zeroize();
        self.editing = false;
        self.problem = None;
        self.saved = None;
        self.address.clear();
        self.location = records::default_path().map(StoreLocation::File);
        self.state = StoreState::Unchecked;
        self.location.clone()
    }

    /// The records view was pointed at other records (a test, a file
    /// opened for a look): say which and look at them.
    pub fn follow(&mut self, at: Option<StoreLocation>) {
        self.seq += 1;
        if !at.as_ref().is_some_and(StoreLocation::is_server) {
            self.saved = None;
        }
        self.location = at;
        self.state = StoreState::Unchecked;
    }

    /// Take a worker's answer: the records chosen, when a connection
    /// succeeded (to be used everywhere).
    pub fn poll(&mut self) -> Option<StoreLocation> {
        let mut chosen = None;
        while let Ok(c) = self.rx.try_recv() {
            if c.seq != self.seq {
                continue;
            }
            let waiting_before = self.waiting();
            self.state = match c.result {
                Ok(waiting) => StoreState::Ready { waiting },
                Err(e) if e.is_unreachable() => StoreState::Unreachable {
                    error: Arc::new(e),
                    waiting: waiting_before,
                },
                Err(e) => StoreState::Refused(Arc::new(e)),
            };
            if let (Some((at, saved)), StoreState::Ready { .. }) = (c.tried, &self.state) {
                self.location = Some(at.clone());
                self.saved = saved;
                self.editing = false;
                chosen = Some(at);
            }
        }
        chosen
    }

    /// Outcomes waiting on this PC, as last seen.
    fn waiting(&self) -> usize {
        match self.state {
            StoreState::Ready { waiting } | StoreState::Unreachable { waiting, .. } => waiting,
            _ => 0,
        }
    }

    fn spawn(
        &mut self,
        apply: Option<Option<String>>,
        at: StoreLocation,
        repaint: impl Fn() + Send + 'static,
    ) {
        self.seq += 1;
        let seq = self.seq;
        self.state = StoreState::Checking;
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("records-store".into())
            .spawn(move || {
                let result = if at.may_hold_records() {
                    Store::open_at(&at, None).map(|s| s.spooled_outcomes())
                } else {
                    Ok(0)
                };
                let tried = apply.map(|saved| (at, saved));
                let _ = tx.send(Checked { seq, tried, result });
                repaint();
            });
        if spawned.is_err() {
            self.state = StoreState::Unchecked;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::station::records::LocationError;

    #[test]
    fn a_saved_server_address_is_used_and_anything_else_is_the_file() {
        let s = StoreChoice::new(Some("postgresql://st_north@127.0.0.1/fleet"));
        assert!(s.location.as_ref().is_some_and(StoreLocation::is_server));
        assert_eq!(
            s.saved_address().as_deref(),
            Some("postgresql://st_north@127.0.0.1/fleet")
        );
        for other in [None, Some("postgresql://x@[bad"), Some("/some/file.sqlite")] {
            let s = StoreChoice::new(other);
            assert!(
                !s.location.as_ref().is_some_and(StoreLocation::is_server),
                "{other:?}"
            );
            assert_eq!(s.saved_address(), None);
        }
    }

    #[test]
    fn an_unusable_address_is_said_and_nothing_is_tried() {
        let mut s = StoreChoice::new(None);
        s.address = "postgresql://st@db.example/fleet?sslmode=disable".into();
        s.connect(|| {});
        assert!(
            matches!(
                s.problem,
                Some(RecordsError::Location(
                    LocationError::CleartextRefused { .. }
                ))
            ),
            "{:?}",
            s.problem
        );
        assert!(matches!(s.state, StoreState::Unchecked));
    }
}
