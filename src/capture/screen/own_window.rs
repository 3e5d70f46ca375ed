//! Our own window during a screen scan on X11: instead of a fixed sleep,
//! unmap it at once (or wait until the UI has), wait until the X server
//! has unmapped it and the screen no longer shows it, then mask whatever
//! part of the screen may still show it, so our window's content (a webcam
//! preview, a QR of our own) is never decoded.
//!
//! "Still shows it" is decided by 8x8 tiles of its area: before the hide
//! the area is grabbed once; afterwards a tile that shows something (not
//! one flat gray) and is pixel for pixel what our window showed is stale
//! (no compositor or client has repainted it yet). Tiles covered by
//! windows stacked above ours never count as ours.

use super::x11::{Monitor, Shm, connect, grab_area, monitors};
use super::{Backend, ScreenCapture, Unmap};
use image::GrayImage;
use std::time::{Duration, Instant};
use x11rb::protocol::xproto::{
    AtomEnum, ConfigureWindowAux, ConnectionExt as _, InputFocus, MapState, StackMode, Window,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;

/// Side of the square tiles compared.
const TILE: u32 = 8;
/// Pause between two looks at the window's state.
const POLL: Duration = Duration::from_millis(1);

/// A rectangle on the X screen: x, y, width, height.
type Area = (i16, i16, u16, u16);

/// Where our window was and what it showed, to mask in the screenshot.
#[derive(Debug)]
pub struct OwnWindow {
    /// Its area on the screen (clipped to the screen).
    area: Area,
    /// What the screen showed there before the hide; `None` when it was
    /// never seen shown: then the whole area is masked.
    before: Option<GrayImage>,
    /// Areas of the windows stacked above ours (never masked).
    above: Vec<Area>,
    /// The monitors, to place the area in each monitor's picture.
    monitors: Vec<Monitor>,
    /// Whether it was still mapped when the wait ended.
    pub still_mapped: bool,
    /// From the start of the wait until the screen stopped showing it.
    pub waited: Duration,
    /// How to map it again, when the scan unmapped it itself.
    pub back: Option<MapBack>,
}

/// Our window as the scan unmapped it: mapped again by [`MapBack::map`],
/// from the scan's own thread, without the UI thread.
#[derive(Debug)]
pub struct MapBack {
    conn: RustConnection,
    window: Window,
    /// It had the keyboard focus before the unmap.
    focused: bool,
}

impl MapBack {
    /// Map the window again on top, as the toolkit's own show does, and
    /// give it back the keyboard focus it had. Errors are left unread: a
    /// window that is gone needs nothing.
    pub fn map(self) {
        let _ = self.conn.map_window(self.window);
        let _ = self.conn.configure_window(
            self.window,
            &ConfigureWindowAux::new().stack_mode(StackMode::ABOVE),
        );
        if self.focused {
            // Viewable at once without a window manager (with one, it
            // maps the window and gives the focus itself; this then fails).
            let _ = self
                .conn
                .set_input_focus(InputFocus::PARENT, self.window, x11rb::CURRENT_TIME);
        }
        let _ = self.conn.sync();
    }
}

/// Find this process's top-level window on `display` whose title starts
/// with `title_prefix`, unmap it when `unmap` says so, and wait (at most
/// `limit`) until it is unmapped and the screen no longer shows it. `None`
/// when there is no X display or no such window (then nothing was waited
/// for).
pub fn wait_until_hidden(
    display: Option<&str>,
    title_prefix: &str,
    limit: Duration,
    unmap: Unmap,
) -> Option<OwnWindow> {
    let start = Instant::now();
    let deadline = start + limit;
    let (conn, root) = connect(display).ok()?;
    let window = find_own_window(&conn, root, std::process::id(), title_prefix)?;
    let area = screen_area(&conn, root, window)?;
    let viewable = |conn: &RustConnection| {
        conn.get_window_attributes(window)
            .ok()
            .and_then(|c| c.reply().ok())
            .is_some_and(|a| a.map_state == MapState::VIEWABLE)
    };
    let mut own = OwnWindow {
        area,
        before: None,
        above: windows_above(&conn, root, window),
        monitors: monitors(&conn, root),
        still_mapped: true,
        waited: Duration::ZERO,
        back: None,
    };
    let shm = Shm::new(&conn, usize::from(area.2) * usize::from(area.3) * 4);
    let shown = viewable(&conn);
    if shown && area.2 > 0 && area.3 > 0 {
        own.before = grab_area(&conn, root, area, shm.as_ref()).ok();
    }
    // Whether we unmapped it, and whether it had the focus then.
    let mut unmapped = None;
    // (A window that was not shown is not ours to show again.)
    if unmap == Unmap::Now && shown {
        let focused = conn
            .get_input_focus()
            .ok()
            .and_then(|c| c.reply().ok())
            .is_some_and(|f| f.focus == window);
        // The next request (the viewable check) is answered after it.
        unmapped = conn.unmap_window(window).is_ok().then_some(focused);
    }
    while viewable(&conn) && Instant::now() < deadline {
        std::thread::sleep(POLL);
    }
    own.still_mapped = viewable(&conn);
    if let Some(before) = &own.before {
        // Unmapped is not yet repainted: wait until no tile shows us.
        while !own.still_mapped && Instant::now() < deadline {
            let Ok(now) = grab_area(&conn, root, area, shm.as_ref()) else {
                break;
            };
            let (x0, y0) = (i32::from(area.0), i32::from(area.1));
            if own.stale_tiles(before, x0, y0, &now).is_empty() {
                break;
            }
            std::thread::sleep(POLL);
        }
    }
    own.waited = start.elapsed();
    drop(shm);
    own.back = unmapped.map(|focused| MapBack {
        conn,
        window,
        focused,
    });
    Some(own)
}

impl OwnWindow {
    /// Mask (paint white) every tile of the X11 pictures in `capture` that
    /// may still show our window. Other backends' pictures are left alone
    /// (their coordinates are not the X screen's).
    pub fn mask(&self, capture: &mut ScreenCapture) {
        if capture.backend != Backend::X11 {
            return;
        }
        for shot in &mut capture.shots {
            let (mx, my) = self
                .monitors
                .iter()
                .find(|m| m.name == shot.monitor)
                .map_or((0, 0), |m| (i32::from(m.x), i32::from(m.y)));
            // Our area's corner in this picture's pixels.
            let (x0, y0) = (i32::from(self.area.0) - mx, i32::from(self.area.1) - my);
            let tiles = match &self.before {
                Some(before) => self.stale_tiles(before, x0, y0, &shot.image),
                None => self.tiles(x0, y0, &shot.image),
            };
            for (x, y, w, h) in tiles {
                for yy in y..y + h {
                    for xx in x..x + w {
                        shot.image.put_pixel(xx, yy, image::Luma([255]));
                    }
                }
            }
        }
    }

    /// Our area's tiles that lie in `img` (our corner at `x0`, `y0` in its
    /// pixels) and are not under a window stacked above ours, in `img`'s
    /// pixels: (x, y, width, height).
    fn tiles(&self, x0: i32, y0: i32, img: &GrayImage) -> Vec<(u32, u32, u32, u32)> {
        let (w, h) = (i32::from(self.area.2), i32::from(self.area.3));
        let (iw, ih) = (img.width() as i32, img.height() as i32);
        let mut out = Vec::new();
        for ty in (0..h).step_by(TILE as usize) {
            for tx in (0..w).step_by(TILE as usize) {
                let (tw, th) = ((w - tx).min(TILE as i32), (h - ty).min(TILE as i32));
                // Clip to the picture.
                let (x, y) = ((x0 + tx).max(0), (y0 + ty).max(0));
                let (x1, y1) = ((x0 + tx + tw).min(iw), (y0 + ty + th).min(ih));
                if x >= x1 || y >= y1 {
                    continue;
                }
                let (sx, sy) = (self.area.0 as i32 + tx, self.area.1 as i32 + ty);
                let covered = self.above.iter().any(|&(ax, ay, aw, ah)| {
                    let (ax, ay) = (i32::from(ax), i32::from(ay));
                    sx < ax + i32::from(aw)
                        && ax < sx + tw
                        && sy < ay + i32::from(ah)
                        && ay < sy + th
                });
                if !covered {
                    out.push((x as u32, y as u32, (x1 - x) as u32, (y1 - y) as u32));
                }
            }
        }
        out
    }

    /// The tiles of [`Self::tiles`] where `img` still shows, pixel for
    /// pixel, what our window showed (`before`), leaving out tiles that
    /// were one flat gray (nothing to read there).
    fn stale_tiles(
        &self,
        before: &GrayImage,
        x0: i32,
        y0: i32,
        img: &GrayImage,
    ) -> Vec<(u32, u32, u32, u32)> {
        let mut tiles = self.tiles(x0, y0, img);
        tiles.retain(|&(x, y, w, h)| {
            // The same pixels in `before` (our area's coordinates).
            let (bx, by) = ((x as i32 - x0) as u32, (y as i32 - y0) as u32);
            let (mut lo, mut hi) = (u8::MAX, u8::MIN);
            for dy in 0..h {
                for dx in 0..w {
                    let b = before.get_pixel(bx + dx, by + dy).0[0];
                    if img.get_pixel(x + dx, y + dy).0[0] != b {
                        return false;
                    }
                    lo = lo.min(b);
                    hi = hi.max(b);
                }
            }
            hi != lo
        });
        tiles
    }
}

/// Our window's area on the screen, clipped to the root window.
fn screen_area(conn: &RustConnection, root: Window, window: Window) -> Option<Area> {
    let at = conn
        .translate_coordinates(window, root, 0, 0)
        .ok()?
        .reply()
        .ok()?;
    let geometry = conn.get_geometry(window).ok()?.reply().ok()?;
    let screen = conn.get_geometry(root).ok()?.reply().ok()?;
    let clip = |pos: i16, len: u16, max: u16| {
        let start = i32::from(pos).clamp(0, i32::from(max));
        let end = (i32::from(pos) + i32::from(len)).clamp(0, i32::from(max));
        (start as i16, (end - start) as u16)
    };
    let (x, w) = clip(at.dst_x, geometry.width, screen.width);
    let (y, h) = clip(at.dst_y, geometry.height, screen.height);
    Some((x, y, w, h))
}

/// The areas of the mapped top-level windows stacked above `window` (its
/// window manager frame, when it has one).
fn windows_above(conn: &RustConnection, root: Window, window: Window) -> Vec<Area> {
    // The top-level ancestor: our window, or the frame it was put in.
    let mut top = window;
    while let Some(tree) = conn.query_tree(top).ok().and_then(|c| c.reply().ok()) {
        if tree.parent == root || tree.parent == x11rb::NONE {
            break;
        }
        top = tree.parent;
    }
    let Some(tree) = conn.query_tree(root).ok().and_then(|c| c.reply().ok()) else {
        return Vec::new();
    };
    // Children come bottom to top.
    let Some(ours) = tree.children.iter().position(|&w| w == top) else {
        return Vec::new();
    };
    tree.children[ours + 1..]
        .iter()
        .filter(|&&w| {
            conn.get_window_attributes(w)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|a| a.map_state == MapState::VIEWABLE)
        })
        .filter_map(|&w| {
            let g = conn.get_geometry(w).ok()?.reply().ok()?;
            let b = g.border_width;
            Some((
                g.x,
                g.y,
                g.width.saturating_add(2 * b),
                g.height.saturating_add(2 * b),
            ))
        })
        .collect()
}

/// This process's window (`_NET_WM_PID`) whose title (`_NET_WM_NAME`, else
/// `WM_NAME`) starts with `title_prefix`, among the window manager's
/// client list and the root window's children.
fn find_own_window(
    conn: &RustConnection,
    root: Window,
    pid: u32,
    title_prefix: &str,
) -> Option<Window> {
    let atom = |name: &[u8]| {
        conn.intern_atom(false, name)
            .ok()
            .and_then(|c| c.reply().ok())
            .map(|r| r.atom)
    };
    let (net_pid, net_name, utf8, clients) = (
        atom(b"_NET_WM_PID")?,
        atom(b"_NET_WM_NAME")?,
        atom(b"UTF8_STRING")?,
        atom(b"_NET_CLIENT_LIST")?,
    );
    let mut candidates: Vec<Window> = conn
        .get_property(false, root, clients, AtomEnum::WINDOW, 0, 4096)
        .ok()
        .and_then(|c| c.reply().ok())
        .and_then(|r| r.value32().map(|v| v.collect()))
        .unwrap_or_default();
    if let Some(tree) = conn.query_tree(root).ok().and_then(|c| c.reply().ok()) {
        candidates.extend(tree.children);
    }
    // Ask for every candidate's PID at once, then read the answers.
    let cookies: Vec<_> = candidates
        .iter()
        .map(|&w| {
            (
                w,
                conn.get_property(false, w, net_pid, AtomEnum::CARDINAL, 0, 1),
            )
        })
        .collect();
    let ours: Vec<Window> = cookies
        .into_iter()
        .filter_map(|(w, cookie)| {
            let reply = cookie.ok()?.reply().ok()?;
            (reply.value32()?.next()? == pid).then_some(w)
        })
        .collect();
    ours.into_iter().find(|&w| {
        let title = |property: u32, kind: u32| {
            conn.get_property(false, w, property, kind, 0, 256)
                .ok()
                .and_then(|c| c.reply().ok())
                .map(|r| String::from_utf8_lossy(&r.value).into_owned())
                .filter(|t| !t.is_empty())
        };
        title(net_name, utf8)
            .or_else(|| title(AtomEnum::WM_NAME.into(), AtomEnum::STRING.into()))
            .is_some_and(|t| t.starts_with(title_prefix))
    })
}
