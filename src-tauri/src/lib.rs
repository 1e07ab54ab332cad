//! Minerals Atlas, the Tauri shell: state, commands and the window. The data
//! and every query live in the `atlas-domain` crate; this crate only wires
//! them to the webview.

pub mod app_update;
pub mod blocking;
pub mod brief;
pub mod channel;
pub mod cli;
pub mod commands;
pub mod crash;
pub mod dialogs;
pub mod error;
pub mod export;
pub mod handover;
pub mod import_commands;
pub mod library;
pub mod menu;
pub mod probe;
pub mod state;
pub mod user;

use tauri::{Builder, Manager, Runtime};

use probe::StartupProbe;
use state::AtlasState;

/// Every command the webview may call, by name: the list `build.rs` turns
/// into permissions and `src-tauri/capabilities/main.json` grants.
pub const COMMANDS: &[&str] = include!("command_names.rs");

/// Held for the life of the app (see [`atlas_store::FolderLock`]), and let
/// go as it exits.
pub struct DataFolderLock(std::sync::Mutex<Option<atlas_store::FolderLock>>);

impl DataFolderLock {
    /// Lets another app have the folder. Nothing is saved after this: the
    /// app is exiting (or, in tests, its next start is being tried).
    pub fn release(&self) {
        drop(self.0.lock().unwrap_or_else(|p| p.into_inner()).take());
    }
}

/// Where the app keeps the user's data.
#[derive(Debug, Clone)]
pub enum DataFolder {
    /// `MINERALS_ATLAS_DATA_DIR` when set, else the platform's app data folder.
    Platform,
    /// This folder (tests, benchmarks).
    At(std::path::PathBuf),
}

/// What differs between the desktop app and a test of it.
pub struct Wiring {
    pub atlas: AtlasState,
    pub probe: StartupProbe,
    pub data_folder: DataFolder,
    /// Answers for the file dialogs in automated runs (empty: real dialogs).
    pub dialogs: dialogs::StandIns,
    /// The data channel: built in for the app; a loopback server in tests.
    pub channel: channel::ChannelSetup,
}

/// The whole app on any runtime: state, plugins that run anywhere, commands
/// and the start-up steps (crash reports, the data folder's lock, the user's
/// data, the library). The desktop passes `tauri::Builder::default()` with
/// what needs a real desktop (single instance over D-Bus, the native menu);
/// tests pass `tauri::test::mock_builder()` and get the same wiring.
pub fn app_builder<R: Runtime>(builder: Builder<R>, wiring: Wiring) -> Builder<R> {
    let Wiring { atlas, probe, data_folder, dialogs, channel } = wiring;
    builder
        .manage(atlas)
        .manage(probe)
        .manage(dialogs)
        .manage(channel::ChannelState::new(channel))
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        // Checks only when asked (app_update.rs); its own commands are not granted.
        .plugin(tauri_plugin_updater::Builder::new().build())
        .invoke_handler(tauri::generate_handler![
            probe::app_ready,
            commands::list_countries,
            commands::get_country,
            commands::list_minerals,
            commands::get_mineral,
            commands::list_events,
            commands::list_sessions,
            commands::get_session,
            commands::get_timeline,
            commands::dataset_info,
            commands::search,
            commands::get_timeline_entry,
            commands::list_time_zones,
            commands::get_user_data,
            commands::set_star,
            commands::set_note,
            commands::set_time_zone,
            commands::set_last_view,
            commands::get_agenda,
            commands::export_agenda_ics,
            commands::export_table_csv,
            commands::export_country_brief,
            commands::compare_countries,
            commands::export_participants_csv,
            import_commands::import_file,
            import_commands::import_from_dialog,
            import_commands::import_bytes,
            import_commands::get_library,
            import_commands::remove_schedule,
            import_commands::remove_pack,
            import_commands::undo_import,
            import_commands::export_pack,
            channel::check_data_updates,
            commands::set_check_updates_at_start,
            channel::apply_data_update,
            app_update::check_app_update,
            app_update::install_app_update,
        ])
        .setup(move |app| {
            setup(app, &data_folder);
            Ok(())
        })
}

/// The start-up steps, in order: crash reports go to the data folder from
/// here on; the folder is locked (or found held, and then only read); the
/// user's data and the library are opened.
fn setup<R: Runtime>(app: &mut tauri::App<R>, data_folder: &DataFolder) {
    let folder = match data_folder {
        DataFolder::At(path) => path.clone(),
        DataFolder::Platform => {
            let default = app.path().app_data_dir().unwrap_or_else(|_| std::env::temp_dir().join("minerals-atlas"));
            user::UserState::folder(default)
        }
    };
    crash::install(folder.clone());
    // One writer of the data folder, even where the single-instance plugin
    // cannot work (no D-Bus session bus): a second app that finds the folder
    // held shows the data and saves nothing.
    let (lock, busy) = match atlas_store::FolderLock::try_acquire(&folder) {
        Ok(Some(lock)) => (Some(lock), None),
        Ok(None) => (
            None,
            Some(format!(
                "Another Minerals Atlas window is using your data folder ({}). This window shows the data but saves nothing; close it and use the other one.",
                folder.display()
            )),
        ),
        Err(e) => {
            eprintln!("minerals-atlas: cannot lock the data folder {}: {e}", folder.display());
            (None, None)
        }
    };
    // A second app only reads: nothing is moved aside, migrated or saved.
    app.state::<channel::ChannelState>().open_cache(&folder, busy.is_some());
    app.manage(user::UserState::open_with(&folder, busy.clone()));
    app.manage(library::LibraryState::open_with(&folder, &app.state::<AtlasState>(), busy));
    app.manage(DataFolderLock(std::sync::Mutex::new(lock)));
    // The configured window exists by now (made just before this step).
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_focus();
    }
}

/// The desktop entry point. `started` is taken first thing in `main`.
/// The compiled-in configuration, with the window's first size taken from
/// `MINERALS_ATLAS_WINDOW_SIZE` ("900x600") when set: the real-window tests
/// open the app at each size they check, since WebKitWebDriver cannot take a
/// screenshot once a window has been resized.
fn context_with_window_size() -> tauri::Context<tauri::Wry> {
    let mut context = tauri::generate_context!();
    let wanted = std::env::var("MINERALS_ATLAS_WINDOW_SIZE").ok();
    if let Some((width, height)) = wanted.as_deref().and_then(parse_window_size) {
        for window in &mut context.config_mut().app.windows {
            window.width = width.max(window.min_width.unwrap_or(0.0));
            window.height = height.max(window.min_height.unwrap_or(0.0));
        }
    }
    context
}

/// "900x600" → (900, 600); anything else (or a size past 10,000) → None.
fn parse_window_size(text: &str) -> Option<(f64, f64)> {
    let (width, height) = text.trim().split_once(['x', 'X'])?;
    let size = |part: &str| part.trim().parse::<u16>().ok().filter(|n| (1..=10_000).contains(n)).map(f64::from);
    Some((size(width)?, size(height)?))
}

pub fn run(started: std::time::Instant, args: &[String]) {
    run_with_channel(started, args, channel::ChannelSetup::built_in());
}

/// The desktop app with a channel of its own: only the test build
/// (`examples/channel_test_app.rs`) passes anything but the built-in one.
pub fn run_with_channel(started: std::time::Instant, args: &[String], channel: channel::ChannelSetup) {
    // WebKitGTK's DMA-BUF renderer gives blank windows on some GPUs and under
    // Xvfb; respect the user's own choice when they made one. First, while
    // this is the only thread: setting the environment beside another
    // thread that reads it is a race.
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    let context = context_with_window_size();
    // The hand-over's D-Bus round trip runs beside the dataset's parse, not before it.
    let identifier = context.config().identifier.clone();
    let handover = std::thread::spawn(move || handover::to_running_app(&identifier));
    let probe = StartupProbe::from_args(started, args.iter().cloned());
    let (atlas, parse_time) = match AtlasState::load_embedded() {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("minerals-atlas: the built-in dataset cannot be read: {e}");
            std::process::exit(1);
        }
    };
    if handover.join().unwrap_or(false) {
        eprintln!("minerals-atlas: already open; its window was brought to the front.");
        return;
    }
    let log_timings = std::env::var_os("MINERALS_ATLAS_LOG_TIMINGS").is_some();
    if log_timings {
        eprintln!("minerals-atlas: dataset parsed in {:.2} ms", parse_time.as_secs_f64() * 1000.0);
    }
    // The plugin owns the name a later launch finds (handover.rs, above), and
    // settles two launches made at the same moment (that path can still meet
    // the exit race handover.rs describes). First plugin, so such a launch
    // ends before anything else starts: one window, one writer of the user's
    // data. Desktop only (D-Bus), so not part of the wiring the mock runtime runs.
    let builder = tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    }));
    let builder = menu::add(builder);
    let wiring = Wiring { atlas, probe, data_folder: DataFolder::Platform, dialogs: dialogs::StandIns::from_env(), channel };
    let app = app_builder(builder, wiring).build(context);
    if log_timings {
        eprintln!("minerals-atlas: built at {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    }
    match app {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                if let Some(lock) = app.try_state::<DataFolderLock>() {
                    lock.release();
                }
            }
        }),
        Err(e) => {
            eprintln!("minerals-atlas: cannot start: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod window_size_tests {
    use super::parse_window_size;

    #[test]
    fn a_size_is_width_x_height() {
        assert_eq!(parse_window_size("900x600"), Some((900.0, 600.0)));
        assert_eq!(parse_window_size(" 1440X900 "), Some((1440.0, 900.0)));
    }

    #[test]
    fn anything_else_is_no_size() {
        for bad in ["", "900", "x600", "900x", "0x600", "900x-1", "20000x600", "9é0x600", "900×600", "900x600x3"] {
            assert_eq!(parse_window_size(bad), None, "{bad:?}");
        }
    }
}
