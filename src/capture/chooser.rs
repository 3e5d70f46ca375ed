//! The platform's own "open file" dialog for a picture of a QR code: the
//! xdg-desktop-portal FileChooser on Linux (through ashpd, which the
//! screenshot portal already uses), the Windows common dialog through rfd.
//! It blocks until the technician chooses or cancels: call it off the UI
//! thread. A cancel is `Ok(None)`; no dialog at all (no portal, no session
//! bus, an unsupported platform) is [`CaptureError::NoFileDialog`], so the
//! app can point to typing the path instead.

use super::CaptureError;
use std::path::PathBuf;

/// The picture types the decoder reads (see [`super::file`]).
const EXTENSIONS: [&str; 5] = ["png", "jpg", "jpeg", "bmp", "webp"];

/// Ask the technician for one picture file. `title` is the dialog's title,
/// `filter` the name of the picture-type filter (both from the catalogue).
pub fn pick_image(title: &str, filter: &str) -> Result<Option<PathBuf>, CaptureError> {
    platform::pick(title, filter)
}

#[cfg(target_os = "linux")]
mod platform {
    use super::{CaptureError, EXTENSIONS, PathBuf};
    use ashpd::desktop::file_chooser::{FileFilter, SelectedFiles};

    pub fn pick(title: &str, filter: &str) -> Result<Option<PathBuf>, CaptureError> {
        let images = EXTENSIONS
            .iter()
            .fold(FileFilter::new(filter), |f, e| f.glob(&format!("*.{e}")));
        let answer = pollster::block_on(async {
            SelectedFiles::open_file()
                .title(title)
                .modal(true)
                .multiple(false)
                .filter(images)
                .send()
                .await?
                .response()
        });
        match answer {
            Ok(files) => Ok(files.uris().iter().find_map(|u| {
                url::Url::parse(u.as_str())
                    .ok()
                    .and_then(|u| u.to_file_path().ok())
            })),
            Err(ashpd::Error::Response(ashpd::desktop::ResponseError::Cancelled)) => Ok(None),
            Err(e) => Err(CaptureError::NoFileDialog {
                detail: e.to_string(),
            }),
        }
    }
}

#[cfg(windows)]
mod platform {
    use super::{CaptureError, EXTENSIONS, PathBuf};

    pub fn pick(title: &str, filter: &str) -> Result<Option<PathBuf>, CaptureError> {
        // The common dialog is always there; None is a cancel.
        Ok(rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, &EXTENSIONS)
            .pick_file())
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
mod platform {
    use super::{CaptureError, PathBuf};

    pub fn pick(_title: &str, _filter: &str) -> Result<Option<PathBuf>, CaptureError> {
        Err(CaptureError::NoFileDialog {
            detail: "no file dialog on this platform".into(),
        })
    }
}
