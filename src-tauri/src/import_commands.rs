//! Thin commands for importing: a file by path, a file picked in the native
//! dialog, bytes dropped on the window; the library (list, remove, undo);
//! the data pack export. The work runs on a blocking thread so that a large
//! file never stalls the window.

use atlas_domain::time::ZoneName;
use atlas_domain::DomainError;
use atlas_import::library::{ImportSummary, PackOptions, PackSignature, SessionChange};
use atlas_import::pack::PackMode;
use atlas_import::ImportOptions;
use serde::Serialize;
use tauri::{Manager, Runtime, State};

use crate::error::AppResult;
use crate::library::{LibraryState, LibraryView};
use crate::state::AtlasState;
use crate::user::UserState;

#[derive(Debug, Clone, Serialize)]
pub struct ImportResult {
    pub file_name: String,
    /// Where the file was read from (not for dropped files): lets the page
    /// import it again in another zone.
    pub source_path: Option<String>,
    pub summary: ImportSummary,
    /// Changes to sessions the user starred: moved, cancelled or new.
    pub starred_changes: Vec<SessionChange>,
    pub library: LibraryView,
}

fn options(zone: Option<String>) -> AppResult<ImportOptions> {
    let zone = match zone.filter(|z| !z.trim().is_empty()) {
        Some(z) => Some(ZoneName::parse(&z).map_err(DomainError::from)?),
        None => None,
    };
    Ok(ImportOptions { zone })
}

fn pack_mode(mode: Option<String>) -> AppResult<PackMode> {
    match mode.as_deref() {
        None | Some("extend") => Ok(PackMode::Extend),
        Some("replace") => Ok(PackMode::Replace),
        Some(_) => Err(DomainError::invalid("pack mode", "expected \"extend\" or \"replace\"").into()),
    }
}

/// Runs one import on a blocking thread and reports it with the starred
/// changes. `signed`: what vouched for a pack (the channel, or a file's
/// `.minisig`); `None` for schedules and unsigned packs.
pub(crate) async fn run_import<R: Runtime>(
    app: &tauri::AppHandle<R>,
    bytes: Vec<u8>,
    file_name: String,
    source_path: Option<String>,
    options: ImportOptions,
    mode: PackMode,
    signed: Option<PackSignature>,
) -> AppResult<ImportResult> {
    let handle = app.clone();
    let name = file_name.clone();
    let summary = crate::blocking::run("the import", move || {
        let atlas = handle.state::<AtlasState>();
        let library = handle.state::<LibraryState>();
        library.import(&atlas, &bytes, &name, &options, PackOptions { mode, signed })
    })
    .await?;
    let starred: std::collections::HashSet<String> =
        app.try_state::<UserState>().map(|u| u.snapshot().starred.into_iter().map(|r| r.id).collect()).unwrap_or_default();
    let starred_changes = summary.changes.iter().filter(|c| starred.contains(&c.id)).cloned().collect();
    Ok(ImportResult { file_name, source_path, summary, starred_changes, library: app.state::<LibraryState>().view() })
}

/// The file's bytes, name and (for a signed pack) what its `.minisig` vouches for.
fn read_path<R: Runtime>(app: &tauri::AppHandle<R>, path: &std::path::Path) -> AppResult<(Vec<u8>, String, Option<PackSignature>)> {
    let bytes = atlas_import::read_limited(path)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
    let signed = crate::channel::file_signature(app, path, &bytes)?;
    Ok((bytes, name, signed))
}

/// Imports the file at `path`.
#[tauri::command]
pub async fn import_file<R: Runtime>(
    app: tauri::AppHandle<R>,
    path: String,
    zone: Option<String>,
    pack_mode: Option<String>,
) -> AppResult<ImportResult> {
    let (options, mode) = (options(zone)?, self::pack_mode(pack_mode)?);
    let (read_from, handle) = (path.clone(), app.clone());
    let (bytes, name, signed) =
        crate::blocking::run("reading the file", move || read_path(&handle, std::path::Path::new(&read_from))).await?;
    run_import(&app, bytes, name, Some(path), options, mode, signed).await
}

/// Asks for a file in the native dialog, then imports it; null when the
/// user cancels. `MINERALS_ATLAS_OPEN_PATH` replaces the dialog for
/// automated runs.
#[tauri::command]
pub async fn import_from_dialog<R: Runtime>(
    app: tauri::AppHandle<R>,
    zone: Option<String>,
    pack_mode: Option<String>,
) -> AppResult<Option<ImportResult>> {
    let (options, mode) = (options(zone)?, self::pack_mode(pack_mode)?);
    let handle = app.clone();
    let chosen = crate::blocking::run("the file dialog", move || {
        let filter = ("Schedules and data packs", &["xml", "json", "ics", "ical"][..]);
        let Some(path) = crate::dialogs::open_path(&handle, "Import a schedule or data pack", filter) else { return Ok(None) };
        read_path(&handle, &path).map(|(bytes, name, signed)| Some((bytes, name, path, signed)))
    })
    .await?;
    let Some((bytes, name, path, signed)) = chosen else { return Ok(None) };
    run_import(&app, bytes, name, Some(path.display().to_string()), options, mode, signed).await.map(Some)
}

/// Imports a file dropped on the window: the raw bytes as the request body,
/// the file name (URI-encoded), zone and pack mode as headers.
#[tauri::command]
pub async fn import_bytes<R: Runtime>(app: tauri::AppHandle<R>, request: tauri::ipc::Request<'_>) -> AppResult<ImportResult> {
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).map(percent_decode);
    let bytes = match request.body() {
        tauri::ipc::InvokeBody::Raw(bytes) => bytes.clone(),
        tauri::ipc::InvokeBody::Json(_) => return Err(DomainError::invalid("request", "send the file's bytes as the request body").into()),
    };
    if bytes.len() as u64 > atlas_import::MAX_INPUT_BYTES {
        return Err(atlas_import::ImportError::TooLarge { bytes: bytes.len() as u64, limit: atlas_import::MAX_INPUT_BYTES }.into());
    }
    let name: String = header("x-file-name").unwrap_or_else(|| "dropped file".into()).chars().take(200).collect();
    let (options, mode) = (options(header("x-zone"))?, pack_mode(header("x-pack-mode"))?);
    // A dropped file has no path the app may read again, nor a signature beside it: a pack dropped is unverified.
    run_import(&app, bytes, name, None, options, mode, None).await
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tauri::command]
pub async fn get_library(library: State<'_, LibraryState>) -> AppResult<LibraryView> {
    Ok(library.view())
}

#[tauri::command]
pub async fn remove_schedule<R: Runtime>(app: tauri::AppHandle<R>, key: String) -> AppResult<LibraryView> {
    change_library(app, "remove", move |l| l.without_schedule(&key)).await
}

#[tauri::command]
pub async fn remove_pack<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<LibraryView> {
    change_library(app, "remove", |l| l.without_pack()).await
}

#[tauri::command]
pub async fn undo_import<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<LibraryView> {
    change_library(app, "undo", |l| l.undone()).await
}

/// A change to the library rebuilds the whole atlas: on the blocking pool.
async fn change_library<R: Runtime>(
    app: tauri::AppHandle<R>,
    what: &'static str,
    change: impl FnOnce(&atlas_import::library::Library) -> Option<atlas_import::library::Library> + Send + 'static,
) -> AppResult<LibraryView> {
    crate::blocking::run("the change", move || app.state::<LibraryState>().change(&app.state::<AtlasState>(), what, change)).await
}

/// Writes the data the app shows now (imports included) as a data pack
/// where the user chooses; null when the user cancels.
#[tauri::command]
pub async fn export_pack<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<String>> {
    crate::blocking::run("the export", move || {
        let filter = ("Minerals Atlas data pack", &["json"][..]);
        let Some(path) = crate::dialogs::save_path(&app, "Export a data pack", "minerals-atlas-pack.json", filter) else {
            return Ok(None);
        };
        let text = atlas_import::pack::export(app.state::<AtlasState>().get().dataset())?;
        crate::export::write(&path, text.as_bytes())?;
        Ok(Some(path.display().to_string()))
    })
    .await
}
