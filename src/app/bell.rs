//! The station's sound: the system bell, so a technician hears each result
//! without looking, and a failure (two rings) apart from a success (one).
//! X11: the server's bell; elsewhere the terminal bell (Windows: not yet).

/// Ring once (never fails loudly: a missing bell is not an error).
pub fn ring() {
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

/// A failure sounds different: two rings close together.
pub fn ring_failure() {
    ring();
    std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_millis(180));
        ring();
    });
}
