//! What the user imported (schedules, a data pack, one step of undo), as the
//! app holds it: the file on disk, the library in memory, and the atlas it
//! gives. A change is built whole and checked, saved, and only then shown;
//! a failure at any step leaves all three as they were.

use std::path::Path;
use std::sync::Mutex;

use atlas_import::library::{ImportSummary, Library, PackOptions, PackSignature};
use atlas_import::pack::PackMode;
use atlas_import::{ImportError, ImportOptions};
use atlas_store::{LoadOutcome, Read, VersionedFile};
use serde::Serialize;

use crate::error::{AppError, AppResult};
use crate::state::AtlasState;

pub const FILE_NAME: &str = "library.json";

pub struct LibraryState {
    file: VersionedFile<Library>,
    /// Set when another running app holds the data folder: nothing is saved.
    read_only: Option<String>,
    library: Mutex<Library>,
    /// Said once to the user at start-up (an unreadable library), then cleared.
    notice: Mutex<Option<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScheduleInfo {
    pub key: String,
    pub title: String,
    pub format: &'static str,
    pub file_name: String,
    pub imported_at: String,
    pub events: usize,
    pub event_id: String,
    pub time_zone: &'static str,
    pub first_start_utc: Option<String>,
    pub last_start_utc: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackInfo {
    pub file_name: String,
    pub imported_at: String,
    pub mode: PackMode,
    pub dataset_version: String,
    pub sessions: usize,
    /// What vouched for it; `None`: unverified (its facts say so).
    pub signed: Option<PackSignature>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LibraryView {
    pub schedules: Vec<ScheduleInfo>,
    pub pack: Option<PackInfo>,
    /// What undo would take back, if anything.
    pub undo: Option<String>,
    pub notice: Option<String>,
}

impl LibraryState {
    /// Reads the library in `folder` and shows it through `atlas`. An
    /// unreadable or inconsistent library is moved aside, never deleted, and
    /// the app starts with the built-in data.
    pub fn open(folder: &Path, atlas: &AtlasState) -> LibraryState {
        LibraryState::open_with(folder, atlas, None)
    }

    /// Opens the library; with `read_only` (another app holds the folder)
    /// nothing is moved or saved, whatever is found. A file that exists but
    /// cannot be read (permissions, a disk error) is left in place and the
    /// library is read-only until the next start, so an import cannot save
    /// over it.
    pub fn open_with(folder: &Path, atlas: &AtlasState, read_only: Option<String>) -> LibraryState {
        let file = VersionedFile::<Library>::new(folder.join(FILE_NAME));
        let embedded = atlas.embedded();
        let accept = |library: Library| library.with_atlas(&embedded);
        let mut read_only = read_only;
        let (library, notice) = if read_only.is_some() {
            match file.read(accept) {
                Ok(Read::Absent) => (None, None),
                Ok(Read::Accepted { value, .. }) => (Some(value), None),
                Ok(Read::Refused { reason }) => {
                    (None, Some(format!("Your imported schedules could not be read here ({reason}); the built-in data is shown.")))
                }
                Err(e) => (None, Some(format!("Your imported schedules could not be read here ({e}); the built-in data is shown."))),
            }
        } else {
            match file.load_with(accept) {
                Ok((library, LoadOutcome::Recovered { moved_to, reason })) => (
                    library,
                    Some(format!(
                        "Your imported schedules could not be read ({reason}). The file was kept as {} and the app started with the built-in data.",
                        moved_to.display()
                    )),
                ),
                Ok((library, _)) => (library, None),
                // A file that exists but cannot be read (permissions, a disk
                // error) stays in place, and imports are off until the next
                // start, so an import cannot save over it.
                Err(e) => {
                    let reason = format!(
                        "Your imported schedules could not be read ({e}); the built-in data is shown and imports are off until the file can be read."
                    );
                    read_only.get_or_insert(reason.clone());
                    (None, Some(reason))
                }
            }
        };
        let library = match library {
            Some((library, built)) => {
                atlas.replace(built);
                library
            }
            None => Library::default(),
        };
        LibraryState { file, read_only, library: Mutex::new(library), notice: Mutex::new(notice) }
    }

    fn save(&self, library: &Library) -> AppResult<()> {
        if let Some(reason) = &self.read_only {
            return Err(AppError::FolderInUse(reason.clone()));
        }
        Ok(self.file.save(library)?)
    }

    /// Parses and merges `bytes`; saves; then shows the result.
    pub fn import(
        &self,
        atlas: &AtlasState,
        bytes: &[u8],
        file_name: &str,
        options: &ImportOptions,
        pack: PackOptions,
    ) -> AppResult<ImportSummary> {
        let mut guard = self.library.lock().unwrap_or_else(|p| p.into_inner());
        let now = chrono::Utc::now();
        let embedded = atlas.embedded();
        // A panic while reading a file is that import's error, not a crash: nothing has changed yet.
        let (next, built, summary) =
            crate::crash::contain(|| atlas_import::library::import(&guard, &embedded, bytes, file_name, options, pack, now))
                .map_err(|panic| ImportError::Structure(format!("the file could not be read ({panic}); nothing was changed")))??;
        self.save(&next)?;
        atlas.replace(built);
        *guard = next;
        Ok(summary)
    }

    /// Applies a change (remove, undo); `None` from `change` means there was nothing to do.
    pub fn change(&self, atlas: &AtlasState, what: &str, change: impl FnOnce(&Library) -> Option<Library>) -> AppResult<LibraryView> {
        let mut guard = self.library.lock().unwrap_or_else(|p| p.into_inner());
        let next = change(&guard).ok_or_else(|| AppError::Import(ImportError::Structure(format!("nothing to {what}"))))?;
        let built = next.build(&atlas.embedded())?;
        self.save(&next)?;
        atlas.replace(built);
        *guard = next;
        drop(guard);
        Ok(self.view())
    }

    /// The version a signed pack must exceed: the newest applied here (0: none).
    pub fn pack_version_floor(&self) -> u64 {
        self.library.lock().unwrap_or_else(|p| p.into_inner()).pack_version_floor()
    }

    pub fn view(&self) -> LibraryView {
        let guard = self.library.lock().unwrap_or_else(|p| p.into_inner());
        LibraryView {
            schedules: guard
                .schedules
                .iter()
                .map(|s| {
                    let report = s.schedule.check_report();
                    ScheduleInfo {
                        key: s.schedule.head.key.clone(),
                        title: s.schedule.head.title.clone(),
                        format: s.schedule.head.format.name(),
                        file_name: s.file_name.clone(),
                        imported_at: atlas_import::rfc3339(s.imported_at),
                        events: s.schedule.events.len(),
                        event_id: atlas_import::library::event_id(&s.schedule.head.key),
                        time_zone: s.schedule.head.zone.name(),
                        first_start_utc: report.first_start_utc,
                        last_start_utc: report.last_start_utc,
                    }
                })
                .collect(),
            pack: guard.pack.as_ref().map(|p| PackInfo {
                file_name: p.file_name.clone(),
                imported_at: atlas_import::rfc3339(p.imported_at),
                mode: p.mode,
                dataset_version: p.dataset.dataset_version.clone(),
                sessions: p.dataset.sessions.len(),
                signed: p.signed.clone(),
            }),
            undo: guard.undo.as_ref().map(|u| u.description.clone()),
            notice: self.notice.lock().map(|mut n| n.take()).unwrap_or(None),
        }
    }
}
