//! Image files (PNG, JPEG, BMP, WebP) to grayscale. Hostile files are
//! refused from their header: the width, height and the bytes the decoder
//! would allocate are checked before a single row is decompressed, so a
//! small file that declares a huge picture (a "PNG bomb") costs a header
//! read, not the picture.

use super::CaptureError;
use super::decode::{MAX_DIMENSION, MAX_PIXELS, check_dimensions};
use image::{DynamicImage, GrayImage, ImageDecoder, ImageError, ImageReader, Limits};
use std::io::{BufRead, Cursor, Seek};
use std::path::Path;

/// Most bytes a decoder may allocate for the pixels: an 8-bit RGBA picture
/// at the pixel cap. Deeper pictures (16-bit RGBA) that large are refused.
pub const MAX_ALLOC: u64 = MAX_PIXELS * 4;

/// The limits a decoder works under once the header has been checked.
fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_DIMENSION);
    l.max_image_height = Some(MAX_DIMENSION);
    l.max_alloc = Some(MAX_ALLOC);
    l
}

/// The limits while the header is read: no size cap yet (so a refusal can
/// name the declared size), but metadata may not allocate more than pixels could.
fn header_limits() -> Limits {
    let mut l = Limits::default();
    l.max_alloc = Some(MAX_ALLOC);
    l
}

fn read<R: BufRead + Seek>(reader: ImageReader<R>, path: &str) -> Result<GrayImage, CaptureError> {
    let mut reader = reader
        .with_guessed_format()
        .map_err(|e| CaptureError::FileUnreadable {
            path: path.to_string(),
            detail: e.to_string(),
        })?;
    let not_image = || CaptureError::NotAnImage {
        path: path.to_string(),
    };
    if reader.format().is_none() {
        return Err(not_image());
    }
    reader.limits(header_limits());
    // Reads the header only (PNG: up to the first IDAT chunk).
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        // A file cut short is a damaged image; other read errors are the system's.
        ImageError::IoError(e) if e.kind() != std::io::ErrorKind::UnexpectedEof => {
            CaptureError::FileUnreadable {
                path: path.to_string(),
                detail: e.to_string(),
            }
        }
        _ => not_image(),
    })?;
    let (width, height) = decoder.dimensions();
    check_dimensions(width, height)?;
    let too_large = || CaptureError::TooLarge { width, height };
    if decoder.total_bytes() > MAX_ALLOC {
        return Err(too_large());
    }
    decoder.set_limits(limits()).map_err(|_| too_large())?;
    let decoded = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => too_large(),
        _ => not_image(),
    })?;
    Ok(decoded.into_luma8())
}

/// Open an image file as grayscale.
pub fn load(path: &Path) -> Result<GrayImage, CaptureError> {
    let shown = path.display().to_string();
    let reader = ImageReader::open(path).map_err(|e| CaptureError::FileUnreadable {
        path: shown.clone(),
        detail: e.to_string(),
    })?;
    read(reader, &shown)
}

/// Decode image bytes (dropped or pasted data) as grayscale.
pub fn from_bytes(bytes: &[u8]) -> Result<GrayImage, CaptureError> {
    read(ImageReader::new(Cursor::new(bytes)), "the image")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_not_an_image() {
        assert!(matches!(
            from_bytes(b"hello"),
            Err(CaptureError::NotAnImage { .. })
        ));
        assert!(matches!(
            from_bytes(&[]),
            Err(CaptureError::NotAnImage { .. })
        ));
        // A PNG signature followed by nonsense.
        let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
        fake.extend_from_slice(&[0xFF; 64]);
        assert!(matches!(
            from_bytes(&fake),
            Err(CaptureError::NotAnImage { .. })
        ));
    }

    #[test]
    fn huge_declared_size_is_refused_before_decoding() {
        // A PNG declaring 100000 x 100000 pixels, with the first bytes of
        // its pixel data: refused from the header, naming the size.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        let mut chunk = |kind: &[u8], body: &[u8]| {
            png.extend_from_slice(&(body.len() as u32).to_be_bytes());
            let mut c = kind.to_vec();
            c.extend_from_slice(body);
            png.extend_from_slice(&c);
            png.extend_from_slice(&crc32(&c).to_be_bytes());
        };
        chunk(b"IHDR", &ihdr);
        chunk(b"IDAT", &[0x78, 0x01, 0x00]);
        assert_eq!(
            from_bytes(&png),
            Err(CaptureError::TooLarge {
                width: 100_000,
                height: 100_000
            })
        );
        // Cut before its pixel data, it is a damaged file.
        let header_only = &png[..8 + 25];
        assert!(matches!(
            from_bytes(header_only),
            Err(CaptureError::NotAnImage { .. })
        ));
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn missing_file_is_unreadable() {
        assert!(matches!(
            load(Path::new("/nonexistent/qr.png")),
            Err(CaptureError::FileUnreadable { .. })
        ));
    }
}
