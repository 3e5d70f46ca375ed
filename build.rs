//! Build script: the Windows executables get the app's icon
//! (assets/totp-burner.ico) and a version resource (Explorer's
//! Properties > Details, the installer's file versions). Other targets:
//! nothing to do.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/totp-burner.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/totp-burner.ico")
        .set("ProductName", "TOTP Burner")
        .set(
            "FileDescription",
            "TOTP Burner: burns TOTP secrets into Token2 hardware tokens",
        )
        .set("CompanyName", "TOTP Burner contributors")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(e) = res.compile() {
        // Without the resource the exe has no icon and no version: fail
        // loudly rather than ship that.
        panic!(
            "could not compile the Windows resource (icon, version): {e}; \
             the mingw resource compiler x86_64-w64-mingw32-windres is in Debian's binutils-mingw-w64-x86-64"
        );
    }
}
