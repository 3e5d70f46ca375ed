//! System failures in words (and the kept secrets' encryption): a file or database error is never shown as a
//! bare "(os error 2)", always as a sentence naming what went wrong, the
//! system's own text kept only as a detail after it.

use crate::station::records::RecordsError;
use crate::tr;
use std::io::ErrorKind;

/// What an I/O failure means, in a few words: "the file or folder does not
/// exist (No such file or directory (os error 2))".
pub fn io_words(e: &std::io::Error) -> String {
    let detail = e.to_string();
    match e.kind() {
        ErrorKind::NotFound => tr!("io-not-found", detail = detail),
        ErrorKind::PermissionDenied => tr!("io-permission-denied", detail = detail),
        ErrorKind::AlreadyExists => tr!("io-already-exists", detail = detail),
        ErrorKind::StorageFull => tr!("io-storage-full", detail = detail),
        ErrorKind::ReadOnlyFilesystem => tr!("io-read-only", detail = detail),
        ErrorKind::NotADirectory => tr!("io-not-a-directory", detail = detail),
        _ => tr!("io-other", detail = detail),
    }
}

/// A records failure in words (placed in the sentences that say what it
/// stopped).
pub fn records_error(e: &RecordsError) -> String {
    match e {
        RecordsError::File { path, source } => {
            tr!(
                "records-error-file",
                path = path.as_str(),
                why = io_words(source)
            )
        }
        RecordsError::Database(d) => tr!("records-error-database", detail = d.to_string()),
        RecordsError::TooNew { found, supported } => {
            tr!(
                "records-error-too-new",
                found = *found,
                supported = *supported
            )
        }
        RecordsError::TooOld { found: 0, .. } => tr!("records-error-not-initialised"),
        RecordsError::TooOld { found, supported } => {
            tr!(
                "records-error-too-old",
                found = *found,
                supported = *supported
            )
        }
        RecordsError::Server(_) => tr!("records-error-server", detail = e.server_detail()),
        RecordsError::TimedOut { seconds } => {
            tr!("records-error-timed-out", seconds = *seconds)
        }
        RecordsError::Location(e) => tr!("records-error-location", detail = e.to_string()),
        RecordsError::Tls { detail } => tr!("records-error-tls", detail = detail.as_str()),
        RecordsError::BadStationName { name } => {
            tr!("records-error-station-name", name = name.as_str())
        }
        RecordsError::NotAServer => tr!("records-error-not-a-server"),
        RecordsError::Damaged { detail } => {
            tr!("records-error-database", detail = detail.as_str())
        }
    }
}

/// A failure of the kept secrets' encryption, as a sentence.
pub fn vault_error(e: &crate::station::vault::VaultError) -> String {
    use crate::station::vault::{MIN_PASSPHRASE_CHARS, VaultError as V};
    match e {
        V::WrongPassphrase => tr!("vault-wrong-passphrase"),
        V::PassphraseTooShort => tr!("vault-passphrase-too-short", chars = MIN_PASSPHRASE_CHARS),
        V::Crypto(detail) => tr!("vault-crypto", detail = detail.as_str()),
        V::Records(r) => tr!("export-records-failed", error = records_error(r)),
        V::NoFleetKey => tr!("err-vault-no-fleet-key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_said_in_words_with_the_system_detail_after_them() {
        let e = RecordsError::File {
            path: "/nowhere/records.sqlite".into(),
            source: std::io::Error::from(ErrorKind::NotFound),
        };
        let words = records_error(&e);
        assert!(
            words.starts_with(
                "the records file /nowhere/records.sqlite: the file or folder does not exist"
            ),
            "{words}"
        );
        let denied = io_words(&std::io::Error::from(ErrorKind::PermissionDenied));
        assert!(denied.starts_with("access is denied"), "{denied}");
    }
}
