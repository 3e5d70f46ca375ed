//! Whether a view has just been opened: it notes the frame it was last
//! drawn in, so a view can refresh what it shows when it comes back.

/// The frame a view was last drawn in.
#[derive(Debug, Default, Clone, Copy)]
pub struct ViewOpened {
    last_frame: Option<u64>,
}

impl ViewOpened {
    /// Note that the view is drawn in frame `frame`: true when it was not
    /// drawn in the frame before (it has just been opened).
    pub fn shown(&mut self, frame: u64) -> bool {
        let opened = self
            .last_frame
            .is_none_or(|last| last.saturating_add(1) < frame);
        self.last_frame = Some(frame);
        opened
    }

    /// The next frame counts as an opening again.
    pub fn forget(&mut self) {
        self.last_frame = None;
    }
}
