//! The wrong-QR catalogue as one table: every kind of text a technician may
//! scan or paste, what it must be read as, and that the explanation names a
//! next step (and never repeats the secret).

use proptest::prelude::*;
use totp_burner::explain;
use totp_burner::params::{HmacAlgorithm, TimeStep};
use totp_burner::secret::migration::{MigrationPayload, OtpParameters, encode_uri};
use totp_burner::secret::{Candidate, NotASecret, SourceKind, Warning, read, redact};

fn b32(bytes: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(bytes)
}

fn account(
    secret: &[u8],
    name: &str,
    issuer: &str,
    alg: i32,
    digits: i32,
    kind: i32,
) -> OtpParameters {
    OtpParameters {
        secret: secret.to_vec(),
        name: name.into(),
        issuer: issuer.into(),
        algorithm: alg,
        digits,
        r#type: kind,
        counter: 0,
    }
}

fn migration(accounts: Vec<OtpParameters>) -> String {
    encode_uri(&MigrationPayload {
        otp_parameters: accounts,
        version: 1,
        batch_size: 1,
        batch_index: 0,
        batch_id: 7,
    })
}

/// A short description of a result: `ok:<source>:<bytes>`,
/// `migration:<accounts>:<usable>` or `err:<Variant>`.
fn kind(r: &Result<Candidate, NotASecret>) -> String {
    match r {
        Ok(Candidate::Single(i)) => format!("ok:{:?}:{}", i.source, i.secret.len()),
        Ok(Candidate::Migration(b)) => {
            format!("migration:{}:{}", b.accounts.len(), b.usable_count())
        }
        Err(e) => {
            let d = format!("{e:?}");
            format!("err:{}", d.split([' ', '{', '(']).next().unwrap())
        }
    }
}

fn rows() -> Vec<(String, &'static str, &'static str)> {
    let twenty = b"12345678901234567890";
    let long64 = [0x42u8; 64];
    let max63 = [0x42u8; 63];
    vec![
        // Accepted: bare Base32 in every shape people paste it.
        ("JBSWY3DPEHPK3PXP".into(), "ok:Base32:10", ""),
        ("jbswy3dpehpk3pxp".into(), "ok:Base32:10", ""),
        ("jbsw y3dp ehpk 3pxp".into(), "ok:Base32:10", ""),
        ("JBSW-Y3DP-EHPK-3PXP".into(), "ok:Base32:10", ""),
        ("  JBSWY3DPEHPK3PXP\n".into(), "ok:Base32:10", ""),
        (b32(twenty), "ok:Base32:20", ""),
        ("MZXW6===".into(), "ok:Base32:3", ""),
        (b32(&max63), "ok:Base32:63", ""),
        // Accepted: hex.
        ("3132333435363738393031323334353637383930".into(), "ok:Hex:20", ""),
        ("0x3132333435363738393031323334353637383930".into(), "ok:Hex:20", ""),
        ("31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30".into(), "ok:Hex:20", ""),
        ("de:ad:be:ef:01:02:03:04:05:06".into(), "ok:Hex:10", ""),
        // Accepted: otpauth URIs.
        ("otpauth://totp/Contoso:alice%40contoso.com?secret=JBSWY3DPEHPK3PXP&issuer=Contoso".into(), "ok:OtpauthUri:10", ""),
        ("otpauth://totp/Acme?secret=jbsw%20y3dp%20ehpk%203pxp".into(), "ok:OtpauthUri:10", ""),
        (format!("otpauth://totp/Acme:bob?secret={}&algorithm=SHA256&period=60&digits=6", b32(twenty)), "ok:OtpauthUri:20", ""),
        ("OTPAUTH://TOTP/x?SECRET=JBSWY3DPEHPK3PXP".into(), "ok:OtpauthUri:10", ""),
        ("otpauth://totp/x?secret=AE".into(), "ok:OtpauthUri:1", ""),
        // Accepted: an authenticator export.
        (migration(vec![account(twenty, "Contoso:alice", "Contoso", 1, 1, 2)]), "migration:1:1", ""),
        (migration(vec![account(twenty, "a", "A", 1, 1, 2), account(&[7; 16], "b", "B", 2, 1, 2)]), "migration:2:2", ""),
        (migration(vec![account(twenty, "counter", "C", 1, 1, 1)]), "migration:1:0", ""),
        (migration(vec![account(twenty, "long", "L", 3, 2, 2), account(twenty, "ok", "O", 0, 0, 0)]), "migration:2:1", ""),
        // Refused, with the reason.
        ("".into(), "err:Empty", "Scan"),
        ("   \n\t".into(), "err:Empty", "Scan"),
        ("86596220001234".into(), "err:TokenSerial", "not the barcode"),
        ("8659612000123".into(), "err:TokenSerial", "not the barcode"),
        ("86596320".into(), "err:TokenSerial", "not the barcode"),
        ("8659 6010 0012 34".into(), "err:TokenSerial", "not the barcode"),
        ("phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/1/WEU".into(), "err:PhoneFactor", "I want to use a different authenticator app"),
        ("FIDO:/1234567890123456789012345678".into(), "err:Fido", "authenticator app"),
        ("fido:/abc".into(), "err:Fido", "authenticator app"),
        ("otpauth://hotp/Acme?secret=JBSWY3DPEHPK3PXP&counter=1".into(), "err:Hotp", "TOTP"),
        ("https://aka.ms/mfasetup".into(), "err:WebLink", "browser"),
        ("http://example.com/qr".into(), "err:WebLink", "browser"),
        ("WIFI:S:Office;T:WPA;P:pass;;".into(), "err:OtherUri", "otpauth://totp"),
        ("mailto:help@example.com".into(), "err:OtherUri", "otpauth://totp"),
        ("123456".into(), "err:PlainNumber", "type the secret key"),
        ("123456789012345678901".into(), "err:PlainNumber", "type the secret key"),
        ("{\"entries\":[{\"secret\":\"JBSWY3DPEHPK3PXP\"}]}".into(), "err:BackupFile", "Export the single account"),
        ("otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&algorithm=SHA512".into(), "err:UnsupportedAlgorithm", "SHA-1"),
        ("otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&digits=8".into(), "err:UnsupportedDigits", "6-digit"),
        ("otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&period=45".into(), "err:UnsupportedPeriod", "30-second"),
        ("otpauth://totp/Acme?secret=JBSWY3DPEHPK3PXP&digits=six".into(), "err:MalformedUri", "Scan the QR code again"),
        ("otpauth://totp/Acme?issuer=Acme".into(), "err:MissingSecret", "Scan the QR code again"),
        ("otpauth://totp/Acme?secret=".into(), "err:MissingSecret", "Scan the QR code again"),
        ("otpauth://totp/Acme?secret=JBSW0Y3DPEHPK3PXP".into(), "err:InvalidBase32", "look-alikes"),
        ("otpauth://steam/Acme?secret=JBSWY3DPEHPK3PXP".into(), "err:MalformedUri", "Scan the QR code again"),
        (format!("otpauth://totp/Acme?secret={}", b32(&long64)), "err:SecretTooLong", "20 or 32 bytes"),
        (b32(&long64), "err:SecretTooLong", "20 or 32 bytes"),
        ("JBSWY3DPEHPK3PX0".into(), "err:InvalidBase32", "look-alikes"),
        ("JBSWY3DPEHPK3PX".into(), "ok:Base32:9", ""),
        ("JBS".into(), "err:TruncatedBase32", "character by character"),
        ("0xabc".into(), "err:InvalidHex", "hex key again"),
        ("====".into(), "err:SecretEmpty", "full secret key"),
        ("otpauth-migration://offline?data=!!!".into(), "err:MalformedMigration", "Export the account again"),
        ("otpauth-migration://offline".into(), "err:MalformedMigration", "Export the account again"),
        ("otpauth-migration://offline?data=%2F%2F%2F%2F".into(), "err:MalformedMigration", "Export the account again"),
        (migration(vec![]), "err:EmptyMigration", "export it"),
        ("hello, world!".into(), "err:Unrecognised", "paste the secret key"),
        ("<html><body>".into(), "err:Unrecognised", "paste the secret key"),
    ]
}

#[test]
fn catalogue() {
    // Matches English words, whatever the machine's locale.
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
    let rows = rows();
    assert!(rows.len() >= 40, "the table has {} rows", rows.len());
    let mut failures = Vec::new();
    for (input, want, keyword) in &rows {
        let r = read(input);
        let got = kind(&r);
        if &got != want {
            failures.push(format!("{input:?}: expected {want}, got {got}"));
            continue;
        }
        if let Err(e) = &r {
            let x = explain::not_a_secret(e);
            if x.next_step.trim().is_empty() || !x.next_step.contains(keyword) {
                failures.push(format!(
                    "{input:?}: next step {:?} lacks {keyword:?}",
                    x.next_step
                ));
            }
            let text = format!("{} {}", x.problem, x.next_step);
            let serial_like = matches!(
                e,
                NotASecret::TokenSerial { .. } | NotASecret::PlainNumber { .. }
            );
            if input.trim().len() >= 12 && !serial_like && text.contains(input.trim()) {
                failures.push(format!("{input:?}: message repeats the input"));
            }
            if format!("{e}").contains("JBSWY3DPEHPK3PX") {
                failures.push(format!("{input:?}: error text contains the secret"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn uri_details_are_kept() {
    let Ok(Candidate::Single(i)) = read(
        "otpauth://totp/Contoso:alice%40contoso.com?secret=JBSWY3DPEHPK3PXP&issuer=Contoso%20Ltd",
    ) else {
        panic!("not read")
    };
    assert_eq!(i.issuer.as_deref(), Some("Contoso Ltd"));
    assert_eq!(i.account.as_deref(), Some("alice@contoso.com"));
    assert_eq!(i.algorithm, None);
    assert_eq!(i.source, SourceKind::OtpauthUri);
    let Ok(Candidate::Single(i)) = read(&format!(
        "otpauth://totp/bob?secret={}&algorithm=sha256&period=60&issuer=Acme",
        b32(b"12345678901234567890")
    )) else {
        panic!("not read")
    };
    assert_eq!(i.algorithm, Some(HmacAlgorithm::Sha256));
    assert_eq!(i.period, Some(TimeStep::Seconds60));
    assert_eq!(i.issuer.as_deref(), Some("Acme"));
    assert_eq!(i.account.as_deref(), Some("bob"));
    assert_eq!(i.secret.bytes(), b"12345678901234567890");
}

#[test]
fn short_secrets_warn() {
    let Ok(Candidate::Single(i)) = read("MZXW6===") else {
        panic!()
    };
    assert_eq!(i.warnings, vec![Warning::ShortSecret { bytes: 3 }]);
    assert!(explain::warning(&i.warnings[0]).contains("16"));
    let Ok(Candidate::Single(i)) = read("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") else {
        panic!()
    };
    assert!(i.warnings.is_empty());
}

#[test]
fn migration_accounts_can_be_chosen() {
    let uri = migration(vec![
        account(b"12345678901234567890", "Contoso:alice", "", 1, 1, 2),
        account(b"abcdefghijabcdefghij", "counter", "Old", 1, 1, 1),
        account(&[9; 32], "bob", "Fabrikam", 2, 1, 2),
    ]);
    let Ok(Candidate::Migration(batch)) = read(&uri) else {
        panic!()
    };
    assert_eq!(batch.usable_count(), 2);
    assert!(batch.only_usable().is_none());
    let first = batch.choose(0).unwrap().unwrap();
    assert_eq!(first.issuer.as_deref(), Some("Contoso"));
    assert_eq!(first.account.as_deref(), Some("alice"));
    assert_eq!(first.secret.bytes(), b"12345678901234567890");
    assert_eq!(batch.choose(1).unwrap().unwrap_err(), NotASecret::Hotp);
    let third = batch.choose(2).unwrap().unwrap();
    assert_eq!(third.algorithm, Some(HmacAlgorithm::Sha256));
    assert!(batch.choose(3).is_none());
    // Debug output of the whole batch never shows a secret.
    let dbg = format!("{batch:?}");
    assert!(
        !dbg.contains("49, 50, 51") && dbg.contains("redacted"),
        "{dbg}"
    );
}

#[test]
fn migration_with_raw_plus_signs_in_base64() {
    // Some QR generators leave '+' unescaped in the data parameter.
    let uri = migration(vec![account(&[0xfb; 20], "p", "P", 1, 1, 2)]);
    let raw = uri
        .replace("%2B", "+")
        .replace("%2F", "/")
        .replace("%3D", "=");
    let Ok(Candidate::Migration(batch)) = read(&raw) else {
        panic!("{raw}")
    };
    assert_eq!(
        batch.choose(0).unwrap().unwrap().secret.bytes(),
        &[0xfb; 20]
    );
}

/// Texts that try to slip a secret past the redaction, and how the redacted
/// text must begin (so that hiding everything does not pass either).
fn redaction_rows() -> Vec<(String, &'static str)> {
    let key = "JBSWY3DPEHPK3PXP";
    let export = migration(vec![account(b"12345678901234567890", "a", "A", 1, 1, 2)]);
    let data = export.split("data=").nth(1).unwrap().to_string();
    vec![
        // Parsed: shown with the secret hidden.
        (
            format!("otpauth://totp/A:b?secret={key}"),
            "otpauth://totp/A:b?secret=<hidden>",
        ),
        (
            format!("otpauth://totp/A:b?%73ecret={key}"),
            "otpauth://totp/A:b?%73ecret=<hidden>",
        ),
        (
            format!("otpauth://totp/A:b?%53%45%43%52%45%54={key}"),
            "otpauth://totp/A:b?%53%45%43%52%45%54=<hidden>",
        ),
        (
            format!("otpauth://totp/A:b?issuer=A&SeCreT={key}"),
            "otpauth://totp/A:b?issuer=A&SeCreT=<hidden>",
        ),
        (
            format!("otpauth://totp/A:b?secret={}", key.to_lowercase()),
            "otpauth://totp/A:b?secret=<hidden>",
        ),
        (
            "otpauth://totp/A:b?secret=JBSW%59%33DPEHPK3PXP".into(),
            "otpauth://totp/A:b?secret=<hidden>",
        ),
        (
            "otpauth://totp/A:b?secret=JBSW+Y3DP+EHPK+3PXP".into(),
            "otpauth://totp/A:b?secret=<hidden>",
        ),
        (
            format!("otpauth://totp/A:b?sec\nret={key}"),
            "otpauth://totp/A:b?sec\nret=<hidden>",
        ),
        (
            format!("otpauth://totp/A:b?secret=AAAA&%73ecret={key}"),
            "otpauth://totp/A:b?secret=<hidden>&%73ecret=<hidden>",
        ),
        (
            format!("otpauth://totp/A:b?issuer=A;secret={key}"),
            "<not shown>",
        ),
        (format!("otpauth://totp/{key}?secret={key}"), "<hidden>"),
        (
            format!("otpauth://totp/A:b?issuer={key}&secret={key}"),
            "<hidden>",
        ),
        (export.clone(), "otpauth-migration://offline?data=<hidden>"),
        (
            export.replace("data=", "%64ata="),
            "otpauth-migration://offline?%64ata=<hidden>",
        ),
        (
            export.replace("data=", "x=1&data="),
            "otpauth-migration://offline?x=<hidden>&data=<hidden>",
        ),
        (key.into(), "<hidden>"),
        ("48656c6c6f21deadbeef".into(), "<hidden>"),
        // Not parsed: never echoed.
        ("JBSWY3DPEHPK3PX0".into(), "<not shown>"),
        ("JBSWY3DPEHPK3PXPJ".into(), "<not shown>"),
        (
            format!("{{\"entries\":[{{\"secret\":\"{key}\"}}]}}"),
            "<not shown>",
        ),
        (format!("otpauth://totp/A%3Fsecret={key}"), "<not shown>"),
        (
            format!("otpauth://totp/A:b?%73ecret={key}&digits=8"),
            "<not shown>",
        ),
        (
            format!("otpauth://hotp/A:b?secret={key}&counter=1"),
            "<not shown>",
        ),
        (
            format!("https://example.com/enrol?key={key}"),
            "<not shown>",
        ),
        (
            format!("otpauth-migration://offline?DATA={data}"),
            "<not shown>",
        ),
        (
            format!(
                "otpauth-migration://offline?data={}",
                &data[..data.len() / 2]
            ),
            "<not shown>",
        ),
    ]
}

#[test]
fn redaction_cannot_be_bypassed() {
    let key = "JBSWY3DPEHPK3PXP";
    let export_b32 = b32(b"12345678901234567890");
    let rows = redaction_rows();
    let mut failures = Vec::new();
    for (input, want_start) in &rows {
        let shown = redact(input);
        if !shown.starts_with(want_start) {
            failures.push(format!(
                "{input:?}: shown as {shown:?}, expected {want_start:?}..."
            ));
        }
        // The key in any case or spacing, hex of its bytes, or the export's data.
        let compact: String = shown
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase();
        for needle in [
            key,
            "JBSWY3DPEHPK3P",
            "48656C6C6F21DEADBEEF",
            &export_b32,
            "3132333435363738",
        ] {
            if compact.contains(needle) {
                failures.push(format!("{input:?}: {shown:?} shows {needle}"));
            }
        }
        if let Some(data) = input.split("ata=").nth(1)
            && data.len() >= 12
            && shown.contains(&data[..12])
        {
            failures.push(format!("{input:?}: {shown:?} shows the export data"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,200}") {
        let _ = read(&s);
    }

    #[test]
    fn never_panics_on_uri_like_text(
        prefix in prop::sample::select(vec!["otpauth://totp/", "otpauth://totp/a?secret=", "otpauth://", "otpauth-migration://offline?data=", "phonefactor://", "FIDO:/", "0x", "https://"]),
        rest in "[ -~]{0,120}",
    ) {
        let _ = read(&format!("{prefix}{rest}"));
    }

    #[test]
    fn never_panics_on_any_export_payload(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(&bytes);
        let escaped: String = url::form_urlencoded::byte_serialize(data.as_bytes()).collect();
        let _ = read(&format!("otpauth-migration://offline?data={escaped}"));
    }

    #[test]
    fn base32_round_trips(bytes in prop::collection::vec(any::<u8>(), 1..=63)) {
        let text = b32(&bytes).to_lowercase();
        match read(&text) {
            Ok(Candidate::Single(i)) => prop_assert_eq!(i.secret.bytes(), &bytes[..]),
            // Base32 of only the digits 2-7 reads as a number (or hex).
            Err(NotASecret::PlainNumber { .. }) | Err(NotASecret::TokenSerial { .. }) => {}
            other => prop_assert!(false, "{:?}", other.map(|_| ())),
        }
    }
}
