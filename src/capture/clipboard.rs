//! What the clipboard holds: text (a pasted key or link) or an image
//! (a copied screenshot of a QR code). Images pass the same size limits as
//! image files ([`check_dimensions`]) before they are converted; on X11
//! arboard decodes the clipboard's PNG itself, under the `image` crate's
//! default limits (512 MiB), so the check here bounds everything after it.

use super::CaptureError;
use super::decode::check_dimensions;
use image::GrayImage;
use zeroize::Zeroizing;

/// Clipboard content useful to us.
#[derive(Debug)]
pub enum ClipboardContent {
    /// Text, wiped on drop.
    Text(Zeroizing<String>),
    /// An image, grayscale.
    Image(GrayImage),
}

/// Read the clipboard: an image if there is one, else text.
pub fn read() -> Result<ClipboardContent, CaptureError> {
    let mut clipboard = arboard::Clipboard::new().map_err(|e| CaptureError::Clipboard {
        detail: e.to_string(),
    })?;
    if let Ok(img) = clipboard.get_image() {
        return gray_from_rgba(img.width, img.height, &img.bytes).map(ClipboardContent::Image);
    }
    match clipboard.get_text() {
        Ok(text) => Ok(ClipboardContent::Text(Zeroizing::new(text))),
        Err(_) => Err(CaptureError::Clipboard {
            detail: "the clipboard holds neither text nor an image".into(),
        }),
    }
}

/// Grayscale from a clipboard image (8-bit RGBA rows, no padding), refused
/// when larger than [`check_dimensions`] allows or when the bytes do not
/// match the size.
pub fn gray_from_rgba(width: usize, height: usize, rgba: &[u8]) -> Result<GrayImage, CaptureError> {
    let too_large = || CaptureError::TooLarge {
        width: u32::try_from(width).unwrap_or(u32::MAX),
        height: u32::try_from(height).unwrap_or(u32::MAX),
    };
    let (w, h) = (
        u32::try_from(width).map_err(|_| too_large())?,
        u32::try_from(height).map_err(|_| too_large())?,
    );
    check_dimensions(w, h)?;
    // Cannot overflow: both are at most MAX_DIMENSION.
    if rgba.len() != width * height * 4 {
        return Err(CaptureError::Clipboard {
            detail: "the image on the clipboard is damaged".into(),
        });
    }
    let gray = rgba
        .chunks_exact(4)
        .map(|p| ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8)
        .collect();
    Ok(GrayImage::from_raw(w, h, gray).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgba_to_gray_and_refusals() {
        let g = gray_from_rgba(2, 1, &[255, 255, 255, 255, 255, 0, 0, 255]).unwrap();
        assert_eq!(g.as_raw(), &vec![255, 76]);
        assert!(matches!(
            gray_from_rgba(2, 2, &[0; 12]),
            Err(CaptureError::Clipboard { .. })
        ));
        assert!(matches!(
            gray_from_rgba(16_384, 16_384, &[]),
            Err(CaptureError::TooLarge {
                width: 16_384,
                height: 16_384
            })
        ));
        // A width that does not fit in 32 bits is not truncated to a small one.
        assert!(matches!(
            gray_from_rgba((1 << 32) + 1, 1, &[0; 4]),
            Err(CaptureError::TooLarge { .. })
        ));
        assert_eq!(gray_from_rgba(0, 5, &[]).unwrap().dimensions(), (0, 5));
    }
}
