//! Thin commands for the data channel (`docs/data-channel.md`): check the
//! mirrors for a newer signed pack, and apply it through the same
//! build-check-save-swap import as any file. The fetching and verifying is
//! `atlas_channel`'s; this holds the setup, the offer between the check
//! and the apply, and the kept index (so an unchanged check is a `304`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use atlas_channel::check::{self, Found, IndexCache, Offer};
use atlas_channel::fetch::{host_of, FetchConfig, Fetcher};
use atlas_channel::TrustedKey;
use atlas_import::library::PackSignature;
use serde::Serialize;
use tauri::{Manager, Runtime};

use crate::error::{AppError, AppResult};
use crate::import_commands::ImportResult;
use crate::library::LibraryState;

/// The key the app trusts, built in. Its secret half is the maintainers',
/// never in the repository; rotation is in `docs/data-channel.md`.
pub const BUILT_IN_KEY: &str = include_str!("../channel/minerals-atlas.pub");

/// Where the channel is published, tried in order (HTTPS only).
pub const BUILT_IN_MIRRORS: &[&str] = &["https://data.minerals-atlas.org/channel/", "https://minerals-atlas.github.io/data-channel/"];

/// The kept index's file in the data folder.
const CACHE_FILE: &str = "channel-index.json";

/// What the channel is: mirrors, the trusted keys, and (tests only) extra
/// TLS roots and shorter timeouts. The shipped binary uses
/// [`ChannelSetup::built_in`]; only the test build (`examples/channel_test_app.rs`)
/// makes another.
#[derive(Debug, Clone)]
pub struct ChannelSetup {
    pub mirrors: Vec<String>,
    /// Public key files' text; a signature by any verifies.
    pub keys: Vec<String>,
    pub extra_roots_pem: Vec<Vec<u8>>,
    pub timeout: Option<Duration>,
}

impl ChannelSetup {
    pub fn built_in() -> ChannelSetup {
        ChannelSetup {
            mirrors: BUILT_IN_MIRRORS.iter().map(|m| m.to_string()).collect(),
            keys: vec![BUILT_IN_KEY.to_string()],
            extra_roots_pem: vec![],
            timeout: None,
        }
    }

    pub fn trusted_key(&self) -> Result<TrustedKey, String> {
        let mut keys = self.keys.iter().map(|k| TrustedKey::parse(k).map_err(|e| e.to_string()));
        let first = keys.next().ok_or("no trusted key")??;
        keys.try_fold(first, |all, k| Ok(all.and(k?)))
    }

    fn fetcher(&self) -> Result<Fetcher, String> {
        let mut config = FetchConfig::new(self.mirrors.clone());
        config.extra_roots_pem = self.extra_roots_pem.clone();
        if let Some(t) = self.timeout {
            (config.connect_timeout, config.small_timeout, config.pack_timeout) = (t, t, t.saturating_mul(4));
        }
        Fetcher::new(config).map_err(|e| e.to_string())
    }
}

pub struct ChannelState {
    setup: ChannelSetup,
    /// Where the kept index is saved; `None` until the data folder is known,
    /// and for a second app that only reads the folder.
    cache_path: Mutex<Option<PathBuf>>,
    cache: Mutex<Option<IndexCache>>,
    offer: Mutex<Option<Offer>>,
    /// One check or apply at a time: a second click while one runs waits for it.
    busy: tokio::sync::Mutex<()>,
}

/// What a check found, for the Imports sheet.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateCheck {
    /// `up_to_date` or `offer`.
    pub status: &'static str,
    /// The version an offer must exceed: newer than the installed pack, and
    /// not older than the newest applied here before (0: anything).
    pub newer_than: u64,
    pub offered_version: u64,
    pub date: Option<String>,
    pub summary: Option<String>,
    pub size: Option<u64>,
    /// The mirror that answered (its host).
    pub mirror: String,
    /// Bytes of bodies fetched (0 when the index was unchanged: a `304`).
    pub body_bytes: u64,
    /// Mirrors passed over before one answered, with why.
    pub passed_over: Vec<String>,
}

impl ChannelState {
    pub fn new(setup: ChannelSetup) -> ChannelState {
        ChannelState {
            setup,
            cache_path: Mutex::new(None),
            cache: Mutex::new(None),
            offer: Mutex::new(None),
            busy: tokio::sync::Mutex::new(()),
        }
    }

    /// Reads the kept index from `folder` (anything unreadable is simply no
    /// cache); `read_only` (another app holds the folder): it is never written.
    pub fn open_cache(&self, folder: &Path, read_only: bool) {
        let path = folder.join(CACHE_FILE);
        let cache =
            atlas_store::read_regular_file(&path, 64 * 1024).ok().and_then(|bytes| serde_json::from_slice::<IndexCache>(&bytes).ok());
        *self.cache.lock().unwrap_or_else(|p| p.into_inner()) = cache;
        *self.cache_path.lock().unwrap_or_else(|p| p.into_inner()) = (!read_only).then_some(path);
    }

    pub fn trusted_key(&self) -> AppResult<TrustedKey> {
        self.setup.trusted_key().map_err(AppError::Channel)
    }

    fn keep(&self, cache: Option<IndexCache>) {
        let Some(cache) = cache else { return };
        let path = self.cache_path.lock().unwrap_or_else(|p| p.into_inner()).clone();
        if let (Some(path), Ok(text)) = (path, serde_json::to_vec_pretty(&cache)) {
            // Only a saving: a failure costs the next check a full index, nothing else.
            let _ = atlas_store::write_atomically(&path, &text);
        }
        *self.cache.lock().unwrap_or_else(|p| p.into_inner()) = Some(cache);
    }
}

/// Asks the mirrors for the channel's index and says whether a newer pack is offered.
#[tauri::command]
pub async fn check_data_updates<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<UpdateCheck> {
    let channel = app.state::<ChannelState>();
    let _one = channel.busy.lock().await;
    let installed = app.state::<LibraryState>().pack_version_floor();
    let fetcher = channel.setup.fetcher().map_err(AppError::Channel)?;
    let key = channel.trusted_key()?;
    let cache = channel.cache.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let report = check::check(&fetcher, &key, cache.as_ref(), installed, env!("CARGO_PKG_VERSION"))
        .await
        .map_err(|e| AppError::Channel(e.to_string()))?;
    // Saved with fsync: on the blocking pool, like every write.
    let (handle, cache) = (app.clone(), report.cache.clone());
    crate::blocking::run("saving the kept index", move || {
        handle.state::<ChannelState>().keep(cache);
        Ok(())
    })
    .await?;
    let mut view = UpdateCheck {
        status: "up_to_date",
        newer_than: installed,
        offered_version: 0,
        date: None,
        summary: None,
        size: None,
        mirror: host_of(&report.mirror),
        body_bytes: report.body_bytes,
        passed_over: report.passed_over,
    };
    let offer = match report.found {
        Found::UpToDate { offered } => {
            view.offered_version = offered;
            None
        }
        Found::Offer(offer) => {
            view.status = "offer";
            view.offered_version = offer.index.pack_version;
            view.date = Some(offer.index.date.clone());
            view.summary = Some(offer.index.summary.clone());
            view.size = Some(offer.index.size);
            Some(*offer)
        }
    };
    *channel.offer.lock().unwrap_or_else(|p| p.into_inner()) = offer;
    Ok(view)
}

/// Downloads the offered pack, verifies it whole, and imports it (one step of undo).
#[tauri::command]
pub async fn apply_data_update<R: Runtime>(app: tauri::AppHandle<R>) -> AppResult<ImportResult> {
    let channel = app.state::<ChannelState>();
    let _one = channel.busy.lock().await;
    let offer = channel.offer.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let offer = offer.ok_or_else(|| AppError::Channel("no update is on offer: check for data updates first".into()))?;
    let installed = app.state::<LibraryState>().pack_version_floor();
    let fetcher = channel.setup.fetcher().map_err(AppError::Channel)?;
    let key = channel.trusted_key()?;
    let (pack, mirror) = check::download(&fetcher, &key, &offer, installed, env!("CARGO_PKG_VERSION"))
        .await
        .map_err(|e| AppError::Channel(e.to_string()))?;
    let signed = PackSignature {
        pack_version: pack.index.pack_version,
        origin: format!("the update channel at {}", host_of(&mirror)),
        date: pack.index.date.clone(),
    };
    let name = pack.index.file.clone();
    let result = crate::import_commands::run_import(
        &app,
        pack.bytes,
        name,
        None,
        atlas_import::ImportOptions::default(),
        Default::default(),
        Some(signed),
    )
    .await?;
    *channel.offer.lock().unwrap_or_else(|p| p.into_inner()) = None;
    Ok(result)
}

/// A pack from a file is verified the same way when its signature lies
/// beside it (`NAME.minisig`): a signature that does not verify refuses the
/// file; none at all imports it unverified, marked so wherever it shows. A
/// schedule's signature (an organiser's own) is not ours to judge: ignored.
pub fn file_signature<R: Runtime>(app: &tauri::AppHandle<R>, path: &Path, bytes: &[u8]) -> AppResult<Option<PackSignature>> {
    let mut sig_path = path.as_os_str().to_owned();
    sig_path.push(".minisig");
    let signature = match atlas_store::read_regular_file(Path::new(&sig_path), 4096) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(AppError::Channel(format!("the signature beside the file cannot be read ({e}); nothing was changed"))),
    };
    if !matches!(atlas_import::detect(bytes), Ok(atlas_import::Format::AtlasPack)) {
        return Ok(None);
    }
    let key = app.state::<ChannelState>().trusted_key()?;
    let installed = app.state::<LibraryState>().pack_version_floor();
    let (pack_version, date) = atlas_channel::verify_file_pack(&key, bytes, &signature, installed)
        .map_err(|e| AppError::Channel(format!("{e} (the signature beside the file)")))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Some(PackSignature { pack_version, origin: format!("the file {name} and its .minisig"), date }))
}
