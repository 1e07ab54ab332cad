//! The native file dialogs, and their stand-ins for automated runs:
//! `MINERALS_ATLAS_SAVE_PATH` answers every save dialog and
//! `MINERALS_ATLAS_OPEN_PATH` every open dialog. `None` means the user
//! cancelled.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

pub fn save_path<R: Runtime>(app: &AppHandle<R>, title: &str, file_name: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MINERALS_ATLAS_SAVE_PATH") {
        return Some(PathBuf::from(p));
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
    if let Some(p) = std::env::var_os("MINERALS_ATLAS_OPEN_PATH") {
        return Some(PathBuf::from(p));
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .add_filter("All files", &["*"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}
