//! A real X server for the window and screen tests: Xvfb on a display
//! number it picks itself (`-displayfd`), so parallel tests never collide;
//! stopped (exactly that process) when dropped.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running Xvfb.
pub struct Xvfb {
    child: Child,
    /// Its display, e.g. ":12".
    pub display: String,
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start Xvfb with one screen of `size` (e.g. "1920x1080x24") and wait
/// until it accepts connections.
pub fn start_xvfb(size: &str) -> Xvfb {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new("Xvfb")
        // -noreset: no server reset when the last client leaves (the
        // readiness check below is one), which would drop the next one.
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            size,
            "-nolisten",
            "tcp",
            "-noreset",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb must be installed (./dev.sh test installs the xvfb package)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let display = format!(":{}", line.trim());
    let x = Xvfb { child, display };
    let end = Instant::now() + Duration::from_secs(10);
    while Instant::now() < end {
        if x11rb::connect(Some(&x.display)).is_ok() {
            return x;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("Xvfb on {} did not come up", x.display);
}
