//! Thin Tauri commands: each hands its arguments to one `Atlas` query.
//! Async so that they run off the main thread and never block the window.

use atlas_domain::views::*;

use tauri::{Manager, State};

use crate::error::AppResult;
use crate::state::AtlasState;

#[tauri::command]
pub async fn list_countries(atlas: State<'_, AtlasState>) -> AppResult<Vec<CountrySummary>> {
    Ok(atlas.get().countries())
}

#[tauri::command]
pub async fn get_country(atlas: State<'_, AtlasState>, iso3: String) -> AppResult<CountryDetail> {
    Ok(atlas.get().country(&iso3)?)
}

/// Two countries side by side: both pages and their USGS figures table by table.
#[tauri::command]
pub async fn compare_countries(atlas: State<'_, AtlasState>, left: String, right: String) -> AppResult<Comparison> {
    Ok(atlas.get().compare(&left, &right)?)
}

#[tauri::command]
pub async fn list_minerals(atlas: State<'_, AtlasState>) -> AppResult<Vec<MineralSummary>> {
    Ok(atlas.get().minerals())
}

#[tauri::command]
pub async fn get_mineral(atlas: State<'_, AtlasState>, id: String) -> AppResult<MineralDetail> {
    Ok(atlas.get().mineral(&id)?)
}

#[tauri::command]
pub async fn list_events(atlas: State<'_, AtlasState>) -> AppResult<Vec<EventView>> {
    Ok(atlas.get().events())
}

#[tauri::command]
pub async fn list_sessions(atlas: State<'_, AtlasState>, event: String, day: Option<String>) -> AppResult<Vec<SessionSummary>> {
    Ok(atlas.get().sessions(&event, day.as_deref())?)
}

#[tauri::command]
pub async fn get_session(atlas: State<'_, AtlasState>, id: String, zone: Option<String>) -> AppResult<SessionDetail> {
    Ok(atlas.get().session(&id, zone.as_deref())?)
}

#[tauri::command]
pub async fn get_timeline(atlas: State<'_, AtlasState>, from: Option<String>, to: Option<String>) -> AppResult<Vec<TimelineView>> {
    Ok(atlas.get().timeline(from.as_deref(), to.as_deref())?)
}

#[tauri::command]
pub async fn dataset_info(atlas: State<'_, AtlasState>) -> AppResult<DatasetInfo> {
    Ok(atlas.get().info())
}

#[tauri::command]
pub async fn search(
    atlas: State<'_, AtlasState>,
    query: String,
    limit: Option<usize>,
) -> AppResult<Vec<atlas_domain::search::SearchResult>> {
    Ok(atlas.get().search(&query, limit))
}

#[tauri::command]
pub async fn get_timeline_entry(atlas: State<'_, AtlasState>, id: String, zone: Option<String>) -> AppResult<TimelineView> {
    Ok(atlas.get().timeline_entry(&id, zone.as_deref())?)
}

#[tauri::command]
pub async fn list_time_zones() -> AppResult<Vec<&'static str>> {
    Ok(atlas_domain::time::ZoneName::all_names())
}

use crate::error::AppError;
use crate::user::{agenda_refs, UserDataView, UserState};
use atlas_domain::item::{ItemKind, ItemRef};
use atlas_domain::DomainError;

#[tauri::command]
pub async fn get_user_data(user: State<'_, UserState>) -> AppResult<UserDataView> {
    Ok(user.view())
}

/// A change to the user's data, saved (with fsync) on the blocking pool.
async fn update_user<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    change: impl FnOnce(&mut atlas_store::UserData) -> Result<(), atlas_store::StoreError> + Send + 'static,
) -> AppResult<atlas_store::UserData> {
    crate::blocking::run("saving your data", move || app.state::<UserState>().update(change)).await
}

#[tauri::command]
pub async fn set_star<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    atlas: State<'_, AtlasState>,
    kind: ItemKind,
    id: String,
    starred: bool,
) -> AppResult<atlas_store::UserData> {
    // Only real items can be starred; unstarring a vanished one is allowed.
    if starred {
        match kind {
            ItemKind::Session => atlas.get().session(&id, None).map(|_| ())?,
            ItemKind::Timeline => atlas.get().timeline_entry(&id, None).map(|_| ())?,
        }
    }
    let item = ItemRef { kind, id };
    update_user(app, move |d| d.set_star(item, starred)).await
}

#[tauri::command]
pub async fn set_note<R: tauri::Runtime>(app: tauri::AppHandle<R>, target: String, text: String) -> AppResult<atlas_store::UserData> {
    update_user(app, move |d| d.set_note(&target, &text)).await
}

#[tauri::command]
pub async fn set_time_zone<R: tauri::Runtime>(app: tauri::AppHandle<R>, zone: Option<String>) -> AppResult<atlas_store::UserData> {
    let zone = match zone {
        Some(z) => Some(atlas_domain::time::ZoneName::parse(&z).map_err(DomainError::from)?.name().to_string()),
        None => None,
    };
    update_user(app, move |d| {
        d.settings.time_zone = zone;
        Ok(())
    })
    .await
}

/// Keeps the view shown (its hash) for the next start.
#[tauri::command]
pub async fn set_last_view<R: tauri::Runtime>(app: tauri::AppHandle<R>, view: Option<String>) -> AppResult<atlas_store::UserData> {
    update_user(app, move |d| d.set_last_view(view.as_deref())).await
}

/// Turns the check for data updates at start-up on or off (off by default).
#[tauri::command]
pub async fn set_check_updates_at_start<R: tauri::Runtime>(app: tauri::AppHandle<R>, enabled: bool) -> AppResult<atlas_store::UserData> {
    update_user(app, move |d| {
        d.settings.check_updates_at_start = enabled;
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn get_agenda(atlas: State<'_, AtlasState>, user: State<'_, UserState>, zone: Option<String>) -> AppResult<AgendaView> {
    Ok(atlas.get().agenda(&agenda_refs(&user.snapshot()), zone.as_deref())?)
}

/// Writes a world table as CSV (the numbers, USGS's markers, shares and
/// source of the ranked table on screen) where the user chooses. Returns the
/// path, or null when the user cancelled. `MINERALS_ATLAS_SAVE_PATH`
/// replaces the dialog for automated runs.
#[tauri::command]
pub async fn export_table_csv<R: tauri::Runtime>(app: tauri::AppHandle<R>, series_id: String) -> AppResult<Option<String>> {
    crate::blocking::run("the export", move || {
        let csv = app.state::<AtlasState>().get().table_csv(&series_id)?;
        let Some(path) = crate::dialogs::save_path(&app, "Export the table as CSV", &csv.file_name, ("CSV", &["csv"])) else {
            return Ok(None);
        };
        crate::export::write(&path, csv.text.as_bytes())?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Writes the participation map's table (every party at the ministerial,
/// its role, head, statuses, agreements, USGS rows and sources) as CSV where
/// the user chooses. Returns the path, or null when the user cancelled.
#[tauri::command]
pub async fn export_participants_csv<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<String>> {
    crate::blocking::run("the export", move || {
        let csv = app.state::<AtlasState>().get().participants_csv();
        let Some(path) = crate::dialogs::save_path(&app, "Export the delegations as CSV", &csv.file_name, ("CSV", &["csv"])) else {
            return Ok(None);
        };
        crate::export::write(&path, csv.text.as_bytes())?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Writes a country's brief as a PDF (times in `zone`, on `paper`: "a4" or
/// "letter") where the user chooses. Returns the path, or null when the user
/// cancelled. The brief is written before the dialog opens, so a bad
/// country, zone or paper is said at once.
#[tauri::command]
pub async fn export_country_brief<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    iso3: String,
    zone: String,
    paper: String,
) -> AppResult<Option<String>> {
    crate::blocking::run("the brief", move || {
        let brief = crate::brief::country_brief(&app.state::<AtlasState>().get(), &iso3, &zone, &paper)?;
        let Some(path) = crate::dialogs::save_path(&app, "Save the country brief", &brief.file_name, ("PDF", &["pdf"])) else {
            return Ok(None);
        };
        crate::export::write(&path, &brief.pdf)?;
        Ok(Some(path.display().to_string()))
    })
    .await
}

/// Writes the starred items as an .ics file where the user chooses (the
/// native save dialog). Returns the path, or null when the user cancelled.
/// `MINERALS_ATLAS_SAVE_PATH` replaces the dialog for automated runs.
#[tauri::command]
pub async fn export_agenda_ics<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> AppResult<Option<String>> {
    crate::blocking::run("the export", move || {
        let user = app.state::<UserState>().snapshot();
        let refs = agenda_refs(&user);
        if refs.is_empty() {
            return Err(AppError::Export("Star sessions or timeline entries first: the agenda is empty.".into()));
        }
        let Some(path) = crate::dialogs::save_path(&app, "Export My agenda", "minerals-atlas-agenda.ics", ("iCalendar", &["ics"])) else {
            return Ok(None);
        };
        let text = app.state::<AtlasState>().get().agenda_ics(&refs, &user.notes, chrono::Utc::now());
        crate::export::write(&path, text.as_bytes())?;
        Ok(Some(path.display().to_string()))
    })
    .await
}
