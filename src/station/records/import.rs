//! `records import FILE.sqlite`: a station that ran on its own file joins
//! the fleet by copying its history into the shared store, as it was
//! (times, operators, station names, outcomes, list claims, hand-outs).
//! Idempotent: a row already in the store is not added again, also rows
//! from before operation ids existed (they get an id made from their own
//! content, the same at every import). Kept secrets were sealed to the
//! station's own key: given its passphrase they are opened and sealed again
//! to the fleet's recipient, otherwise left out and listed.

use super::db::{Exec, Val};
use super::query::map_record;
use super::{Outcome, RecordsError, Store, Stored};
use crate::station::vault::{OpenVault, Vault, VaultError};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Record rows added.
    pub records: usize,
    /// Record rows already in the store (not added again).
    pub already: usize,
    /// Hand-outs added.
    pub assignments: usize,
    /// Kept secrets opened and sealed again to the fleet's key.
    pub resealed: usize,
    /// Serials whose kept secret was left out (no passphrase, or it did not
    /// open them).
    pub secrets_left_out: Vec<String>,
}

/// Why an import stopped (nothing of it was written).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Either store failed.
    #[error(transparent)]
    Records(#[from] RecordsError),
    /// The station's passphrase or the fleet's key failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// A record row of the source as stored, with what makes it itself.
struct Row {
    id: i64,
    time: i64,
    operator: String,
    station: String,
    outcome: Outcome,
    error: Option<String>,
    secret_enc: Option<Vec<u8>>,
    key_id: Option<i64>,
    record: super::Record,
}

/// The operation id of a row written before operation ids existed: made
/// from its content, so every import of the same file gives the same.
fn legacy_op_id(r: &Row) -> String {
    let mut h = Sha256::new();
    for part in [
        r.station.as_str(),
        &r.time.to_string(),
        r.record.serial.as_deref().unwrap_or(""),
        r.record.operation.as_str(),
        r.outcome.as_str(),
        &r.id.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let d = h.finalize();
    format!(
        "legacy-{}",
        d[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

impl Store {
    /// Copy the history of `source` (a station's own file) into this store.
    /// `station_passphrase` opens the source's kept secrets, which are
    /// sealed again to this store's newest key; without it they are left
    /// out. One transaction: all of it, or nothing.
    pub fn import_from(
        &self,
        source: &Store,
        station_passphrase: Option<&age::secrecy::SecretString>,
    ) -> Result<ImportReport, ImportError> {
        let rows = source.read(|db| {
            db.all(
                &format!(
                    "SELECT {}, r.outcome AS raw_outcome, r.secret_enc, r.key_id FROM records r ORDER BY r.id",
                    super::query::COLUMNS
                ),
                &[],
                |g| {
                    Ok(Row {
                        id: g.i64("id")?,
                        time: g.i64("time")?,
                        operator: g.text("operator")?,
                        station: g.text("station")?,
                        outcome: Outcome::parse(&g.text("raw_outcome")?)?,
                        error: g.opt_text("error")?,
                        secret_enc: g.opt_bytes("secret_enc")?,
                        key_id: g.opt_i64("key_id")?,
                        record: map_record(g)?,
                    })
                },
            )
        })?;
        let claims = source.read(|db| {
            db.all(
                "SELECT time, station, list_id, list_row, op_id, kind FROM list_claims ORDER BY id",
                &[],
                |g| {
                    Ok((
                        g.i64("time")?,
                        g.text("station")?,
                        g.text("list_id")?,
                        g.i64("list_row")?,
                        g.text("op_id")?,
                        g.text("kind")?,
                    ))
                },
            )
        })?;
        let handouts = source.assignments(None)?;
        // The technicians' code checks (a file older than them has none).
        let checks = source.read(|db| {
            db.all(
                "SELECT time, operator, station, op_id, serial, verdict FROM code_checks ORDER BY id",
                &[],
                |g| {
                    Ok((
                        g.i64("time")?,
                        g.text("operator")?,
                        g.text("station")?,
                        g.text("op_id")?,
                        g.opt_text("serial")?,
                        g.text("verdict")?,
                    ))
                },
            )
        })?;
        let opened = match station_passphrase {
            Some(p) if rows.iter().any(|r| r.secret_enc.is_some()) => {
                Some((OpenVault::open(source, p)?, Vault::sealing_only(self)?))
            }
            _ => None,
        };
        let mut report = ImportReport::default();
        self.write(&["import".to_string()], |db| {
            for r in &rows {
                let op_id = r.record.op_id.clone().unwrap_or_else(|| legacy_op_id(r));
                let there = db.one(
                    "SELECT EXISTS (SELECT 1 FROM records WHERE op_id = ?1 AND outcome = ?2
                       AND time = ?3 AND station = ?4) AS there",
                    &[
                        Val::T(Some(&op_id)),
                        Val::T(Some(r.outcome.as_str())),
                        Val::I(Some(r.time)),
                        Val::T(Some(&r.station)),
                    ],
                    |g| g.flag("there"),
                )?;
                if there {
                    report.already += 1;
                    continue;
                }
                let sealed = match (&r.secret_enc, r.key_id, &opened) {
                    (Some(blob), Some(key), Some((open, fleet))) => match open.unseal(key, blob) {
                        Ok(secret) => {
                            report.resealed += 1;
                            Some(fleet.seal(&secret)?)
                        }
                        Err(_) => None,
                    },
                    _ => None,
                };
                if r.secret_enc.is_some() && sealed.is_none() {
                    let serial = r.record.serial.clone().unwrap_or_default();
                    if !report.secrets_left_out.contains(&serial) {
                        report.secrets_left_out.push(serial);
                    }
                }
                insert_as_was(db, r, &op_id, sealed.as_ref())?;
                report.records += 1;
            }
            for (time, station, list_id, list_row, op_id, kind) in &claims {
                // Claims backfilled from rows without an operation id name
                // the row's number: give them that row's made-up id.
                let op_id = match op_id
                    .strip_prefix("legacy-")
                    .and_then(|n| n.parse::<i64>().ok())
                {
                    Some(id) => match rows.iter().find(|r: &&Row| r.id == id) {
                        Some(r) => r.record.op_id.clone().unwrap_or_else(|| legacy_op_id(r)),
                        None => continue,
                    },
                    None => op_id.clone(),
                };
                db.exec(
                    "INSERT INTO list_claims (time, station, list_id, list_row, op_id, kind)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                    &[
                        Val::I(Some(*time)),
                        Val::T(Some(station)),
                        Val::T(Some(list_id)),
                        Val::I(Some(*list_row)),
                        Val::T(Some(&op_id)),
                        Val::T(Some(kind)),
                    ],
                )?;
            }
            for a in &handouts {
                let added = db.exec(
                    "INSERT INTO assignments (time, operator, station, serial, upn, reader)
                     SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM assignments
                       WHERE time = ?1 AND station = ?3 AND serial = ?4 AND upn = ?5)",
                    &[
                        Val::I(Some(a.time)),
                        Val::T(Some(&a.operator)),
                        Val::T(Some(&a.station)),
                        Val::T(Some(&a.serial)),
                        Val::T(Some(&a.upn)),
                        Val::T(a.reader.as_deref()),
                    ],
                )?;
                report.assignments += added as usize;
            }
            for (time, operator, station, op_id, serial, verdict) in &checks {
                db.exec(
                    "INSERT INTO code_checks (time, operator, station, op_id, serial, verdict)
                     SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM code_checks
                       WHERE time = ?1 AND station = ?3 AND op_id = ?4 AND verdict = ?6)",
                    &[
                        Val::I(Some(*time)),
                        Val::T(Some(operator)),
                        Val::T(Some(station)),
                        Val::T(Some(op_id)),
                        Val::T(serial.as_deref()),
                        Val::T(Some(verdict)),
                    ],
                )?;
            }
            Ok::<_, ImportError>(())
        })?;
        Ok(report)
    }
}

/// Append `r` as it was written at its station.
fn insert_as_was(
    db: &mut dyn Exec,
    r: &Row,
    op_id: &str,
    sealed: Option<&(Vec<u8>, i64)>,
) -> Result<(), RecordsError> {
    let x = &r.record;
    db.exec(
        "INSERT INTO records (time, operator, station, reader, serial, model, operation, algorithm, period,
            display_timeout, outcome, error, error_code, token_state, batch, upn, list_id, list_row, op_id,
            flags, secret_enc, key_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            ?20, ?21, ?22)",
        &[
            Val::I(Some(r.time)),
            Val::T(Some(&r.operator)),
            Val::T(Some(&r.station)),
            Val::T(Some(&x.reader)),
            Val::T(x.serial.as_deref()),
            Val::T(x.model.as_deref()),
            Val::T(Some(x.operation.as_str())),
            Val::T(x.algorithm.as_deref()),
            Val::I(x.period),
            Val::I(x.display_timeout),
            Val::T(Some(r.outcome.as_str())),
            Val::T(r.error.as_deref()),
            Val::T(x.error_code.as_deref()),
            Val::T(x.token_state.map(Stored::as_str)),
            Val::T(x.batch.as_deref()),
            Val::T(x.upn.as_deref()),
            Val::T(x.list_id.as_deref()),
            Val::I(x.list_row),
            Val::T(Some(op_id)),
            Val::T(x.flags.stored()),
            Val::B(sealed.map(|s| s.0.as_slice())),
            Val::I(sealed.map(|s| s.1)),
        ],
    )?;
    Ok(())
}
