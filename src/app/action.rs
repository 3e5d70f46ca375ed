//! What the panels ask for. A panel draws from its view's state and
//! returns these; the shell applies them in one place, to the view that
//! drew the panel, and through it to the shared workers.

use super::capture::CaptureRequest;
use super::secret_input::SecretInput;
use super::state::View;
use super::workers::{Desk, Workers};
use crate::params::TokenOptions;
use std::path::PathBuf;

/// A user's action in a panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Hide the window and read the QR code on the screen.
    ScanScreen,
    /// Start or stop the webcam preview.
    ToggleWebcam,
    /// Read the clipboard (a copied key, link or QR picture).
    PasteClipboard,
    /// Decode this picture file.
    OpenImage(PathBuf),
    /// Choose a picture file in the platform's file dialog.
    BrowseImage,
    /// The secret field or the export's account changed: the options
    /// follow the secret again.
    SecretEdited,
    /// Use this reader (None: automatic); remembered.
    ChooseReader(Option<String>),
    /// Open the time-sync confirmation.
    AskSync,
    /// Sync the token's clock (`erase_ok`: the erase was confirmed).
    Sync {
        /// The operator confirmed that this model erases its secret.
        erase_ok: bool,
    },
    /// Close the time-sync confirmation.
    CancelSync,
    /// Burn (asks first when the options differ from the secret's).
    Burn,
    /// Burn with the options shown: the operator confirmed them.
    BurnConfirmed,
    /// Close the options confirmation without burning.
    CancelBurn,
    /// Burn a token the records say was burned before, on purpose.
    BurnAgain,
    /// Burn although the time servers say the PC clock is off.
    BurnTrustingPcClock,
    /// Dismiss the last failure or sync note.
    DismissOutcome,
    /// Forget this secret and get ready for the next token.
    NextToken,
    /// Compare the code typed from the power-cycled token with the burned
    /// secret's, and record the verdict.
    CheckCode,
    /// Record that the check was skipped on purpose.
    SkipCheck,
    /// Clear the verdict shown and type the token's code again.
    CheckAgain,
    /// Go to this wizard step.
    WizardStep(u8),
    /// Start the station loop.
    StartStation,
    /// Stop the station after the token on the reader.
    StopStation,
    /// Show the station card alone, full screen (true), or leave it.
    FullScreen(bool),
    /// Show another view.
    Show(View),
    /// Empty the expert log.
    ClearLog,
}

/// Apply a secret panel's action to its secret and options (the burner's,
/// the wizard's or the station's); hand back any other action.
pub(crate) fn apply_to_secret(
    a: Action,
    secret: &mut SecretInput,
    options: &mut TokenOptions,
    w: &mut Workers,
    ctx: &eframe::egui::Context,
    desk: Desk,
) -> Option<Action> {
    match a {
        Action::ScanScreen => w.scan_screen(ctx, desk),
        Action::ToggleWebcam => {
            if w.toggle_webcam(desk) {
                secret.capture_note = None;
            }
        }
        Action::PasteClipboard => w.capture_for(desk, CaptureRequest::Clipboard),
        Action::OpenImage(path) => w.capture_for(desk, CaptureRequest::File(path)),
        Action::BrowseImage => {
            secret.capture_note = None;
            w.browse(desk);
        }
        Action::SecretEdited => secret.apply_intended_options(options),
        other => return Some(other),
    }
    None
}
