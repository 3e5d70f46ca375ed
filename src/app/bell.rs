//! The station's sound, so a technician hears each result without
//! looking, and a failure apart from a success. X11: the server's bell
//! (one ring for success, two for failure); Windows: the system's "OK"
//! and "error" sounds (MessageBeep, the one call here that needs `unsafe`);
//! elsewhere the terminal bell.

/// The sound of a success (on its own thread: the UI thread never waits
/// for the X server or the sound system).
pub fn ring() {
    std::thread::spawn(|| sound(false));
}

/// The sound of a failure.
pub fn ring_failure() {
    std::thread::spawn(|| {
        sound(true);
        #[cfg(not(windows))]
        {
            std::thread::sleep(std::time::Duration::from_millis(180));
            sound(true);
        }
    });
}

/// One sound (never fails loudly: a missing bell is not an error).
#[cfg(windows)]
fn sound(failure: bool) {
    windows_beep(failure);
}

/// One sound (never fails loudly: a missing bell is not an error).
#[cfg(not(windows))]
fn sound(_failure: bool) {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_some() {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::ConnectionExt;
        if let Ok((conn, _)) = x11rb::connect(None) {
            let _ = conn.bell(0);
            let _ = conn.flush();
            return;
        }
    }
    eprint!("\x07");
}

#[cfg(windows)]
#[allow(unsafe_code)]
fn windows_beep(failure: bool) {
    use windows_sys::Win32::System::Diagnostics::Debug::MessageBeep;
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONHAND, MB_OK};
    let kind = if failure { MB_ICONHAND } else { MB_OK };
    // SAFETY: MessageBeep takes a plain flag value and no pointers; it only
    // queues a system sound and returns a status we ignore.
    unsafe {
        MessageBeep(kind);
    }
}
