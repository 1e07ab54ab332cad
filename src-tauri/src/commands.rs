//! Thin Tauri commands: each hands its arguments to one `Atlas` query.
//! Async so that they run off the main thread and never block the window.

use atlas_domain::views::*;
use tauri::State;

use crate::error::AppResult;
use crate::state::AtlasState;

#[tauri::command]
pub async fn list_countries(atlas: State<'_, AtlasState>) -> AppResult<Vec<CountrySummary>> {
    Ok(atlas.0.countries())
}

#[tauri::command]
pub async fn get_country(atlas: State<'_, AtlasState>, iso3: String) -> AppResult<CountryDetail> {
    Ok(atlas.0.country(&iso3)?)
}

#[tauri::command]
pub async fn list_minerals(atlas: State<'_, AtlasState>) -> AppResult<Vec<MineralSummary>> {
    Ok(atlas.0.minerals())
}

#[tauri::command]
pub async fn get_mineral(atlas: State<'_, AtlasState>, id: String) -> AppResult<MineralDetail> {
    Ok(atlas.0.mineral(&id)?)
}

#[tauri::command]
pub async fn list_events(atlas: State<'_, AtlasState>) -> AppResult<Vec<EventView>> {
    Ok(atlas.0.events())
}

#[tauri::command]
pub async fn list_sessions(
    atlas: State<'_, AtlasState>,
    event: String,
    day: Option<String>,
) -> AppResult<Vec<SessionSummary>> {
    Ok(atlas.0.sessions(&event, day.as_deref())?)
}

#[tauri::command]
pub async fn get_session(
    atlas: State<'_, AtlasState>,
    id: String,
    zone: Option<String>,
) -> AppResult<SessionDetail> {
    Ok(atlas.0.session(&id, zone.as_deref())?)
}

#[tauri::command]
pub async fn get_timeline(
    atlas: State<'_, AtlasState>,
    from: Option<String>,
    to: Option<String>,
) -> AppResult<Vec<TimelineView>> {
    Ok(atlas.0.timeline(from.as_deref(), to.as_deref())?)
}

#[tauri::command]
pub async fn dataset_info(atlas: State<'_, AtlasState>) -> AppResult<DatasetInfo> {
    Ok(atlas.0.info())
}
