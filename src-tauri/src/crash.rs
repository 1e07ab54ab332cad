//! A crash is never silent: a panic writes a report into the data folder
//! (message, place, backtrace, version) and says so on stderr; the next start
//! tells the user where the report is. Release builds carry no symbol names
//! (see Cargo.toml), so there the backtrace is frames only; the message and
//! the place (file:line) come from the panic itself and are always there.

use std::io::Write;
use std::path::{Path, PathBuf};

const PREFIX: &str = "crash-report-";
const SEEN_SUFFIX: &str = ".seen";

/// Installs the hook. Keeps the previous hook (the default prints to stderr).
pub fn install(folder: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let written = write_report(&folder, &info.to_string());
        match &written {
            Ok(path) => eprintln!("minerals-atlas: a crash report was written to {}", path.display()),
            Err(e) => eprintln!("minerals-atlas: could not write a crash report in {}: {e}", folder.display()),
        }
        previous(info);
    }));
}

fn write_report(folder: &Path, what: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let path = folder.join(format!("{PREFIX}{stamp}-{}.txt", std::process::id()));
    let mut f = std::fs::File::create(&path)?;
    writeln!(f, "Minerals Atlas {} crashed.", env!("CARGO_PKG_VERSION"))?;
    writeln!(f, "{what}")?;
    writeln!(f, "thread: {}", std::thread::current().name().unwrap_or("unnamed"))?;
    writeln!(f, "\nbacktrace:\n{}", std::backtrace::Backtrace::force_capture())?;
    f.sync_all()?;
    Ok(path)
}

/// Reports not yet shown to the user; marks them shown.
pub fn take_unseen(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with(PREFIX) && name.ends_with(".txt") {
            let seen = e.path().with_file_name(format!("{name}{SEEN_SUFFIX}"));
            if std::fs::rename(e.path(), &seen).is_ok() {
                out.push(seen);
            }
        }
    }
    out.sort();
    out
}
