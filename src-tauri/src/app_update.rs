//! The app's own updates (tauri-plugin-updater): signed bundles listed in
//! the release's `latest.json`, checked only when the user asks (the menu's
//! "Check for App Updates…"). The public key and the endpoint are in
//! `tauri.conf.json`; the release steps in `docs/releasing.md`.

use serde::Serialize;
use tauri::{Manager, Runtime};
use tauri_plugin_updater::UpdaterExt;

use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Serialize)]
pub struct AppUpdate {
    pub version: String,
    pub current_version: String,
    pub date: Option<String>,
    pub notes: Option<String>,
}

fn failed(e: impl std::fmt::Display) -> AppError {
    AppError::Channel(format!("The app update could not be checked: {e}. Nothing was changed."))
}

/// The newer release on offer, or null when this is the newest.
#[tauri::command]
pub async fn check_app_update<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<AppUpdate>> {
    let update = app.updater().map_err(failed)?.check().await.map_err(failed)?;
    Ok(update.map(|u| AppUpdate {
        version: u.version.clone(),
        current_version: u.current_version.clone(),
        date: u.date.map(|d| d.to_string()),
        notes: u.body.clone(),
    }))
}

/// Downloads the release the user was shown (`version`; its signature
/// checked by the plugin against the configured key), installs it, and
/// restarts the app. If the newest release is no longer that one, nothing
/// is installed and the user is asked to check again.
#[tauri::command]
pub async fn install_app_update<R: Runtime>(app: tauri::AppHandle<R>, version: String) -> AppResult<()> {
    let update = app.updater().map_err(failed)?.check().await.map_err(failed)?;
    let update = update.ok_or_else(|| AppError::Channel("This is the newest release; nothing to install.".into()))?;
    if update.version != version {
        return Err(AppError::Channel(format!(
            "The newest release is now {}, not the {} you were shown: check again. Nothing was changed.",
            update.version,
            version.chars().take(40).collect::<String>()
        )));
    }
    update
        .download_and_install(|_, _| {}, || {})
        .await
        .map_err(|e| AppError::Channel(format!("The app update was not installed: {e}. The installed app is unchanged.")))?;
    if let Some(lock) = app.try_state::<crate::DataFolderLock>() {
        lock.release();
    }
    app.restart()
}
