//! Files on disk, safely: atomic writes (with or without a `.bak` of the
//! last state), reads of regular files only, within a size, moving an
//! unreadable file aside, and the data folder's lock.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that a crash at any moment leaves either the
/// old file or the new one: a temporary file beside it, fsync, a copy of the
/// old file as `.bak` (for a person to restore by hand), rename, fsync of the
/// folder. Every file the app keeps goes through here.
///
/// Links are never followed when writing: the temporary files are created
/// new (a link planted in their place makes the save fail, not write
/// elsewhere), and the `.bak` is renamed into place, which replaces a link
/// there instead of writing through it.
pub fn write_keeping_backup(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_replacing(path, bytes, true)
}

/// [`write_keeping_backup`] without the `.bak`: for files the user asked for
/// (exports), where a hidden copy beside them would be a surprise.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_replacing(path, bytes, false)
}

fn write_replacing(path: &Path, bytes: &[u8], keep_backup: bool) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    fs::create_dir_all(folder)?;
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if keep_backup && fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
            // The backup is best effort: a failure here must not stop the save.
            let _ = back_up(path, &path.with_file_name(format!("{name}.bak")));
        }
        fs::rename(&tmp, path)?;
        File::open(folder)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A file created for writing that did not exist before (a stale one of
/// ours is removed first; a link is removed, never followed).
fn create_new(path: &Path) -> std::io::Result<File> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// Copies `path` to `bak` through a new temporary file renamed into place.
fn back_up(path: &Path, bak: &Path) -> std::io::Result<()> {
    let name = bak.file_name().and_then(|n| n.to_str()).unwrap_or("data.bak");
    let tmp = bak.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let copied = (|| {
        let mut out = create_new(&tmp)?;
        std::io::copy(&mut File::open(path)?, &mut out)?;
        out.sync_all()?;
        fs::rename(&tmp, bak)
    })();
    if copied.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    copied
}

/// Reads `path` when it is a regular file of at most `limit` bytes. A FIFO,
/// device or folder in its place is refused before it could block a read
/// (`InvalidInput`), and a larger file is refused before it is read
/// (`FileTooLarge`); a file that grows while it is read is cut at the limit
/// and refused too.
pub fn read_regular_file(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let not_regular = || std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file");
    if !fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // If a FIFO took the file's place after the check, opening it does not wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let too_large = |bytes: u64| std::io::Error::new(std::io::ErrorKind::FileTooLarge, format!("{bytes} bytes, over the limit of {limit}"));
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit.saturating_add(1)), &mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(too_large(read));
    }
    Ok(bytes)
}

/// The app's hold on its data folder: one running app writes it. Held for
/// as long as the value lives (the operating system releases it when the
/// process ends, however it ends). This holds even where the single-instance
/// plugin cannot work (no D-Bus session bus).
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

/// The lock file inside the data folder.
pub const LOCK_FILE_NAME: &str = ".minerals-atlas.lock";

impl FolderLock {
    /// Takes the folder's lock, or says that another process holds it
    /// (`Ok(None)`). An error means the lock file cannot be made at all.
    pub fn try_acquire(folder: &Path) -> std::io::Result<Option<FolderLock>> {
        fs::create_dir_all(folder)?;
        let path = folder.join(LOCK_FILE_NAME);
        let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(FolderLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

/// Moves an unreadable file aside (never deletes it) and returns where it went.
pub fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let target = path.with_file_name(format!("{name}.unreadable-{stamp}"));
    fs::rename(path, &target)?;
    Ok(target)
}
