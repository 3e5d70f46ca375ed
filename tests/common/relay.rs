//! A TCP relay of our own on the loopback, between a client and a server
//! on this machine: it forwards both ways until told to freeze (it then
//! holds every byte, as a stopped server or a cut network would: the
//! connection stays open, nothing answers), or cut (every connection
//! closed, new ones dropped at once: a server away) and restored. It
//! counts round trips: a client's bytes that follow the server's (a client
//! that sends several statements together, pipelined, counts once).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub struct Relay {
    pub port: u16,
    frozen: Arc<AtomicBool>,
    cut: Arc<AtomicBool>,
    open: Arc<std::sync::Mutex<Vec<TcpStream>>>,
    trips: Arc<std::sync::atomic::AtomicU64>,
}

impl Relay {
    /// Forward 127.0.0.1:`port` (a new one) to 127.0.0.1:`to`.
    pub fn start(to: u16) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let frozen = Arc::new(AtomicBool::new(false));
        let cut = Arc::new(AtomicBool::new(false));
        let open = Arc::new(std::sync::Mutex::new(Vec::new()));
        let trips = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let (f, c, o, t) = (frozen.clone(), cut.clone(), open.clone(), trips.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().map_while(Result::ok) {
                if c.load(Ordering::SeqCst) {
                    let _ = client.shutdown(std::net::Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", to)) else {
                    continue;
                };
                o.lock().unwrap().push(client.try_clone().unwrap());
                // Who spoke last (a client chunk after a server one is a trip).
                let server_spoke = Arc::new(AtomicBool::new(true));
                for (from, into, is_client) in [
                    (
                        client.try_clone().unwrap(),
                        server.try_clone().unwrap(),
                        true,
                    ),
                    (server, client, false),
                ] {
                    let (f, t, last) = (f.clone(), t.clone(), server_spoke.clone());
                    std::thread::spawn(move || {
                        pipe(from, into, &f, &|| {
                            if !is_client {
                                last.store(true, Ordering::SeqCst);
                            } else if last.swap(false, Ordering::SeqCst) {
                                t.fetch_add(1, Ordering::SeqCst);
                            }
                        })
                    });
                }
            }
        });
        Relay {
            port,
            frozen,
            cut,
            open,
            trips,
        }
    }

    /// Round trips so far, over every connection.
    pub fn round_trips(&self) -> u64 {
        self.trips.load(Ordering::SeqCst)
    }

    /// Close every connection and drop new ones, until [`Relay::restore`].
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }

    /// Take connections again.
    pub fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }

    /// Hold every byte from now on (both ways).
    pub fn freeze(&self) {
        self.frozen.store(true, Ordering::SeqCst);
    }
}

fn pipe(mut from: TcpStream, mut into: TcpStream, frozen: &AtomicBool, on_chunk: &dyn Fn()) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        on_chunk();
        while frozen.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(50));
        }
        if into.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = into.shutdown(std::net::Shutdown::Both);
}
