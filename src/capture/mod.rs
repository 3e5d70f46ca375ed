//! Pixels in, QR text out: the screen, a webcam, an image file or the
//! clipboard. `decode` is pure; the other files touch the outside world.

mod binarize;
pub mod chooser;
pub mod clipboard;
pub mod decode;
mod decode_reader;
mod error;
pub mod file;
pub mod screen;
pub mod webcam;

pub use error::CaptureError;
