//! Files that hold secrets or their traces (the records, exports) are
//! created readable by their owner only from the start, never through a
//! symbolic link. On Windows the per-user folder's permissions apply.

use std::path::Path;

/// Create `path` readable by its owner only, refusing a symbolic link; an
/// existing regular file is left as it is. On Windows the per-user data
/// folder's permissions apply (it is private to the user by default).
pub fn create_private_file(path: &Path) -> Result<(), std::io::Error> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path).map(drop)
}

/// Create a folder (and its parents) readable by its owner only.
pub fn create_private_dir(dir: &Path) -> Result<(), std::io::Error> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}
