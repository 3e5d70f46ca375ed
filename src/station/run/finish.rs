//! What a station does once a token's operation ran: count it, say it
//! (burned, failed, or waiting for the records), give back what a token
//! that was not written did not use, and stop the run when an outcome
//! could not be recorded.

use super::{
    BatchSource, Claim, Job, OperationError, Refusal, Shared, StationError, StationEvent, lock,
};
use crate::burn::{self, ErrorCode};
use crate::station::operation;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// Say how the token's operation went; true when the same token is to be
/// tried again (the records could not be reached, nothing was written).
pub(super) fn finish_token(
    shared: &Shared<'_>,
    reader: &str,
    placed: Instant,
    job: Job,
    recorded: operation::Recorded<burn::BurnReport>,
) -> bool {
    let emit = |e: StationEvent| (shared.on_event)(e);
    let not_recorded = recorded.outcome_not_recorded.map(Arc::new);
    if let Some(error) = recorded.outcome_spooled {
        // Said before the result: a front-end shows the result last.
        let serial = match &recorded.result {
            Ok(report) => Some(report.token.serial.clone()),
            Err(e) => e.token().map(|t| t.serial.clone()),
        };
        emit(StationEvent::OutcomeSpooled {
            reader: reader.into(),
            serial,
            error: Arc::new(error),
            waiting: shared.store.spooled_outcomes(),
        });
    }
    match recorded.result {
        Err(OperationError::Refused(Refusal::NotRecorded(e))) if e.is_unreachable() => {
            // Nothing was written nor recorded: the same token is tried
            // again once the records answer (a handed secret goes back).
            if let Some(claim) = &job.claim {
                shared.release(claim);
            }
            shared.settle();
            if let (Some(Claim::Handed), BatchSource::Handed(slot)) =
                (&job.claim, &shared.config.source)
            {
                let mut slot = lock(slot);
                if slot.is_none() {
                    *slot = Some((job.secret, job.upn));
                }
            }
            emit(shared.records_waiting(reader, e));
            return true;
        }
        Ok(report) => {
            *lock(&shared.records_down) = None;
            shared.settle();
            let serial = report.token.serial.clone();
            lock(&shared.this_run).push(serial.clone());
            {
                let mut s = lock(&shared.summary);
                s.burned += 1;
                s.resumed += usize::from(job.resumed);
                s.in_doubt.retain(|x| *x != serial);
            }
            emit(StationEvent::Burned {
                reader: reader.into(),
                token: report.token,
                upn: job.upn,
                row: job.list.map(|(_, r)| r),
                code: report.codes.current,
                secret: job.secret,
                options: report.options,
                took: placed.elapsed(),
                resumed: job.resumed,
                not_recorded: not_recorded.clone(),
            });
        }
        Err(e) => {
            let started = recorded.op_id.is_some() && e.token_state().is_touched();
            if let Some(claim) = &job.claim {
                // A start was recorded (the row belongs to that token now)
                // unless nothing was written and nothing recorded.
                if !started && recorded.op_id.is_none() {
                    shared.release(claim);
                }
            }
            shared.settle();
            let e = Arc::new(e);
            if let OperationError::Refused(Refusal::NotRecorded(_) | Refusal::NotSealed(_)) = &*e {
                shared.fail(StationError::Refused(e.clone()));
            }
            let serial = e.token().map(|t| t.serial.clone());
            let code = match &*e {
                OperationError::Token(b) => b.cause.code(),
                OperationError::Refused(_) => ErrorCode::Stopped,
            };
            {
                let mut s = lock(&shared.summary);
                s.failed += 1;
                if let (Some(serial), true) = (&serial, e.token_state().is_touched())
                    && !s.in_doubt.contains(serial)
                {
                    s.in_doubt.push(serial.clone());
                }
            }
            emit(StationEvent::Failed {
                reader: reader.into(),
                serial,
                code,
                token_state: e.token_state(),
                error: e,
            });
        }
    }
    if not_recorded.is_some() {
        shared.halt.store(true, Ordering::SeqCst);
    }
    false
}
