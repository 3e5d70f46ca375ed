//! The operations on a token, as sequences of commands over a
//! [`Transport`]: identify, burn, sync time. Pure apart from the transport
//! and the injected clock; every step is reported through a callback.

use super::outcome::{
    BurnError, BurnReport, Failure, IdentifiedToken, Progress, Step, SyncReport, TokenState,
};
use crate::card::{Transport, TransportError, probe};
use crate::clock::Clock;
use crate::params::TokenOptions;
use crate::protocol::commands::{self, Apdu};
use crate::protocol::{
    ProtocolError, StatusWord, TimeSync, check_response, model_for_serial, parse_info,
};
use crate::secret::Secret;
use crate::secret::totp::codes_at;

/// What to burn.
#[derive(Debug, Clone)]
pub struct BurnPlan {
    /// The secret.
    pub secret: Secret,
    /// HMAC, time step, display timeout.
    pub options: TokenOptions,
    /// Burn a token whose serial is not in the model table.
    pub allow_unknown_model: bool,
}

/// One operation's conversation with the token.
struct Session<'a> {
    transport: &'a mut dyn Transport,
    progress: &'a mut dyn FnMut(Progress),
    clock: &'a dyn Clock,
    apdus: usize,
    token: Option<IdentifiedToken>,
}

fn status_text(answer: &[u8]) -> Option<String> {
    match answer {
        [.., a, b] => Some(StatusWord::from_bytes(*a, *b).to_string()),
        _ => None,
    }
}

/// A probe command for the log (SELECTs carry only applet names).
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl<'a> Session<'a> {
    fn fail(&self, step: Step, cause: impl Into<Failure>, token_state: TokenState) -> BurnError {
        BurnError {
            step,
            cause: cause.into(),
            token_state,
            token: self.token.clone().map(Box::new),
        }
    }

    /// Send one APDU; `on_no_answer` is the token's state if no answer comes.
    fn exchange(
        &mut self,
        step: Step,
        apdu: &Apdu,
        on_no_answer: TokenState,
    ) -> Result<Vec<u8>, BurnError> {
        self.apdus += 1;
        let result = self.transport.transmit(apdu.bytes());
        (self.progress)(Progress::Exchange {
            step,
            command: apdu.log_line(),
            status: result.as_deref().ok().and_then(status_text),
        });
        result.map_err(|e: TransportError| self.fail(step, e, on_no_answer))
    }

    fn identify(&mut self) -> Result<IdentifiedToken, BurnError> {
        (self.progress)(Progress::Step(Step::Identify));
        let answer = self.exchange(Step::Identify, &commands::get_info(), TokenState::Untouched)?;
        let info = check_response(commands::ins::GET_INFO, &answer)
            .and_then(|data| parse_info(data).map_err(ProtocolError::Info))
            .map_err(|e| {
                let cause = self.name_the_card(e);
                self.fail(Step::Identify, cause, TokenState::Untouched)
            })?;
        let token = IdentifiedToken {
            model: model_for_serial(&info.serial).copied(),
            serial: info.serial,
            token_clock: u64::from(info.clock),
            pc_clock: self.clock.now(),
        };
        self.token = Some(token.clone());
        Ok(token)
    }

    /// "Get info" failed: when the answer says this may be another kind of
    /// card, ask it (read-only SELECTs, see [`probe`]) what it is. Only
    /// this failure path pays for the probe.
    fn name_the_card(&mut self, info_error: ProtocolError) -> Failure {
        if !info_error.may_be_another_card() {
            return info_error.into();
        }
        let Session {
            transport,
            progress,
            apdus,
            ..
        } = self;
        let kind = probe::probe(*transport, &mut |command, answer| {
            *apdus += 1;
            progress(Progress::Exchange {
                step: Step::Identify,
                command: hex(command),
                status: answer.and_then(status_text),
            });
        });
        match kind {
            Some(kind) => Failure::WrongCard { kind, info_error },
            None => info_error.into(),
        }
    }

    fn refuse_unknown(&self, token: &IdentifiedToken, allow: bool) -> Result<(), BurnError> {
        if token.model.is_none() && !allow {
            return Err(self.fail(
                Step::Identify,
                Failure::UnknownModel {
                    serial: token.serial.clone(),
                },
                TokenState::Untouched,
            ));
        }
        Ok(())
    }

    fn authenticate(&mut self) -> Result<(), BurnError> {
        (self.progress)(Progress::Step(Step::Authenticate));
        let untouched = TokenState::Untouched;
        let answer = self.exchange(Step::Authenticate, &commands::get_challenge(), untouched)?;
        let challenge = check_response(commands::ins::GET_CHALLENGE, &answer)
            .and_then(commands::parse_challenge)
            .map_err(|e| self.fail(Step::Authenticate, e, untouched))?;
        let reply = commands::answer_challenge(&challenge);
        let answer = self.exchange(Step::Authenticate, &reply, untouched)?;
        check_response(commands::ins::ANSWER_CHALLENGE, &answer)
            .map_err(|e| self.fail(Step::Authenticate, e, untouched))?;
        Ok(())
    }

    /// Write clock (now) and options; returns the clock written.
    fn write_config(
        &mut self,
        options: &TokenOptions,
        sync: Option<TimeSync>,
    ) -> Result<u64, BurnError> {
        (self.progress)(Progress::Step(Step::WriteConfig));
        let now = self.clock.now();
        let clock = u32::try_from(now).unwrap_or(u32::MAX);
        let apdu = commands::write_config(options, clock);
        let answer = self.exchange(
            Step::WriteConfig,
            &apdu,
            TokenState::ConfigMaybeWritten { time_sync: sync },
        )?;
        check_response(commands::ins::WRITE_CONFIG, &answer).map_err(|e| {
            let state = if matches!(e, ProtocolError::ResponseTooShort { .. }) {
                // No status word: we cannot know whether it was applied.
                TokenState::ConfigMaybeWritten { time_sync: sync }
            } else {
                TokenState::Untouched
            };
            self.fail(Step::WriteConfig, e, state)
        })?;
        Ok(u64::from(clock))
    }
}

fn run<T>(
    transport: &mut dyn Transport,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
    body: impl FnOnce(&mut Session<'_>) -> Result<T, BurnError>,
) -> Result<T, BurnError> {
    let mut session = Session {
        transport,
        progress,
        clock,
        apdus: 0,
        token: None,
    };
    body(&mut session)
}

/// Read the token's serial, model and clock. Writes nothing.
pub fn read_info(
    transport: &mut dyn Transport,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
) -> Result<IdentifiedToken, BurnError> {
    run(transport, clock, progress, |s| s.identify())
}

/// Called once the token is identified, before anything is written to it:
/// an `Err(())` stops the operation with [`Failure::Stopped`] and the token
/// untouched. The station uses it to record the start and to refuse a
/// token it must not write.
pub type Guard<'a> = &'a mut dyn FnMut(&IdentifiedToken) -> Result<(), ()>;

/// Burn `plan` into the token: identify, authenticate, write clock and
/// options, write the secret, then compute the codes it will show.
pub fn burn(
    transport: &mut dyn Transport,
    plan: &BurnPlan,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
) -> Result<BurnReport, BurnError> {
    burn_guarded(transport, plan, clock, progress, &mut |_| Ok(()))
}

/// [`burn`], with `guard` asked before the first write.
pub fn burn_guarded(
    transport: &mut dyn Transport,
    plan: &BurnPlan,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
    guard: Guard<'_>,
) -> Result<BurnReport, BurnError> {
    run(transport, clock, progress, |s| {
        // Refuse a bad seed before touching the token.
        let seed_apdu = commands::write_seed(plan.secret.bytes())
            .map_err(|e| s.fail(Step::Identify, e, TokenState::Untouched))?;
        let token = s.identify()?;
        s.refuse_unknown(&token, plan.allow_unknown_model)?;
        let sync = token.time_sync();
        guard(&token)
            .map_err(|()| s.fail(Step::Identify, Failure::Stopped, TokenState::Untouched))?;
        s.authenticate()?;
        let clock_written = s.write_config(&plan.options, sync)?;

        (s.progress)(Progress::Step(Step::WriteSeed));
        let answer = s.exchange(
            Step::WriteSeed,
            &seed_apdu,
            TokenState::SeedMaybeWritten { time_sync: sync },
        )?;
        check_response(commands::ins::WRITE_SEED, &answer).map_err(|e| {
            let state = if matches!(e, ProtocolError::ResponseTooShort { .. }) {
                // No status word: we cannot know whether it was applied.
                TokenState::SeedMaybeWritten { time_sync: sync }
            } else {
                TokenState::ConfigWritten { time_sync: sync }
            };
            s.fail(Step::WriteSeed, e, state)
        })?;

        (s.progress)(Progress::Step(Step::Verify));
        let codes = codes_at(
            &plan.secret,
            plan.options.algorithm,
            plan.options.period,
            s.clock.now(),
        );
        Ok(BurnReport {
            token,
            options: plan.options,
            clock_written,
            codes,
            apdus: s.apdus,
        })
    })
}

/// Set the token's clock (and, necessarily, its options) to this PC's time.
/// On models whose time sync erases the secret (or unknown models) this is
/// refused unless `erase_ok` confirms it.
pub fn sync_time(
    transport: &mut dyn Transport,
    options: &TokenOptions,
    allow_unknown_model: bool,
    erase_ok: bool,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
) -> Result<SyncReport, BurnError> {
    sync_time_guarded(
        transport,
        options,
        allow_unknown_model,
        erase_ok,
        clock,
        progress,
        &mut |_| Ok(()),
    )
}

/// [`sync_time`], with `guard` asked before the first write.
pub fn sync_time_guarded(
    transport: &mut dyn Transport,
    options: &TokenOptions,
    allow_unknown_model: bool,
    erase_ok: bool,
    clock: &dyn Clock,
    progress: &mut dyn FnMut(Progress),
    guard: Guard<'_>,
) -> Result<SyncReport, BurnError> {
    run(transport, clock, progress, |s| {
        let token = s.identify()?;
        s.refuse_unknown(&token, allow_unknown_model)?;
        let sync = token.time_sync();
        if sync != Some(TimeSync::KeepsSecret) && !erase_ok {
            return Err(s.fail(
                Step::Identify,
                Failure::EraseNotConfirmed {
                    model: token.model_name(),
                },
                TokenState::Untouched,
            ));
        }
        guard(&token)
            .map_err(|()| s.fail(Step::Identify, Failure::Stopped, TokenState::Untouched))?;
        s.authenticate()?;
        let clock_written = s.write_config(options, sync)?;
        Ok(SyncReport {
            token,
            options: *options,
            clock_written,
            secret_erased: sync.map(|t| t == TimeSync::ErasesSecret),
        })
    })
}
