//! The packages agree with the crate: the Debian changelog's newest entry
//! and the AppStream release are this version, and the Debian package
//! ships every file its desktop entry and metainfo name. (The packages
//! themselves are built and installed by scripts/check_deb.sh and
//! scripts/check_msi.sh in `./dev.sh test`.)

const VERSION: &str = env!("CARGO_PKG_VERSION");
const CHANGELOG: &str = include_str!("../packaging/linux/changelog");
const METAINFO: &str =
    include_str!("../packaging/linux/io.github.totpburner.TotpBurner.metainfo.xml");
const MANIFEST: &str = include_str!("../Cargo.toml");
const WXS: &str = include_str!("../packaging/windows/totp-burner.wxs");

#[test]
fn the_debian_changelog_starts_with_this_version() {
    let first = CHANGELOG.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("totp-burner ({VERSION}-")),
        "bump packaging/linux/changelog to {VERSION}: {first}"
    );
}

#[test]
fn the_appstream_release_is_this_version() {
    let newest = METAINFO
        .split("<release ")
        .nth(1)
        .expect("a <release> in the metainfo");
    assert!(
        newest.starts_with(&format!("version=\"{VERSION}\"")),
        "add a <release version=\"{VERSION}\"> first in the metainfo: {newest}"
    );
}

#[test]
fn the_deb_ships_the_icon_under_the_app_id_in_every_size() {
    let id = totp_burner::APP_ID;
    for size in [16, 32, 48, 64, 128, 256] {
        let line = format!(
            "[\"assets/totp-burner-{size}.png\", \"usr/share/icons/hicolor/{size}x{size}/apps/{id}.png\", \"644\"]"
        );
        assert!(MANIFEST.contains(&line), "missing in Cargo.toml: {line}");
    }
    assert!(MANIFEST.contains(&format!("scalable/apps/{id}.svg")));
    assert!(MANIFEST.contains(&format!(
        "\"packaging/linux/{id}.desktop\", \"usr/share/applications/\""
    )));
    assert!(MANIFEST.contains(&format!(
        "\"packaging/linux/{id}.metainfo.xml\", \"usr/share/metainfo/\""
    )));
}

#[test]
fn the_msi_shortcut_starts_the_gui_program_and_the_cli_is_on_path() {
    assert!(WXS.contains("Source=\"$(var.BinDir)/totp-burner-gui.exe\""));
    assert!(WXS.contains("Source=\"$(var.BinDir)/totp-burner.exe\""));
    assert!(WXS.contains("<Shortcut"));
    assert!(WXS.contains("Target=\"[#GuiExe]\""));
    assert!(WXS.contains("Name=\"PATH\""));
    assert!(WXS.contains("InstallScope=\"perMachine\""));
}
