//! The platform's own file dialogs: "open" for a picture of a QR code or a
//! user list, "save" for an export or a receipt. The xdg-desktop-portal
//! FileChooser on Linux (through ashpd, which the screenshot portal already
//! uses), the Windows common dialogs through rfd. A dialog blocks until the
//! technician chooses or cancels: call it off the UI thread. A cancel is
//! `Ok(None)`; no dialog at all (no portal, no session bus, an unsupported
//! platform) is [`CaptureError::NoFileDialog`], so the app can point to
//! typing the path instead.

use super::CaptureError;
use std::path::PathBuf;

/// The picture types the decoder reads (see [`super::file`]).
const IMAGES: [&str; 5] = ["png", "jpg", "jpeg", "bmp", "webp"];

/// What kind of file a dialog offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A picture of a QR code.
    Image,
    /// A CSV file (exports, user lists).
    Csv,
    /// An HTML page (receipts).
    Html,
}

impl FileKind {
    /// The file name extensions of this kind.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Image => &IMAGES,
            FileKind::Csv => &["csv", "txt"],
            FileKind::Html => &["html", "htm"],
        }
    }
}

/// A file dialog to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRequest {
    /// Open an existing file (false: choose where to save one).
    pub open: bool,
    /// What files it offers.
    pub kind: FileKind,
    /// The dialog's title (from the catalogue).
    pub title: String,
    /// The name of its file-type filter (from the catalogue).
    pub filter: String,
    /// A save dialog's suggested file name.
    pub name: Option<String>,
}

/// Ask the technician for one picture file. `title` is the dialog's title,
/// `filter` the name of the picture-type filter (both from the catalogue).
pub fn pick_image(title: &str, filter: &str) -> Result<Option<PathBuf>, CaptureError> {
    choose(&FileRequest {
        open: true,
        kind: FileKind::Image,
        title: title.into(),
        filter: filter.into(),
        name: None,
    })
}

/// Show the dialog `r` and wait for the technician's choice.
pub fn choose(r: &FileRequest) -> Result<Option<PathBuf>, CaptureError> {
    platform::choose(r)
}

#[cfg(target_os = "linux")]
mod platform {
    use super::{CaptureError, FileRequest, PathBuf};
    use ashpd::desktop::file_chooser::{FileFilter, SelectedFiles};

    pub fn choose(r: &FileRequest) -> Result<Option<PathBuf>, CaptureError> {
        let filter = r
            .kind
            .extensions()
            .iter()
            .fold(FileFilter::new(&r.filter), |f, e| f.glob(&format!("*.{e}")));
        let answer = pollster::block_on(async {
            if r.open {
                SelectedFiles::open_file()
                    .title(r.title.as_str())
                    .modal(true)
                    .multiple(false)
                    .filter(filter)
                    .send()
                    .await?
                    .response()
            } else {
                SelectedFiles::save_file()
                    .title(r.title.as_str())
                    .modal(true)
                    .current_name(r.name.as_deref())
                    .filter(filter)
                    .send()
                    .await?
                    .response()
            }
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
    use super::{CaptureError, FileRequest, PathBuf};

    pub fn choose(r: &FileRequest) -> Result<Option<PathBuf>, CaptureError> {
        // The common dialogs are always there; None is a cancel.
        let dialog = rfd::FileDialog::new()
            .set_title(r.title.as_str())
            .add_filter(r.filter.as_str(), r.kind.extensions());
        Ok(if r.open {
            dialog.pick_file()
        } else {
            match &r.name {
                Some(n) => dialog.set_file_name(n.as_str()),
                None => dialog,
            }
            .save_file()
        })
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
mod platform {
    use super::{CaptureError, FileRequest, PathBuf};

    pub fn choose(_r: &FileRequest) -> Result<Option<PathBuf>, CaptureError> {
        Err(CaptureError::NoFileDialog {
            detail: "no file dialog on this platform".into(),
        })
    }
}
