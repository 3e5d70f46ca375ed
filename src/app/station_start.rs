//! What the station's worker thread does before its loops run: open the
//! records, load the user list, unlock the vault, and make one loop per
//! reader (the PC/SC readers, watched, or the demo's virtual ones). Every
//! failure comes back typed ([`StationStop`]), put in words when drawn.

use crate::card::TransportError;
use crate::card::connector::Connector;
use crate::emulator::EmulatorLink;
use crate::explain;
use crate::station::records::{RecordsError, Store};
use crate::station::run::{PolledPresence, ReaderLoop, StationError};
use crate::station::source::{BatchListError, parse_user_list};
use crate::station::vault::{MIN_PASSPHRASE_CHARS, Vault, VaultError};
use crate::tr;
use std::sync::Arc;
use zeroize::Zeroizing;

/// Why a station run could not start, or stopped early: kept typed, put
/// in words when drawn (in the language shown then).
#[derive(Debug, Clone)]
pub enum StationStop {
    /// The records could not be opened.
    Records(Arc<RecordsError>),
    /// The user list could not be read.
    ListUnreadable {
        /// Its path.
        path: String,
        /// Why.
        error: Arc<std::io::Error>,
    },
    /// The user list could not be used.
    ListUnusable(Arc<BatchListError>),
    /// A new vault's passphrase was not given twice alike.
    PassphraseTwice,
    /// The vault could not be unlocked or made.
    Vault(Arc<VaultError>),
    /// The readers could not be listed or watched.
    Readers(TransportError),
    /// The run stopped.
    Run(Arc<StationError>),
}

impl StationStop {
    /// What happened (and what to do), in the current language.
    pub fn words(&self) -> String {
        let both = |x: explain::Explanation| format!("{} {}", x.problem, x.next_step);
        match self {
            StationStop::Records(e) => tr!("gui-records-unopenable", error = e.to_string()),
            StationStop::ListUnreadable { path, error } => tr!(
                "gui-station-list-unreadable",
                path = path.as_str(),
                error = explain::io_words(error)
            ),
            StationStop::ListUnusable(e) => {
                tr!("gui-handout-users-unusable", error = e.to_string())
            }
            StationStop::PassphraseTwice => {
                tr!("gui-station-passphrase-twice", chars = MIN_PASSPHRASE_CHARS)
            }
            StationStop::Vault(e) => tr!("cli-batch-vault", error = e.to_string()),
            StationStop::Readers(e) => both(explain::transport(e, None)),
            StationStop::Run(e) => both(explain::station_error(e)),
        }
    }
}

/// The readers the station burns on.
#[derive(Clone)]
pub enum StationHardware {
    /// Every PC/SC reader, watched.
    Pcsc,
    /// Virtual readers (the demo's, or a test's several): one loop each,
    /// named by the link's reader name.
    Demo(Vec<EmulatorLink>),
}

pub(super) type Opened = (
    Store,
    Option<Vault>,
    Option<Vec<crate::station::source::UserRow>>,
);

/// Open the records, load the user list, unlock the vault (worker thread).
pub(super) fn open(
    path: &crate::station::records::StoreLocation,
    csv: Option<&str>,
    passphrase: Option<&age::secrecy::SecretString>,
    again: Option<&str>,
) -> Result<Opened, StationStop> {
    let store = Store::open_at(path, None).map_err(|e| StationStop::Records(Arc::new(e)))?;
    let rows = match csv {
        Some(file) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| StationStop::ListUnreadable {
                    path: file.to_string(),
                    error: Arc::new(e),
                })
                .and_then(|t| {
                    parse_user_list(&Zeroizing::new(t))
                        .map_err(|e| StationStop::ListUnusable(Arc::new(e)))
                })?,
        ),
        None => None,
    };
    let vault = match passphrase {
        Some(p) => {
            use age::secrecy::ExposeSecret;
            let new = store.keys().map(|k| k.is_empty()).unwrap_or(true);
            if new && again != Some(p.expose_secret()) {
                return Err(StationStop::PassphraseTwice);
            }
            Some(Vault::unlock_or_create(&store, p).map_err(|e| StationStop::Vault(Arc::new(e)))?)
        }
        None => None,
    };
    Ok((store, vault, rows))
}

/// The readers' loops, and what must live as long as they run (the watcher).
pub(super) fn reader_loops(
    hardware: &StationHardware,
) -> Result<(Vec<ReaderLoop>, Option<crate::card::watch::ReaderWatcher>), StationStop> {
    match hardware {
        StationHardware::Demo(links) => Ok((
            links
                .iter()
                .map(|link| {
                    let l = link.clone();
                    ReaderLoop {
                        reader: crate::card::Transport::reader_name(link),
                        presence: Box::new(PolledPresence(Box::new(move || l.is_present()))),
                        connector: Box::new(crate::emulator::EmulatorConnector(link.clone()))
                            as Box<dyn Connector>,
                    }
                })
                .collect(),
            None,
        )),
        StationHardware::Pcsc => {
            let words = StationStop::Readers;
            let names: Vec<String> = crate::card::pcsc::PcscReaders::establish()
                .and_then(|r| r.list())
                .map_err(words)?
                .into_iter()
                .map(|r| r.name)
                .collect();
            if names.is_empty() {
                return Err(words(TransportError::NoReader));
            }
            let (loops, watcher) = crate::station::run::pcsc_reader_loops(&names).map_err(words)?;
            Ok((loops, Some(watcher)))
        }
    }
}
