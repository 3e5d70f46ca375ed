//! Outcomes kept on this PC when the records server cannot take them.
//!
//! A token was written, then the connection to the server dropped before
//! the outcome was stored: the outcome goes into a folder of its own (one
//! per server, database and login; readable by its owner only), one file
//! per operation, written to a temporary name, flushed to disk and renamed
//! into place before the station moves on, so it survives the station
//! process being killed. The store delivers every kept outcome before it
//! records the next start (and when it is opened); delivery is idempotent
//! by operation id, so an outcome whose answer was lost is not written
//! twice. Until it is delivered, other stations see the operation as
//! interrupted.
//!
//! Each file holds one [`NewRecord`] as JSON: the sealed secret at most,
//! never a secret in clear.

use super::location::PgLocation;
use super::{NewRecord, RecordsError, Store, StoreLocation};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What became of an outcome handed to [`Store::finish_or_spool`].
#[derive(Debug)]
pub enum Delivery {
    /// Appended now.
    Recorded,
    /// It was there already (a second delivery adds nothing).
    AlreadyRecorded,
    /// The server could not be reached: the outcome is kept on this PC
    /// (flushed to disk) and delivered before the next start.
    Spooled(RecordsError),
}

impl Store {
    /// Keep outcomes the server cannot take under `root` (one folder per
    /// server, database and login) instead of the data folder's `spool`.
    pub fn with_spool_folder(mut self, root: &Path) -> Store {
        if let StoreLocation::Postgres(pg) = &self.location {
            self.spool = Some(Spool::for_server(root, pg));
        }
        self
    }

    /// Where outcomes the server could not take wait (None: a file store,
    /// or no data folder).
    pub fn spool_folder(&self) -> Option<&Path> {
        self.spool.as_ref().map(Spool::dir)
    }

    /// How many outcomes wait on this PC to be delivered.
    pub fn spooled_outcomes(&self) -> usize {
        self.spool.as_ref().map_or(0, Spool::count)
    }

    /// Record an operation's outcome like [`Store::finish`]; when the
    /// server cannot be reached, keep it on this PC instead (flushed to
    /// disk before this returns), to be delivered before the next start.
    /// An error: the outcome is neither recorded nor kept (a server that
    /// refused it, a file store that cannot be written, or no spool).
    pub fn finish_or_spool(&self, record: &NewRecord) -> Result<Delivery, RecordsError> {
        match self.finish(record) {
            Ok(true) => Ok(Delivery::Recorded),
            Ok(false) => Ok(Delivery::AlreadyRecorded),
            Err(e) if e.is_unreachable() && record.op_id.is_some() => {
                let Some(spool) = &self.spool else {
                    return Err(e);
                };
                let mut kept = record.clone();
                kept.time.get_or_insert_with(|| self.now());
                match spool.put(&kept) {
                    Ok(()) => Ok(Delivery::Spooled(e)),
                    Err(_) => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// Deliver the outcomes kept on this PC (each once: a second delivery
    /// adds nothing), oldest first; how many went. Stops at the first that
    /// cannot go (the rest wait).
    pub fn deliver_spooled(&self) -> Result<usize, RecordsError> {
        let Some(spool) = &self.spool else {
            return Ok(0);
        };
        let mut delivered = 0;
        for (path, record) in spool.pending() {
            self.finish(&record)?;
            spool.remove(&path).map_err(|source| RecordsError::File {
                path: path.display().to_string(),
                source,
            })?;
            delivered += 1;
        }
        Ok(delivered)
    }
}

/// The spool file format's version.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Kept {
    v: u32,
    record: NewRecord,
}

/// One server's (and login's) folder of kept outcomes.
#[derive(Debug, Clone)]
pub(super) struct Spool {
    dir: PathBuf,
}

impl Spool {
    /// The folder under `root` for the server, database and login of `loc`.
    pub(super) fn for_server(root: &Path, loc: &PgLocation) -> Spool {
        let name = format!("{}@{}_{}_{}", loc.user, loc.host, loc.port, loc.dbname);
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        Spool {
            dir: root.join(name),
        }
    }

    /// Where the outcomes are kept.
    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }

    /// Keep `record` (its `op_id` set): on disk when this returns.
    pub(super) fn put(&self, record: &NewRecord) -> std::io::Result<()> {
        let op = record.op_id.as_deref().unwrap_or("no-op-id");
        if !op.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(std::io::Error::other("operation id is not a file name"));
        }
        super::create_private_dir(&self.dir)?;
        let text = serde_json::to_vec(&Kept {
            v: VERSION,
            record: record.clone(),
        })
        .map_err(std::io::Error::other)?;
        let tmp = self.dir.join(format!(".{op}.{}.tmp", std::process::id()));
        let done = self.dir.join(format!("{op}.json"));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        let mut file = options.open(&tmp)?;
        file.write_all(&text)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, &done)?;
        sync_dir(&self.dir)
    }

    /// The kept outcomes, oldest operation first: (file, record). A file
    /// that cannot be read as an outcome is renamed `*.unreadable` and
    /// left for a person (it never blocks the others).
    pub(super) fn pending(&self) -> Vec<(PathBuf, NewRecord)> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut kept: Vec<(std::time::SystemTime, PathBuf, NewRecord)> = Vec::new();
        for entry in entries.map_while(Result::ok) {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let read = std::fs::read(&path)
                .ok()
                .and_then(|b| serde_json::from_slice::<Kept>(&b).ok())
                .filter(|k| k.v == VERSION && k.record.op_id.is_some());
            match read {
                Some(k) => {
                    let when = entry
                        .metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(std::time::UNIX_EPOCH);
                    kept.push((when, path, k.record));
                }
                None => {
                    let _ = std::fs::rename(&path, path.with_extension("unreadable"));
                }
            }
        }
        kept.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        kept.into_iter().map(|(_, p, r)| (p, r)).collect()
    }

    /// How many outcomes wait to be delivered.
    pub(super) fn count(&self) -> usize {
        std::fs::read_dir(&self.dir).map_or(0, |entries| {
            entries
                .map_while(Result::ok)
                .filter(|e| e.path().extension().and_then(|x| x.to_str()) == Some("json"))
                .count()
        })
    }

    /// Forget a delivered outcome (another process may have done so).
    pub(super) fn remove(&self, path: &Path) -> std::io::Result<()> {
        match std::fs::remove_file(path) {
            Ok(()) => sync_dir(&self.dir),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// Make a rename or removal in `dir` durable (Unix: fsync the folder; on
/// Windows NTFS journals the rename itself).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::station::records::Outcome;

    fn spool(name: &str) -> Spool {
        let dir = std::env::temp_dir().join(format!("tb-spool-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Spool { dir }
    }

    fn outcome(op: &str) -> NewRecord {
        NewRecord {
            reader: "r".into(),
            serial: Some("86596220000061".into()),
            outcome: Outcome::Ok,
            op_id: Some(op.into()),
            secret_enc: Some(vec![1, 2, 3]),
            key_id: Some(1),
            time: Some(1_700_000_000),
            ..Default::default()
        }
    }

    #[test]
    fn a_kept_outcome_reads_back_as_it_was_and_goes_when_removed() {
        let s = spool("roundtrip");
        assert_eq!(s.count(), 0);
        assert!(s.pending().is_empty(), "no folder yet: nothing kept");
        s.put(&outcome("aa01")).unwrap();
        s.put(&outcome("aa02")).unwrap();
        assert_eq!(s.count(), 2);
        let pending = s.pending();
        let ops: Vec<_> = pending.iter().map(|(_, r)| r.op_id.clone()).collect();
        assert_eq!(ops.len(), 2);
        assert!(ops.contains(&Some("aa01".into())) && ops.contains(&Some("aa02".into())));
        let (path, r) = &pending[0];
        assert_eq!(r.outcome, Outcome::Ok);
        assert_eq!(r.secret_enc.as_deref(), Some(&[1u8, 2, 3][..]));
        assert_eq!(r.time, Some(1_700_000_000));
        s.remove(path).unwrap();
        s.remove(path).unwrap(); // gone already: fine
        assert_eq!(s.count(), 1);
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(s.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn kept_outcomes_are_readable_by_their_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let s = spool("private");
        s.put(&outcome("bb01")).unwrap();
        let dir = std::fs::metadata(s.dir()).unwrap().permissions().mode();
        assert_eq!(dir & 0o077, 0, "folder {dir:o}");
        let (path, _) = &s.pending()[0];
        let file = std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(file & 0o077, 0, "file {file:o}");
    }

    #[test]
    fn an_unreadable_file_is_set_aside_and_never_blocks_the_others() {
        let s = spool("unreadable");
        s.put(&outcome("cc01")).unwrap();
        std::fs::write(s.dir().join("cc02.json"), b"{not json").unwrap();
        std::fs::write(s.dir().join(".cc03.1.tmp"), b"half").unwrap();
        let pending = s.pending();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].1.op_id.as_deref(), Some("cc01"));
        assert!(s.dir().join("cc02.unreadable").exists());
        assert_eq!(s.count(), 1);
    }

    #[test]
    fn an_operation_id_that_is_not_a_plain_name_is_not_a_path() {
        let s = spool("names");
        let mut r = outcome("x");
        r.op_id = Some("../../etc/passwd".into());
        assert!(s.put(&r).is_err());
        assert_eq!(s.count(), 0);
    }

    #[test]
    fn one_folder_per_server_database_and_login() {
        let root = Path::new("/spool");
        let loc = |url: &str| match super::super::StoreLocation::parse(url).unwrap() {
            super::super::StoreLocation::Postgres(p) => p,
            _ => unreachable!(),
        };
        let a = Spool::for_server(root, &loc("postgresql://st_a@127.0.0.1:5432/records"));
        let b = Spool::for_server(root, &loc("postgresql://st_b@127.0.0.1:5432/records"));
        let c = Spool::for_server(root, &loc("postgresql://st_a@127.0.0.1:5432/other"));
        assert_ne!(a.dir(), b.dir());
        assert_ne!(a.dir(), c.dir());
        assert_eq!(a.dir().parent(), Some(root));
        let sock = Spool::for_server(root, &loc("postgresql://st_a@%2Fvar%2Frun%2Fpostgresql/r"));
        assert_eq!(sock.dir().parent(), Some(root), "{:?}", sock.dir());
    }
}
