//! Pixels to QR text. Every QR in a grayscale image is returned (a screen
//! can show two). Decoder choice by measurement (README, `benches/capture`):
//! rxing's QR reader (a port of zxing-cpp's, run by `decode_reader`) is the
//! fast path on full screenshots; rqrr, the planned decoder, is the second
//! opinion on images up to webcam size where rxing finds nothing. Screens
//! of 1920x1080 and up are searched at half size first, and at full size
//! only when that finds nothing (so a screen with a coarse code and a code
//! of 1-3 px modules gives the coarse one only). Huge images are refused
//! before any allocation by [`check_dimensions`].

use super::binarize::hybrid_matrix;
use super::decode_reader::read_qr;
use image::GrayImage;
use multiversion::multiversion;
use rxing::common::HybridBinarizer;
use rxing::{Binarizer, Luma8LuminanceSource};

/// Largest width or height accepted (8K monitors side by side fit).
pub const MAX_DIMENSION: u32 = 16_384;
/// Largest pixel count accepted (two 8K screens).
pub const MAX_PIXELS: u64 = 2 * 7680 * 4320;
/// Images at most this many pixels also get the rqrr pass when rxing finds nothing.
pub const SECOND_OPINION_MAX_PIXELS: u64 = 1280 * 720;
/// Images of at least this many pixels are searched at half size first.
pub const HALF_FIRST_MIN_PIXELS: u64 = 1920 * 1080;

/// An image too large to decode safely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::tr!("err-capture-too-large", width = *width, height = *height))]
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
    let large = u64::from(width) * u64::from(height) >= TWO_CORE_MIN_PIXELS;
    gray_on(data, width, height, stride, large && two_cores())
}

/// [`gray_from_bgra`], the lower half on a second thread when `two`.
fn gray_on(data: &[u8], width: u32, height: u32, stride: usize, two: bool) -> Option<GrayImage> {
    let (w, h) = (width as usize, height as usize);
    if w == 0 || h == 0 {
        return Some(GrayImage::new(width, height));
    }
    let row_bytes = w.checked_mul(4)?;
    let needed = stride.checked_mul(h - 1)?.checked_add(row_bytes)?;
    if stride < row_bytes || data.len() < needed {
        return None;
    }
    let rows = data.chunks(stride).take(h);
    // Each row is converted into one reused buffer and appended: zeroing
    // the whole picture first cost a third of the conversion's
    // instructions (callgrind, 4K).
    let mut out = Vec::with_capacity(w.checked_mul(h)?);
    if two {
        // Large screens on two cores: the lower half converted by a second
        // thread meanwhile (reading 33 MB of a 4K buffer is where a single
        // core waits on memory), then appended.
        let top = h / 2;
        let lower = std::thread::scope(|s| {
            let lower = s.spawn(|| {
                let mut part = Vec::with_capacity(w * (h - top));
                gray_rows(rows.clone().skip(top), w, row_bytes, &mut part);
                part
            });
            gray_rows(rows.clone().take(top), w, row_bytes, &mut out);
            lower.join()
        });
        match lower {
            Ok(part) => out.extend_from_slice(&part),
            // Cannot happen (no panics in `gray_rows`); one core then.
            Err(_) => gray_rows(rows.skip(top), w, row_bytes, &mut out),
        }
    } else {
        gray_rows(rows, w, row_bytes, &mut out);
    }
    GrayImage::from_raw(width, height, out)
}

/// Pictures of at least this many pixels are converted to gray and
/// binarized on two cores when the machine has them (a 3840x2160 screen's
/// gray: 5.9 ms on one core, 2.9 on two). A 1920x1080 screen, and the
/// half-size pass of a 4K one, stay on one: there the second thread cost
/// as much as it saved (2.2 ms a scan on one core against 2.7 on two, the
/// 1080p screen without a code, 300 scans each, 2026-11-29).
pub const TWO_CORE_MIN_PIXELS: u64 = 2560 * 1440;

/// Whether this process may run on two CPUs (asked once: it reads the
/// affinity mask and the cgroup's quota).
pub(super) fn two_cores() -> bool {
    static TWO: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TWO.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2))
}

/// Append the gray of `rows` (32-bit BGRX, `row_bytes` used of each) to
/// `out`. In AVX2 where the CPU has it (twice the lanes; multiversion
/// picks the copy once at run time).
#[multiversion(targets("x86_64+avx2"))]
fn gray_rows<'a>(
    rows: impl Iterator<Item = &'a [u8]>,
    w: usize,
    row_bytes: usize,
    out: &mut Vec<u8>,
) {
    let mut dst = vec![0u8; w];
    for row in rows {
        // 16 pixels at a time, each as two 16-bit halves (B + 256 G and
        // R + 256 X): the products fit 16-bit lanes, which SSE2 multiplies
        // eight at a time (3.3 instructions a pixel against 11.7 for 32-bit
        // words, callgrind on a 4K buffer; the same bytes out).
        let mut dst16 = dst.chunks_exact_mut(16);
        let mut src16 = row[..row_bytes].chunks_exact(64);
        for (o, p) in (&mut dst16).zip(&mut src16) {
            let mut halves = [0u16; 32];
            for (x, c) in halves.iter_mut().zip(p.chunks_exact(2)) {
                *x = u16::from_le_bytes([c[0], c[1]]);
            }
            let mut terms = [0u16; 32];
            for ((t, &x), (&lo, &hi)) in terms
                .iter_mut()
                .zip(&halves)
                .zip(LOW_WEIGHTS.iter().zip(&HIGH_WEIGHTS))
            {
                // At most 29 * 255 + 150 * 255 (or 77 * 255): no wrap.
                *t = (x & 0xff)
                    .wrapping_mul(lo)
                    .wrapping_add((x >> 8).wrapping_mul(hi));
            }
            for (o, pair) in o.iter_mut().zip(terms.chunks_exact(2)) {
                *o = ((u32::from(pair[0]) + u32::from(pair[1])) >> 8) as u8;
            }
        }
        let rest = dst16.into_remainder();
        for (o, p) in rest.iter_mut().zip(src16.remainder().chunks_exact(4)) {
            *o = luma(p[0].into(), p[1].into(), p[2].into());
        }
        out.extend_from_slice(&dst);
    }
}

/// [`luma`]'s weights by 16-bit half of a BGRX pixel: B and R in the low
/// bytes, G and X in the high bytes.
const LOW_WEIGHTS: [u16; 32] = weights(29, 77);
const HIGH_WEIGHTS: [u16; 32] = weights(150, 0);

const fn weights(even: u16, odd: u16) -> [u16; 32] {
    let mut w = [even; 32];
    let mut i = 1;
    while i < 32 {
        w[i] = odd;
        i += 2;
    }
    w
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

/// [`decode_rxing`] on an image we own (no copy of the pixels when it
/// is large enough for our binarizer).
fn decode_rxing_owned(img: GrayImage) -> Vec<String> {
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return Vec::new();
    }
    // Our binarizer gives rxing's bits, faster (capture/binarize.rs);
    // pictures under 40 px a side get rxing's own.
    let (matrix, rows) = match hybrid_matrix(img.as_raw(), w as usize, h as usize) {
        Some(binarized) => binarized,
        None => {
            let Ok(source) = Luma8LuminanceSource::new(img.into_raw(), w, h) else {
                return Vec::new();
            };
            let binarizer = HybridBinarizer::new(source);
            let Ok(matrix) = binarizer.get_black_matrix() else {
                return Vec::new();
            };
            let rows = (0..h)
                .flat_map(|y| matrix.getRow(y).getBitArray().to_vec())
                .map(|word| word as u64)
                .collect();
            (matrix.clone(), rows)
        }
    };
    read_qr(&matrix, &rows)
}

/// The picture at half its width and height, each pixel the rounded mean
/// of a 2x2 block (an odd last row or column is dropped).
/// In AVX2 where the CPU has it.
#[multiversion(targets("x86_64+avx2"))]
pub fn half_size(img: &GrayImage) -> GrayImage {
    let width = img.width() as usize;
    let (w, h) = (width / 2, img.height() as usize / 2);
    let src = img.as_raw();
    // Row by row into one reused buffer (see `gray_from_bgra`).
    let mut out = Vec::with_capacity(w * h);
    let mut dst = vec![0u8; w];
    for y in 0..h {
        let top = &src[2 * y * width..][..2 * w];
        let bottom = &src[(2 * y + 1) * width..][..2 * w];
        // 16 output pixels at a time in 16-bit lanes: vector code, about
        // half an instruction an output pixel (callgrind, 4K).
        let mut dst16 = dst.chunks_exact_mut(16);
        let (mut top32, mut bottom32) = (top.chunks_exact(32), bottom.chunks_exact(32));
        for ((o, t), b) in (&mut dst16).zip(&mut top32).zip(&mut bottom32) {
            let mut columns = [0u16; 32];
            for ((c, &t), &b) in columns.iter_mut().zip(t).zip(b) {
                *c = u16::from(t) + u16::from(b);
            }
            for (o, pair) in o.iter_mut().zip(columns.chunks_exact(2)) {
                *o = ((pair[0] + pair[1] + 2) >> 2) as u8;
            }
        }
        let rest = dst16.into_remainder().iter_mut();
        let pairs = top32
            .remainder()
            .chunks_exact(2)
            .zip(bottom32.remainder().chunks_exact(2));
        for (o, (t, b)) in rest.zip(pairs) {
            let sum = u16::from(t[0]) + u16::from(t[1]) + u16::from(b[0]) + u16::from(b[1]);
            *o = ((sum + 2) >> 2) as u8;
        }
        out.extend_from_slice(&dst);
    }
    GrayImage::from_raw(w as u32, h as u32, out).unwrap_or_default()
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
    let pixels = u64::from(img.width()) * u64::from(img.height());
    let small = pixels <= SECOND_OPINION_MAX_PIXELS;
    let found = if pixels >= HALF_FIRST_MIN_PIXELS {
        // Most codes on a screen have modules of 4 px or more: at half
        // size they are found for a quarter of the work. Codes with finer
        // modules (or no code) need the full-size pass after it.
        let half = decode_rxing_owned(half_size(&img));
        if half.is_empty() {
            decode_rxing_owned(img)
        } else {
            half
        }
    } else if small {
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

    /// Pseudo-random bytes, the same every run.
    fn noise(len: usize) -> Vec<u8> {
        let mut seed = 0x2545_f491_u32;
        (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (seed >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn two_cores_convert_like_one() {
        // Odd and even heights (the second thread takes the lower half,
        // the larger one when odd), a padded stride, a single row.
        for (w, h) in [(37_usize, 5_usize), (40, 6), (17, 1)] {
            let stride = w * 4 + 8;
            let data = noise(stride * h);
            let one = gray_on(&data, w as u32, h as u32, stride, false).unwrap();
            let two = gray_on(&data, w as u32, h as u32, stride, true).unwrap();
            assert_eq!(one.dimensions(), two.dimensions());
            assert_eq!(one.as_raw(), two.as_raw(), "{w}x{h}");
        }
    }

    #[test]
    fn wide_rows_convert_pixel_by_pixel_alike() {
        // 16-pixel blocks and a remainder, a padded stride, every value.
        let (w, h, stride) = (37_usize, 5_usize, 37 * 4 + 8);
        let data = noise(stride * h);
        let g = gray_from_bgra(&data, w as u32, h as u32, stride).unwrap();
        for (y, row) in g.as_raw().chunks_exact(w).enumerate() {
            for (x, &v) in row.iter().enumerate() {
                let p = &data[y * stride + 4 * x..];
                assert_eq!(v, luma(p[0].into(), p[1].into(), p[2].into()), "{x},{y}");
            }
        }
    }

    #[test]
    fn half_size_is_the_rounded_mean_of_each_2x2_block() {
        for (w, h) in [(1, 1), (2, 2), (3, 5), (64, 4), (71, 9)] {
            let img = GrayImage::from_raw(w, h, noise((w * h) as usize)).unwrap();
            let half = half_size(&img);
            assert_eq!(half.dimensions(), (w / 2, h / 2));
            for (x, y, p) in half.enumerate_pixels() {
                let at = |dx, dy| u16::from(img.get_pixel(2 * x + dx, 2 * y + dy).0[0]);
                let mean = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1) + 2) / 4;
                assert_eq!(u16::from(p.0[0]), mean, "{w}x{h} at {x},{y}");
            }
        }
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
