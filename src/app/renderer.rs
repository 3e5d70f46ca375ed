//! Which of eframe's two renderers draws the window. wgpu (Vulkan, DX12,
//! Metal or GL underneath) is tried first; where it gets no device (a
//! Windows PC reached over RDP, a VM without 3D, an old GPU, Wine) the
//! window starts again with glow (plain OpenGL) and the expert log says
//! so. `--renderer` or the `renderer` setting forces one of them.

use serde::{Deserialize, Serialize};

/// One of the two renderers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Renderer {
    /// wgpu: Vulkan, DX12, Metal or OpenGL ES underneath.
    Wgpu,
    /// glow: OpenGL 2+ / GLES 2+ (older GPUs, remote desktops, VMs).
    Glow,
}

impl Renderer {
    /// Its name, as `--renderer` and the settings file spell it.
    pub fn name(self) -> &'static str {
        match self {
            Renderer::Wgpu => "wgpu",
            Renderer::Glow => "glow",
        }
    }

    /// eframe's name for it.
    pub fn eframe(self) -> eframe::Renderer {
        match self {
            Renderer::Wgpu => eframe::Renderer::Wgpu,
            Renderer::Glow => eframe::Renderer::Glow,
        }
    }
}

/// Why the window is drawn by the renderer it is drawn by, in the current
/// language: a line for the expert log.
pub fn started_words(renderer: Renderer, forced: bool, wgpu_failure: Option<&str>) -> String {
    let name = renderer.name();
    match (wgpu_failure, forced) {
        (Some(why), _) => crate::tr!("renderer-started-fallback", why = why),
        (None, true) => crate::tr!("renderer-started-chosen", renderer = name),
        (None, false) => crate::tr!("renderer-started", renderer = name),
    }
}

/// The same for the event log (tests and bug reports read it: English,
/// fixed words).
pub fn started_note(renderer: Renderer, forced: bool, wgpu_failure: Option<&str>) -> String {
    match (wgpu_failure, forced) {
        (Some(why), _) => format!(
            "renderer: glow (OpenGL); wgpu could not start here ({why}), so the window was opened again with glow"
        ),
        (None, true) => format!(
            "renderer: {} (chosen by --renderer or the settings)",
            renderer.name()
        ),
        (None, false) => format!("renderer: {}", renderer.name()),
    }
}

/// Open the window with `forced`, or with wgpu and then glow when wgpu
/// cannot create its device. `start(renderer, wgpu_failure)` runs the
/// window to its end; `wgpu_failure` is the reason wgpu was given up.
pub fn run_with_fallback(
    forced: Option<Renderer>,
    mut start: impl FnMut(Renderer, Option<&str>) -> Result<(), eframe::Error>,
) -> Result<(), eframe::Error> {
    if let Some(r) = forced {
        return start(r, None);
    }
    match start(Renderer::Wgpu, None) {
        Err(eframe::Error::Wgpu(e)) => {
            let why = e.to_string();
            eprintln!("{}", crate::tr!("renderer-fallback", why = why.clone()));
            start(Renderer::Glow, Some(&why))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui_wgpu::WgpuError;

    #[test]
    fn a_wgpu_device_failure_starts_again_with_glow() {
        let mut tried = Vec::new();
        let result = run_with_fallback(None, |r, why| {
            tried.push((r, why.map(str::to_string)));
            match r {
                Renderer::Wgpu => Err(WgpuError::NoSurfaceFormatsAvailable.into()),
                Renderer::Glow => Ok(()),
            }
        });
        assert!(result.is_ok());
        assert_eq!(tried.len(), 2);
        assert_eq!(tried[0], (Renderer::Wgpu, None));
        assert_eq!(tried[1].0, Renderer::Glow);
        let why = tried[1].1.clone().unwrap();
        assert!(why.contains("no valid format"), "{why}");
        let note = started_note(Renderer::Glow, false, Some(&why));
        assert!(note.starts_with("renderer: glow"), "{note}");
        assert!(note.contains("wgpu could not start here"), "{note}");
    }

    #[test]
    fn other_failures_and_forced_renderers_are_not_retried() {
        let mut tried = Vec::new();
        let result = run_with_fallback(None, |r, _| {
            tried.push(r);
            Err(eframe::Error::AppCreation("no".into()))
        });
        assert!(matches!(result, Err(eframe::Error::AppCreation(_))));
        assert_eq!(tried, [Renderer::Wgpu]);

        for forced in [Renderer::Wgpu, Renderer::Glow] {
            let mut tried = Vec::new();
            let result = run_with_fallback(Some(forced), |r, _| {
                tried.push(r);
                Err(WgpuError::NoSurfaceFormatsAvailable.into())
            });
            assert!(matches!(result, Err(eframe::Error::Wgpu(_))));
            assert_eq!(tried, [forced], "a forced renderer is the only one tried");
        }
    }

    #[test]
    fn the_settings_spelling_is_the_flag_spelling() {
        for r in [Renderer::Wgpu, Renderer::Glow] {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.name()));
            let flag = clap::ValueEnum::to_possible_value(&r).unwrap();
            assert_eq!(flag.get_name(), r.name());
        }
    }
}
