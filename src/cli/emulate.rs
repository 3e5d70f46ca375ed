//! `totp-burner emulate --vpcd [PORT]`: serve an emulated token to pcscd
//! through vsmartcard-vpcd, for tests, demos and trying the tool without
//! hardware. Logs APDU headers and status words on stderr (never data), and
//! on stdout the code the token would show after a power cycle whenever its
//! secret changes. `--as fido|emv|yubikey-oath|piv` lays a card of another
//! kind on the reader instead; `--apdu-log FILE` appends every command the
//! reader receives to FILE.

use crate::clock::SystemClock;
use crate::emulator::vpcd::{DEFAULT_PORT, VirtualCard, VpcdBridge, VpcdOptions};
use crate::emulator::{self, ForeignCard, ForeignKind, lock};
use crate::protocol::model_for_serial;
use crate::tr;
use clap::{Args, ValueEnum};
use std::sync::Arc;
use std::time::Duration;

/// `--sync` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SyncArg {
    /// Writing the clock erases the secret.
    Restricted,
    /// Writing the clock keeps the secret.
    Unrestricted,
}

/// `--as` values: a card that is not a programmable token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardArg {
    /// A FIDO (U2F / FIDO2) security key.
    Fido,
    /// A contactless EMV bank card.
    Emv,
    /// A YubiKey (OATH, FIDO and PIV applets).
    YubikeyOath,
    /// A PIV smart card.
    Piv,
}

impl From<CardArg> for ForeignKind {
    fn from(c: CardArg) -> ForeignKind {
        match c {
            CardArg::Fido => ForeignKind::Fido,
            CardArg::Emv => ForeignKind::Emv,
            CardArg::YubikeyOath => ForeignKind::YubiKeyOath,
            CardArg::Piv => ForeignKind::Piv,
        }
    }
}

/// Arguments of `emulate`.
#[derive(Debug, Args)]
pub struct EmulateArgs {
    /// Serve the token to pcscd's vpcd driver on this port (35963 is
    /// "Virtual PCD 00 00", 35964 "Virtual PCD 00 01").
    #[arg(long, value_name = "PORT", num_args = 0..=1, default_missing_value = "35963", required = true)]
    vpcd: Option<u16>,
    /// The token's serial number (its model follows from the prefix).
    #[arg(long, default_value = emulator::DEFAULT_SERIAL)]
    serial: String,
    /// Time-sync class [default: the model's, unrestricted when unknown].
    #[arg(long, value_enum)]
    sync: Option<SyncArg>,
    /// The token's clock minus this PC's, in seconds.
    #[arg(
        long,
        value_name = "SECONDS",
        allow_negative_numbers = true,
        default_value_t = 0
    )]
    clock_offset: i64,
    /// Lift the token off the reader when command APDU N+1 arrives.
    #[arg(long, value_name = "N")]
    lift_after: Option<u64>,
    /// After a lift, lay the token back after MS milliseconds.
    #[arg(long, value_name = "MS", requires = "lift_after")]
    replace_after_ms: Option<u64>,
    /// Play a card that is not a programmable token: its ATR, its
    /// applets' answers, and an error to every token command.
    #[arg(long = "as", value_enum, value_name = "CARD", conflicts_with_all = ["serial", "sync", "clock_offset"])]
    card: Option<CardArg>,
    /// Append every command APDU the reader receives to FILE, one hex line
    /// each (secure commands as header and length only).
    #[arg(long, value_name = "FILE")]
    apdu_log: Option<std::path::PathBuf>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Run `emulate` (until the process is stopped).
pub fn run(a: &EmulateArgs) -> i32 {
    if let Some(path) = &a.apdu_log {
        let opened = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path);
        if let Err(e) = opened {
            let problem = tr!(
                "cli-emulate-apdu-log",
                path = path.display().to_string(),
                error = crate::explain::io_words(&e)
            );
            eprintln!("{}", tr!("cli-error", problem = problem));
            return super::EXIT_USAGE;
        }
    }
    let port = a.vpcd.unwrap_or(DEFAULT_PORT);
    let mut options = VpcdOptions::port(port);
    options.lift_after = a.lift_after;
    options.replace_after = a.replace_after_ms.map(Duration::from_millis);
    options.apdu_log = a.apdu_log.clone();
    if let Some(kind) = a.card {
        let card = ForeignCard::new(kind.into());
        eprintln!(
            "{}",
            tr!(
                "cli-emulate-card",
                card = card.kind().name(),
                atr = hex(&card.atr()),
                port = port
            )
        );
        let _bridge = VpcdBridge::spawn_card(card, options, move |line| eprintln!("vpcd: {line}"));
        loop {
            std::thread::park();
        }
    }
    if a.serial.is_empty() || a.serial.len() > 32 || !a.serial.bytes().all(|b| b.is_ascii_graphic())
    {
        eprintln!(
            "{}",
            tr!("cli-error", problem = tr!("cli-emulate-bad-serial"))
        );
        return super::EXIT_USAGE;
    }
    let erases = match a.sync {
        Some(SyncArg::Restricted) => true,
        Some(SyncArg::Unrestricted) => false,
        None => model_for_serial(&a.serial)
            .is_some_and(|m| m.time_sync == crate::protocol::TimeSync::ErasesSecret),
    };
    let clock = Arc::new(SystemClock);
    let token = Arc::new(std::sync::Mutex::new(emulator::VirtualToken::new(
        &a.serial,
        erases,
        clock,
        u64::from(std::process::id()),
    )));
    lock(&token).set_clock_offset(a.clock_offset);
    let model = model_for_serial(&a.serial)
        .map_or_else(|| tr!("cli-emulate-unknown-model"), |m| m.name.to_string());
    let time_sync = if erases {
        crate::protocol::TimeSync::ErasesSecret
    } else {
        crate::protocol::TimeSync::KeepsSecret
    };
    eprintln!(
        "{}",
        tr!(
            "cli-emulate-token",
            serial = a.serial.as_str(),
            model = model,
            time_sync = time_sync.describe(),
            port = port
        )
    );
    let watched = token.clone();
    let _bridge = VpcdBridge::spawn(token, options, move |line| {
        eprintln!("vpcd: {line}");
        let seed_written = line.starts_with("84 C5") && line.ends_with("90 00");
        if let Some(code) = seed_written.then(|| lock(&watched).stored_code()).flatten() {
            println!("{}", tr!("cli-emulate-display", code = code));
        }
    });
    loop {
        std::thread::park();
    }
}
