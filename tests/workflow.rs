//! The burn workflow against the emulated token through an in-process
//! transport: every operation, every model, and a failure injected at every
//! APDU in three ways, checking that the reported token state is the true one.

use std::sync::Arc;
use totp_burner::burn::{
    self, BurnError, BurnPlan, Failure, Progress, Step, TokenState, burn, read_info, sync_time,
};
use totp_burner::card::{CardKind, Transport, TransportError};
use totp_burner::clock::{Clock, ManualClock};
use totp_burner::emulator::vpcd::VirtualCard;
use totp_burner::emulator::{
    EmulatorLink, ForeignCard, ForeignKind, SharedToken, lock, shared_token,
};
use totp_burner::explain;
use totp_burner::params::{DisplayTimeout, HmacAlgorithm, TimeStep, TokenOptions};
use totp_burner::protocol::model::MODELS;
use totp_burner::protocol::{ProtocolError, StatusWord, TimeSync};
use totp_burner::secret::Secret;

const NOW: u64 = 1_795_000_000;
const OLD_SEED: &[u8] = b"old seed, 20 bytes!!";
const NEW_SEED: &[u8] = b"12345678901234567890";
const P2: &str = "86596220001234"; // erases on clock write
const P1: &str = "86596120001234"; // keeps

fn setup(serial: &str) -> (ManualClock, SharedToken, EmulatorLink) {
    let clock = ManualClock::new(NOW);
    let token = shared_token(serial, Arc::new(clock.clone()), 42);
    {
        let mut t = lock(&token);
        t.preload_seed(OLD_SEED);
        t.set_clock_offset(-100);
        t.power_cycle();
    }
    let link = EmulatorLink::new(token.clone(), "test reader");
    (clock, token, link)
}

fn plan(options: TokenOptions) -> BurnPlan {
    BurnPlan {
        secret: Secret::new(NEW_SEED.to_vec()),
        options,
        allow_unknown_model: false,
    }
}

#[test]
fn burn_every_model_and_compare_with_the_display() {
    for model in MODELS {
        let serial = format!("{}0004321", model.prefix);
        let (clock, token, mut link) = setup(&serial);
        let old_code = lock(&token).displayed_code().unwrap();
        let report = burn(
            &mut link,
            &plan(TokenOptions::default()),
            &clock,
            &mut |_| {},
        )
        .unwrap_or_else(|e| panic!("{}: {e}", model.name));
        assert_eq!(report.token.serial, serial);
        assert_eq!(report.token.model.unwrap().name, model.name);
        assert_eq!(report.token.clock_difference(), -100);
        assert_eq!(report.clock_written, NOW);
        assert_eq!(report.apdus, 5);
        let mut t = lock(&token);
        assert_eq!(
            t.displayed_code().unwrap(),
            old_code,
            "{}: display unchanged until power cycle",
            model.name
        );
        assert_eq!(
            t.code_after_power_cycle().unwrap(),
            report.codes.current,
            "{}",
            model.name
        );
        assert_eq!(t.token_time(), NOW);
        clock.advance(30);
        assert_eq!(t.displayed_code().unwrap(), report.codes.next);
    }
}

#[test]
fn options_are_written_and_used() {
    let (clock, token, mut link) = setup(P1);
    let options = TokenOptions {
        algorithm: HmacAlgorithm::Sha256,
        period: TimeStep::Seconds60,
        display_timeout: DisplayTimeout::Seconds120,
    };
    let report = burn(&mut link, &plan(options), &clock, &mut |_| {}).unwrap();
    let mut t = lock(&token);
    assert_eq!(t.option_bytes(), (0x02, 0x3C, 0x03));
    assert_eq!(t.code_after_power_cycle().unwrap(), report.codes.current);
    assert_eq!(report.codes.seconds_left, 60 - NOW % 60);
}

#[test]
fn progress_is_reported_in_order_and_redacted() {
    let (clock, _token, mut link) = setup(P2);
    let mut events = Vec::new();
    burn(
        &mut link,
        &plan(TokenOptions::default()),
        &clock,
        &mut |p| events.push(p),
    )
    .unwrap();
    let steps: Vec<Step> = events
        .iter()
        .filter_map(|e| match e {
            Progress::Step(s) => Some(*s),
            _ => None,
        })
        .collect();
    assert_eq!(steps, Step::ALL.to_vec());
    let lines: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            Progress::Exchange {
                command, status, ..
            } => Some(format!("{command} -> {status:?}")),
            _ => None,
        })
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(
        lines[4].starts_with("84 C5 01 00 24 <redacted 36 bytes>"),
        "{}",
        lines[4]
    );
    assert!(lines.iter().all(|l| l.ends_with("Some(\"90 00\")")));
    let all = lines.join("\n");
    let seed_hex: String = NEW_SEED.iter().map(|b| format!("{b:02X} ")).collect();
    assert!(!all.contains(seed_hex.trim()));
}

#[test]
fn seed_never_comes_back_over_the_wire() {
    struct Spy(EmulatorLink, Vec<Vec<u8>>);
    impl Transport for Spy {
        fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
            let r = self.0.transmit(apdu)?;
            self.1.push(r.clone());
            Ok(r)
        }
        fn reader_name(&self) -> String {
            self.0.reader_name()
        }
    }
    let (clock, _t, link) = setup(P1);
    let mut spy = Spy(link, Vec::new());
    burn(
        &mut spy,
        &plan(TokenOptions::default()),
        &clock,
        &mut |_| {},
    )
    .unwrap();
    read_info(&mut spy, &clock, &mut |_| {}).unwrap();
    for answer in &spy.1 {
        assert!(!answer.windows(NEW_SEED.len()).any(|w| w == NEW_SEED));
        assert!(!answer.windows(8).any(|w| w == &NEW_SEED[..8]));
    }
}

#[test]
fn unknown_models_are_refused_unless_allowed() {
    // Matches English words, whatever the machine's locale.
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
    let (clock, token, mut link) = setup("12345678");
    let e = burn(
        &mut link,
        &plan(TokenOptions::default()),
        &clock,
        &mut |_| {},
    )
    .unwrap_err();
    assert!(matches!(e.cause, Failure::UnknownModel { .. }));
    assert_eq!(e.token_state, TokenState::Untouched);
    assert_eq!(lock(&token).seed_for_tests().unwrap(), OLD_SEED);
    assert!(
        explain::burn_error(&e)
            .next_step
            .contains("--allow-unknown-model")
    );
    let mut p = plan(TokenOptions::default());
    p.allow_unknown_model = true;
    let report = burn(&mut link, &p, &clock, &mut |_| {}).unwrap();
    assert!(report.token.model.is_none());
    assert_eq!(
        lock(&token).code_after_power_cycle().unwrap(),
        report.codes.current
    );
}

#[test]
fn bad_seed_lengths_are_refused_before_touching_the_token() {
    let (clock, token, mut link) = setup(P2);
    for len in [0usize, 64, 100] {
        let mut p = plan(TokenOptions::default());
        p.secret = Secret::new(vec![1; len]);
        let e = burn(&mut link, &p, &clock, &mut |_| {}).unwrap_err();
        assert_eq!(
            e.cause,
            Failure::Protocol(ProtocolError::SeedLength { len })
        );
        assert_eq!(e.token_state, TokenState::Untouched);
    }
    assert_eq!(lock(&token).commands_seen(), 0);
}

#[test]
fn read_info_writes_nothing() {
    let (clock, token, mut link) = setup(P2);
    let info = read_info(&mut link, &clock, &mut |_| {}).unwrap();
    assert_eq!(info.serial, P2);
    assert_eq!(info.model_name(), "OTPC-P2-i");
    assert_eq!(info.time_sync(), Some(TimeSync::ErasesSecret));
    assert_eq!(info.clock_difference(), -100);
    let t = lock(&token);
    assert_eq!(t.seed_for_tests().unwrap(), OLD_SEED);
    assert_eq!(t.token_time(), NOW - 100);
}

#[test]
fn sync_time_on_a_model_that_erases_needs_confirmation() {
    let (clock, token, mut link) = setup(P2);
    let opts = TokenOptions::default();
    let e = sync_time(&mut link, &opts, false, false, &clock, &mut |_| {}).unwrap_err();
    assert!(matches!(
        e.cause,
        Failure::EraseNotConfirmed { model: "OTPC-P2-i" }
    ));
    assert_eq!(e.token_state, TokenState::Untouched);
    assert_eq!(lock(&token).token_time(), NOW - 100);
    assert!(lock(&token).has_seed());
    let r = sync_time(&mut link, &opts, false, true, &clock, &mut |_| {}).unwrap();
    assert_eq!(r.secret_erased, Some(true));
    assert_eq!(lock(&token).token_time(), NOW);
    assert!(!lock(&token).has_seed());
}

#[test]
fn sync_time_on_a_model_that_keeps_the_secret() {
    let (clock, token, mut link) = setup(P1);
    let r = sync_time(
        &mut link,
        &TokenOptions::default(),
        false,
        false,
        &clock,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(r.secret_erased, Some(false));
    assert_eq!(r.token.clock_difference(), -100);
    let t = lock(&token);
    assert_eq!(t.token_time(), NOW);
    assert_eq!(t.seed_for_tests().unwrap(), OLD_SEED);
}

/// How a fault hits the N-th APDU.
#[derive(Debug, Clone, Copy)]
enum Fault {
    /// The token leaves before the command reaches it.
    LiftBefore,
    /// The command is applied but the answer is lost.
    LiftAfter,
    /// The token answers with an error status word instead.
    Status(u8, u8),
    /// The command is applied but the answer comes back empty.
    Empty,
}

struct Faulty {
    inner: EmulatorLink,
    at: usize,
    fault: Fault,
    seen: usize,
}

impl Transport for Faulty {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        let n = self.seen;
        self.seen += 1;
        if n != self.at {
            return self.inner.transmit(apdu);
        }
        match self.fault {
            Fault::LiftBefore => Err(TransportError::TokenRemoved),
            Fault::LiftAfter => {
                self.inner.transmit(apdu)?;
                Err(TransportError::TokenRemoved)
            }
            Fault::Status(a, b) => Ok(vec![a, b]),
            Fault::Empty => {
                self.inner.transmit(apdu)?;
                Ok(Vec::new())
            }
        }
    }
    fn reader_name(&self) -> String {
        "faulty".into()
    }
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Held {
    Old,
    New,
    Blank,
}

fn check_state_is_true(e: &BurnError, token: &SharedToken, erases: bool, ctx: &str) {
    let t = lock(token);
    let config_applied = t.token_time() == NOW;
    let held = match t.seed_for_tests() {
        None => Held::Blank,
        Some(s) if s == OLD_SEED => Held::Old,
        Some(s) if s == NEW_SEED => Held::New,
        Some(_) => panic!("{ctx}: unexpected seed"),
    };
    let after_config = if erases { Held::Blank } else { Held::Old };
    let ts = if erases {
        TimeSync::ErasesSecret
    } else {
        TimeSync::KeepsSecret
    };
    let ok = match e.token_state {
        TokenState::Untouched => !config_applied && held == Held::Old,
        TokenState::ConfigMaybeWritten { time_sync } => {
            time_sync == Some(ts)
                && ((!config_applied && held == Held::Old)
                    || (config_applied && held == after_config))
        }
        TokenState::ConfigWritten { time_sync } => {
            time_sync == Some(ts) && config_applied && held == after_config
        }
        TokenState::SeedMaybeWritten { time_sync } => {
            time_sync == Some(ts) && config_applied && (held == Held::New || held == after_config)
        }
    };
    assert!(
        ok,
        "{ctx}: reported {:?} but token has config_applied={config_applied}, seed={held:?}",
        e.token_state
    );
}

#[test]
fn a_fault_at_every_apdu_reports_the_true_token_state() {
    // Matches English words, whatever the machine's locale.
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
    let steps = [
        Step::Identify,
        Step::Authenticate,
        Step::Authenticate,
        Step::WriteConfig,
        Step::WriteSeed,
    ];
    for (serial, erases) in [(P2, true), (P1, false)] {
        for (at, &step) in steps.iter().enumerate() {
            for fault in [
                Fault::LiftBefore,
                Fault::LiftAfter,
                Fault::Status(0x6F, 0x00),
                Fault::Status(0x6A, 0x80),
                Fault::Empty,
            ] {
                let ctx = format!("{serial} apdu {at} {fault:?}");
                let (clock, token, link) = setup(serial);
                let mut faulty = Faulty {
                    inner: link.clone(),
                    at,
                    fault,
                    seen: 0,
                };
                let e = burn(
                    &mut faulty,
                    &plan(TokenOptions::default()),
                    &clock,
                    &mut |_| {},
                )
                .expect_err(&ctx);
                assert_eq!(e.step, step, "{ctx}");
                match fault {
                    Fault::LiftBefore | Fault::LiftAfter => {
                        assert_eq!(
                            e.cause,
                            Failure::Transport(TransportError::TokenRemoved),
                            "{ctx}"
                        )
                    }
                    Fault::Status(a, b) => assert!(
                        matches!(e.cause, Failure::Protocol(ProtocolError::Status { sw, .. }) if sw == StatusWord::from_bytes(a, b)),
                        "{ctx}: {:?}",
                        e.cause
                    ),
                    Fault::Empty => assert!(
                        matches!(
                            e.cause,
                            Failure::Protocol(ProtocolError::ResponseTooShort { len: 0, .. })
                        ),
                        "{ctx}: {:?}",
                        e.cause
                    ),
                }
                let expected = match (at, fault) {
                    (0..=2, _) => TokenState::Untouched,
                    (3, Fault::Status(..)) => TokenState::Untouched,
                    (3, _) => TokenState::ConfigMaybeWritten {
                        time_sync: Some(if erases {
                            TimeSync::ErasesSecret
                        } else {
                            TimeSync::KeepsSecret
                        }),
                    },
                    (_, Fault::Status(..)) => TokenState::ConfigWritten {
                        time_sync: Some(if erases {
                            TimeSync::ErasesSecret
                        } else {
                            TimeSync::KeepsSecret
                        }),
                    },
                    _ => TokenState::SeedMaybeWritten {
                        time_sync: Some(if erases {
                            TimeSync::ErasesSecret
                        } else {
                            TimeSync::KeepsSecret
                        }),
                    },
                };
                assert_eq!(e.token_state, expected, "{ctx}");
                check_state_is_true(&e, &token, erases, &ctx);

                // The message names the step, the token's state and a next step.
                let x = explain::burn_error(&e);
                assert!(!x.next_step.is_empty(), "{ctx}");
                if e.token_state
                    == (TokenState::ConfigWritten {
                        time_sync: Some(TimeSync::ErasesSecret),
                    })
                {
                    assert!(
                        x.problem.contains("secret not written") && x.problem.contains("blank"),
                        "{ctx}: {}",
                        x.problem
                    );
                }
                if let Failure::Transport(_) = e.cause {
                    assert!(x.problem.contains(&step.label()), "{ctx}: {}", x.problem);
                }

                // Recovery: the token laid back and burned again works.
                link.set_present(true);
                let report = burn(
                    &mut link.clone(),
                    &plan(TokenOptions::default()),
                    &clock,
                    &mut |_| {},
                )
                .unwrap_or_else(|e| panic!("{ctx}: retry failed: {e}"));
                assert_eq!(
                    lock(&token).code_after_power_cycle().unwrap(),
                    report.codes.current,
                    "{ctx}"
                );
            }
        }
    }
}

#[test]
fn a_lifted_token_is_reported_not_panicked() {
    // Matches English words, whatever the machine's locale.
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
    let (clock, _token, link) = setup(P2);
    link.set_present(false);
    let e = burn(
        &mut link.clone(),
        &plan(TokenOptions::default()),
        &clock,
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(e.step, Step::Identify);
    assert_eq!(e.token_state, TokenState::Untouched);
    let x = explain::burn_error(&e);
    assert!(x.next_step.contains("lay it flat on the reader"), "{x}");
}

#[test]
fn sync_time_faults_report_state() {
    for at in 0..4 {
        let (clock, token, link) = setup(P2);
        let mut faulty = Faulty {
            inner: link,
            at,
            fault: Fault::LiftAfter,
            seen: 0,
        };
        let e = sync_time(
            &mut faulty,
            &TokenOptions::default(),
            false,
            true,
            &clock,
            &mut |_| {},
        )
        .unwrap_err();
        if at == 3 {
            assert_eq!(
                e.token_state,
                TokenState::ConfigMaybeWritten {
                    time_sync: Some(TimeSync::ErasesSecret)
                }
            );
            assert!(
                !lock(&token).has_seed(),
                "the lost answer hid an applied clock write"
            );
        } else {
            assert_eq!(e.token_state, TokenState::Untouched);
        }
    }
}

#[test]
fn burn_uses_the_clock_it_is_given() {
    let (clock, token, mut link) = setup(P1);
    clock.set(2_000_000_000);
    let r = burn::burn(
        &mut link,
        &plan(TokenOptions::default()),
        &clock,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(r.clock_written, 2_000_000_000);
    assert_eq!(r.codes.at, clock.now());
    assert_eq!(lock(&token).token_time(), 2_000_000_000);
}

/// A card of another kind on an in-process reader, remembering every command.
struct WrongCardOnReader {
    card: ForeignCard,
    sent: Vec<Vec<u8>>,
}

impl Transport for WrongCardOnReader {
    fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
        self.sent.push(apdu.to_vec());
        Ok(self.card.process(apdu))
    }
    fn reader_name(&self) -> String {
        "wrong card reader".into()
    }
}

/// The protocol's write commands (write config, write seed), by INS.
fn is_write(apdu: &[u8]) -> bool {
    matches!(apdu, [_, 0xD4 | 0xC5, ..])
}

#[test]
fn a_wrong_card_is_named_and_never_written() {
    let table = [
        (ForeignKind::Fido, CardKind::FidoKey, "FIDO security key"),
        (ForeignKind::YubiKeyOath, CardKind::YubiKey, "YubiKey"),
        (ForeignKind::Piv, CardKind::PivCard, "PIV smart card"),
        (ForeignKind::Emv, CardKind::PaymentCard, "bank card"),
    ];
    let clock = ManualClock::new(NOW);
    for (foreign, kind, words) in table {
        for op in ["burn", "info", "sync-time"] {
            let ctx = format!("{foreign:?} {op}");
            let mut reader = WrongCardOnReader {
                card: ForeignCard::new(foreign),
                sent: Vec::new(),
            };
            let mut events = Vec::new();
            let mut progress = |p| events.push(p);
            let e = match op {
                "burn" => burn(
                    &mut reader,
                    &plan(TokenOptions::default()),
                    &clock,
                    &mut progress,
                )
                .map(|_| ())
                .unwrap_err(),
                "info" => read_info(&mut reader, &clock, &mut progress)
                    .map(|_| ())
                    .unwrap_err(),
                _ => sync_time(
                    &mut reader,
                    &TokenOptions::default(),
                    true,
                    true,
                    &clock,
                    &mut progress,
                )
                .map(|_| ())
                .unwrap_err(),
            };
            assert_eq!(e.step, Step::Identify, "{ctx}");
            assert_eq!(e.token_state, TokenState::Untouched, "{ctx}");
            assert!(
                matches!(&e.cause, Failure::WrongCard { kind: k, .. } if *k == kind),
                "{ctx}: {:?}",
                e.cause
            );
            // Get info, then read-only SELECTs only: nothing that writes.
            assert_eq!(reader.sent[0][..2], [0x80, 0x41], "{ctx}");
            assert!(
                reader.sent[1..]
                    .iter()
                    .all(|c| c[..4] == [0x00, 0xA4, 0x04, 0x00]),
                "{ctx}: {:02X?}",
                reader.sent
            );
            assert!(!reader.sent.iter().any(|c| is_write(c)), "{ctx}");
            // Every probe exchange is in the expert log.
            let logged = events
                .iter()
                .filter(|p| matches!(p, Progress::Exchange { .. }))
                .count();
            assert_eq!(logged, reader.sent.len(), "{ctx}");
            let x = explain::burn_error(&e);
            assert!(
                x.problem.contains(words) && x.problem.contains("not a programmable token"),
                "{ctx}: {x}"
            );
            assert!(x.problem.contains("Nothing was written"), "{ctx}: {x}");
            assert!(!x.to_string().contains("status"), "{ctx}: {x}");
        }
    }
}

#[test]
fn an_unknown_card_keeps_its_status_and_gets_no_writes() {
    // Answers 6D 00 to everything, SELECTs included.
    struct Mute(Vec<Vec<u8>>);
    impl Transport for Mute {
        fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
            self.0.push(apdu.to_vec());
            Ok(vec![0x6D, 0x00])
        }
        fn reader_name(&self) -> String {
            "mute".into()
        }
    }
    let clock = ManualClock::new(NOW);
    let mut card = Mute(Vec::new());
    let e = burn(
        &mut card,
        &plan(TokenOptions::default()),
        &clock,
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(
        e.cause,
        Failure::Protocol(ProtocolError::Status {
            ins: 0x41,
            sw: StatusWord::UnknownInstruction
        })
    );
    assert_eq!(e.token_state, TokenState::Untouched);
    assert!(!card.0.iter().any(|c| is_write(c)));
    assert!(card.0.len() > 1, "the probe asked");
    let x = explain::burn_error(&e);
    assert!(
        x.problem
            .contains("does not answer like a programmable token")
            && x.problem.contains("6D 00"),
        "{x}"
    );
}

#[test]
fn a_genuine_token_costs_no_probe() {
    struct Spy(EmulatorLink, Vec<Vec<u8>>);
    impl Transport for Spy {
        fn transmit(&mut self, apdu: &[u8]) -> Result<Vec<u8>, TransportError> {
            self.1.push(apdu.to_vec());
            self.0.transmit(apdu)
        }
        fn reader_name(&self) -> String {
            "spy".into()
        }
    }
    let (clock, _token, link) = setup(P2);
    let mut spy = Spy(link, Vec::new());
    read_info(&mut spy, &clock, &mut |_| {}).unwrap();
    burn(
        &mut spy,
        &plan(TokenOptions::default()),
        &clock,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(spy.1.len(), 6, "1 for info + 5 for the burn");
    assert!(!spy.1.iter().any(|c| c[..2] == [0x00, 0xA4]));
}

#[test]
fn a_refused_unlock_is_not_retried_and_warns_of_locking() {
    for (serial, model) in [(P2, "OTPC-P2-i"), (P1, "OTPC-P1-i")] {
        let (clock, token, link) = setup(serial);
        let mut faulty = Faulty {
            inner: link,
            at: 2,
            fault: Fault::Status(0x69, 0x83),
            seen: 0,
        };
        let e = burn(
            &mut faulty,
            &plan(TokenOptions::default()),
            &clock,
            &mut |_| {},
        )
        .unwrap_err();
        assert_eq!(e.step, Step::Authenticate);
        assert_eq!(e.token_state, TokenState::Untouched);
        assert_eq!(faulty.seen, 3, "no second answer, nothing after it");
        assert_eq!(lock(&token).seed_for_tests().unwrap(), OLD_SEED);
        let x = explain::burn_error(&e);
        let all = x.to_string();
        assert!(!all.to_lowercase().contains("try again"), "{all}");
        assert!(all.contains("lock"), "{all}");
        assert!(all.contains(serial) && all.contains(model), "{all}");
        assert!(all.contains("\"-i\""), "{all}");
    }
}
