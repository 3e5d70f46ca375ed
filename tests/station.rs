//! Station records, vault and exports without hardware: the store is
//! append-only, kept secrets are encrypted (and only then stored), the
//! exports have exact bytes, and Entra refuses SHA-256 batches.

use age::secrecy::SecretString;
use totp_burner::secret::Secret;
use totp_burner::station::export::{self, EntraRow};
use totp_burner::station::records::testing;
use totp_burner::station::records::{HeldState, NewRecord, Outcome, Store};
use totp_burner::station::vault::{OpenVault, Vault, VaultError};

fn temp_db(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("totp-burner-station-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("records.sqlite")
}

fn burn_record(serial: &str, upn: Option<&str>, alg: &str) -> NewRecord {
    NewRecord {
        reader: "Virtual PCD 00 00".into(),
        serial: Some(serial.into()),
        model: Some("OTPC-P2-i".into()),
        operation: totp_burner::station::records::Operation::Burn,
        algorithm: Some(alg.into()),
        period: Some(30),
        display_timeout: Some(30),
        outcome: Outcome::Ok,
        op_id: Some(format!("op-{serial}")),
        batch: Some("b1".into()),
        upn: upn.map(str::to_string),
        ..Default::default()
    }
}

#[test]
fn records_are_append_only_and_listed() {
    // Matches English words, whatever the machine's locale.
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
    let path = temp_db("append");
    let store = Store::open(&path, Some("desk-1")).unwrap();
    store
        .add(&burn_record("86596220000001", None, "sha1"))
        .unwrap();
    let mut failed = burn_record("86596220000002", None, "sha1");
    failed.outcome = Outcome::Failed;
    failed.error_code = Some("token-removed".into());
    failed.token_state = Some(HeldState::SeedMaybeWritten);
    store.add(&failed).unwrap();
    store.add_key("age1recipient", b"wrapped").unwrap();
    assert!(
        testing::try_tamper(&store),
        "UPDATE and DELETE must be refused"
    );
    let all = store.list(None).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].station, "desk-1");
    assert_eq!(
        all[1].outcome,
        totp_burner::station::records::Status::Failed
    );
    let last = store.last_for_serial("86596220000002").unwrap().unwrap();
    assert_eq!(last.error_code.as_deref(), Some("token-removed"));
    assert!(last.token_in_doubt());
    assert!(
        totp_burner::explain::record_outcome(&last).contains("left the reader"),
        "{}",
        totp_burner::explain::record_outcome(&last)
    );
    assert!(store.last_for_serial("1").unwrap().is_none());
    let csv = export::records_csv(&all);
    assert!(csv.starts_with("time,operator,station,reader,serial,model,operation,algorithm,period,display_timeout,outcome,error,batch,upn,error_code,token_state,list_row,flags,code_check\n"));
    assert_eq!(csv.lines().count(), 3);
}

#[test]
fn kept_secrets_are_encrypted_and_export_exactly() {
    let path = temp_db("vault");
    let store = Store::open(&path, None).unwrap();
    let pass = SecretString::from("correct horse".to_string());
    let vault = Vault::unlock_or_create(&store, &pass).unwrap();
    let secrets = [
        b"12345678901234567890".to_vec(),
        b"abcdefghijabcdefghij".to_vec(),
    ];
    for (i, s) in secrets.iter().enumerate() {
        let (enc, key) = vault.seal(s).unwrap();
        let mut r = burn_record(
            &format!("8659622000000{i}"),
            Some(&format!("user{i}@contoso.com")),
            "sha1",
        );
        r.secret_enc = Some(enc);
        r.key_id = Some(key);
        store.add(&r).unwrap();
    }
    // The database file holds no raw, hex or Base32 form of the secrets.
    let bytes = std::fs::read(&path).unwrap();
    for s in &secrets {
        let b32 = Secret::new(s.clone()).to_base32();
        let hex: String = s.iter().map(|b| format!("{b:02x}")).collect();
        for form in [s.as_slice(), b32.as_bytes(), hex.as_bytes()] {
            assert!(
                !bytes.windows(form.len()).any(|w| w == form),
                "a secret form is in the database"
            );
        }
    }
    // A second session with the same passphrase reuses the key.
    assert!(Vault::unlock_or_create(&store, &pass).is_ok());
    assert!(matches!(
        Vault::unlock_or_create(&store, &SecretString::from("wrong".to_string())),
        Err(VaultError::WrongPassphrase)
    ));
    assert!(matches!(
        OpenVault::open(&store, &SecretString::from("wrong".to_string())),
        Err(VaultError::WrongPassphrase)
    ));

    let open = OpenVault::open(&store, &pass).unwrap();
    let kept = store.kept_secrets(Some("b1")).unwrap();
    assert_eq!(kept.len(), 2);
    let b32: Vec<_> = kept
        .iter()
        .map(|(_, blob, key)| Secret::from_zeroizing(open.unseal(*key, blob).unwrap()).to_base32())
        .collect();
    let rows: Vec<EntraRow<'_>> = kept
        .iter()
        .zip(&b32)
        .map(|((r, _, _), s)| EntraRow {
            record: r,
            upn: r.upn.as_deref().unwrap_or(""),
            secret_base32: s,
        })
        .collect();
    let csv = export::entra_csv(&rows).unwrap();
    assert_eq!(
        csv.as_str(),
        "upn,serial number,secret key,time interval,manufacturer,model\n\
         user0@contoso.com,86596220000000,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Token2,OTPC-P2-i\n\
         user1@contoso.com,86596220000001,MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK,30,Token2,OTPC-P2-i\n"
    );
    let out = path.with_file_name("entra.csv");
    export::write_private(&out, csv.as_bytes()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn entra_refuses_sha256() {
    let path = temp_db("sha256");
    let store = Store::open(&path, None).unwrap();
    store
        .add(&burn_record("86596220000009", None, "sha256"))
        .unwrap();
    let r = store.list(None).unwrap().remove(0);
    let e = export::entra_csv(&[EntraRow {
        record: &r,
        upn: "u@contoso.com",
        secret_base32: "JBSWY3DPEHPK3PXP",
    }])
    .unwrap_err();
    assert!(e.to_string().contains("SHA-1"), "{e}");
    assert!(export::entra_csv(&[]).is_err());
}

/// A store with two kept SHA-1 secrets in batch b1 and one in batch b2.
fn kept_store(name: &str, pass: &SecretString) -> (std::path::PathBuf, Store) {
    let path = temp_db(name);
    let store = Store::open(&path, None).unwrap();
    let vault = Vault::unlock_or_create(&store, pass).unwrap();
    for (i, batch) in [(0, "b1"), (1, "b1"), (2, "b2")] {
        let (enc, key) = vault
            .seal(format!("secret-{i}-abcdefghij").as_bytes())
            .unwrap();
        let mut r = burn_record(
            &format!("8659622000010{i}"),
            Some(&format!("user{i}@contoso.com")),
            "sha1",
        );
        r.batch = Some(batch.into());
        r.secret_enc = Some(enc);
        r.key_id = Some(key);
        store.add(&r).unwrap();
    }
    (path, store)
}

#[test]
fn export_entra_writes_what_entra_csv_gives_for_the_batch() {
    let pass = SecretString::from("correct horse".to_string());
    let (path, store) = kept_store("export-entra", &pass);
    assert_eq!(export::entra_count(&store, None, false).unwrap(), (3, 0));
    assert_eq!(
        export::entra_count(&store, Some("b1"), false).unwrap(),
        (2, 0)
    );
    for batch in [Some("b1"), None] {
        let out = path.with_file_name(format!("entra-{}.csv", batch.unwrap_or("all")));
        let n = export::export_entra(&store, &pass, batch, &out, None, false).unwrap();
        // What the pieces give by hand.
        let open = OpenVault::open(&store, &pass).unwrap();
        let kept = store.kept_secrets(batch).unwrap();
        let b32: Vec<_> = kept
            .iter()
            .map(|(_, blob, key)| {
                Secret::from_zeroizing(open.unseal(*key, blob).unwrap()).to_base32()
            })
            .collect();
        let rows: Vec<EntraRow<'_>> = kept
            .iter()
            .zip(&b32)
            .map(|((r, _, _), s)| EntraRow {
                record: r,
                upn: r.upn.as_deref().unwrap_or(""),
                secret_base32: s,
            })
            .collect();
        let want = export::entra_csv(&rows).unwrap();
        assert_eq!(n.written, kept.len());
        assert!(n.unassigned.is_empty());
        let want_batches: Vec<String> = match batch {
            Some(b) => vec![b.into()],
            None => vec!["b1".into(), "b2".into()],
        };
        assert_eq!(n.batches, want_batches);
        assert_eq!(std::fs::read(&out).unwrap(), want.as_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }
    let b1 = std::fs::read_to_string(path.with_file_name("entra-b1.csv")).unwrap();
    assert_eq!(b1.lines().count(), 3, "header and the two tokens of b1");
    assert!(
        !b1.contains("86596220000102"),
        "b2's token is not in b1's file"
    );
}

#[test]
fn export_entra_errors_are_typed_and_write_nothing() {
    // Matches English words, whatever the machine's locale.
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
    let pass = SecretString::from("correct horse".to_string());
    let (path, store) = kept_store("export-errors", &pass);
    let out = path.with_file_name("never.csv");
    let wrong = SecretString::from("battery staple".to_string());
    assert!(matches!(
        export::export_entra(&store, &wrong, None, &out, None, false),
        Err(export::ExportError::WrongPassphrase)
    ));
    assert!(matches!(
        export::export_entra(&store, &pass, Some("no-such-batch"), &out, None, false),
        Err(export::ExportError::Nothing)
    ));
    assert!(matches!(
        export::entra_count(&store, Some("no-such-batch"), false),
        Err(export::ExportError::Nothing)
    ));
    // A SHA-256 token with a kept secret: refused, nothing written.
    let vault = Vault::unlock_or_create(&store, &pass).unwrap();
    let (enc, key) = vault.seal(b"sha256-secret-bytes-0123456789ab").unwrap();
    let mut r = burn_record("86596220000199", Some("u199@contoso.com"), "sha256");
    r.batch = Some("b3".into());
    r.secret_enc = Some(enc);
    r.key_id = Some(key);
    store.add(&r).unwrap();
    assert!(matches!(
        export::export_entra(&store, &pass, Some("b3"), &out, None, false),
        Err(export::ExportError::Sha256 { .. })
    ));
    assert!(!out.exists(), "no file after a refused export");
    // An unwritable place.
    let dir_as_file = path.with_file_name("a-folder");
    std::fs::create_dir_all(&dir_as_file).unwrap();
    assert!(matches!(
        export::export_entra(&store, &pass, Some("b1"), &dir_as_file, None, false),
        Err(export::ExportError::Write { .. })
    ));
    // Each has words and a next step.
    let x = totp_burner::explain::export_error(&export::ExportError::Nothing, "--keep-secrets");
    assert!(x.next_step.contains("--keep-secrets"));
    let x = totp_burner::explain::export_error(&export::ExportError::WrongPassphrase, "x");
    assert!(x.problem.contains("passphrase"), "{}", x.problem);
}

#[test]
fn export_records_writes_every_record_as_records_csv() {
    // Matches English words, whatever the machine's locale.
    totp_burner::i18n::set_language(totp_burner::i18n::Lang::En);
    let pass = SecretString::from("correct horse".to_string());
    let (path, store) = kept_store("export-records", &pass);
    store
        .add(&NewRecord {
            reader: "r".into(),
            serial: Some("86596220000177".into()),
            op_id: Some("never-finished".into()),
            ..Default::default()
        })
        .unwrap();
    let out = path.with_file_name("records.csv");
    let n = export::export_records(&store, &out).unwrap();
    let list = store.list(None).unwrap();
    assert_eq!(n, 4);
    assert_eq!(n, list.len());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text, export::records_csv(&list));
    assert!(text.contains("interrupted"));
    assert!(
        !text.contains("secret-0"),
        "the records export holds no secret"
    );
    assert!(matches!(
        export::export_records(&store, &path.with_file_name("missing-dir").join("x.csv")),
        Err(export::ExportError::Write { .. })
    ));
}
