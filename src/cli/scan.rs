//! `totp-burner scan`: find QR codes and say what each one is. Secrets are
//! shown only with `--show-secret`; without it a text that is not a secret
//! is not echoed either (only its length and what it is), and an export is
//! listed account by account. Exit 0 when a usable secret was found, 1 when
//! no QR code was found, 2 when none of those found can be burned.

use super::output;
use super::qr_source::{Found, QrSource, collect};
use crate::explain;
use crate::secret::{self, Candidate, MigrationAccount};
use clap::Args;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::Duration;

/// Where to look (exactly one).
#[derive(Debug, Clone, Args)]
#[group(required = true, multiple = false)]
pub struct SourceArgs {
    /// Look in an image file (PNG, JPEG, BMP, WebP).
    #[arg(long, value_name = "FILE")]
    image: Option<PathBuf>,
    /// Look on every screen.
    #[arg(long)]
    screen: bool,
    /// Look through a webcam until a valid secret shows up.
    #[arg(long)]
    webcam: bool,
    /// Look at the clipboard (text or a copied picture).
    #[arg(long)]
    clipboard: bool,
}

/// Webcam settings.
#[derive(Debug, Clone, Args)]
pub struct WebcamArgs {
    /// Camera number (see the system's camera list; 0 is the first).
    #[arg(long, default_value_t = 0)]
    pub camera: u32,
    /// Give up looking through the webcam after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub webcam_timeout: u64,
}

impl SourceArgs {
    /// The source these arguments name.
    pub fn source(&self, cam: &WebcamArgs) -> QrSource {
        if let Some(p) = &self.image {
            QrSource::Image(p.clone())
        } else if self.screen {
            QrSource::Screen
        } else if self.webcam {
            QrSource::Webcam {
                camera: cam.camera,
                timeout: Duration::from_secs(cam.webcam_timeout),
            }
        } else {
            QrSource::Clipboard
        }
    }
}

/// Arguments of `scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    webcam: WebcamArgs,
    /// Show the secrets in full.
    #[arg(long)]
    show_secret: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// One account of an export as JSON; its key (Base32) only when `show`.
fn account_json(index: usize, a: &MigrationAccount, show: bool) -> Value {
    let mut v = json!({
        "number": index + 1,
        "issuer": a.issuer,
        "account": a.account,
        "type": a.otp_type,
        "digits": a.digits,
        "usable": a.usable.is_ok(),
    });
    if let Err(e) = &a.usable {
        v["problem"] = explain::not_a_secret(e).problem.into();
    }
    if show {
        v["secret_base32"] = a.secret.to_base32().as_str().into();
    }
    v
}

fn describe(found: &Found, show: bool) -> (Value, String, bool) {
    let text = if show {
        found.text.to_string()
    } else {
        secret::redact(&found.text)
    };
    let mut v = json!({ "place": found.place, "text": text });
    let (line, usable) = match secret::read(&found.text) {
        Ok(Candidate::Single(info)) => {
            v["kind"] = "secret".into();
            v["issuer"] = info.issuer.clone().into();
            v["account"] = info.account.clone().into();
            v["bytes"] = info.secret.len().into();
            v["source"] = serde_json::to_value(info.source).unwrap_or_default();
            if show {
                v["secret_base32"] = info.secret.to_base32().as_str().into();
            }
            let who = match (&info.issuer, &info.account) {
                (Some(i), Some(a)) => format!(" for {i} ({a})"),
                (Some(x), None) | (None, Some(x)) => format!(" for {x}"),
                _ => String::new(),
            };
            let mut line = format!("A secret{who}: {} bytes. Ready to burn.", info.secret.len());
            for w in &info.warnings {
                line.push_str(&format!("\n   warning: {}", explain::warning(w)));
            }
            (line, true)
        }
        Ok(Candidate::Migration(batch)) => {
            v["kind"] = "export".into();
            v["accounts"] = batch.accounts.len().into();
            v["usable_accounts"] = batch.usable_count().into();
            v["account_list"] = batch
                .accounts
                .iter()
                .enumerate()
                .map(|(i, a)| account_json(i, a, show))
                .collect();
            let mut line = format!(
                "An authenticator export with {} accounts ({} can be burned): choose one with burn --account N.",
                batch.accounts.len(),
                batch.usable_count(),
            );
            for (i, a) in batch.accounts.iter().enumerate() {
                line.push_str(&format!("\n     {}. {}", i + 1, explain::export_account(a)));
                if show {
                    line.push_str(&format!(
                        "\n        secret: {}",
                        a.secret.to_base32().as_str()
                    ));
                }
            }
            (line, batch.usable_count() > 0)
        }
        Err(e) => {
            let x = explain::not_a_secret(&e);
            v["kind"] = "not-a-secret".into();
            v["problem"] = x.problem.clone().into();
            v["next_step"] = x.next_step.clone().into();
            (
                format!("Not a secret: {}\n   Next: {}", x.problem, x.next_step),
                false,
            )
        }
    };
    (v, line, usable)
}

/// Run `scan`.
pub fn run(a: &ScanArgs) -> i32 {
    let found = match collect(&a.source.source(&a.webcam)) {
        Ok(f) => f,
        Err(x) => return output::report_input_error(&x, a.json, super::EXIT_FAILED),
    };
    let described: Vec<(Value, String, bool)> =
        found.iter().map(|f| describe(f, a.show_secret)).collect();
    let usable = described.iter().any(|d| d.2);
    if a.json {
        output::print_json(&json!({
            "ok": usable,
            "codes": described.iter().map(|d| d.0.clone()).collect::<Vec<_>>(),
        }));
    } else if found.is_empty() {
        println!("No QR code found.");
    } else {
        println!(
            "Found {} QR code{}:",
            found.len(),
            if found.len() == 1 { "" } else { "s" }
        );
        for (i, (f, d)) in found.iter().zip(&described).enumerate() {
            println!(
                "{}. [{}] {}",
                i + 1,
                f.place,
                d.0["text"].as_str().unwrap_or("")
            );
            println!("   {}", d.1);
        }
    }
    if found.is_empty() {
        if !a.json {
            eprintln!(
                "next:  Make sure the whole QR code is visible and not covered, then scan again."
            );
        }
        super::EXIT_FAILED
    } else if usable {
        super::EXIT_OK
    } else {
        super::EXIT_USAGE
    }
}

/// For `burn --qr-*`: the one usable text, or an explanation.
pub fn single_usable(
    found: Vec<Found>,
) -> Result<zeroize::Zeroizing<String>, explain::Explanation> {
    if found.is_empty() {
        return Err(explain::Explanation {
            problem: "No QR code was found.".into(),
            next_step: "Make sure the whole QR code is visible and not covered, then scan again, or paste the secret with --secret -.".into(),
        });
    }
    let mut usable: Vec<Found> = Vec::new();
    let mut refused = Vec::new();
    for f in found {
        match secret::read(&f.text) {
            Ok(_) => {
                if !usable.iter().any(|u| u.text == f.text) {
                    usable.push(f);
                }
            }
            Err(e) => refused.push(explain::not_a_secret(&e)),
        }
    }
    match usable.len() {
        1 => Ok(usable.remove(0).text),
        0 => {
            let first = refused.remove(0);
            Err(explain::Explanation {
                problem: format!("The QR code found is not a secret: {}", first.problem),
                next_step: first.next_step,
            })
        }
        n => Err(explain::Explanation {
            problem: format!("{n} different secrets were found."),
            next_step: "Leave only one QR code visible, or run `totp-burner scan` and pass the one you want with --secret -.".into(),
        }),
    }
}
