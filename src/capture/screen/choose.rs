//! Which screen-capture backend fits this session, in order of preference:
//! a pure function over the session's environment values, so every kind of
//! desktop is a unit test.
//!
//! Wayland sessions (GNOME, KDE Plasma) also set `DISPLAY` for XWayland,
//! but a root-window GetImage there returns black or only the X11 windows:
//! the screenshot portal comes first, X11 only as a fallback.

use std::fmt;

/// One way to grab the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// Root-window GetImage per RandR monitor (x11rb).
    X11,
    /// The xdg-desktop-portal Screenshot call (Wayland).
    Portal,
    /// xcap's GDI capture (Windows).
    Windows,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Backend::X11 => crate::tr!("err-backend-x11"),
            Backend::Portal => crate::tr!("err-backend-portal"),
            Backend::Windows => crate::tr!("err-backend-windows"),
        })
    }
}

/// The environment values that decide the backend.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionEnv {
    /// Running on Windows.
    pub windows: bool,
    /// `XDG_SESSION_TYPE` ("x11", "wayland", "tty"...).
    pub session_type: Option<String>,
    /// `WAYLAND_DISPLAY`.
    pub wayland_display: Option<String>,
    /// `DISPLAY`.
    pub display: Option<String>,
}

fn var(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
}

fn set(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.trim().is_empty())
}

impl SessionEnv {
    /// This process's session.
    pub fn current() -> SessionEnv {
        SessionEnv {
            windows: cfg!(windows),
            session_type: var("XDG_SESSION_TYPE"),
            wayland_display: var("WAYLAND_DISPLAY"),
            display: var("DISPLAY"),
        }
    }

    fn session_says_wayland(&self) -> bool {
        self.session_type
            .as_deref()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("wayland"))
    }

    /// A Wayland session: windows cannot hide themselves there (minimise
    /// instead), and the portal is the way to the screen.
    pub fn is_wayland(&self) -> bool {
        !self.windows && (set(&self.wayland_display) || self.session_says_wayland())
    }
}

/// The backends to try, best first (empty when there is no screen at all).
///
/// - Windows: xcap.
/// - `WAYLAND_DISPLAY` set: the portal, then X11 if `DISPLAY` is set too.
/// - `DISPLAY` only: X11; the portal next only if `XDG_SESSION_TYPE` says
///   wayland (a Wayland session whose `WAYLAND_DISPLAY` got lost).
/// - Neither, but `XDG_SESSION_TYPE=wayland`: the portal.
pub fn choose_backends(env: &SessionEnv) -> Vec<Backend> {
    if env.windows {
        return vec![Backend::Windows];
    }
    let x11 = set(&env.display);
    if set(&env.wayland_display) {
        let mut v = vec![Backend::Portal];
        if x11 {
            v.push(Backend::X11);
        }
        v
    } else if x11 {
        let mut v = vec![Backend::X11];
        if env.session_says_wayland() {
            v.push(Backend::Portal);
        }
        v
    } else if env.session_says_wayland() {
        vec![Backend::Portal]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(session: Option<&str>, wayland: Option<&str>, display: Option<&str>) -> SessionEnv {
        SessionEnv {
            windows: false,
            session_type: session.map(Into::into),
            wayland_display: wayland.map(Into::into),
            display: display.map(Into::into),
        }
    }

    #[test]
    fn x11_session_uses_x11() {
        let e = env(Some("x11"), None, Some(":0"));
        assert_eq!(choose_backends(&e), [Backend::X11]);
        assert!(!e.is_wayland());
        // Xvfb, ssh -X: no session type at all.
        assert_eq!(
            choose_backends(&env(None, None, Some(":99"))),
            [Backend::X11]
        );
    }

    #[test]
    fn wayland_with_xwayland_display_prefers_the_portal() {
        // GNOME on Ubuntu/Fedora and KDE Plasma 6 set all three.
        let e = env(Some("wayland"), Some("wayland-0"), Some(":0"));
        assert_eq!(choose_backends(&e), [Backend::Portal, Backend::X11]);
        assert!(e.is_wayland());
        // WAYLAND_DISPLAY alone decides, whatever the session type says.
        let e = env(None, Some("wayland-0"), Some(":1"));
        assert_eq!(choose_backends(&e), [Backend::Portal, Backend::X11]);
    }

    #[test]
    fn wayland_only_uses_the_portal() {
        let e = env(Some("wayland"), Some("wayland-0"), None);
        assert_eq!(choose_backends(&e), [Backend::Portal]);
        assert_eq!(
            choose_backends(&env(None, Some("wayland-1"), None)),
            [Backend::Portal]
        );
        assert_eq!(
            choose_backends(&env(Some("wayland"), None, None)),
            [Backend::Portal]
        );
    }

    #[test]
    fn wayland_session_without_wayland_display_tries_x11_first() {
        let e = env(Some("Wayland"), None, Some(":0"));
        assert_eq!(choose_backends(&e), [Backend::X11, Backend::Portal]);
        assert!(e.is_wayland());
    }

    #[test]
    fn no_display_means_no_backend() {
        assert!(choose_backends(&env(None, None, None)).is_empty());
        assert!(choose_backends(&env(Some("tty"), Some(""), Some(" "))).is_empty());
        assert!(!env(Some("tty"), None, None).is_wayland());
    }

    #[test]
    fn windows_uses_xcap_whatever_else_is_set() {
        let mut e = env(Some("wayland"), Some("wayland-0"), Some(":0"));
        e.windows = true;
        assert_eq!(choose_backends(&e), [Backend::Windows]);
        assert!(!e.is_wayland());
        assert_eq!(
            choose_backends(&SessionEnv {
                windows: true,
                ..SessionEnv::default()
            }),
            [Backend::Windows]
        );
    }
}
