//! The station's user list: what this process last read of the rows taken
//! (for the label and "the list is done"; the store holds the truth), and
//! the start of a token that takes the next free row, in one transaction
//! of the store.

use super::{
    BatchSource, Decision, Job, NextUp, Shared, StationError, StationEvent, lock, random_secret,
};
use crate::burn::{ErrorCode, IdentifiedToken};
use crate::secret::Secret;
use crate::station::operation::{self, OperationError, Recording, Refusal};
use crate::station::records::{Flag, Flags, NewRecord, NotBegun, RowPick};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What this process last read of the list's taken rows (the store holds
/// the truth; this only says what to show and when the list is done).
pub(super) struct ListView {
    pub(super) taken: Vec<bool>,
    /// The first row of this run (`start_row`, else 0).
    pub(super) from: usize,
    /// Claims up to this mark are not counted (`start_row` given).
    pub(super) since: Option<i64>,
    pub(super) read_at: Option<Instant>,
}

/// How long a read of the taken rows is good for (another station may
/// take rows meanwhile: its progress shows within this).
const LIST_FRESH: Duration = Duration::from_millis(500);

impl Shared<'_> {
    /// The first row of the list not taken, as last read from the store
    /// (read again when older than [`LIST_FRESH`], or now with `fresh`).
    pub(super) fn next_row(&self, fresh: bool) -> Option<usize> {
        let BatchSource::Users { list_id, .. } = &self.config.source else {
            return None;
        };
        let mut v = lock(&self.list);
        let stale = v.read_at.is_none_or(|t| t.elapsed() >= LIST_FRESH);
        if fresh || stale {
            // A failed read keeps the last view: the next start reads the
            // store in its own transaction anyway, and says so if it fails.
            if let Ok(taken) = self.store.taken_rows(list_id, v.since) {
                v.taken.iter_mut().for_each(|t| *t = false);
                for (row, _) in taken {
                    if let Some(t) = v.taken.get_mut(row) {
                        *t = true;
                    }
                }
                v.read_at = Some(Instant::now());
            }
        }
        (v.from..v.taken.len()).find(|i| !v.taken[*i])
    }

    /// Take the next free row of the list for `token` and record its start,
    /// in one transaction of the store.
    pub(super) fn begin_row(
        &self,
        reader: &str,
        token: &IdentifiedToken,
        flags: &Flags,
        clock_flag: Option<Flag>,
    ) -> Result<Decision, StationError> {
        let BatchSource::Users { rows, list_id } = &self.config.source else {
            unreachable!("only lists have rows");
        };
        let (from, since) = {
            let v = lock(&self.list);
            (v.from, v.since)
        };
        let mut all_flags = flags.clone();
        all_flags.extend(clock_flag);
        let rec = Recording {
            store: Some(self.store),
            reader: reader.into(),
            batch: Some(self.config.batch_id.clone()),
            reburn: self.config.reburn,
            flags: all_flags,
            ..Default::default()
        };
        // Made before the transaction (used when the row has no secret).
        let fresh = random_secret()?;
        let mut chosen: Option<Secret> = None;
        let vault = self.config.vault.as_ref();
        let mut fill = |row: Option<usize>, r: &mut NewRecord| {
            let Some(user) = row.and_then(|i| rows.get(i)) else {
                return Ok(());
            };
            let secret = user.secret.clone().unwrap_or_else(|| fresh.clone());
            r.upn = Some(user.upn.clone());
            if let Some(v) = vault {
                let (enc, key) = v.seal(secret.bytes())?;
                r.secret_enc = Some(enc);
                r.key_id = Some(key);
            }
            chosen = Some(secret);
            Ok(())
        };
        let pick = RowPick {
            list_id,
            rows: rows.len(),
            from,
            since,
        };
        let options = &self.config.options;
        let begun = operation::begin_row(self.store, &rec, options, token, pick, &mut fill);
        let begun = match begun {
            Ok(b) => b,
            Err(NotBegun::ListDone) => {
                return Ok(Decision::Skip(Box::new(StationEvent::Waiting {
                    reader: reader.into(),
                    next: NextUp::ListDone,
                })));
            }
            Err(NotBegun::BurnedBefore { when, batch }) => {
                return Ok(Decision::Skip(Box::new(StationEvent::AlreadyBurned {
                    reader: reader.into(),
                    serial: token.serial.clone(),
                    when,
                    batch,
                    this_run: false,
                })));
            }
            Err(NotBegun::NotInStock) => {
                // Counted as the other paths' refusals are (finish_token).
                lock(&self.summary).failed += 1;
                let error = OperationError::Refused(Refusal::NotInStock {
                    serial: token.serial.clone(),
                });
                return Ok(Decision::Skip(Box::new(StationEvent::Failed {
                    reader: reader.into(),
                    serial: Some(token.serial.clone()),
                    code: ErrorCode::Stopped,
                    error: Arc::new(error),
                    token_state: crate::burn::TokenState::Untouched,
                })));
            }
            Err(NotBegun::NotSealed(e)) => return Err(e.into()),
            Err(NotBegun::Records(e)) if e.is_unreachable() => {
                return Ok(Decision::Skip(Box::new(self.records_waiting(reader, e))));
            }
            Err(NotBegun::Records(e)) => {
                return Err(StationError::Refused(Arc::new(OperationError::Refused(
                    Refusal::NotRecorded(e),
                ))));
            }
        };
        let (Some(secret), Some(row)) = (chosen, begun.row) else {
            unreachable!("a row was taken and filled");
        };
        lock(&self.list).read_at = None; // read again for the next label
        let claim = self.claim();
        Ok(Decision::Burn(Box::new(Job {
            secret,
            claim,
            upn: Some(rows[row].upn.clone()),
            list: Some((list_id.clone(), row)),
            begun: Some(begun),
            flags: flags.clone(),
            resumed: false,
        })))
    }
}
