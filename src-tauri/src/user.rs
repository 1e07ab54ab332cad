//! The user's data as the app holds it: the store on disk and the copy in
//! memory, changed together. A change is saved first and only then kept, so
//! memory never claims what the disk does not have.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use atlas_store::{ItemRef, LoadOutcome, Store, UserData};
use serde::Serialize;

use crate::error::AppResult;

pub struct UserState {
    store: Store,
    data: Mutex<UserData>,
    /// Said once to the user at start-up (a recovered file), then cleared.
    notice: Mutex<Option<String>>,
    /// Crash reports the notice tells of: marked shown once it is delivered.
    crash_reports: Mutex<Vec<PathBuf>>,
    /// When another running app holds the data folder, this one shows the
    /// data but saves nothing (two writers would lose each other's changes).
    read_only: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UserDataView {
    pub data: UserData,
    pub notice: Option<String>,
    pub file: PathBuf,
}

impl UserState {
    /// Opens the store in `folder`. Unreadable content never stops the app.
    pub fn open(folder: &Path) -> UserState {
        UserState::open_with(folder, None)
    }

    /// Opens the store; with `read_only` (another app holds the folder) it
    /// only reads: a broken file is left where it is, nothing is migrated
    /// or saved, and crash reports are left for the app that holds the folder.
    pub fn open_with(folder: &Path, read_only: Option<String>) -> UserState {
        let store = Store::in_folder(folder);
        let (data, notice) = if read_only.is_some() {
            match store.peek() {
                Ok((data, None)) => (data, None),
                Ok((data, Some(reason))) => (data, Some(format!("Your saved agenda and notes could not be read here ({reason})."))),
                Err(e) => (UserData::default(), Some(e.to_string())),
            }
        } else {
            match store.load() {
                Ok((data, LoadOutcome::Recovered { moved_to, reason })) => (
                    data,
                    Some(format!(
                        "Your saved agenda and notes could not be read ({reason}). The file was kept as {} and the app started with an empty agenda.",
                        moved_to.display()
                    )),
                ),
                Ok((data, LoadOutcome::Migrated { from })) => {
                    let note = match store.save(&data) {
                        Ok(()) => None,
                        Err(e) => Some(format!("Your data was upgraded from version {from} but could not be saved: {e}")),
                    };
                    (data, note)
                }
                Ok((data, _)) => (data, None),
                Err(e) => (UserData::default(), Some(format!("{e}. Changes cannot be saved until this is fixed."))),
            }
        };
        let notice = match (&read_only, notice) {
            (Some(reason), Some(n)) => Some(format!("{reason} {n}")),
            (Some(reason), None) => Some(reason.clone()),
            (None, n) => n,
        };
        let crash_reports = if read_only.is_some() { Vec::new() } else { crate::crash::unseen(folder) };
        UserState { store, data: Mutex::new(data), notice: Mutex::new(notice), crash_reports: Mutex::new(crash_reports), read_only }
    }

    /// The folder the app uses: `MINERALS_ATLAS_DATA_DIR` when set (tests,
    /// portable use), else the platform's app data folder.
    pub fn folder(default: PathBuf) -> PathBuf {
        std::env::var_os("MINERALS_ATLAS_DATA_DIR").filter(|v| !v.is_empty()).map(PathBuf::from).unwrap_or(default)
    }

    /// The data and, once, the start-up notice. Crash reports are marked
    /// shown as the notice is handed over, and the notice names each report
    /// where it is after that.
    pub fn view(&self) -> UserDataView {
        let notice = self.notice.lock().map(|mut n| n.take()).unwrap_or(None);
        let reports = std::mem::take(&mut *self.crash_reports.lock().unwrap_or_else(|p| p.into_inner()));
        let crash = crate::crash::mark_seen(&reports).last().map(|report| {
            format!(
                "Minerals Atlas closed unexpectedly last time. A report was saved at {}; your saved agenda and notes are unaffected.",
                report.display()
            )
        });
        let notice = match (notice, crash) {
            (Some(n), Some(c)) => Some(format!("{n} {c}")),
            (n, c) => n.or(c),
        };
        UserDataView { data: self.snapshot(), notice, file: self.store.path().to_path_buf() }
    }

    pub fn snapshot(&self) -> UserData {
        self.data.lock().map(|d| d.clone()).unwrap_or_else(|p| p.into_inner().clone())
    }

    /// Applies `change` to a copy, saves it, then keeps it.
    pub fn update(&self, change: impl FnOnce(&mut UserData) -> Result<(), atlas_store::StoreError>) -> AppResult<UserData> {
        if let Some(reason) = &self.read_only {
            return Err(crate::error::AppError::FolderInUse(reason.clone()));
        }
        let mut guard = self.data.lock().unwrap_or_else(|p| p.into_inner());
        let mut next = guard.clone();
        change(&mut next)?;
        self.store.save(&next)?;
        *guard = next.clone();
        Ok(next)
    }
}

/// The starred items, as the agenda query takes them.
pub fn agenda_refs(data: &UserData) -> Vec<ItemRef> {
    data.starred.clone()
}
