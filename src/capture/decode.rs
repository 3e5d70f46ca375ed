//! Pixels to QR text. Every QR in a grayscale image is returned (a screen
//! can show two). Decoder choice by measurement (README, `benches/capture`):
//! rxing's QR reader (a port of zxing-cpp's) is the fast path on full
//! screenshots; rqrr, the planned decoder, is the second opinion on images
//! up to webcam size where rxing finds nothing. Huge images are refused
//! before any allocation by [`check_dimensions`].

use super::binarize::FastHybridBinarizer;
use image::GrayImage;
use rxing::common::HybridBinarizer;
use rxing::multi::MultipleBarcodeReader;
use rxing::qrcode::cpp_port::QrReader;
use rxing::{BinaryBitmap, DecodeHints, Luma8LuminanceSource};

/// Largest width or height accepted (8K monitors side by side fit).
pub const MAX_DIMENSION: u32 = 16_384;
/// Largest pixel count accepted (two 8K screens).
pub const MAX_PIXELS: u64 = 2 * 7680 * 4320;
/// Images at most this many pixels also get the rqrr pass when rxing finds nothing.
pub const SECOND_OPINION_MAX_PIXELS: u64 = 1280 * 720;

/// An image too large to decode safely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("image of {width}x{height} pixels is too large")]
pub struct TooLarge {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Refuse images whose size would make decoding allocate unbounded memory.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), TooLarge> {
    if width > MAX_DIMENSION
        || height > MAX_DIMENSION
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        Err(TooLarge { width, height })
    } else {
        Ok(())
    }
}

/// Grayscale from 32-bit BGRA/BGRX rows (X11 and Windows screen buffers),
/// in one pass; `stride` is the byte length of one row. `None` when the
/// data is shorter than the size says (or the size overflows); a zero
/// width or height gives an empty picture.
pub fn gray_from_bgra(data: &[u8], width: u32, height: u32, stride: usize) -> Option<GrayImage> {
    let (w, h) = (width as usize, height as usize);
    if w == 0 || h == 0 {
        return Some(GrayImage::new(width, height));
    }
    let row_bytes = w.checked_mul(4)?;
    let needed = stride.checked_mul(h - 1)?.checked_add(row_bytes)?;
    if stride < row_bytes || data.len() < needed {
        return None;
    }
    let mut out = vec![0u8; w.checked_mul(h)?];
    for (dst, row) in out.chunks_exact_mut(w).zip(data.chunks(stride)) {
        // 16 pixels at a time as whole 32-bit words: the compiler turns
        // this into vector code (about a third fewer instructions than
        // byte by byte, counted with callgrind).
        let mut dst16 = dst.chunks_exact_mut(16);
        let mut src16 = row[..row_bytes].chunks_exact(64);
        for (o, p) in (&mut dst16).zip(&mut src16) {
            let mut px = [0u32; 16];
            for (x, c) in px.iter_mut().zip(p.chunks_exact(4)) {
                *x = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            }
            for (o, v) in o.iter_mut().zip(px) {
                *o = luma(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff);
            }
        }
        let rest = dst16.into_remainder();
        for (o, p) in rest.iter_mut().zip(src16.remainder().chunks_exact(4)) {
            *o = luma(p[0].into(), p[1].into(), p[2].into());
        }
    }
    GrayImage::from_raw(width, height, out)
}

/// BT.601 luma with integer weights that add up to 256: 29 B + 150 G + 77 R.
#[inline(always)]
fn luma(b: u32, g: u32, r: u32) -> u8 {
    ((29 * b + 150 * g + 77 * r) >> 8) as u8
}

/// Every QR text rxing's reader finds.
pub fn decode_rxing(img: &GrayImage) -> Vec<String> {
    decode_rxing_owned(img.clone())
}

/// [`decode_rxing`] on an image we own: the reader takes the buffer
/// without a copy (its borrowing variant would have to outlive the reader).
fn decode_rxing_owned(img: GrayImage) -> Vec<String> {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let Ok(source) = Luma8LuminanceSource::new(img.into_raw(), w, h) else {
        return Vec::new();
    };
    // Our binarizer gives rxing's bits, faster (capture/binarize.rs).
    match FastHybridBinarizer::new(source) {
        Ok(fast) => read_all(BinaryBitmap::new(fast)),
        Err(source) => read_all(BinaryBitmap::new(HybridBinarizer::new(source))),
    }
}

/// Every QR code rxing's reader finds in a black-and-white picture.
fn read_all<B: rxing::Binarizer>(mut bitmap: BinaryBitmap<B>) -> Vec<String> {
    // TryHarder scans every third row for finder patterns: needed for 2 px
    // modules on a 4K screen (costs ~15 %).
    // QR codes only: rxing's reader otherwise also samples every unused
    // finder pattern as a Micro QR and a rectangular Micro QR code.
    let hints = DecodeHints::default()
        .with(rxing::DecodeHintValue::TryHarder(true))
        .with(rxing::DecodeHintValue::PossibleFormats(
            [rxing::BarcodeFormat::QR_CODE].into(),
        ));
    let mut reader = QrReader;
    reader
        .decode_multiple_with_hints(&mut bitmap, &hints)
        .map(|found| found.into_iter().map(|r| r.getText().to_string()).collect())
        .unwrap_or_default()
}

/// Every QR text rqrr finds.
pub fn decode_rqrr(img: &GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare(img.clone());
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// Every QR in `img`, each text once, in the order found.
pub fn decode(img: &GrayImage) -> Vec<String> {
    decode_owned(img.clone())
}

/// [`decode`] on an image we own (no copy of the pixels on the fast path).
pub fn decode_owned(img: GrayImage) -> Vec<String> {
    if img.width() == 0 || img.height() == 0 {
        return Vec::new();
    }
    let small = u64::from(img.width()) * u64::from(img.height()) <= SECOND_OPINION_MAX_PIXELS;
    let found = if small {
        // Small enough to copy: keep it for the second opinion.
        let first = decode_rxing(&img);
        if first.is_empty() {
            decode_rqrr(&img)
        } else {
            first
        }
    } else {
        decode_rxing_owned(img)
    };
    let mut unique = Vec::with_capacity(found.len());
    for text in found {
        if !unique.contains(&text) {
            unique.push(text);
        }
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimension_caps() {
        assert!(check_dimensions(3840, 2160).is_ok());
        assert!(check_dimensions(7680 * 2, 4320).is_ok());
        assert!(check_dimensions(MAX_DIMENSION + 1, 10).is_err());
        assert!(check_dimensions(16_000, 16_000).is_err());
    }

    #[test]
    fn bgra_conversion() {
        // 2x2 pixels: white, black, pure red, pure blue; stride padded to 12.
        let data = [
            255, 255, 255, 0, 0, 0, 0, 0, 9, 9, 9, 9, //
            0, 0, 255, 0, 255, 0, 0, 0, 9, 9, 9, 9,
        ];
        let g = gray_from_bgra(&data, 2, 2, 12).unwrap();
        assert_eq!(g.as_raw(), &vec![255, 0, 76, 28]);
        assert!(gray_from_bgra(&data[..10], 2, 2, 12).is_none());
        // A stride shorter than a row, or one whose size overflows.
        assert!(gray_from_bgra(&data, 2, 2, 4).is_none());
        assert!(gray_from_bgra(&data, 2, 2, usize::MAX).is_none());
    }

    #[test]
    fn zero_sized_screens_give_empty_pictures() {
        for (w, h, stride) in [(0, 0, 0), (0, 5, 0), (5, 0, 20), (0, 3, 7)] {
            let g = gray_from_bgra(&[], w, h, stride).expect("an empty picture");
            assert_eq!(g.dimensions(), (w, h));
            assert!(decode_owned(g).is_empty());
        }
    }

    #[test]
    fn blank_and_tiny_images_have_no_codes() {
        assert!(decode(&GrayImage::new(0, 0)).is_empty());
        assert!(decode(&GrayImage::new(1, 1)).is_empty());
        assert!(decode(&GrayImage::new(0, 7)).is_empty());
        assert!(decode(&GrayImage::new(7, 0)).is_empty());
        assert!(decode(&GrayImage::from_pixel(640, 480, image::Luma([255]))).is_empty());
    }
}
