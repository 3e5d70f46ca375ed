//! The emulated token checked on its own against protocol.md: the
//! known-answer APDUs from the spec are fed to it byte for byte, and its
//! refusals (wrong key, replayed answer, bad MAC, bad padding) are checked.

use proptest::prelude::*;
use std::sync::Arc;
use totp_burner::clock::ManualClock;
use totp_burner::emulator::VirtualToken;

fn hex(s: &str) -> Vec<u8> {
    data_encoding::HEXLOWER_PERMISSIVE
        .decode(s.as_bytes())
        .unwrap()
}

fn token(serial: &str, erases: bool, now: u64) -> (VirtualToken, ManualClock) {
    let clock = ManualClock::new(now);
    (
        VirtualToken::new(serial, erases, Arc::new(clock.clone()), 1),
        clock,
    )
}

const INFO: &str = "80410000020211";
const CHALLENGE: &str = "804b08000100";
const ANSWER: &str = "80ce0000108b7450f22721bc29985c2c460b65045d";
const CONFIG: &str = "84d400001781111f01010f046553f10086060a01010d011e4ffdc288";
const SEED: &str =
    "84c50100246eead21474bbf3a0a2b4c18f489e543cf48725a71ee9c3a65963e88be9405e3d5f6ea0c1";

fn authenticated(t: &mut VirtualToken) {
    t.set_next_challenge(hex("1122334455667788").try_into().unwrap());
    assert_eq!(t.process(&hex(CHALLENGE)), hex("11223344556677889000"));
    assert_eq!(t.process(&hex(ANSWER)), hex("9000"));
}

#[test]
fn info_known_answer() {
    let (mut t, _) = token("86596220000001", true, 0x6b0a6257);
    assert_eq!(
        t.process(&hex(INFO)),
        hex("0000000e383635393632323030303030303100006b0a62579000")
    );
}

#[test]
fn full_known_answer_sequence() {
    let (mut t, clock) = token("86596220000001", true, 1_700_000_000 - 500);
    t.preload_seed(b"old secret bytes....");
    authenticated(&mut t);
    assert_eq!(t.process(&hex(CONFIG)), hex("9000"));
    assert_eq!(t.token_time(), 1_700_000_000);
    assert!(
        !t.has_seed(),
        "restricted model erases the seed on a clock write"
    );
    assert_eq!(t.option_bytes(), (0x01, 0x1E, 0x01));
    assert_eq!(t.process(&hex(SEED)), hex("9000"));
    assert_eq!(
        t.seed_for_tests().unwrap(),
        hex("0102030405060708090a0b0c0d0e0f1011121314")
    );
    clock.advance(10);
    assert_eq!(t.token_time(), 1_700_000_010);
}

#[test]
fn unrestricted_model_keeps_seed_on_clock_write() {
    let (mut t, _) = token("86596120000001", false, 1_700_000_000);
    t.preload_seed(b"kept");
    authenticated(&mut t);
    assert_eq!(t.process(&hex(CONFIG)), hex("9000"));
    assert_eq!(t.seed_for_tests().unwrap(), b"kept");
}

#[test]
fn challenge_is_good_once() {
    let (mut t, _) = token("86596220000001", true, 1);
    authenticated(&mut t);
    assert_eq!(t.process(&hex(ANSWER)), hex("6983"), "replayed answer");
    // The failed replay also drops the session's authentication.
    assert_eq!(t.process(&hex(CONFIG)), hex("6983"));
}

#[test]
fn wrong_answer_is_refused() {
    let (mut t, _) = token("86596220000001", true, 1);
    t.set_next_challenge([9; 8]);
    t.process(&hex(CHALLENGE));
    assert_eq!(t.process(&hex(ANSWER)), hex("6983"));
    assert_eq!(t.process(&hex(SEED)), hex("6983"));
    assert!(!t.has_seed());
}

#[test]
fn secure_commands_need_authentication() {
    let (mut t, _) = token("86596220000001", true, 1);
    assert_eq!(t.process(&hex(CONFIG)), hex("6983"));
    assert_eq!(t.process(&hex(SEED)), hex("6983"));
    assert_eq!(
        t.process(&hex(ANSWER)),
        hex("6983"),
        "answer without a challenge"
    );
}

#[test]
fn bad_mac_is_refused() {
    let (mut t, _) = token("86596220000001", true, 1);
    authenticated(&mut t);
    let mut config = hex(CONFIG);
    *config.last_mut().unwrap() ^= 1;
    assert_eq!(t.process(&config), hex("6983"));
    let mut seed = hex(SEED);
    seed[10] ^= 0x40; // ciphertext altered: MAC no longer matches
    assert_eq!(t.process(&seed), hex("6983"));
    assert!(!t.has_seed());
}

/// Build a secure command with a correct MAC around any body, to reach the
/// token's data checks (uses the spec's MAC rule, written out here).
fn with_mac(ins: u8, p1: u8, body: &[u8]) -> Vec<u8> {
    let mac = totp_burner::protocol::crypto::command_mac(ins, p1, 0, body);
    let mut apdu = vec![0x84, ins, p1, 0x00, (body.len() + 4) as u8];
    apdu.extend_from_slice(body);
    apdu.extend_from_slice(&mac);
    apdu
}

#[test]
fn bad_tlv_and_bad_padding_are_wrong_data() {
    use totp_burner::protocol::crypto::{DEVICE_KEY, sm4_ecb_encrypt};
    let (mut t, _) = token("86596220000001", true, 1);
    authenticated(&mut t);
    let mut tlv = hex("81111f01010f046553f10086060a01010d011e");
    tlv[4] = 0x07; // display timeout out of range
    assert_eq!(t.process(&with_mac(0xD4, 0, &tlv)), hex("6a80"));
    let mut tlv = hex("81111f01010f046553f10086060a01010d011e");
    tlv[15] = 0x03; // SHA-512
    assert_eq!(t.process(&with_mac(0xD4, 0, &tlv)), hex("6a80"));
    // A block-aligned seed sent without its extra padding block.
    let unpadded = sm4_ecb_encrypt(&DEVICE_KEY, &[0x31; 16]);
    assert_eq!(t.process(&with_mac(0xC5, 1, &unpadded)), hex("6a80"));
    // Padding byte wrong (0x81 instead of 0x80).
    let mut block = [0u8; 16];
    block[..4].copy_from_slice(b"abcd");
    block[4] = 0x81;
    let bad = sm4_ecb_encrypt(&DEVICE_KEY, &block);
    assert_eq!(t.process(&with_mac(0xC5, 1, &bad)), hex("6a80"));
    assert!(!t.has_seed());
}

#[test]
fn odd_commands_get_their_status_words() {
    let (mut t, _) = token("86596220000001", true, 1);
    assert_eq!(t.process(&[]), hex("6700"));
    assert_eq!(t.process(&hex("8041")), hex("6700"));
    assert_eq!(t.process(&hex("00410000020211")), hex("6e00"));
    assert_eq!(t.process(&hex("80990000")), hex("6d00"));
    assert_eq!(t.process(&hex("84410000020211")), hex("6e00"));
    assert_eq!(t.process(&hex("804100000102")), hex("6700"));
}

#[test]
fn display_shows_old_code_until_power_cycle() {
    let (mut t, clock) = token("86596220000001", true, 1_700_000_000);
    assert_eq!(t.displayed_code(), None, "blank token");
    t.preload_seed(b"12345678901234567890");
    t.power_cycle();
    let old = t.displayed_code().unwrap();
    authenticated(&mut t);
    t.process(&hex(CONFIG));
    t.process(&hex(SEED));
    assert_eq!(
        t.displayed_code().unwrap(),
        old,
        "display unchanged before the power cycle"
    );
    let new = t.code_after_power_cycle().unwrap();
    assert_ne!(new, old);
    let left = t.displayed_seconds_left().unwrap();
    assert!((1..=30).contains(&left));
    clock.advance(left);
    assert_eq!(t.displayed_seconds_left(), Some(30));
    assert_ne!(
        t.displayed_code().unwrap(),
        new,
        "a new step shows a new code"
    );
}

proptest! {
    #[test]
    fn never_panics(cmds in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..80), 1..8),
                    header in prop::sample::select(vec![vec![], vec![0x84u8, 0xD4, 0, 0], vec![0x84u8, 0xC5, 1, 0], vec![0x80u8, 0xCE, 0, 0]])) {
        let (mut t, _) = token("86596220000001", true, 1);
        authenticated(&mut t);
        for c in cmds {
            let mut apdu = header.clone();
            apdu.extend_from_slice(&c);
            let answer = t.process(&apdu);
            prop_assert!(answer.len() >= 2);
        }
    }
}
