//! Hello world, plus the probe: `--exit-when-ready` prints the milliseconds
//! from process start to the page's first paint, then exits.

use std::time::Instant;

struct Probe {
    started: Instant,
    exit_when_ready: bool,
}

#[tauri::command]
fn app_ready(app: tauri::AppHandle, probe: tauri::State<'_, Probe>) {
    if probe.exit_when_ready {
        println!("ready_ms={:.1}", probe.started.elapsed().as_secs_f64() * 1000.0);
        app.exit(0);
    }
}

fn main() {
    let started = Instant::now();
    let exit_when_ready = std::env::args().any(|a| a == "--exit-when-ready");
    tauri::Builder::default()
        .manage(Probe { started, exit_when_ready })
        .invoke_handler(tauri::generate_handler![app_ready])
        .run(tauri::generate_context!())
        .expect("baseline runs");
}
