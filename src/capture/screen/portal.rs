//! Wayland: the xdg-desktop-portal Screenshot call, non-interactive and
//! not modal. The portal saves a PNG (often into ~/Pictures); it is read
//! into memory and deleted at once, before decoding, since it shows the
//! secret's QR code. The caller bounds the wait (`with_timeout`): a portal
//! that answers late still has its file deleted here.

use super::{CaptureError, Screenshot};
use zeroize::Zeroizing;

/// Ask the portal for a screenshot and read it; blocks until the portal
/// answers.
pub fn capture() -> Result<Vec<Screenshot>, CaptureError> {
    let uri = pollster::block_on(async {
        let request = ashpd::desktop::screenshot::Screenshot::request()
            .interactive(false)
            .modal(false)
            .send()
            .await?;
        request.response().map(|r| r.uri().as_str().to_string())
    })
    .map_err(|_| CaptureError::WaylandUnsupported)?;
    let path = url::Url::parse(&uri)
        .ok()
        .and_then(|u| u.to_file_path().ok())
        .ok_or_else(|| CaptureError::ScreenUnavailable {
            detail: "the screenshot portal gave no file".into(),
        })?;
    let bytes = std::fs::read(&path).map(Zeroizing::new);
    let _ = std::fs::remove_file(&path);
    let bytes = bytes.map_err(|e| CaptureError::FileUnreadable {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    Ok(vec![Screenshot {
        monitor: "screen".into(),
        image: crate::capture::file::from_bytes(&bytes)?,
    }])
}
