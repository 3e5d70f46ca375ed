//! The token's cryptography: SM4 under the fixed device key, ISO/IEC 9797-1
//! padding method 2, and the 4-byte CBC-MAC of secure commands.

use sm4::Sm4;
use sm4::cipher::{Array, BlockCipherEncrypt, KeyInit};
use zeroize::Zeroizing;

/// The fixed device key shared by all these tokens (published by the vendor).
pub const DEVICE_KEY: [u8; 16] = [
    0x8A, 0xD2, 0x06, 0x88, 0x3C, 0xA3, 0x69, 0x48, 0x2A, 0xB2, 0x71, 0x82, 0xB6, 0xE8, 0x32, 0x24,
];

/// SM4 block size in bytes.
pub const BLOCK: usize = 16;

fn cipher(key: &[u8; 16]) -> Sm4 {
    Sm4::new(&Array::from(*key))
}

/// Encrypt one 16-byte block with SM4 under `key`.
pub fn sm4_encrypt_block(key: &[u8; 16], block: &[u8; 16]) -> [u8; 16] {
    let mut b = Array::from(*block);
    cipher(key).encrypt_block(&mut b);
    b.into()
}

/// SM4-ECB of `data` under `key`. `data.len()` must be a multiple of 16
/// (callers pad first); the result is wiped on drop.
pub fn sm4_ecb_encrypt(key: &[u8; 16], data: &[u8]) -> Zeroizing<Vec<u8>> {
    debug_assert_eq!(data.len() % BLOCK, 0, "ECB input must be block-aligned");
    let c = cipher(key);
    let mut out = Zeroizing::new(data.to_vec());
    for chunk in out.chunks_exact_mut(BLOCK) {
        let mut b = Array::from(<[u8; 16]>::try_from(&*chunk).expect("16-byte chunk"));
        c.encrypt_block(&mut b);
        chunk.copy_from_slice(&b);
    }
    out
}

/// Padding method 2: append `0x80`, then zeros up to the next block boundary.
/// Always adds at least one byte (a block-aligned input grows by a block).
pub fn pad_method2(data: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(data.len() + BLOCK));
    out.extend_from_slice(data);
    out.push(0x80);
    while out.len() % BLOCK != 0 {
        out.push(0x00);
    }
    out
}

/// MAC of a secure command: SM4-CBC (zero IV) over `80 INS P1 P2 Lc'` and
/// the body, padded with method 2 only when not block-aligned; the first
/// 4 bytes of the last cipher block.
pub fn command_mac(ins: u8, p1: u8, p2: u8, body: &[u8]) -> [u8; 4] {
    let mut input = Zeroizing::new(Vec::with_capacity(body.len() + 5 + BLOCK));
    // Lc' is the body length without the MAC; bodies are at most 255 bytes.
    input.extend_from_slice(&[0x80, ins, p1, p2, body.len() as u8]);
    input.extend_from_slice(body);
    let input = if input.len() % BLOCK == 0 {
        input
    } else {
        pad_method2(&input)
    };
    let c = cipher(&DEVICE_KEY);
    let mut chain = [0u8; 16];
    for chunk in input.chunks_exact(BLOCK) {
        for (x, y) in chain.iter_mut().zip(chunk) {
            *x ^= y;
        }
        let mut b = Array::from(chain);
        c.encrypt_block(&mut b);
        chain = b.into();
    }
    [chain[0], chain[1], chain[2], chain[3]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        data_encoding::HEXLOWER_PERMISSIVE
            .decode(s.as_bytes())
            .unwrap()
    }

    #[test]
    fn sm4_standard_vector() {
        let k: [u8; 16] = hex("0123456789abcdeffedcba9876543210").try_into().unwrap();
        assert_eq!(
            sm4_encrypt_block(&k, &k).to_vec(),
            hex("681edf34d206965e86b3e94f536e4246")
        );
    }

    #[test]
    fn padding_always_adds_bytes() {
        for len in 0..=64usize {
            let p = pad_method2(&vec![0xAA; len]);
            assert_eq!(p.len(), (len / 16 + 1) * 16, "len {len}");
            assert_eq!(p[len], 0x80);
            assert!(p[len + 1..].iter().all(|&b| b == 0));
        }
    }
}
