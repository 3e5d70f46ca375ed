//! Exports: every record as CSV, and for batches with kept secrets the
//! Microsoft Entra ID hardware OATH token CSV. Files holding secrets are
//! written readable by their owner only. `export_records` and
//! `export_entra` are the whole export, shared by the CLI and the app.

use super::records::{Record, RecordsError, Status, Store, Stored};
use super::vault::{OpenVault, VaultError};
use age::secrecy::SecretString;
use std::io::Write;
use std::path::Path;
use thiserror::Error;

/// An export that cannot be made.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Entra accepts SHA-1 tokens only.
    #[error("token {serial} uses SHA-256; Entra ID accepts only SHA-1 TOTP tokens")]
    Sha256 {
        /// The token.
        serial: String,
    },
    /// Entra accepts 30 or 60 second tokens only.
    #[error("token {serial} has an unsupported time step")]
    Period {
        /// The token.
        serial: String,
    },
    /// Nothing to export.
    #[error("no kept secrets to export")]
    Nothing,
    /// Tokens whose code check after the burn did not match or was
    /// skipped: they may not hold the secret exported (export them only
    /// when told to).
    #[error("{} token(s) whose code check did not match or was skipped", serials.len())]
    Unchecked {
        /// Their serials.
        serials: Vec<String>,
    },
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The passphrase opens none of the keys the kept secrets were sealed with.
    #[error("the passphrase does not open the stored secrets")]
    WrongPassphrase,
    /// The vault failed otherwise (a damaged key or secret).
    #[error(transparent)]
    Vault(VaultError),
    /// The records could not be read.
    #[error(transparent)]
    Records(#[from] RecordsError),
}

impl From<VaultError> for ExportError {
    fn from(e: VaultError) -> ExportError {
        match e {
            VaultError::WrongPassphrase => ExportError::WrongPassphrase,
            VaultError::Records(r) => ExportError::Records(r),
            other => ExportError::Vault(other),
        }
    }
}

/// Every record as CSV (no secrets).
pub fn records_csv(records: &[Record]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "time",
        "operator",
        "station",
        "reader",
        "serial",
        "model",
        "operation",
        "algorithm",
        "period",
        "display_timeout",
        "outcome",
        "error",
        "batch",
        "upn",
        "error_code",
        "token_state",
        "list_row",
        "flags",
        "code_check",
    ]);
    for r in records {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let num = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let _ = w.write_record([
            crate::clock::rfc3339(r.time.max(0) as u64),
            r.operator.clone(),
            r.station.clone(),
            r.reader.clone(),
            opt(&r.serial),
            opt(&r.model),
            r.operation.as_str().to_string(),
            opt(&r.algorithm),
            num(r.period),
            num(r.display_timeout),
            r.outcome.as_str().to_string(),
            if r.outcome == Status::Ok {
                String::new()
            } else {
                crate::explain::record_outcome(r)
            },
            opt(&r.batch),
            opt(&r.upn),
            opt(&r.error_code),
            r.token_state
                .map(Stored::as_str)
                .unwrap_or_default()
                .to_string(),
            num(r.list_row.map(|n| n + 1)),
            r.flags.stored().unwrap_or_default().to_string(),
            r.check.map(Stored::as_str).unwrap_or_default().to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One token for the Entra upload.
pub struct EntraRow<'a> {
    /// The record of its successful burn.
    pub record: &'a Record,
    /// Its user (empty in the file of tokens without one).
    pub upn: &'a str,
    /// Its secret in Base32.
    pub secret_base32: &'a str,
}

/// The Entra ID hardware OATH token CSV:
/// `upn,serial number,secret key,time interval,manufacturer,model`.
pub fn entra_csv(rows: &[EntraRow<'_>]) -> Result<zeroize::Zeroizing<String>, ExportError> {
    if rows.is_empty() {
        return Err(ExportError::Nothing);
    }
    let mut out = zeroize::Zeroizing::new(String::from(
        "upn,serial number,secret key,time interval,manufacturer,model\n",
    ));
    for row in rows {
        let r = row.record;
        let serial = r.serial.clone().unwrap_or_default();
        if r.algorithm.as_deref() != Some("sha1") {
            return Err(ExportError::Sha256 { serial });
        }
        let period = match r.period {
            Some(p @ (30 | 60)) => p,
            _ => return Err(ExportError::Period { serial }),
        };
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = w.write_record([
            row.upn,
            &serial,
            row.secret_base32,
            &period.to_string(),
            "Token2",
            r.model.as_deref().unwrap_or(""),
        ]);
        let bytes = zeroize::Zeroizing::new(w.into_inner().unwrap_or_default());
        out.push_str(&String::from_utf8_lossy(&bytes));
    }
    Ok(out)
}

/// Write `contents` to `path`, readable and writable by the owner only.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<(), ExportError> {
    let err = |source| ExportError::Write {
        path: path.display().to_string(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Owner-only from its creation, and never through a symbolic link.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut f = options.open(path).map_err(err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(err)?;
    }
    f.write_all(contents).map_err(err)
}

/// Write the records export (no secrets, but users and serials): owner-only
/// like the records themselves.
pub fn write_plain(path: &Path, contents: &[u8]) -> Result<(), ExportError> {
    write_private(path, contents)
}

/// Write every record as CSV to `path` (owner-only); returns how many.
pub fn export_records(store: &Store, path: &Path) -> Result<usize, ExportError> {
    let list = store.list(None)?;
    write_plain(path, records_csv(&list).as_bytes())?;
    Ok(list.len())
}

/// A token with a kept secret, and its user when it has one.
pub struct KeptToken {
    /// The record of its latest successful burn.
    pub record: Record,
    /// Its current user: the latest hand-out, or the burn's own UPN
    /// (from a user list or a link) when that is newer.
    pub upn: Option<String>,
    /// The sealed secret and the vault key that sealed it.
    sealed: (Vec<u8>, i64),
}

impl KeptToken {
    /// The serial ("" when the burn recorded none).
    pub fn serial(&self) -> &str {
        self.record.serial.as_deref().unwrap_or("")
    }

    /// Unseal its secret with an opened vault.
    pub fn unseal(&self, vault: &OpenVault) -> Result<crate::secret::Secret, ExportError> {
        let (blob, key) = &self.sealed;
        Ok(crate::secret::Secret::from_zeroizing(
            vault.unseal(*key, blob)?,
        ))
    }
}

/// The tokens whose secret was kept (latest successful burn per serial, of
/// `batch` or of all), each with its current user; no passphrase needed.
pub fn kept_tokens(store: &Store, batch: Option<&str>) -> Result<Vec<KeptToken>, ExportError> {
    let users = store.latest_assignments()?;
    Ok(store
        .kept_secrets(batch)?
        .into_iter()
        .map(|(record, blob, key)| {
            let handed = record.serial.as_ref().and_then(|s| users.get(s));
            let upn = match handed {
                // A hand-out at or after the burn wins over the burn's UPN.
                Some(a) if a.time >= record.time || record.upn.is_none() => Some(a.upn.clone()),
                _ => record.upn.clone(),
            }
            .filter(|u| !u.is_empty());
            KeptToken {
                record,
                upn,
                sealed: (blob, key),
            }
        })
        .collect())
}

/// How many tokens an Entra export of `batch` (every batch for None) would
/// hold and how many have no user yet, without the passphrase; `Nothing`
/// when no secret was kept (so a front-end need not ask for a passphrase
/// in vain).
pub fn entra_count(
    store: &Store,
    batch: Option<&str>,
    accept_unchecked: bool,
) -> Result<(usize, usize), ExportError> {
    let kept = kept_tokens(store, batch)?;
    entra_options(&kept, accept_unchecked)?;
    let with_user = kept.iter().filter(|k| k.upn.is_some()).count();
    Ok((with_user, kept.len() - with_user))
}

/// Whether Entra takes these tokens at all (with a user or not): SHA-1,
/// 30 or 60 s; `Nothing` for none; `Unchecked` for tokens whose code check
/// failed or was skipped, unless `accept_unchecked`. Said before anyone is
/// asked to hand tokens out or for a passphrase.
fn entra_options(kept: &[KeptToken], accept_unchecked: bool) -> Result<(), ExportError> {
    if kept.is_empty() {
        return Err(ExportError::Nothing);
    }
    for k in kept {
        let serial = || k.serial().to_string();
        if k.record.algorithm.as_deref() != Some("sha1") {
            return Err(ExportError::Sha256 { serial: serial() });
        }
        if !matches!(k.record.period, Some(30 | 60)) {
            return Err(ExportError::Period { serial: serial() });
        }
    }
    let unchecked: Vec<String> = kept
        .iter()
        .filter(|k| k.record.check_failed())
        .map(|k| k.serial().to_string())
        .collect();
    if !unchecked.is_empty() && !accept_unchecked {
        return Err(ExportError::Unchecked { serials: unchecked });
    }
    Ok(())
}

/// A token left out of the Entra file because it has no user.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unassigned {
    /// Its serial.
    pub serial: String,
    /// Its model.
    pub model: Option<String>,
    /// Its batch.
    pub batch: Option<String>,
}

/// What an Entra export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntraSummary {
    /// Tokens (rows) in the Entra file; 0: no file was written.
    pub written: usize,
    /// The batches those rows come from.
    pub batches: Vec<String>,
    /// Tokens with a kept secret but no user: not in the Entra file.
    pub unassigned: Vec<Unassigned>,
    /// They were written to the `--unassigned` file.
    pub unassigned_written: bool,
}

/// The Entra ID export: unseal the kept secrets of successful burns (the
/// latest per serial, of `batch` or of all) with `passphrase`, and write
/// the Entra CSV of the tokens that have a user to `path`; the tokens
/// without one are listed in the summary and, given `unassigned_path`,
/// written there in the same layout with the UPN empty. Files are readable
/// by their owner only (on Windows, the folder's permissions apply). The
/// Entra file is not written when no token has a user. The secrets live
/// in wiped buffers only; nothing is written on any error.
pub fn export_entra(
    store: &Store,
    passphrase: &SecretString,
    batch: Option<&str>,
    path: &Path,
    unassigned_path: Option<&Path>,
    accept_unchecked: bool,
) -> Result<EntraSummary, ExportError> {
    let kept = kept_tokens(store, batch)?;
    entra_options(&kept, accept_unchecked)?;
    let vault = OpenVault::open(store, passphrase)?;
    let secrets = kept
        .iter()
        .map(|k| Ok(k.unseal(&vault)?.to_base32()))
        .collect::<Result<Vec<_>, ExportError>>()?;
    let (mut with_user, mut without) = (Vec::new(), Vec::new());
    for (k, s) in kept.iter().zip(&secrets) {
        let row = EntraRow {
            record: &k.record,
            upn: k.upn.as_deref().unwrap_or(""),
            secret_base32: s,
        };
        if k.upn.is_some() {
            with_user.push(row);
        } else {
            without.push(row);
        }
    }
    // Both files are made before either is written: a refusal writes none.
    let text = (!with_user.is_empty())
        .then(|| entra_csv(&with_user))
        .transpose()?;
    let rest = match unassigned_path {
        Some(_) if !without.is_empty() => Some(entra_csv(&without)?),
        _ => None,
    };
    if let Some(text) = &text {
        write_private(path, text.as_bytes())?;
    }
    if let (Some(p), Some(rest)) = (unassigned_path, &rest) {
        write_private(p, rest.as_bytes())?;
    }
    let mut batches: Vec<String> = with_user
        .iter()
        .filter_map(|r| r.record.batch.clone())
        .collect();
    batches.sort();
    batches.dedup();
    Ok(EntraSummary {
        written: with_user.len(),
        batches,
        unassigned: without
            .iter()
            .map(|r| Unassigned {
                serial: r.record.serial.clone().unwrap_or_default(),
                model: r.record.model.clone(),
                batch: r.record.batch.clone(),
            })
            .collect(),
        unassigned_written: rest.is_some(),
    })
}
