//! The emulated token served to a real `pcscd` through the vsmartcard-vpcd
//! reader driver: we are the TCP client of the driver's port, framing every
//! message as a 2-byte big-endian length plus payload. A 1-byte payload is
//! a control code (00 off, 01 on, 02 reset, 04 "send your ATR"); longer
//! ones are command APDUs. Closing the socket lifts the token off the
//! reader; reconnecting lays it back. The card served is the emulated
//! token or any other [`VirtualCard`] (a wrong card, see `foreign`), and
//! an optional reader log records every command APDU received.

use super::{SharedToken, lock};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Port of the first virtual reader ("Virtual PCD 00 00").
pub const DEFAULT_PORT: u16 = 35963;

/// Shortest time the token stays away after leaving the reader. pcscd polls
/// the vpcd driver every 400 ms; a card that is back before pcscd has seen
/// it gone is never reported present again (a quirk of the virtual driver),
/// so the bridge always stays away for longer than one poll.
pub const MIN_AWAY: Duration = Duration::from_millis(600);

/// A plausible contactless ATR.
pub const ATR: [u8; 15] = [
    0x3B, 0x8A, 0x80, 0x01, 0x00, 0x31, 0xC1, 0x73, 0xC8, 0x40, 0x00, 0x00, 0x90, 0x00, 0x90,
];

/// A card the bridge can lay on the virtual reader.
pub trait VirtualCard: Send + 'static {
    /// Its answer to reset.
    fn atr(&self) -> Vec<u8>;
    /// Answer one command APDU (data + status word).
    fn process(&mut self, apdu: &[u8]) -> Vec<u8>;
    /// Power off, reset or the link dropped: forget the session.
    fn end_session(&mut self);
}

impl VirtualCard for SharedToken {
    fn atr(&self) -> Vec<u8> {
        ATR.to_vec()
    }
    fn process(&mut self, apdu: &[u8]) -> Vec<u8> {
        lock(self).process(apdu)
    }
    fn end_session(&mut self) {
        lock(self).end_session();
    }
}

/// How the bridge behaves.
#[derive(Debug, Clone)]
pub struct VpcdOptions {
    /// Driver address (the vpcd driver listens on 127.0.0.1).
    pub addr: SocketAddr,
    /// Lift the token (drop the link) when command APDU number N+1 arrives,
    /// without processing it: the token holds the effect of N commands.
    /// Happens once.
    pub lift_after: Option<u64>,
    /// After a lift, lay the token back after this long, at least
    /// [`MIN_AWAY`] (otherwise it stays off).
    pub replace_after: Option<Duration>,
    /// Append every command APDU received to this file, one hex line each
    /// (secure-messaging commands, class `84`, as header and length only:
    /// they carry the seed).
    pub apdu_log: Option<PathBuf>,
}

impl VpcdOptions {
    /// Serve on `127.0.0.1:port`, no faults.
    pub fn port(port: u16) -> VpcdOptions {
        VpcdOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            lift_after: None,
            replace_after: None,
            apdu_log: None,
        }
    }
}

/// Shared switches of a running bridge.
#[derive(Debug, Default)]
struct Controls {
    stop: AtomicBool,
    lifted: AtomicBool,
    connected: AtomicBool,
    lift_done: AtomicBool,
    apdus: AtomicU64,
    atr_sent: std::sync::Mutex<Option<Instant>>,
}

/// A bridge running on its own thread.
#[derive(Debug)]
pub struct VpcdBridge {
    controls: Arc<Controls>,
    thread: Option<JoinHandle<()>>,
}

impl VpcdBridge {
    /// Start serving `token` as configured; `log` receives one line per
    /// event (APDU headers and status words only, never data).
    pub fn spawn(
        token: SharedToken,
        options: VpcdOptions,
        log: impl FnMut(&str) + Send + 'static,
    ) -> VpcdBridge {
        VpcdBridge::spawn_card(token, options, log)
    }
    /// Start serving any `card` (the token or a card of another kind).
    pub fn spawn_card(
        mut card: impl VirtualCard,
        options: VpcdOptions,
        log: impl FnMut(&str) + Send + 'static,
    ) -> VpcdBridge {
        let controls = Arc::new(Controls::default());
        let c = controls.clone();
        let thread = std::thread::Builder::new()
            .name("vpcd-bridge".into())
            .spawn(move || serve(&mut card, &options, &c, log))
            .expect("spawn vpcd bridge thread");
        VpcdBridge {
            controls,
            thread: Some(thread),
        }
    }
    /// Lift the token off the reader (drop the link).
    pub fn lift(&self) {
        self.controls.lifted.store(true, Ordering::SeqCst);
    }
    /// Lay the token back on the reader.
    pub fn place(&self) {
        self.controls.lifted.store(false, Ordering::SeqCst);
    }
    /// Whether the driver accepted our connection (the token is "on the reader").
    pub fn is_connected(&self) -> bool {
        self.controls.connected.load(Ordering::SeqCst)
    }
    /// When the driver last fetched the ATR: the moment pcscd saw the token.
    pub fn atr_sent_at(&self) -> Option<Instant> {
        *self
            .controls
            .atr_sent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }
    /// Command APDUs processed so far.
    pub fn apdus(&self) -> u64 {
        self.controls.apdus.load(Ordering::SeqCst)
    }
    /// Wait until connected (or `timeout` passes); returns whether it is.
    pub fn wait_connected(&self, timeout: Duration) -> bool {
        let end = Instant::now() + timeout;
        while Instant::now() < end {
            if self.is_connected() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.is_connected()
    }
    /// Stop serving and wait for the thread.
    pub fn stop(mut self) {
        self.shutdown();
    }
    fn shutdown(&mut self) {
        self.controls.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for VpcdBridge {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Read exactly `buf.len()` bytes, giving up (Ok(false)) when told to stop.
fn read_full(stream: &mut TcpStream, buf: &mut [u8], controls: &Controls) -> io::Result<bool> {
    let mut got = 0;
    while got < buf.len() {
        quick_ack(stream);
        if controls.stop.load(Ordering::SeqCst) || controls.lifted.load(Ordering::SeqCst) {
            return Ok(false);
        }
        match stream.read(&mut buf[got..]) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

/// ACK at once: the driver writes a command's length and body separately
/// and (Nagle) holds the body until the length is acknowledged.
#[cfg(target_os = "linux")]
fn quick_ack(stream: &TcpStream) {
    let _ = socket2::SockRef::from(stream).set_tcp_quickack(true);
}

#[cfg(not(target_os = "linux"))]
fn quick_ack(_stream: &TcpStream) {}

fn send_frame(stream: &mut TcpStream, payload: &[u8]) -> io::Result<()> {
    let mut frame = Vec::with_capacity(payload.len() + 2);
    frame.extend_from_slice(&(payload.len() as u16).to_be_bytes());
    frame.extend_from_slice(payload);
    stream.write_all(&frame)
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn header(apdu: &[u8]) -> String {
    hex(&apdu[..apdu.len().min(5)])
}

/// The reader log's line for a command: all of it, except that secure
/// commands (class `84`, which carry the seed) show header and length.
pub fn apdu_log_line(apdu: &[u8]) -> String {
    match apdu {
        [0x84, ..] if apdu.len() > 5 => {
            format!("{} <{} bytes>", header(apdu), apdu.len() - 5)
        }
        _ => hex(apdu),
    }
}

/// The reader log file, opened for appending.
struct ApduLog(Option<std::fs::File>);

impl ApduLog {
    fn open(path: Option<&PathBuf>, log: &mut dyn FnMut(&str)) -> ApduLog {
        let file = path.and_then(|p| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .map_err(|e| log(&format!("cannot open the APDU log {}: {e}", p.display())))
                .ok()
        });
        ApduLog(file)
    }
    fn record(&mut self, apdu: &[u8]) {
        if let Some(f) = &mut self.0 {
            // One write per line, so that a reader of the file sees whole lines.
            let _ = f.write_all(format!("{}\n", apdu_log_line(apdu)).as_bytes());
        }
    }
}

/// Serve one connection until it ends; returns why.
fn session(
    stream: &mut TcpStream,
    card: &mut dyn VirtualCard,
    options: &VpcdOptions,
    controls: &Controls,
    apdu_log: &mut ApduLog,
    log: &mut dyn FnMut(&str),
) -> io::Result<()> {
    loop {
        let mut len = [0u8; 2];
        if !read_full(stream, &mut len, controls)? {
            return Ok(());
        }
        let mut payload = vec![0u8; usize::from(u16::from_be_bytes(len))];
        if !read_full(stream, &mut payload, controls)? {
            return Ok(());
        }
        match payload.as_slice() {
            [0x00] | [0x02] => card.end_session(),
            [0x01] => {}
            [0x04] => {
                send_frame(stream, &card.atr())?;
                *controls.atr_sent.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
            }
            [code] => log(&format!("unknown control code {code:02X}")),
            apdu => {
                apdu_log.record(apdu);
                let n = controls.apdus.load(Ordering::SeqCst);
                let due = options.lift_after.is_some_and(|limit| n >= limit);
                if due && !controls.lift_done.swap(true, Ordering::SeqCst) {
                    log(&format!(
                        "lifting the token before command {} ({})",
                        n + 1,
                        header(apdu)
                    ));
                    controls.lifted.store(true, Ordering::SeqCst);
                    return Ok(());
                }
                let answer = card.process(apdu);
                controls.apdus.fetch_add(1, Ordering::SeqCst);
                let sw = &answer[answer.len().saturating_sub(2)..];
                log(&format!(
                    "{} ({} bytes) -> {:02X} {:02X}",
                    header(apdu),
                    apdu.len(),
                    sw.first().copied().unwrap_or(0),
                    sw.get(1).copied().unwrap_or(0)
                ));
                send_frame(stream, &answer)?;
            }
        }
    }
}

fn serve(
    card: &mut dyn VirtualCard,
    options: &VpcdOptions,
    controls: &Controls,
    mut log: impl FnMut(&str),
) {
    let mut apdu_log = ApduLog::open(options.apdu_log.as_ref(), &mut log);
    let mut waiting_logged = false;
    let mut lifted_at: Option<Instant> = None;
    while !controls.stop.load(Ordering::SeqCst) {
        if controls.lifted.load(Ordering::SeqCst) {
            let since = *lifted_at.get_or_insert_with(Instant::now);
            if options
                .replace_after
                .is_some_and(|d| since.elapsed() >= d.max(MIN_AWAY))
            {
                log("laying the token back on the reader");
                controls.lifted.store(false, Ordering::SeqCst);
            } else {
                std::thread::sleep(Duration::from_millis(10));
                continue;
            }
        }
        lifted_at = None;
        let mut stream = match TcpStream::connect_timeout(&options.addr, Duration::from_millis(500))
        {
            Ok(s) => s,
            Err(_) => {
                if !waiting_logged {
                    log(&format!(
                        "waiting for pcscd's vpcd driver on {}",
                        options.addr
                    ));
                    waiting_logged = true;
                }
                std::thread::sleep(Duration::from_millis(200));
                continue;
            }
        };
        waiting_logged = false;
        let _ = stream.set_nodelay(true);
        let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
        controls.connected.store(true, Ordering::SeqCst);
        log(&format!("token on the reader at {}", options.addr));
        let result = session(
            &mut stream,
            card,
            options,
            controls,
            &mut apdu_log,
            &mut log,
        );
        let _ = stream.shutdown(std::net::Shutdown::Both);
        controls.connected.store(false, Ordering::SeqCst);
        card.end_session();
        match result {
            Ok(()) if controls.lifted.load(Ordering::SeqCst) => log("token lifted off the reader"),
            Ok(()) => {}
            Err(e) => {
                log(&format!("link to pcscd closed ({e}); reconnecting"));
                std::thread::sleep(MIN_AWAY);
            }
        }
    }
}
