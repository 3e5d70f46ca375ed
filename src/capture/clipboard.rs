//! What the clipboard holds: text (a pasted key or link) or an image
//! (a copied screenshot of a QR code).

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
        let (w, h) = (img.width as u32, img.height as u32);
        check_dimensions(w, h)?;
        let rgba = image::RgbaImage::from_raw(w, h, img.bytes.into_owned()).ok_or_else(|| {
            CaptureError::Clipboard {
                detail: "the image on the clipboard is damaged".into(),
            }
        })?;
        return Ok(ClipboardContent::Image(
            image::DynamicImage::ImageRgba8(rgba).into_luma8(),
        ));
    }
    match clipboard.get_text() {
        Ok(text) => Ok(ClipboardContent::Text(Zeroizing::new(text))),
        Err(_) => Err(CaptureError::Clipboard {
            detail: "the clipboard holds neither text nor an image".into(),
        }),
    }
}
