//! Webcam scanning: a reader thread takes frames from the camera as fast as
//! it delivers them into a one-frame slot (older frames are dropped when the
//! decoder is behind); a decoder thread decodes the latest frame only and
//! stops at the first QR that `accept` takes (a valid secret). Cameras come
//! through `nokhwa`; tests feed synthetic frames through [`FrameSource`].

use super::CaptureError;
use super::decode::{check_dimensions, decode};
use image::GrayImage;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;
use zeroize::Zeroizing;

/// Pixel layout of a raw frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// Packed 4:2:2, Y at every even byte.
    Yuyv,
    /// Y plane followed by interleaved UV.
    Nv12,
    /// Motion-JPEG.
    Mjpeg,
    /// 8-bit gray.
    Gray,
    /// 8-bit RGB.
    Rgb,
    /// 8-bit BGR.
    Bgr,
}

/// One frame as the camera delivers it.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Layout of `data`.
    pub kind: FrameKind,
    /// The bytes.
    pub data: Vec<u8>,
}

/// Grayscale of a frame (the Y plane where there is one); `None` when the
/// data does not match its declared size or cannot be decoded.
pub fn frame_to_gray(f: &Frame) -> Option<GrayImage> {
    check_dimensions(f.width, f.height).ok()?;
    let n = f.width as usize * f.height as usize;
    let gray = match f.kind {
        FrameKind::Gray | FrameKind::Nv12 => f.data.get(..n)?.to_vec(),
        FrameKind::Yuyv => f.data.get(..n * 2)?.iter().step_by(2).copied().collect(),
        FrameKind::Rgb | FrameKind::Bgr => {
            let (r, b) = if f.kind == FrameKind::Rgb {
                (0, 2)
            } else {
                (2, 0)
            };
            f.data
                .get(..n * 3)?
                .chunks_exact(3)
                .map(|p| {
                    ((77 * u32::from(p[r]) + 150 * u32::from(p[1]) + 29 * u32::from(p[b])) >> 8)
                        as u8
                })
                .collect()
        }
        FrameKind::Mjpeg => {
            let img = super::file::from_bytes(&f.data).ok()?;
            return (img.dimensions() == (f.width, f.height) || f.width == 0).then_some(img);
        }
    };
    GrayImage::from_raw(f.width, f.height, gray)
}

/// Where frames come from.
pub trait FrameSource {
    /// The next frame (blocks until the camera has one).
    fn next_frame(&mut self) -> Result<Frame, CaptureError>;
}

/// What the scan reports.
#[derive(Debug)]
pub enum WebcamEvent {
    /// The latest decoded frame, for a live preview.
    Preview(Arc<GrayImage>),
    /// A QR that `accept` took: the scan is over.
    Found(Zeroizing<String>),
    /// A QR that `accept` refused (shown to the user; the scan goes on).
    Rejected(String),
    /// The camera failed: the scan is over.
    Failed(CaptureError),
}

/// Frame counters of a scan.
#[derive(Debug, Default)]
pub struct Counters {
    /// Frames read from the camera.
    pub read: AtomicU64,
    /// Frames decoded.
    pub decoded: AtomicU64,
    /// Frames dropped because a newer one arrived first.
    pub dropped: AtomicU64,
}

#[derive(Default)]
struct Slot {
    frame: Mutex<Option<Frame>>,
    ready: Condvar,
}

/// A running scan; dropping it stops it.
pub struct WebcamScan {
    stop: Arc<AtomicBool>,
    slot: Arc<Slot>,
    counters: Arc<Counters>,
    threads: Vec<JoinHandle<()>>,
}

impl WebcamScan {
    /// Start scanning frames from the source that `open` creates (on the
    /// reader thread, since camera handles may not move between threads).
    pub fn start(
        open: impl FnOnce() -> Result<Box<dyn FrameSource>, CaptureError> + Send + 'static,
        accept: impl Fn(&str) -> bool + Send + 'static,
        on_event: impl FnMut(WebcamEvent) + Send + 'static,
    ) -> WebcamScan {
        let stop = Arc::new(AtomicBool::new(false));
        let slot = Arc::new(Slot::default());
        let counters = Arc::new(Counters::default());
        let on_event = Arc::new(Mutex::new(on_event));

        let (s, sl, c, ev) = (
            stop.clone(),
            slot.clone(),
            counters.clone(),
            on_event.clone(),
        );
        let reader = std::thread::Builder::new()
            .name("webcam-read".into())
            .spawn(move || {
                let mut source = match open() {
                    Ok(src) => src,
                    Err(e) => {
                        s.store(true, Ordering::SeqCst);
                        sl.ready.notify_all();
                        (ev.lock().unwrap_or_else(|p| p.into_inner()))(WebcamEvent::Failed(e));
                        return;
                    }
                };
                while !s.load(Ordering::SeqCst) {
                    match source.next_frame() {
                        Ok(frame) => {
                            c.read.fetch_add(1, Ordering::SeqCst);
                            let mut guard = sl.frame.lock().unwrap_or_else(|p| p.into_inner());
                            if guard.replace(frame).is_some() {
                                c.dropped.fetch_add(1, Ordering::SeqCst);
                            }
                            sl.ready.notify_one();
                        }
                        Err(e) => {
                            s.store(true, Ordering::SeqCst);
                            sl.ready.notify_all();
                            (ev.lock().unwrap_or_else(|p| p.into_inner()))(WebcamEvent::Failed(e));
                            return;
                        }
                    }
                }
            })
            .expect("spawn webcam reader");

        let (s, sl, c) = (stop.clone(), slot.clone(), counters.clone());
        let decoder = std::thread::Builder::new()
            .name("webcam-decode".into())
            .spawn(move || {
                let emit = |e| (on_event.lock().unwrap_or_else(|p| p.into_inner()))(e);
                let mut last_rejected = String::new();
                loop {
                    let frame = {
                        let mut guard = sl.frame.lock().unwrap_or_else(|p| p.into_inner());
                        loop {
                            if s.load(Ordering::SeqCst) {
                                return;
                            }
                            if let Some(f) = guard.take() {
                                break f;
                            }
                            guard = sl
                                .ready
                                .wait_timeout(guard, Duration::from_millis(200))
                                .map(|(g, _)| g)
                                .unwrap_or_else(|p| p.into_inner().0);
                        }
                    };
                    let Some(gray) = frame_to_gray(&frame) else {
                        continue;
                    };
                    c.decoded.fetch_add(1, Ordering::SeqCst);
                    let texts = decode(&gray);
                    emit(WebcamEvent::Preview(Arc::new(gray)));
                    for text in texts {
                        if accept(&text) {
                            s.store(true, Ordering::SeqCst);
                            emit(WebcamEvent::Found(Zeroizing::new(text)));
                            return;
                        }
                        if text != last_rejected {
                            last_rejected.clone_from(&text);
                            emit(WebcamEvent::Rejected(text));
                        }
                    }
                }
            })
            .expect("spawn webcam decoder");

        WebcamScan {
            stop,
            slot,
            counters,
            threads: vec![reader, decoder],
        }
    }

    /// Frame counters so far.
    pub fn counters(&self) -> &Counters {
        &self.counters
    }

    /// Whether the scan has ended (found, failed or stopped).
    pub fn is_finished(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Stop and wait for both threads.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.slot.ready.notify_all();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for WebcamScan {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// A camera as listed by the system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CameraDesc {
    /// Position in the list (what `open_camera` takes).
    pub index: u32,
    /// Human-readable name.
    pub name: String,
}

fn camera_error(e: nokhwa::NokhwaError) -> CaptureError {
    let text = e.to_string();
    let lower = text.to_lowercase();
    if lower.contains("busy") || lower.contains("resource temporarily") {
        CaptureError::CameraBusy
    } else if lower.contains("permission") || lower.contains("denied") || lower.contains("access") {
        CaptureError::CameraDenied
    } else if lower.contains("no such") || lower.contains("not found") {
        CaptureError::NoCamera
    } else {
        CaptureError::Camera { detail: text }
    }
}

/// The cameras on this machine.
pub fn list_cameras() -> Result<Vec<CameraDesc>, CaptureError> {
    let cams = nokhwa::query(nokhwa::utils::ApiBackend::Auto).map_err(camera_error)?;
    Ok(cams
        .iter()
        .enumerate()
        .map(|(i, c)| CameraDesc {
            index: i as u32,
            name: c.human_name(),
        })
        .collect())
}

struct NokhwaSource(nokhwa::Camera);

impl FrameSource for NokhwaSource {
    fn next_frame(&mut self) -> Result<Frame, CaptureError> {
        use nokhwa::utils::FrameFormat as F;
        let buf = self.0.frame().map_err(camera_error)?;
        let res = buf.resolution();
        let kind = match buf.source_frame_format() {
            F::MJPEG => FrameKind::Mjpeg,
            F::YUYV => FrameKind::Yuyv,
            F::NV12 => FrameKind::Nv12,
            F::GRAY => FrameKind::Gray,
            F::RAWRGB => FrameKind::Rgb,
            F::RAWBGR => FrameKind::Bgr,
        };
        Ok(Frame {
            width: res.width_x,
            height: res.height_y,
            kind,
            data: buf.buffer().to_vec(),
        })
    }
}

/// Open camera `index` (from [`list_cameras`]) and start its stream.
pub fn open_camera(index: u32) -> Result<Box<dyn FrameSource>, CaptureError> {
    use nokhwa::utils::{CameraIndex, RequestedFormat, RequestedFormatType};
    if list_cameras()?.is_empty() {
        return Err(CaptureError::NoCamera);
    }
    let format = RequestedFormat::new::<nokhwa::pixel_format::LumaFormat>(
        RequestedFormatType::AbsoluteHighestFrameRate,
    );
    let mut cam = nokhwa::Camera::new(CameraIndex::Index(index), format).map_err(camera_error)?;
    cam.open_stream().map_err(camera_error)?;
    Ok(Box::new(NokhwaSource(cam)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_layouts_to_gray() {
        let yuyv = Frame {
            width: 2,
            height: 1,
            kind: FrameKind::Yuyv,
            data: vec![10, 99, 20, 99],
        };
        assert_eq!(frame_to_gray(&yuyv).unwrap().as_raw(), &vec![10, 20]);
        let nv12 = Frame {
            width: 2,
            height: 2,
            kind: FrameKind::Nv12,
            data: vec![1, 2, 3, 4, 9, 9],
        };
        assert_eq!(frame_to_gray(&nv12).unwrap().as_raw(), &vec![1, 2, 3, 4]);
        let rgb = Frame {
            width: 1,
            height: 1,
            kind: FrameKind::Rgb,
            data: vec![255, 0, 0],
        };
        assert_eq!(frame_to_gray(&rgb).unwrap().as_raw(), &vec![76]);
        let bgr = Frame {
            width: 1,
            height: 1,
            kind: FrameKind::Bgr,
            data: vec![0, 0, 255],
        };
        assert_eq!(frame_to_gray(&bgr).unwrap().as_raw(), &vec![76]);
        let short = Frame {
            width: 4,
            height: 4,
            kind: FrameKind::Gray,
            data: vec![0; 3],
        };
        assert!(frame_to_gray(&short).is_none());
        let bad_jpeg = Frame {
            width: 4,
            height: 4,
            kind: FrameKind::Mjpeg,
            data: vec![0xFF, 0xD8, 1],
        };
        assert!(frame_to_gray(&bad_jpeg).is_none());
        let huge = Frame {
            width: 100_000,
            height: 100_000,
            kind: FrameKind::Gray,
            data: vec![],
        };
        assert!(frame_to_gray(&huge).is_none());
    }
}
