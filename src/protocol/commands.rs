//! One builder per token command. Each returns the exact wire bytes
//! (documented on the function) as an [`Apdu`]; the seed APDU is wiped on
//! drop and never printed.

use super::crypto::{DEVICE_KEY, command_mac, pad_method2, sm4_ecb_encrypt};
use super::status::ProtocolError;
use crate::params::TokenOptions;
use std::fmt;
use zeroize::Zeroizing;

/// Instruction bytes.
pub mod ins {
    /// Get info.
    pub const GET_INFO: u8 = 0x41;
    /// Get challenge.
    pub const GET_CHALLENGE: u8 = 0x4B;
    /// Answer challenge.
    pub const ANSWER_CHALLENGE: u8 = 0xCE;
    /// Write config (clock and options).
    pub const WRITE_CONFIG: u8 = 0xD4;
    /// Write seed.
    pub const WRITE_SEED: u8 = 0xC5;
}

/// Longest seed the token takes, in bytes.
pub const MAX_SEED_LEN: usize = 63;

/// A command APDU. Its bytes are zeroized on drop; `Debug` and
/// [`Apdu::log_line`] show the header only when it carries seed material.
pub struct Apdu {
    bytes: Zeroizing<Vec<u8>>,
    sensitive: bool,
}

impl Apdu {
    fn new(bytes: Vec<u8>, sensitive: bool) -> Apdu {
        Apdu {
            bytes: Zeroizing::new(bytes),
            sensitive,
        }
    }
    /// The wire bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
    /// The instruction byte.
    pub fn ins(&self) -> u8 {
        self.bytes.get(1).copied().unwrap_or(0)
    }
    /// Whether the body carries seed material.
    pub fn is_sensitive(&self) -> bool {
        self.sensitive
    }
    /// A line for logs: the header in hex, then the body or `<redacted>`.
    pub fn log_line(&self) -> String {
        let hex = |b: &[u8]| {
            b.iter()
                .map(|x| format!("{x:02X}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let head = &self.bytes[..self.bytes.len().min(5)];
        let body = self.bytes.get(5..).unwrap_or(&[]);
        if body.is_empty() {
            hex(head)
        } else if self.sensitive {
            format!("{} <redacted {} bytes>", hex(head), body.len())
        } else {
            format!("{} {}", hex(head), hex(body))
        }
    }
}

impl fmt::Debug for Apdu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Apdu({})", self.log_line())
    }
}

/// Get info: `80 41 00 00 02 02 11`.
pub fn get_info() -> Apdu {
    Apdu::new(
        vec![0x80, ins::GET_INFO, 0x00, 0x00, 0x02, 0x02, 0x11],
        false,
    )
}

/// Get challenge: `80 4B 08 00 01 00`; the answer is 8 random bytes.
pub fn get_challenge() -> Apdu {
    Apdu::new(
        vec![0x80, ins::GET_CHALLENGE, 0x08, 0x00, 0x01, 0x00],
        false,
    )
}

/// Answer challenge: `80 CE 00 00 10` + SM4-ECB(key, challenge ‖ 8 zero bytes).
pub fn answer_challenge(challenge: &[u8; 8]) -> Apdu {
    let mut block = [0u8; 16];
    block[..8].copy_from_slice(challenge);
    let enc = sm4_ecb_encrypt(&DEVICE_KEY, &block);
    let mut bytes = vec![0x80, ins::ANSWER_CHALLENGE, 0x00, 0x00, 0x10];
    bytes.extend_from_slice(&enc);
    Apdu::new(bytes, false)
}

/// The 19-byte config TLV:
/// `81 11 | 1F 01 tt | 0F 04 cccccccc | 86 06 | 0A 01 aa | 0D 01 ss`.
pub fn config_tlv(options: &TokenOptions, clock: u32) -> [u8; 19] {
    let c = clock.to_be_bytes();
    [
        0x81,
        0x11,
        0x1F,
        0x01,
        options.display_timeout.wire_value(),
        0x0F,
        0x04,
        c[0],
        c[1],
        c[2],
        c[3],
        0x86,
        0x06,
        0x0A,
        0x01,
        options.algorithm.wire_value(),
        0x0D,
        0x01,
        options.period.wire_value(),
    ]
}

/// Write config: `84 D4 00 00 17` + 19-byte TLV + 4-byte MAC. Sets the clock
/// and options; on "restricted time sync" models it erases the seed.
pub fn write_config(options: &TokenOptions, clock: u32) -> Apdu {
    let tlv = config_tlv(options, clock);
    let mac = command_mac(ins::WRITE_CONFIG, 0x00, 0x00, &tlv);
    let mut bytes = vec![0x84, ins::WRITE_CONFIG, 0x00, 0x00, 0x17];
    bytes.extend_from_slice(&tlv);
    bytes.extend_from_slice(&mac);
    Apdu::new(bytes, false)
}

/// Write seed: `84 C5 01 00 Lc` + SM4-ECB(key, method-2-padded seed) + MAC,
/// `Lc` = ciphertext length + 4. Seeds of 0 or more than 63 bytes are refused.
pub fn write_seed(seed: &[u8]) -> Result<Apdu, ProtocolError> {
    if seed.is_empty() || seed.len() > MAX_SEED_LEN {
        return Err(ProtocolError::SeedLength { len: seed.len() });
    }
    let padded = pad_method2(seed);
    let enc = sm4_ecb_encrypt(&DEVICE_KEY, &padded);
    let mac = command_mac(ins::WRITE_SEED, 0x01, 0x00, &enc);
    let mut bytes = Vec::with_capacity(5 + enc.len() + 4);
    // enc.len() <= 64, so Lc <= 68.
    bytes.extend_from_slice(&[0x84, ins::WRITE_SEED, 0x01, 0x00, (enc.len() + 4) as u8]);
    bytes.extend_from_slice(&enc);
    bytes.extend_from_slice(&mac);
    Ok(Apdu::new(bytes, true))
}

/// The 8 challenge bytes from the data of a get-challenge answer.
pub fn parse_challenge(data: &[u8]) -> Result<[u8; 8], ProtocolError> {
    data.try_into()
        .map_err(|_| ProtocolError::ResponseTooShort {
            ins: ins::GET_CHALLENGE,
            len: data.len() + 2,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{DisplayTimeout, HmacAlgorithm, TimeStep};

    fn hex(s: &str) -> Vec<u8> {
        data_encoding::HEXLOWER_PERMISSIVE
            .decode(s.as_bytes())
            .unwrap()
    }

    #[test]
    fn fixed_commands() {
        assert_eq!(get_info().bytes(), hex("80410000020211"));
        assert_eq!(get_challenge().bytes(), hex("804b08000100"));
    }

    #[test]
    fn known_answer_challenge() {
        let c = hex("1122334455667788").try_into().unwrap();
        assert_eq!(
            answer_challenge(&c).bytes(),
            hex("80ce0000108b7450f22721bc29985c2c460b65045d")
        );
    }

    #[test]
    fn known_answer_seed() {
        let seed = hex("0102030405060708090a0b0c0d0e0f1011121314");
        let apdu = write_seed(&seed).unwrap();
        assert_eq!(
            apdu.bytes(),
            hex(
                "84c50100246eead21474bbf3a0a2b4c18f489e543cf48725a71ee9c3a65963e88be9405e3d5f6ea0c1"
            )
        );
        assert!(apdu.is_sensitive());
        assert_eq!(apdu.log_line(), "84 C5 01 00 24 <redacted 36 bytes>");
        assert!(!format!("{apdu:?}").contains("6E EA"));
    }

    #[test]
    fn known_answer_config() {
        let opts = TokenOptions {
            algorithm: HmacAlgorithm::Sha1,
            period: TimeStep::Seconds30,
            display_timeout: DisplayTimeout::Seconds30,
        };
        assert_eq!(
            write_config(&opts, 1_700_000_000).bytes(),
            hex("84d400001781111f01010f046553f10086060a01010d011e4ffdc288")
        );
    }

    #[test]
    fn every_seed_length() {
        for len in 1..=63usize {
            let apdu = write_seed(&vec![0x5A; len]).unwrap();
            let cipher_len = (len / 16 + 1) * 16;
            assert_eq!(apdu.bytes().len(), 5 + cipher_len + 4, "len {len}");
            assert_eq!(usize::from(apdu.bytes()[4]), cipher_len + 4);
        }
        for len in [0usize, 64, 65, 200] {
            assert_eq!(
                write_seed(&vec![1; len]).unwrap_err(),
                ProtocolError::SeedLength { len }
            );
        }
    }

    #[test]
    fn challenge_parsing() {
        assert_eq!(
            parse_challenge(&[1, 2, 3, 4, 5, 6, 7, 8]).unwrap(),
            [1, 2, 3, 4, 5, 6, 7, 8]
        );
        assert!(parse_challenge(&[1, 2, 3]).is_err());
        assert!(parse_challenge(&[0; 9]).is_err());
    }
}
