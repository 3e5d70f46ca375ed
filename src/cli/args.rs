//! Arguments shared by several subcommands: where the token is, and the
//! TOTP options.

use crate::params::{DisplayTimeout, HmacAlgorithm, TimeStep};
use clap::{Args, ValueEnum};

/// Which reader to use.
#[derive(Debug, Clone, Args)]
pub struct TargetArgs {
    /// Use the reader with this name (or a unique part of it).
    #[arg(long, value_name = "NAME", conflicts_with = "emulator")]
    pub reader: Option<String>,
    /// Use a built-in emulated token instead of a real reader.
    #[arg(long)]
    pub emulator: bool,
}

/// `--algorithm` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlgorithmArg {
    /// HMAC-SHA-1.
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
}

impl From<AlgorithmArg> for HmacAlgorithm {
    fn from(a: AlgorithmArg) -> HmacAlgorithm {
        match a {
            AlgorithmArg::Sha1 => HmacAlgorithm::Sha1,
            AlgorithmArg::Sha256 => HmacAlgorithm::Sha256,
        }
    }
}

fn parse_period(s: &str) -> Result<TimeStep, String> {
    s.parse::<u64>()
        .ok()
        .and_then(TimeStep::from_seconds)
        .ok_or_else(|| crate::tr!("cli-arg-period"))
}

fn parse_display_timeout(s: &str) -> Result<DisplayTimeout, String> {
    s.parse::<u64>()
        .ok()
        .and_then(DisplayTimeout::from_seconds)
        .ok_or_else(|| crate::tr!("cli-arg-display-timeout"))
}

/// A number counted from 1 (`--account N`, `--start-row N`).
pub fn parse_from_one<T: std::str::FromStr + PartialOrd + From<u8>>(s: &str) -> Result<T, String> {
    match s.parse::<T>() {
        Ok(n) if n >= T::from(1) => Ok(n),
        _ => Err(crate::tr!("cli-arg-from-one")),
    }
}

/// HMAC and time step (no display timeout).
#[derive(Debug, Clone, Args)]
pub struct CodeOptionArgs {
    /// HMAC algorithm [default: from the otpauth link, else sha1].
    #[arg(long, value_enum)]
    pub algorithm: Option<AlgorithmArg>,
    /// Time step in seconds: 30 or 60 [default: from the otpauth link, else 30].
    #[arg(long, value_name = "SECONDS", value_parser = parse_period)]
    pub period: Option<TimeStep>,
}

/// How long the token's display stays on.
#[derive(Debug, Clone, Args)]
pub struct DisplayArgs {
    /// Display timeout in seconds: 15, 30, 60 or 120.
    #[arg(long, value_name = "SECONDS", value_parser = parse_display_timeout, default_value = "30")]
    pub display_timeout: DisplayTimeout,
}
