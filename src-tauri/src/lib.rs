//! Minerals Atlas, the Tauri shell: state, commands and the window. The data
//! and every query live in the `atlas-domain` crate; this crate only wires
//! them to the webview.

pub mod cli;
pub mod commands;
pub mod crash;
pub mod dialogs;
pub mod error;
pub mod import_commands;
pub mod library;
pub mod menu;
pub mod probe;
pub mod state;
pub mod user;

use tauri::{Builder, Manager, Runtime};

use probe::StartupProbe;
use state::AtlasState;

/// Held for the life of the app: see [`atlas_store::FolderLock`].
pub struct DataFolderLock(pub Option<atlas_store::FolderLock>);

/// Registers state and commands on any runtime, so tests can pass
/// `tauri::test::mock_builder()` and the app passes the real one.
pub fn build<R: Runtime>(builder: Builder<R>, atlas: AtlasState, probe: StartupProbe) -> Builder<R> {
    builder.manage(atlas).manage(probe).invoke_handler(tauri::generate_handler![
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
        commands::get_agenda,
        commands::export_agenda_ics,
        import_commands::import_file,
        import_commands::import_from_dialog,
        import_commands::import_bytes,
        import_commands::get_library,
        import_commands::remove_schedule,
        import_commands::remove_pack,
        import_commands::undo_import,
        import_commands::export_pack,
    ])
}

/// The desktop entry point. `started` is taken first thing in `main`.
pub fn run(started: std::time::Instant, args: &[String]) {
    let probe = StartupProbe::from_args(started, args.iter().cloned());
    // WebKitGTK's DMA-BUF renderer gives blank windows on some GPUs and under
    // Xvfb; respect the user's own choice when they made one.
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    let (atlas, parse_time) = match AtlasState::load_embedded() {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("minerals-atlas: the built-in dataset cannot be read: {e}");
            std::process::exit(1);
        }
    };
    if std::env::var_os("MINERALS_ATLAS_LOG_TIMINGS").is_some() {
        eprintln!("minerals-atlas: dataset parsed in {:.2} ms", parse_time.as_secs_f64() * 1000.0);
    }
    // First plugin, so a second launch hands over before anything else starts:
    // one window, one writer of the user's data.
    let app = build(tauri::Builder::default(), atlas, probe)
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            if std::env::var_os("MINERALS_ATLAS_LOG_TIMINGS").is_some() {
                eprintln!("minerals-atlas: setup at {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
            }
            let default = app.path().app_data_dir().unwrap_or_else(|_| std::env::temp_dir().join("minerals-atlas"));
            let folder = user::UserState::folder(default);
            crash::install(folder.clone());
            // One writer of the data folder, even where the single-instance
            // plugin cannot work (no D-Bus session bus): a second app that
            // finds the folder held shows the data and saves nothing.
            let (lock, busy) = match atlas_store::FolderLock::try_acquire(&folder) {
                Ok(Some(lock)) => (Some(lock), None),
                Ok(None) => (None, Some(format!(
                    "Another Minerals Atlas window is using your data folder ({}). This window shows the data but saves nothing; close it and use the other one.",
                    folder.display()
                ))),
                Err(e) => {
                    eprintln!("minerals-atlas: cannot lock the data folder {}: {e}", folder.display());
                    (None, None)
                }
            };
            // A second app only reads: nothing is moved aside, migrated or saved.
            app.manage(user::UserState::open_with(&folder, busy.clone()));
            app.manage(library::LibraryState::open_with(&folder, &app.state::<AtlasState>(), busy));
            app.manage(DataFolderLock(lock));
            // The menu is a convenience (the page has the same actions): a
            // desktop without one still gets the app.
            if let Err(e) = menu::install(app) {
                eprintln!("minerals-atlas: no window menu: {e}");
            }
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_focus();
            }
            Ok(())
        })
        .build(tauri::generate_context!());
    if std::env::var_os("MINERALS_ATLAS_LOG_TIMINGS").is_some() {
        eprintln!("minerals-atlas: built at {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    }
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("minerals-atlas: cannot start: {e}");
            std::process::exit(1);
        }
    }
}
