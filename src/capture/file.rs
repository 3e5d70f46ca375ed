//! Image files (PNG, JPEG, BMP, WebP) to grayscale, with the size checked
//! from the header before the pixels are decoded.

use super::CaptureError;
use super::decode::{MAX_DIMENSION, check_dimensions};
use image::{GrayImage, ImageReader, Limits};
use std::io::{BufRead, Cursor, Seek};
use std::path::Path;

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_DIMENSION);
    l.max_image_height = Some(MAX_DIMENSION);
    l.max_alloc = Some(1 << 30);
    l
}

fn read<R: BufRead + Seek>(reader: ImageReader<R>, path: &str) -> Result<GrayImage, CaptureError> {
    let mut reader = reader
        .with_guessed_format()
        .map_err(|e| CaptureError::FileUnreadable {
            path: path.to_string(),
            detail: e.to_string(),
        })?;
    reader.limits(limits());
    let not_image = || CaptureError::NotAnImage {
        path: path.to_string(),
    };
    if reader.format().is_none() {
        return Err(not_image());
    }
    let decoded = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => CaptureError::TooLarge {
            width: MAX_DIMENSION + 1,
            height: 0,
        },
        _ => not_image(),
    })?;
    check_dimensions(decoded.width(), decoded.height())?;
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
        // A valid PNG header declaring 100000 x 100000 pixels.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        png.extend_from_slice(&(ihdr.len() as u32).to_be_bytes());
        let mut chunk = b"IHDR".to_vec();
        chunk.extend_from_slice(&ihdr);
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
        assert!(matches!(
            from_bytes(&png),
            Err(CaptureError::TooLarge { .. })
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
