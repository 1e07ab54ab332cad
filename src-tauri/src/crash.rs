//! A crash is never silent: a panic writes a report into the data folder
//! (message, place, backtrace, version) and says so on stderr; the next start
//! tells the user where the report is. Release builds carry no symbol names
//! (see Cargo.toml), so there the backtrace is frames only; the message and
//! the place (file:line) come from the panic itself and are always there.

use std::io::Write;
use std::path::{Path, PathBuf};

const PREFIX: &str = "crash-report-";
const SEEN_SUFFIX: &str = ".seen";

thread_local! {
    /// Set while [`contain`] runs work whose panic is reported as an error.
    static CONTAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `work`, turning a panic inside it into `Err(message)`: the caller
/// reports it as that operation's error (an import that failed), and no
/// crash report is written, since the app did not crash. The data the work
/// was building is dropped; nothing stored has changed.
pub fn contain<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was = CONTAINED.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    CONTAINED.with(|c| c.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an internal error".to_string())
    })
}

/// Where reports go; the hook reads it at the moment of a panic.
static REPORT_FOLDER: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);
static HOOK: std::sync::Once = std::sync::Once::new();

/// Sends crash reports to `folder`. The hook is installed once per process
/// (an app built again, as tests do, only moves the folder) and keeps the
/// previous hook (the default prints to stderr).
pub fn install(folder: PathBuf) {
    *REPORT_FOLDER.lock().unwrap_or_else(|p| p.into_inner()) = Some(folder);
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CONTAINED.with(|c| c.get()) {
                eprintln!("minerals-atlas: contained: {info}");
                return;
            }
            let folder = REPORT_FOLDER.lock().map(|f| f.clone()).unwrap_or(None);
            if let Some(folder) = folder {
                match write_report(&folder, &info.to_string()) {
                    Ok(path) => eprintln!("minerals-atlas: a crash report was written to {}", path.display()),
                    Err(e) => eprintln!("minerals-atlas: could not write a crash report in {}: {e}", folder.display()),
                }
            }
            previous(info);
        }));
    });
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

/// Reports not yet shown to the user. They are marked shown only once the
/// page has received the notice ([`mark_seen`]): a crash during start-up
/// must not hide the report of the crash before it.
pub fn unseen(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(PREFIX) && name.ends_with(".txt")
        })
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// Marks reports as shown; returns where each one now is.
pub fn mark_seen(reports: &[PathBuf]) -> Vec<PathBuf> {
    reports
        .iter()
        .map(|report| {
            let mut seen = report.clone().into_os_string();
            seen.push(SEEN_SUFFIX);
            let seen = PathBuf::from(seen);
            if std::fs::rename(report, &seen).is_ok() {
                seen
            } else {
                report.clone()
            }
        })
        .collect()
}
