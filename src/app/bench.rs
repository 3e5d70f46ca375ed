//! One token at a time: the secret, the options, the burn or sync and its
//! result. The burner view and the wizard each own one; they share only
//! the workers (and through them the token on the reader). Options follow
//! the secret; a burn is confirmed first when the options differ from the
//! link's, when the records say the token was burned before, or when the
//! PC clock is off. Nothing here blocks: requests go to the device worker.

use super::action::{Action, apply_to_secret};
pub use super::check::BurnResult;
use super::check::{CodeProblem, Verdict};
use super::device::{DeviceEvent, DeviceRequest, RecordWarning};
use super::secret_input::SecretInput;
use super::workers::{Desk, TokenStatus, Workers};
use crate::burn::{BurnPlan, Progress, Step, TokenState};
use crate::emulator::lock;
use crate::explain::{self, Explanation};
use crate::params::TokenOptions;
use crate::protocol::TimeSync;
use crate::secret::{Secret, SecretInfo};
use crate::station::operation::{OperationError, Refusal};
use crate::station::records::RecordsError;
use crate::tr;
use std::sync::Arc;

/// The burn (or time sync) in progress or just finished.
#[derive(Debug, Clone)]
pub enum Operation {
    /// Nothing running.
    Idle,
    /// A burn is running; the steps done so far and the current one.
    Burning {
        /// The current step.
        step: Step,
    },
    /// A time sync is running.
    Syncing,
    /// The last operation failed: what happened and what the token holds.
    Failed {
        /// What happened (in words when drawn, in the language shown then).
        why: FailedWhy,
        /// What the token holds.
        token_state: TokenState,
    },
    /// The last time sync worked: what it did (in words at draw time, in
    /// the language shown then).
    Synced(SyncNote),
}

/// Why the last burn or sync failed, kept typed: it is put in words when
/// drawn, so a language switch changes it too.
#[derive(Debug, Clone)]
pub enum FailedWhy {
    /// The token, the reader or the records refused or failed.
    Operation(Arc<OperationError>),
    /// The records file could not be opened: nothing is burned.
    RecordsUnopenable(Arc<RecordsError>),
}

impl FailedWhy {
    /// What happened and what to do, in the current language.
    pub fn words(&self) -> Explanation {
        match self {
            FailedWhy::Operation(e) => explain::operation_error(e),
            FailedWhy::RecordsUnopenable(e) => Explanation {
                problem: tr!(
                    "gui-device-records-unopenable",
                    error = explain::records_error(e)
                ),
                next_step: tr!("gui-burn-records-next"),
            },
        }
    }
}

/// What a time sync that worked did to the token, for the words below Burn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncNote {
    /// The model erased its secret; the secret panel still holds one.
    ErasedBurnNow,
    /// The model erased its secret; there is no secret to burn.
    ErasedScanFirst,
    /// The secret was kept.
    Kept,
    /// Unknown model: whether it kept its secret is not known.
    Unknown,
}

impl SyncNote {
    /// The note in the current language.
    pub fn words(self) -> String {
        match self {
            SyncNote::ErasedBurnNow => tr!("gui-sync-done-erased-burn"),
            SyncNote::ErasedScanFirst => tr!("gui-sync-done-erased-scan"),
            SyncNote::Kept => tr!("gui-sync-done-kept"),
            SyncNote::Unknown => tr!("gui-sync-done-unknown"),
        }
    }
}

/// What a device answer changed that the view around the bench follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchNews {
    /// A burn worked: the live code is shown.
    Burned,
    /// A time sync erased the token's secret: burn again.
    SecretErased,
}

/// One token's secret, options, operation and result.
pub struct Bench {
    desk: Desk,
    /// The secret panel.
    pub secret: SecretInput,
    /// Options to burn: the secret's (its link's, else SHA-1 / 30 s) unless
    /// the operator changes them; only the display timeout is remembered.
    pub options: TokenOptions,
    /// The "options differ from the link's" confirmation is open.
    pub confirm_options: bool,
    /// The time-sync confirmation is open.
    pub confirm_sync: bool,
    /// The secret being burned, its label and the secret field's revision
    /// when the burn was asked for, until the burn reports.
    burning: Option<(Secret, Option<String>, u64)>,
    /// The running or last operation.
    pub operation: Operation,
    /// The last successful burn.
    pub result: Option<BurnResult>,
    /// The token on the reader was burned before: offer "Burn again with a
    /// new secret" (its serial).
    pub reburn_offer: Option<String>,
    /// The last burn was refused because the PC clock is off: offer
    /// "Write this PC's time anyway".
    pub clock_override_offer: bool,
    /// A warning about the last operation (e.g. its outcome not recorded).
    pub record_warning: RecordWarning,
}

impl Bench {
    /// An empty bench for `desk`, with the remembered display timeout.
    pub fn new(desk: Desk, options: TokenOptions) -> Bench {
        Bench {
            desk,
            secret: SecretInput::default(),
            options,
            confirm_options: false,
            confirm_sync: false,
            burning: None,
            operation: Operation::Idle,
            result: None,
            reburn_offer: None,
            clock_override_offer: false,
            record_warning: RecordWarning::default(),
        }
    }

    /// Apply a panel's action; hand back what is not the bench's.
    pub fn apply(
        &mut self,
        a: Action,
        w: &mut Workers,
        ctx: &eframe::egui::Context,
    ) -> Option<Action> {
        let a = apply_to_secret(a, &mut self.secret, &mut self.options, w, ctx, self.desk)?;
        match a {
            Action::AskSync => self.confirm_sync = true,
            Action::CancelSync => self.confirm_sync = false,
            Action::Sync { erase_ok } => self.start_sync(w, erase_ok),
            Action::Burn => self.start_burn(w),
            Action::BurnConfirmed => self.burn_now(w),
            Action::CancelBurn => self.confirm_options = false,
            Action::BurnAgain => self.burn_again(w),
            Action::BurnTrustingPcClock => self.burn_trusting_pc_clock(w),
            Action::DismissOutcome => {
                if matches!(
                    self.operation,
                    Operation::Failed { .. } | Operation::Synced(_)
                ) {
                    self.operation = Operation::Idle;
                }
            }
            Action::NextToken => {
                if self.may_go_on() {
                    self.next_token();
                }
            }
            Action::CheckCode => {
                let clock = w.clock.clone();
                if let Some(v) = self.result.as_mut().and_then(|r| r.compare(&*clock)) {
                    self.decide(v, w);
                }
            }
            Action::SkipCheck => self.decide(Verdict::Skipped, w),
            Action::CheckAgain => {
                if let Some(r) = &mut self.result {
                    r.check_again();
                }
            }
            other => return Some(other),
        }
        None
    }

    /// Why the burn button is disabled, or None when a burn can start.
    pub fn burn_blocker(&self, w: &Workers) -> Option<String> {
        if w.busy() {
            return Some(match self.operation {
                Operation::Burning { step } => tr!("gui-burn-burning", step = step.label()),
                _ => tr!("gui-status-busy"),
            });
        }
        if self.secret.chosen().is_none() {
            return Some(match self.secret.problem() {
                Some(x) => x.problem,
                None => tr!("gui-burn-no-secret"),
            });
        }
        match &w.token {
            TokenStatus::Known(_) => None,
            TokenStatus::Reading => Some(tr!("gui-status-reading")),
            TokenStatus::Failed(e) => Some(explain::burn_error(e).problem),
            TokenStatus::Absent => Some(tr!("gui-status-absent")),
            held @ TokenStatus::HeldByStation(_) => held.held_words(),
        }
    }

    /// The HMAC and time step the secret asks for, when the options shown
    /// differ from them (the codes would not match the service's).
    pub fn options_differ(
        &self,
    ) -> Option<(crate::params::HmacAlgorithm, crate::params::TimeStep)> {
        self.secret
            .intended_options()
            .filter(|&(a, p)| (a, p) != (self.options.algorithm, self.options.period))
    }

    /// Start a burn (no-op with the reason shown when not ready). Options
    /// that differ from the link's are confirmed first, once.
    fn start_burn(&mut self, w: &mut Workers) {
        if self.burn_blocker(w).is_some() {
            return;
        }
        if self.options_differ().is_some() {
            self.confirm_options = true;
            return;
        }
        self.burn_now(w);
    }

    /// Burn with the options shown (the operator confirmed them).
    fn burn_now(&mut self, w: &mut Workers) {
        self.confirm_options = false;
        if self.burn_blocker(w).is_some() {
            return;
        }
        let Some(info) = self.secret.chosen() else {
            return;
        };
        w.settings.set_display_timeout(self.options.display_timeout);
        self.result = None;
        self.send_burn(w, info, false, false);
    }

    /// Burn although the time servers say the PC clock is off: the
    /// operator's explicit choice ("Write this PC's time anyway"),
    /// recorded as such.
    fn burn_trusting_pc_clock(&mut self, w: &mut Workers) {
        if !self.clock_override_offer || self.burn_blocker(w).is_some() {
            return;
        }
        let Some(info) = self.secret.chosen() else {
            return;
        };
        self.clock_override_offer = false;
        self.result = None;
        self.send_burn(w, info, false, true);
    }

    /// Burn the token that the records say was burned before, on purpose
    /// ("Burn again with a new secret").
    fn burn_again(&mut self, w: &mut Workers) {
        if self.reburn_offer.is_none() || self.burn_blocker(w).is_some() {
            return;
        }
        let Some(info) = self.secret.chosen() else {
            return;
        };
        self.reburn_offer = None;
        self.result = None;
        self.send_burn(w, info, true, false);
    }

    fn send_burn(&mut self, w: &mut Workers, info: SecretInfo, reburn: bool, trust: bool) {
        let label = match (info.issuer, info.account.clone()) {
            (Some(a), Some(b)) => Some(format!("{a} · {b}")),
            (a, b) => a.or(b),
        };
        let (secret, upn) = (info.secret, info.account);
        self.burning = Some((secret.clone(), label, self.secret.revision));
        self.operation = Operation::Burning {
            step: Step::Identify,
        };
        let reader = w.target_name();
        w.device_for = self.desk;
        w.device.send(DeviceRequest::Burn {
            reader,
            plan: BurnPlan {
                secret,
                options: self.options,
                allow_unknown_model: false,
            },
            upn,
            reburn,
            trust_pc_clock: trust,
        });
    }

    /// Whether a time sync needs the erase confirmation on this token.
    pub fn sync_erases(&self, w: &Workers) -> bool {
        match &w.token {
            TokenStatus::Known(t) => t.time_sync() != Some(TimeSync::KeepsSecret),
            _ => true,
        }
    }

    /// Sync the clock (the confirmation has been given when it erases).
    fn start_sync(&mut self, w: &mut Workers, erase_ok: bool) {
        if w.busy() || !matches!(w.token, TokenStatus::Known(_)) {
            return;
        }
        self.confirm_sync = false;
        self.operation = Operation::Syncing;
        let reader = w.target_name();
        w.device_for = self.desk;
        w.device.send(DeviceRequest::SyncTime {
            reader,
            options: self.options,
            erase_ok,
        });
    }

    /// A token was read afresh: a failure that left the token untouched
    /// and described the reader (no token, lifted, reader or service
    /// trouble) or another token no longer applies and is cleared. A
    /// failure that may have written to a token stays until the next burn
    /// or next token (it says the token may be blank); so does one that
    /// still applies to this token (burned before, the PC clock off).
    pub fn token_read_again(&mut self, serial: &str) {
        use crate::burn::ErrorCode as C;
        let Operation::Failed {
            token_state,
            why: FailedWhy::Operation(e),
        } = &self.operation
        else {
            return;
        };
        let reader_trouble = match &**e {
            OperationError::Token(b) => matches!(
                b.cause.code(),
                C::NoToken
                    | C::TokenRemoved
                    | C::NoReader
                    | C::ReaderBusy
                    | C::ServiceDown
                    | C::Timeout
                    | C::ReaderError
            ),
            OperationError::Refused(_) => false,
        };
        let failed_on = match &**e {
            OperationError::Refused(Refusal::BurnedBefore { serial, .. }) => Some(serial.as_str()),
            other => other.token().map(|t| t.serial.as_str()),
        };
        let other_token = failed_on.is_some_and(|s| s != serial);
        if !token_state.is_touched() && (reader_trouble || other_token) {
            self.operation = Operation::Idle;
            self.reburn_offer = None;
            self.clock_override_offer = false;
        }
    }

    /// Whether the next token may come: not while a burn's check is
    /// still to be made (the reason is then shown by the result).
    pub fn may_go_on(&mut self) -> bool {
        match &mut self.result {
            Some(r) if !r.may_leave() => {
                r.problem = Some(CodeProblem::CheckFirst);
                false
            }
            _ => true,
        }
    }

    /// Take the check's verdict and append it to the records (through the
    /// device worker: never on the UI thread).
    fn decide(&mut self, verdict: Verdict, w: &mut Workers) {
        let Some(r) = &mut self.result else {
            return;
        };
        r.decide(verdict);
        let check = verdict.stored();
        w.note_event(&format!("code check: {check:?}"));
        if let Some(op_id) = r.op_id.clone() {
            w.device_for = self.desk;
            w.device.send(DeviceRequest::RecordCheck {
                op_id,
                serial: r.serial.clone(),
                check,
            });
        }
    }

    /// Forget this token's secret and get ready for the next one. A secret
    /// that arrived while the result was showing (pasted, scanned,
    /// dropped, typed) is the next token's: it stays.
    pub fn next_token(&mut self) {
        self.reburn_offer = None;
        self.confirm_options = false;
        let next_waiting = self
            .result
            .as_ref()
            .is_some_and(|r| r.secret_revision != self.secret.revision);
        if !next_waiting {
            self.secret.clear();
        }
        self.secret.capture_note = None;
        self.result = None;
        self.operation = Operation::Idle;
    }

    /// The device worker's answer to this bench's burn or sync.
    pub(crate) fn on_device_event(&mut self, e: DeviceEvent, w: &mut Workers) -> Option<BenchNews> {
        match e {
            DeviceEvent::Progress(Progress::Step(step)) => {
                if matches!(self.operation, Operation::Burning { .. }) {
                    self.operation = Operation::Burning { step };
                }
                w.log.push(move || tr!("gui-log-step", step = step.label()));
            }
            DeviceEvent::RecordsProblem(e) => {
                self.operation = Operation::Failed {
                    why: FailedWhy::RecordsUnopenable(e),
                    token_state: TokenState::Untouched,
                };
            }
            DeviceEvent::CheckRecorded(done) => {
                if let (Some(r), Err(e)) = (&mut self.result, done) {
                    r.not_recorded = Some(e);
                }
            }
            DeviceEvent::Burned(Ok(report), warning, op_id) => {
                self.record_warning = warning;
                self.reburn_offer = None;
                let burned = self.burning.take();
                let line = format!(
                    "burned {} code {}",
                    report.token.serial, report.codes.current
                );
                w.note_event(&line);
                let (serial, code) = (
                    report.token.serial.clone(),
                    report.codes.current.to_string(),
                );
                w.log.push(move || {
                    tr!(
                        "gui-log-burned",
                        serial = serial.as_str(),
                        code = code.as_str()
                    )
                });
                self.result = burned.map(|(secret, label, revision)| {
                    BurnResult::new(
                        secret,
                        report.options,
                        report.token.serial.clone(),
                        report.token.model_name(),
                        label,
                        op_id,
                        revision,
                    )
                });
                w.token = TokenStatus::Known(report.token);
                self.operation = Operation::Idle;
                if let Some(d) = &w.demo {
                    let code = lock(&d.token).stored_code().unwrap_or_default();
                    w.note_event(&format!("virtual token shows {code} after a power cycle"));
                }
                super::bell::ring();
                return Some(BenchNews::Burned);
            }
            DeviceEvent::Burned(Err(e), warning, _) => self.on_burn_failed(e, warning, w),
            DeviceEvent::Synced(Ok(r), warning) => {
                self.record_warning = warning;
                let erased = r.secret_erased == Some(true);
                let note = match r.secret_erased {
                    Some(true) => {
                        // The token's live code is gone, so is the result.
                        self.result = None;
                        if self.secret.chosen().is_some() {
                            SyncNote::ErasedBurnNow
                        } else {
                            SyncNote::ErasedScanFirst
                        }
                    }
                    Some(false) => SyncNote::Kept,
                    None => SyncNote::Unknown,
                };
                w.log.push(move || note.words());
                self.operation = Operation::Synced(note);
                w.forget_token(false);
                return erased.then_some(BenchNews::SecretErased);
            }
            DeviceEvent::Synced(Err(e), warning) => {
                self.record_warning = warning;
                self.operation = Operation::Failed {
                    token_state: e.token_state(),
                    why: FailedWhy::Operation(Arc::new(e)),
                };
            }
            // The workers keep these.
            DeviceEvent::Progress(_)
            | DeviceEvent::Identified(_)
            | DeviceEvent::KnownSerial(..)
            | DeviceEvent::PcClock(..) => {}
        }
        None
    }

    fn on_burn_failed(&mut self, e: OperationError, warning: RecordWarning, w: &mut Workers) {
        self.record_warning = warning;
        self.burning = None;
        super::bell::ring_failure();
        let e = Arc::new(e);
        let logged = e.clone();
        w.log.push(move || {
            let problem = explain::operation_error(&logged).problem;
            tr!("gui-log-burn-failed", problem = problem)
        });
        self.clock_override_offer = matches!(*e, OperationError::Refused(Refusal::PcClockOff(_)));
        self.reburn_offer = match &*e {
            OperationError::Refused(Refusal::BurnedBefore { serial, .. }) => {
                w.note_event(&format!("burn refused: {serial} was burned before"));
                Some(serial.clone())
            }
            OperationError::Token(b) => {
                w.note_event(&format!("burn failed at {:?}", b.step));
                None
            }
            _ => None,
        };
        self.operation = Operation::Failed {
            token_state: e.token_state(),
            why: FailedWhy::Operation(e.clone()),
        };
        if let OperationError::Token(b) = &*e
            && matches!(b.cause, crate::burn::Failure::Transport(_))
        {
            w.forget_token(true);
        }
    }
}
