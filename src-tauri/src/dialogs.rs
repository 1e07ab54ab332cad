//! The native file dialogs, and their stand-ins for automated runs, which
//! cannot click a native dialog: `MINERALS_ATLAS_SAVE_PATH` answers every
//! save dialog and `MINERALS_ATLAS_OPEN_PATH` every open dialog (read once at
//! start, [`StandIns::from_env`]; tests set them per app). `None` means the
//! user cancelled. The dialogs block, so callers run them off the async
//! runtime's workers.

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Answers that replace the dialogs, when set.
#[derive(Debug, Default)]
pub struct StandIns {
    pub open: Mutex<Option<PathBuf>>,
    pub save: Mutex<Option<PathBuf>>,
}

impl StandIns {
    pub fn from_env() -> StandIns {
        let path = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        StandIns { open: Mutex::new(path("MINERALS_ATLAS_OPEN_PATH")), save: Mutex::new(path("MINERALS_ATLAS_SAVE_PATH")) }
    }
}

fn stand_in<R: Runtime>(app: &AppHandle<R>, which: impl Fn(&StandIns) -> &Mutex<Option<PathBuf>>) -> Option<PathBuf> {
    let stand_ins = app.try_state::<StandIns>()?;
    let answer = which(&stand_ins).lock().unwrap_or_else(|p| p.into_inner()).clone();
    answer
}

pub fn save_path<R: Runtime>(app: &AppHandle<R>, title: &str, file_name: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    if let Some(p) = stand_in(app, |s| &s.save) {
        return Some(p);
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

pub fn open_path<R: Runtime>(app: &AppHandle<R>, title: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    if let Some(p) = stand_in(app, |s| &s.open) {
        return Some(p);
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .add_filter("All files", &["*"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}
