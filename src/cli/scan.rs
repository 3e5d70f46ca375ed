//! `totp-burner scan`: find QR codes and say what each one is. Secrets are
//! shown only with `--show-secret`; without it a text that is not a secret
//! is not echoed either (only its length and what it is), and an export is
//! listed account by account. Exit 0 when a usable secret was found, 1 when
//! no QR code was found, 2 when none of those found can be burned.

use super::output;
use super::qr_source::{Found, QrSource, collect};
use crate::explain;
use crate::secret::{self, Candidate, MigrationAccount};
use crate::tr;
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
                (Some(i), Some(a)) => Some(format!("{i} ({a})")),
                (Some(x), None) | (None, Some(x)) => Some(x.clone()),
                _ => None,
            };
            let bytes = info.secret.len();
            let mut line = match who {
                Some(who) => tr!("cli-scan-secret-for", who = who, bytes = bytes),
                None => tr!("cli-scan-secret", bytes = bytes),
            };
            for w in &info.warnings {
                line.push_str("\n   ");
                line.push_str(&tr!("cli-warning", warning = explain::warning(w)));
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
            let mut line = tr!(
                "cli-scan-export",
                count = batch.accounts.len(),
                usable = batch.usable_count()
            );
            for (i, a) in batch.accounts.iter().enumerate() {
                line.push_str(&format!("\n     {}. {}", i + 1, explain::export_account(a)));
                if show {
                    // The label from the catalogue; the key itself never
                    // goes through a message (--show-secret only).
                    line.push_str(&format!(
                        "\n        {} {}",
                        tr!("cli-scan-shown-secret"),
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
                format!(
                    "{}\n   {}",
                    tr!("cli-scan-not-a-secret", problem = x.problem.as_str()),
                    tr!("explanation-next", next = x.next_step.as_str())
                ),
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
        println!("{}", tr!("cli-scan-none"));
    } else {
        println!("{}", tr!("cli-scan-found", count = found.len()));
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
            eprintln!("{}", tr!("cli-next", next = tr!("cli-scan-none-next")));
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
            problem: tr!("cli-qr-none"),
            next_step: tr!("cli-qr-none-next"),
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
                problem: tr!("cli-qr-not-a-secret", problem = first.problem),
                next_step: first.next_step,
            })
        }
        n => Err(explain::Explanation {
            problem: tr!("cli-qr-several", count = n),
            next_step: tr!("cli-qr-several-next"),
        }),
    }
}
