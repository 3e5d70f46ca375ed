//! Entry points for coverage-guided fuzzing (`fuzz/`, `./dev.sh fuzz`):
//! one function per target, bytes in, nothing out. Each runs the input
//! through the same code as the app and fails only by panicking. The fuzz
//! targets call them, and `tests/fuzz_corpora.rs` replays every committed
//! corpus file through them on the stable toolchain, so a crash found once
//! stays fixed. Not an API: hidden from the docs.

use crate::capture::webcam::{Frame, FrameKind, frame_to_gray};
use crate::capture::{decode, file};
use crate::{explain, protocol, secret, station};
use base64::Engine;

/// A fuzz entry function: any bytes in, a panic on failure.
pub type Entry = fn(&[u8]);

/// The fuzz targets: (name under `fuzz/corpus/`, entry function).
pub const TARGETS: &[(&str, Entry)] = &[
    ("secret_read", secret_read),
    ("migration_payload", migration_payload),
    ("otpauth_uri", otpauth_uri),
    ("token_info", token_info),
    ("status_word", status_word),
    ("user_list", user_list),
    ("image_file", image_file),
    ("webcam_frame", webcam_frame),
];

/// Pictures at most this large also go through the QR decoders (larger
/// ones are only decoded to pixels, to keep the fuzzer fast).
pub const QR_DECODE_MAX_PIXELS: u64 = 512 * 512;

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Read any text as a secret, as typed, pasted or scanned, and explain
/// the answer (the words for people are built from the parsed values).
fn read_and_explain(t: &str) {
    match secret::read(t) {
        Ok(secret::Candidate::Single(info)) => {
            for w in &info.warnings {
                let _ = explain::warning(w);
            }
        }
        Ok(secret::Candidate::Migration(batch)) => {
            let _ = (batch.usable_count(), batch.only_usable());
            for a in &batch.accounts {
                if let Err(e) = &a.usable {
                    let _ = explain::not_a_secret(e);
                }
            }
        }
        Err(e) => {
            let _ = explain::not_a_secret(&e);
        }
    }
    let _ = secret::redact(t);
}

/// `secret::read` on any text.
pub fn secret_read(data: &[u8]) {
    read_and_explain(&text(data));
}

/// An authenticator export whose protobuf payload is `data`.
pub fn migration_payload(data: &[u8]) {
    let b64 = base64::engine::general_purpose::STANDARD.encode(data);
    let escaped: String = url::form_urlencoded::byte_serialize(b64.as_bytes()).collect();
    read_and_explain(&format!("otpauth-migration://offline?data={escaped}"));
}

/// An `otpauth://` URI whose rest is `data`.
pub fn otpauth_uri(data: &[u8]) {
    read_and_explain(&format!("otpauth://{}", text(data)));
}

/// The token's info record (the answer to GET INFO, status word removed).
pub fn token_info(data: &[u8]) {
    if let Ok(info) = protocol::parse_info(data) {
        let _ = protocol::model_for_serial(&info.serial);
    }
}

/// A whole answer APDU: the first byte names the instruction, the rest is
/// data and status word.
pub fn status_word(data: &[u8]) {
    let Some((&ins, response)) = data.split_first() else {
        return;
    };
    match protocol::check_response(ins, response) {
        Ok(body) => {
            let _ = protocol::commands::parse_challenge(body);
        }
        Err(protocol::ProtocolError::Status { sw, .. }) => {
            assert_eq!(
                protocol::StatusWord::from_bytes((sw.value() >> 8) as u8, sw.value() as u8),
                sw
            );
        }
        Err(_) => {}
    }
}

/// A station's CSV list of users.
pub fn user_list(data: &[u8]) {
    let _ = station::source::parse_user_list(&text(data));
}

/// The bytes of an image file (opened, dropped or pasted), through the
/// same decoding as [`file::from_bytes`], then the QR decoders.
pub fn image_file(data: &[u8]) {
    if let Ok(img) = file::from_bytes(data)
        && u64::from(img.width()) * u64::from(img.height()) <= QR_DECODE_MAX_PIXELS
    {
        let _ = decode::decode_owned(img);
    }
}

/// A camera frame: byte 0 picks the layout, bytes 1-4 the width and
/// height (16 bits each), the rest is the frame's data. Also the screen
/// path's BGRA conversion with byte 5 as the row padding.
pub fn webcam_frame(data: &[u8]) {
    if data.len() < 6 {
        return;
    }
    let kind = match data[0] % 6 {
        0 => FrameKind::Yuyv,
        1 => FrameKind::Nv12,
        2 => FrameKind::Mjpeg,
        3 => FrameKind::Gray,
        4 => FrameKind::Rgb,
        _ => FrameKind::Bgr,
    };
    let width = u32::from(u16::from_le_bytes([data[1], data[2]]));
    let height = u32::from(u16::from_le_bytes([data[3], data[4]]));
    let pixels = &data[5..];
    let frame = Frame {
        width,
        height,
        kind,
        data: pixels.to_vec(),
    };
    if let Some(gray) = frame_to_gray(&frame) {
        if kind != FrameKind::Mjpeg {
            assert_eq!(gray.dimensions(), (width, height));
        }
        if u64::from(gray.width()) * u64::from(gray.height()) <= QR_DECODE_MAX_PIXELS {
            let _ = decode::decode_owned(gray);
        }
    }
    let stride = (width as usize * 4).saturating_add(usize::from(data[5]));
    let _ = decode::gray_from_bgra(&pixels[1..], width, height, stride);
}
