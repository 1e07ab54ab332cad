//! The start-up probe: `minerals-atlas --exit-when-ready` prints the
//! milliseconds from process start to the first full map paint, then exits.
//! The page reports that moment through `app_ready`; the benchmark compares
//! it with a hello-world Tauri app that carries the same probe.

use std::time::Instant;

use tauri::{AppHandle, Runtime, State};

pub struct StartupProbe {
    started: Instant,
    exit_when_ready: bool,
}

impl StartupProbe {
    pub fn from_args(started: Instant, args: impl IntoIterator<Item = String>) -> StartupProbe {
        StartupProbe { started, exit_when_ready: args.into_iter().any(|a| a == "--exit-when-ready") }
    }
}

/// Called by the page once its first view is painted (and listening). Cheap
/// when the probe is off.
#[tauri::command]
pub fn app_ready<R: Runtime>(app: AppHandle<R>, probe: State<'_, StartupProbe>) {
    crate::menu::choose_from_env_once(&app);
    if probe.exit_when_ready {
        let ms = probe.started.elapsed().as_secs_f64() * 1000.0;
        println!("ready_ms={ms:.1}");
        app.exit(0);
    }
}
