//! The hand-out receipt: a printable HTML page per token handed out (of
//! one user, or of one batch), with its serial, its user, the hand-out
//! date and the three steps "switch on, compare the code, sign in". It
//! never holds a secret or a code: only what the records say in clear.

use super::handout::{burn_held, current_user};
use super::records::{Operation, RecordsError, Store};
use quick_xml::escape::escape;
use std::fmt::Write;

/// One token on a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptToken {
    /// Its serial.
    pub serial: String,
    /// Its user.
    pub upn: String,
    /// Its model.
    pub model: Option<String>,
    /// Its batch.
    pub batch: Option<String>,
    /// When it was handed out (or burned for its user), Unix seconds.
    pub time: i64,
    /// The station that handed it out (or burned it for its user).
    pub station: String,
}

/// Which tokens a receipt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptFor<'a> {
    /// Every token whose user is this UPN (any case).
    User(&'a str),
    /// Every token of this batch that has a user.
    Batch(&'a str),
}

/// The tokens with a user that a receipt `of` covers, in hand-out order:
/// only tokens whose last burn holds a good secret.
pub fn receipt_tokens(
    store: &Store,
    of: ReceiptFor<'_>,
) -> Result<Vec<ReceiptToken>, RecordsError> {
    let mut serials: Vec<String> = Vec::new();
    for r in store.list(None)? {
        if let Some(s) = r.serial.filter(|_| r.operation == Operation::Burn) {
            serials.retain(|x| *x != s);
            serials.push(s);
        }
    }
    let handed = store.latest_assignments()?;
    let mut out = Vec::new();
    for serial in serials {
        let Ok(burn) = burn_held(store, &serial) else {
            continue;
        };
        let Some(upn) = current_user(store, &burn)? else {
            continue;
        };
        let keep = match of {
            ReceiptFor::User(u) => upn.eq_ignore_ascii_case(u.trim()),
            ReceiptFor::Batch(b) => burn.batch.as_deref() == Some(b),
        };
        if keep {
            let (time, station) = match handed.get(&serial) {
                Some(a) if a.upn == upn => (a.time, a.station.clone()),
                _ => (burn.time, burn.station.clone()),
            };
            out.push(ReceiptToken {
                serial,
                upn,
                model: burn.model,
                batch: burn.batch,
                time,
                station,
            });
        }
    }
    out.sort_by_key(|t| t.time);
    Ok(out)
}

/// The printable page: one section (one printed page) per token, in the
/// current language. Every value from the records is HTML-escaped.
pub fn receipt_html(tokens: &[ReceiptToken]) -> String {
    use crate::tr;
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>\n\
         body {{ font-family: sans-serif; margin: 2em; }}\n\
         section {{ page-break-after: always; max-width: 40em; }}\n\
         section:last-child {{ page-break-after: auto; }}\n\
         table {{ border-collapse: collapse; margin: 1em 0; }}\n\
         th {{ text-align: left; padding-right: 2em; }}\n\
         td, th {{ padding: 0.3em 0; }}\n\
         .serial {{ font-family: monospace; font-size: 1.3em; }}\n\
         </style>\n</head>\n<body>\n",
        crate::i18n::language().code(),
        escape(tr!("receipt-title")),
    );
    for t in tokens {
        let model = t
            .model
            .clone()
            .unwrap_or_else(|| tr!("receipt-model-unknown"));
        let handed_out = tr!(
            "receipt-handed-out-at",
            date = crate::explain::local_date(t.time),
            station = t.station.as_str()
        );
        let _ = write!(
            h,
            "<section>\n<h1>{}</h1>\n<table>\n\
             <tr><th>{}</th><td>{}</td></tr>\n\
             <tr><th>{}</th><td class=\"serial\">{}</td></tr>\n\
             <tr><th>{}</th><td>{}</td></tr>\n\
             <tr><th>{}</th><td>{}</td></tr>\n</table>\n<ol>\n",
            escape(tr!("receipt-heading")),
            escape(tr!("receipt-user")),
            escape(t.upn.as_str()),
            escape(tr!("receipt-serial")),
            escape(t.serial.as_str()),
            escape(tr!("receipt-model")),
            escape(model.as_str()),
            escape(tr!("receipt-handed-out")),
            escape(handed_out.as_str()),
        );
        for (step, words) in crate::explain::receipt_steps() {
            let _ = writeln!(
                h,
                "<li><strong>{}.</strong> {}</li>",
                escape(&step),
                escape(&words)
            );
        }
        let _ = write!(
            h,
            "</ol>\n<p>{}</p>\n</section>\n",
            escape(tr!("receipt-received-by"))
        );
    }
    h.push_str("</body>\n</html>\n");
    h
}
