//! What the station's worker thread does before its loops run: open the
//! records, load the user list, unlock the vault, and make one loop per
//! reader (the PC/SC readers, watched, or the demo's virtual ones). Every
//! failure comes back as words for the station view.

use crate::card::connector::Connector;
use crate::emulator::EmulatorLink;
use crate::explain;
use crate::station::records::Store;
use crate::station::run::{PolledPresence, ReaderLoop};
use crate::station::source::parse_user_list;
use crate::station::vault::{MIN_PASSPHRASE_CHARS, Vault};
use crate::tr;
use zeroize::Zeroizing;

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
    path: &std::path::Path,
    csv: Option<&str>,
    passphrase: Option<&age::secrecy::SecretString>,
    again: Option<&str>,
) -> Result<Opened, String> {
    let store = Store::open(path, None)
        .map_err(|e| tr!("gui-records-unopenable", error = e.to_string()))?;
    let rows = match csv {
        Some(file) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| {
                    tr!(
                        "gui-station-list-unreadable",
                        path = file,
                        error = crate::explain::io_words(&e)
                    )
                })
                .and_then(|t| {
                    parse_user_list(&Zeroizing::new(t))
                        .map_err(|e| tr!("gui-handout-users-unusable", error = e.to_string()))
                })?,
        ),
        None => None,
    };
    let vault = match passphrase {
        Some(p) => {
            use age::secrecy::ExposeSecret;
            let new = store.keys().map(|k| k.is_empty()).unwrap_or(true);
            if new && again != Some(p.expose_secret()) {
                return Err(tr!(
                    "gui-station-passphrase-twice",
                    chars = MIN_PASSPHRASE_CHARS
                ));
            }
            Some(
                Vault::unlock_or_create(&store, p)
                    .map_err(|e| tr!("cli-batch-vault", error = e.to_string()))?,
            )
        }
        None => None,
    };
    Ok((store, vault, rows))
}

/// The readers' loops, and what must live as long as they run (the watcher).
pub(super) fn reader_loops(
    hardware: &StationHardware,
) -> Result<(Vec<ReaderLoop>, Option<crate::card::watch::ReaderWatcher>), String> {
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
            let words = |e: crate::card::TransportError| {
                let x = explain::transport(&e, None);
                format!("{} {}", x.problem, x.next_step)
            };
            let names: Vec<String> = crate::card::pcsc::PcscReaders::establish()
                .and_then(|r| r.list())
                .map_err(words)?
                .into_iter()
                .map(|r| r.name)
                .collect();
            if names.is_empty() {
                return Err(words(crate::card::TransportError::NoReader));
            }
            let (loops, watcher) = crate::station::run::pcsc_reader_loops(&names).map_err(words)?;
            Ok((loops, Some(watcher)))
        }
    }
}
