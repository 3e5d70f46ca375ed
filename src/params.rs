//! The TOTP options these tokens support: HMAC algorithm, time step and
//! display timeout. Shared by the protocol (config TLV), the secret parser
//! (otpauth parameters), the burn workflow and the code calculator.

use serde::Serialize;
use std::fmt;

/// HMAC used by the token to compute codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HmacAlgorithm {
    /// HMAC-SHA-1, what nearly every identity provider uses.
    #[default]
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
}

impl HmacAlgorithm {
    /// Byte used in the config TLV (`0A 01 <alg>`).
    pub fn wire_value(self) -> u8 {
        match self {
            HmacAlgorithm::Sha1 => 0x01,
            HmacAlgorithm::Sha256 => 0x02,
        }
    }
    /// Short name as used in the CLI and JSON (`sha1`, `sha256`).
    pub fn name(self) -> &'static str {
        match self {
            HmacAlgorithm::Sha1 => "sha1",
            HmacAlgorithm::Sha256 => "sha256",
        }
    }
}

impl fmt::Display for HmacAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HmacAlgorithm::Sha1 => "SHA-1",
            HmacAlgorithm::Sha256 => "SHA-256",
        })
    }
}

/// Time step between two codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TimeStep {
    /// 30 seconds, the standard.
    #[default]
    Seconds30,
    /// 60 seconds.
    Seconds60,
}

impl TimeStep {
    /// Length of one step in seconds.
    pub fn seconds(self) -> u64 {
        match self {
            TimeStep::Seconds30 => 30,
            TimeStep::Seconds60 => 60,
        }
    }
    /// The step for a number of seconds, if the token supports it.
    pub fn from_seconds(seconds: u64) -> Option<TimeStep> {
        match seconds {
            30 => Some(TimeStep::Seconds30),
            60 => Some(TimeStep::Seconds60),
            _ => None,
        }
    }
    /// Byte used in the config TLV (`0D 01 <step>`).
    pub fn wire_value(self) -> u8 {
        self.seconds() as u8
    }
}

impl Serialize for TimeStep {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.seconds())
    }
}

/// How long the token's display stays on after its button is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DisplayTimeout {
    /// 15 seconds.
    Seconds15,
    /// 30 seconds.
    #[default]
    Seconds30,
    /// 60 seconds.
    Seconds60,
    /// 120 seconds.
    Seconds120,
}

impl DisplayTimeout {
    /// All choices, shortest first.
    pub const ALL: [DisplayTimeout; 4] = [
        DisplayTimeout::Seconds15,
        DisplayTimeout::Seconds30,
        DisplayTimeout::Seconds60,
        DisplayTimeout::Seconds120,
    ];
    /// Timeout in seconds.
    pub fn seconds(self) -> u64 {
        match self {
            DisplayTimeout::Seconds15 => 15,
            DisplayTimeout::Seconds30 => 30,
            DisplayTimeout::Seconds60 => 60,
            DisplayTimeout::Seconds120 => 120,
        }
    }
    /// The timeout for a number of seconds, if the token supports it.
    pub fn from_seconds(seconds: u64) -> Option<DisplayTimeout> {
        Self::ALL.into_iter().find(|t| t.seconds() == seconds)
    }
    /// Byte used in the config TLV (`1F 01 <timeout>`).
    pub fn wire_value(self) -> u8 {
        match self {
            DisplayTimeout::Seconds15 => 0x00,
            DisplayTimeout::Seconds30 => 0x01,
            DisplayTimeout::Seconds60 => 0x02,
            DisplayTimeout::Seconds120 => 0x03,
        }
    }
}

impl Serialize for DisplayTimeout {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.seconds())
    }
}

/// Everything the token's config command sets besides the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TokenOptions {
    /// HMAC algorithm.
    pub algorithm: HmacAlgorithm,
    /// Time step.
    pub period: TimeStep,
    /// Display timeout.
    pub display_timeout: DisplayTimeout,
}
