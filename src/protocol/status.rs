//! Status words and the protocol's error type: every answer from the token
//! becomes either its data or a typed error naming the command.

use std::fmt;
use thiserror::Error;

/// A status word (`SW1 SW2`) returned by the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusWord {
    /// `90 00`.
    Ok,
    /// `69 83`: wrong challenge answer, secure command without authentication, or bad MAC.
    AuthenticationFailed,
    /// `6A 80`: bad TLV, bad seed padding or length.
    WrongData,
    /// `67 00`.
    WrongLength,
    /// `6D 00`.
    UnknownInstruction,
    /// `6E 00`.
    UnknownClass,
    /// Anything else, as the two raw bytes.
    Other(u16),
}

impl StatusWord {
    /// Classify two status bytes.
    pub fn from_bytes(sw1: u8, sw2: u8) -> StatusWord {
        match u16::from_be_bytes([sw1, sw2]) {
            0x9000 => StatusWord::Ok,
            0x6983 => StatusWord::AuthenticationFailed,
            0x6A80 => StatusWord::WrongData,
            0x6700 => StatusWord::WrongLength,
            0x6D00 => StatusWord::UnknownInstruction,
            0x6E00 => StatusWord::UnknownClass,
            other => StatusWord::Other(other),
        }
    }
    /// The raw 16-bit value.
    pub fn value(self) -> u16 {
        match self {
            StatusWord::Ok => 0x9000,
            StatusWord::AuthenticationFailed => 0x6983,
            StatusWord::WrongData => 0x6A80,
            StatusWord::WrongLength => 0x6700,
            StatusWord::UnknownInstruction => 0x6D00,
            StatusWord::UnknownClass => 0x6E00,
            StatusWord::Other(v) => v,
        }
    }
}

impl fmt::Display for StatusWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b] = self.value().to_be_bytes();
        write!(f, "{a:02X} {b:02X}")
    }
}

/// Why an info record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum InfoError {
    /// Fewer bytes than the fixed part of the record.
    #[error("info record is {len} bytes, too short")]
    TooShort {
        /// Bytes received.
        len: usize,
    },
    /// The serial length byte points past the end of the record.
    #[error("serial length {serial_len} does not fit in a {len}-byte info record")]
    SerialPastEnd {
        /// Serial length announced.
        serial_len: usize,
        /// Bytes received.
        len: usize,
    },
    /// The serial is empty or not printable ASCII.
    #[error("the serial in the info record is empty or not printable")]
    BadSerial,
}

/// A failure of one command, as seen in its answer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ProtocolError {
    /// The token answered with an error status word.
    #[error("token answered {sw} to command {ins:02X}")]
    Status {
        /// Instruction byte of the command.
        ins: u8,
        /// The status word.
        sw: StatusWord,
    },
    /// The answer is shorter than a status word, or than the data expected.
    #[error("answer to command {ins:02X} is {len} bytes, too short")]
    ResponseTooShort {
        /// Instruction byte of the command.
        ins: u8,
        /// Bytes received.
        len: usize,
    },
    /// The info record is malformed.
    #[error("malformed info record")]
    Info(#[source] InfoError),
    /// A seed outside 1..=63 bytes.
    #[error("a seed must be 1 to 63 bytes, this one is {len}")]
    SeedLength {
        /// Seed length in bytes.
        len: usize,
    },
}

impl ProtocolError {
    /// Whether this failure of "get info" says "this may not be our card":
    /// any error status word, or a `90 00` answer that is not an info
    /// record. (A short answer is a lost link, not another card.)
    pub fn may_be_another_card(&self) -> bool {
        match self {
            ProtocolError::Status { sw, .. } => *sw != StatusWord::Ok,
            ProtocolError::Info(_) => true,
            ProtocolError::ResponseTooShort { .. } | ProtocolError::SeedLength { .. } => false,
        }
    }
}

/// Split an answer into data and status word; error on a non-`9000` status.
pub fn check_response(ins: u8, response: &[u8]) -> Result<&[u8], ProtocolError> {
    let Some(split) = response.len().checked_sub(2) else {
        return Err(ProtocolError::ResponseTooShort {
            ins,
            len: response.len(),
        });
    };
    let (data, sw) = response.split_at(split);
    match StatusWord::from_bytes(sw[0], sw[1]) {
        StatusWord::Ok => Ok(data),
        sw => Err(ProtocolError::Status { ins, sw }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_round_trip() {
        for v in [
            0x9000u16, 0x6983, 0x6A80, 0x6700, 0x6D00, 0x6E00, 0x6F00, 0x6282,
        ] {
            let [a, b] = v.to_be_bytes();
            assert_eq!(StatusWord::from_bytes(a, b).value(), v);
        }
        assert_eq!(StatusWord::from_bytes(0x6F, 0x00).to_string(), "6F 00");
    }

    #[test]
    fn which_info_failures_may_be_another_card() {
        for sw in [0x6D00u16, 0x6E00, 0x6A82, 0x6700, 0x6F00] {
            let [a, b] = sw.to_be_bytes();
            let e = check_response(0x41, &[a, b]).unwrap_err();
            assert!(e.may_be_another_card(), "{e}");
        }
        assert!(ProtocolError::Info(InfoError::BadSerial).may_be_another_card());
        assert!(
            !check_response(0x41, &[0x6D])
                .unwrap_err()
                .may_be_another_card()
        );
        assert!(!ProtocolError::SeedLength { len: 0 }.may_be_another_card());
    }

    #[test]
    fn short_and_error_answers() {
        assert!(matches!(
            check_response(0x41, &[0x90]),
            Err(ProtocolError::ResponseTooShort { ins: 0x41, len: 1 })
        ));
        assert!(matches!(
            check_response(0x41, &[]),
            Err(ProtocolError::ResponseTooShort { .. })
        ));
        assert_eq!(check_response(0x41, &[1, 2, 0x90, 0x00]).unwrap(), &[1, 2]);
        assert_eq!(
            check_response(0xCE, &[0x69, 0x83]),
            Err(ProtocolError::Status {
                ins: 0xCE,
                sw: StatusWord::AuthenticationFailed
            })
        );
    }
}
