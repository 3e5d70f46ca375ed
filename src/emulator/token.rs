//! The token's side of the protocol, written from `protocol.md` on its own
//! (it shares no code with the client's command builders): it decrypts,
//! checks MACs, parses the config TLV, keeps a clock and a seed, and can
//! tell which code its display would show. Pure: time comes from a [`Clock`].

use crate::clock::Clock;
use sm4::Sm4;
use sm4::cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use std::sync::Arc;
use totp_rs::{Algorithm, Builder};
use zeroize::Zeroizing;

const KEY: [u8; 16] = [
    0x8A, 0xD2, 0x06, 0x88, 0x3C, 0xA3, 0x69, 0x48, 0x2A, 0xB2, 0x71, 0x82, 0xB6, 0xE8, 0x32, 0x24,
];

const SW_OK: [u8; 2] = [0x90, 0x00];
const SW_AUTH: [u8; 2] = [0x69, 0x83];
const SW_DATA: [u8; 2] = [0x6A, 0x80];
const SW_LENGTH: [u8; 2] = [0x67, 0x00];
const SW_INS: [u8; 2] = [0x6D, 0x00];
const SW_CLA: [u8; 2] = [0x6E, 0x00];

/// The HMAC and step a token computes codes with (wire values).
#[derive(Clone, PartialEq, Eq)]
struct CodeSetup {
    seed: Zeroizing<Vec<u8>>,
    hmac: u8,
    step: u8,
    /// The clock as it was at power-on: a clock write does not change
    /// what the display is already showing.
    clock_offset: i64,
}

/// An emulated programmable token.
pub struct VirtualToken {
    serial: String,
    erases_seed_on_clock_write: bool,
    clock: Arc<dyn Clock>,
    clock_offset: i64,
    seed: Option<Zeroizing<Vec<u8>>>,
    hmac: u8,
    step: u8,
    display_timeout: u8,
    challenge: Option<[u8; 8]>,
    authenticated: bool,
    rng: u64,
    shown: Option<CodeSetup>,
    commands_seen: u64,
    forced_challenge: Option<[u8; 8]>,
}

impl std::fmt::Debug for VirtualToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VirtualToken")
            .field("serial", &self.serial)
            .field(
                "erases_seed_on_clock_write",
                &self.erases_seed_on_clock_write,
            )
            .field("has_seed", &self.seed.is_some())
            .field("clock_offset", &self.clock_offset)
            .finish_non_exhaustive()
    }
}

fn sm4() -> Sm4 {
    Sm4::new(&Array::from(KEY))
}

/// CBC-MAC over `80 INS P1 P2 len` + body, padded (80 00..) when unaligned.
fn expected_mac(header: &[u8], body: &[u8]) -> [u8; 4] {
    let mut msg = Zeroizing::new(vec![
        0x80,
        header[1],
        header[2],
        header[3],
        body.len() as u8,
    ]);
    msg.extend_from_slice(body);
    if msg.len() % 16 != 0 {
        msg.push(0x80);
        let padded = msg.len().div_ceil(16) * 16;
        msg.resize(padded, 0);
    }
    let cipher = sm4();
    let mut iv = [0u8; 16];
    for block in msg.chunks(16) {
        let mut x = [0u8; 16];
        for i in 0..16 {
            x[i] = iv[i] ^ block[i];
        }
        let mut a = Array::from(x);
        cipher.encrypt_block(&mut a);
        iv.copy_from_slice(&a);
    }
    [iv[0], iv[1], iv[2], iv[3]]
}

fn decrypt_ecb(data: &[u8]) -> Zeroizing<Vec<u8>> {
    let cipher = sm4();
    let mut out = Zeroizing::new(Vec::with_capacity(data.len()));
    for block in data.chunks(16) {
        let mut a = Array::from(<[u8; 16]>::try_from(block).unwrap_or([0; 16]));
        cipher.decrypt_block(&mut a);
        out.extend_from_slice(&a);
    }
    out
}

/// Strict TLV walk of the 19-byte config: returns (timeout, clock, hmac, step).
fn parse_config(tlv: &[u8]) -> Option<(u8, u32, u8, u8)> {
    let inner = match tlv {
        [0x81, len, rest @ ..] if usize::from(*len) == rest.len() => rest,
        _ => return None,
    };
    let (mut timeout, mut clock, mut hmac, mut step) = (None, None, None, None);
    let mut walk = |mut data: &[u8], nested: bool| -> Option<Option<Vec<u8>>> {
        let mut group = None;
        while !data.is_empty() {
            let (&tag, rest) = data.split_first()?;
            let (&len, rest) = rest.split_first()?;
            let value = rest.get(..usize::from(len))?;
            data = &rest[usize::from(len)..];
            match (nested, tag, value) {
                (false, 0x1F, [t @ 0..=3]) => timeout = Some(*t),
                (false, 0x0F, [a, b, c, d]) => clock = Some(u32::from_be_bytes([*a, *b, *c, *d])),
                (false, 0x86, v) => group = Some(v.to_vec()),
                (true, 0x0A, [h @ (1 | 2)]) => hmac = Some(*h),
                (true, 0x0D, [s @ (0x1E | 0x3C)]) => step = Some(*s),
                _ => return None,
            }
        }
        Some(group)
    };
    let group = walk(inner, false)??;
    walk(&group, true)?;
    Some((timeout?, clock?, hmac?, step?))
}

impl VirtualToken {
    /// A blank token with this serial. `erases_seed_on_clock_write` is the
    /// "restricted time sync" class; `rng_seed` drives its challenges.
    pub fn new(
        serial: &str,
        erases_seed_on_clock_write: bool,
        clock: Arc<dyn Clock>,
        rng_seed: u64,
    ) -> VirtualToken {
        VirtualToken {
            serial: serial.to_string(),
            erases_seed_on_clock_write,
            clock,
            clock_offset: 0,
            seed: None,
            hmac: 1,
            step: 0x1E,
            display_timeout: 1,
            challenge: None,
            authenticated: false,
            rng: rng_seed ^ 0x9E37_79B9_7F4A_7C15,
            shown: None,
            commands_seen: 0,
            forced_challenge: None,
        }
    }

    /// Set how far the token's clock is from the host's, in seconds.
    pub fn set_clock_offset(&mut self, seconds: i64) {
        self.clock_offset = seconds;
    }

    /// Preload a seed (a token that was burned before), with SHA-1/30 s.
    pub fn preload_seed(&mut self, seed: &[u8]) {
        self.seed = Some(Zeroizing::new(seed.to_vec()));
    }

    /// Make the next challenge these bytes (for known-answer tests).
    pub fn set_next_challenge(&mut self, challenge: [u8; 8]) {
        self.forced_challenge = Some(challenge);
    }

    /// Serial number.
    pub fn serial(&self) -> &str {
        &self.serial
    }

    /// The token's clock, Unix seconds.
    pub fn token_time(&self) -> u64 {
        self.time_with_offset(self.clock_offset)
    }

    /// Whether a seed is stored.
    pub fn has_seed(&self) -> bool {
        self.seed.is_some()
    }

    /// The stored seed, for tests that compare it with what was burned.
    pub fn seed_for_tests(&self) -> Option<&[u8]> {
        self.seed.as_deref().map(Vec::as_slice)
    }

    /// (HMAC wire byte, step wire byte, display-timeout wire byte).
    pub fn option_bytes(&self) -> (u8, u8, u8) {
        (self.hmac, self.step, self.display_timeout)
    }

    /// Command APDUs processed so far.
    pub fn commands_seen(&self) -> u64 {
        self.commands_seen
    }

    /// The button: switch off and on. The display then computes codes from
    /// what is stored now (before this, it keeps showing the old code).
    pub fn power_cycle(&mut self) {
        self.shown = self.seed.as_ref().map(|seed| CodeSetup {
            seed: seed.clone(),
            hmac: self.hmac,
            step: self.step,
            clock_offset: self.clock_offset,
        });
        self.end_session();
    }

    /// The code on the display now, or `None` for a blank token.
    pub fn displayed_code(&self) -> Option<String> {
        let shown = self.shown.as_ref()?;
        Some(self.code_for(shown, shown.clock_offset))
    }

    /// The code the display would show after a power cycle now (from the
    /// stored secret, options and clock), without pressing the button.
    pub fn stored_code(&self) -> Option<String> {
        let seed = self.seed.as_ref()?;
        let setup = CodeSetup {
            seed: seed.clone(),
            hmac: self.hmac,
            step: self.step,
            clock_offset: self.clock_offset,
        };
        Some(self.code_for(&setup, self.clock_offset))
    }

    fn code_for(&self, setup: &CodeSetup, clock_offset: i64) -> String {
        let totp = Builder::new()
            .with_algorithm(if setup.hmac == 2 {
                Algorithm::SHA256
            } else {
                Algorithm::SHA1
            })
            .with_digits(6)
            .with_step_duration(u64::from(setup.step))
            .with_secret(setup.seed.to_vec())
            .build_noncompliant();
        totp.generate(self.time_with_offset(clock_offset))
            .to_string()
    }

    /// Seconds left on the displayed code.
    pub fn displayed_seconds_left(&self) -> Option<u64> {
        let shown = self.shown.as_ref()?;
        let step = u64::from(shown.step);
        Some(step - self.time_with_offset(shown.clock_offset) % step)
    }

    fn time_with_offset(&self, offset: i64) -> u64 {
        (self.clock.now() as i64).saturating_add(offset).max(0) as u64
    }

    /// Power-cycle, then read the display.
    pub fn code_after_power_cycle(&mut self) -> Option<String> {
        self.power_cycle();
        self.displayed_code()
    }

    /// The card session ends (field off, reset): authentication is lost.
    pub fn end_session(&mut self) {
        self.authenticated = false;
        self.challenge = None;
    }

    fn next_random(&mut self) -> u64 {
        // splitmix64: plenty for an emulator's challenges.
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Process one command APDU and return the answer (data + status word).
    pub fn process(&mut self, apdu: &[u8]) -> Vec<u8> {
        self.commands_seen += 1;
        if apdu.len() < 4 {
            return SW_LENGTH.to_vec();
        }
        let (cla, ins) = (apdu[0], apdu[1]);
        if cla != 0x80 && cla != 0x84 {
            return SW_CLA.to_vec();
        }
        match (ins, cla) {
            (0x41, 0x80) => self.info(apdu),
            (0x4B, 0x80) => self.challenge(apdu),
            (0xCE, 0x80) => self.answer(apdu),
            (0xD4, 0x84) => self.config(apdu),
            (0xC5, 0x84) => self.seed(apdu),
            (0x41 | 0x4B | 0xCE | 0xD4 | 0xC5, _) => SW_CLA.to_vec(),
            _ => SW_INS.to_vec(),
        }
    }

    fn info(&mut self, apdu: &[u8]) -> Vec<u8> {
        if apdu.len() != 7 || apdu[4] != 2 {
            return SW_LENGTH.to_vec();
        }
        if apdu[5..] != [0x02, 0x11] {
            return SW_DATA.to_vec();
        }
        let mut out = vec![0x00, 0x00, 0x00, self.serial.len() as u8];
        out.extend_from_slice(self.serial.as_bytes());
        out.extend_from_slice(&[0x00, 0x00]);
        out.extend_from_slice(&(self.token_time() as u32).to_be_bytes());
        out.extend_from_slice(&SW_OK);
        out
    }

    fn challenge(&mut self, apdu: &[u8]) -> Vec<u8> {
        if apdu.len() != 6 || apdu[2] != 0x08 {
            return SW_LENGTH.to_vec();
        }
        let c = match self.forced_challenge.take() {
            Some(c) => c,
            None => self.next_random().to_be_bytes(),
        };
        self.challenge = Some(c);
        self.authenticated = false;
        let mut out = c.to_vec();
        out.extend_from_slice(&SW_OK);
        out
    }

    fn answer(&mut self, apdu: &[u8]) -> Vec<u8> {
        if apdu.len() != 5 + 16 || apdu[4] != 0x10 {
            return SW_LENGTH.to_vec();
        }
        // A challenge is good for one answer only.
        let Some(challenge) = self.challenge.take() else {
            self.authenticated = false;
            return SW_AUTH.to_vec();
        };
        let plain = decrypt_ecb(&apdu[5..]);
        if plain[..8] == challenge && plain[8..].iter().all(|&b| b == 0) {
            self.authenticated = true;
            SW_OK.to_vec()
        } else {
            self.authenticated = false;
            SW_AUTH.to_vec()
        }
    }

    /// Check length, authentication and MAC of a secure command; return its body.
    fn secure_body<'a>(&self, apdu: &'a [u8]) -> Result<&'a [u8], [u8; 2]> {
        if apdu.len() < 5 || usize::from(apdu[4]) != apdu.len() - 5 || apdu.len() < 9 {
            return Err(SW_LENGTH);
        }
        if !self.authenticated {
            return Err(SW_AUTH);
        }
        let (body, mac) = apdu[5..].split_at(apdu.len() - 9);
        if expected_mac(&apdu[..4], body) != mac {
            return Err(SW_AUTH);
        }
        Ok(body)
    }

    fn config(&mut self, apdu: &[u8]) -> Vec<u8> {
        if apdu.len() != 5 + 0x17 || apdu[2..4] != [0, 0] {
            return SW_LENGTH.to_vec();
        }
        let body = match self.secure_body(apdu) {
            Ok(b) => b,
            Err(sw) => return sw.to_vec(),
        };
        let Some((timeout, clock, hmac, step)) = parse_config(body) else {
            return SW_DATA.to_vec();
        };
        self.clock_offset = i64::from(clock) - self.clock.now() as i64;
        self.display_timeout = timeout;
        self.hmac = hmac;
        self.step = step;
        if self.erases_seed_on_clock_write {
            self.seed = None;
        }
        SW_OK.to_vec()
    }

    fn seed(&mut self, apdu: &[u8]) -> Vec<u8> {
        if apdu[2..4] != [0x01, 0x00] {
            return SW_DATA.to_vec();
        }
        let body = match self.secure_body(apdu) {
            Ok(b) => b,
            Err(sw) => return sw.to_vec(),
        };
        if body.is_empty() || body.len() % 16 != 0 || body.len() > 64 {
            return SW_DATA.to_vec();
        }
        let mut plain = decrypt_ecb(body);
        let Some(end) = plain.iter().rposition(|&b| b != 0) else {
            return SW_DATA.to_vec();
        };
        // Method 2 padding is mandatory: the last non-zero byte is 0x80 and
        // it sits in the final block.
        if plain[end] != 0x80 || plain.len() - end > 16 {
            return SW_DATA.to_vec();
        }
        plain.truncate(end);
        if plain.is_empty() || plain.len() > 63 {
            return SW_DATA.to_vec();
        }
        self.seed = Some(plain);
        SW_OK.to_vec()
    }
}
