//! The one failure a Windows user would otherwise never see: the desktop
//! app (a GUI-subsystem program, no console) could not open its window.
//! On Windows it is shown in a plain message box (MessageBoxW needs no GPU
//! and no renderer; the one call here that needs `unsafe`); elsewhere the
//! words on stderr are enough.

/// Show `text` in a message box titled `title` (Windows); no-op elsewhere.
#[cfg(windows)]
#[allow(unsafe_code)]
pub fn show(title: &str, text: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};
    let wide = |s: &str| s.encode_utf16().chain(Some(0)).collect::<Vec<u16>>();
    let (title, text) = (wide(title), wide(text));
    // SAFETY: both pointers are to NUL-terminated UTF-16 buffers that live
    // until the call returns; a null owner window is allowed.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}

/// Show `text` in a message box titled `title` (Windows); no-op elsewhere.
#[cfg(not(windows))]
pub fn show(_title: &str, _text: &str) {}
