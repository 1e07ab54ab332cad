//! A second launch hands over to the running app before it starts a window
//! system of its own.
//!
//! `tauri-plugin-single-instance` finds the running app only once the event
//! loop exists, and on X11 the event loop has by then started a thread that
//! opens a display connection of its own (tao's raw-keyboard thread). The
//! plugin then exits the process at once: exit's handlers unload libXext while
//! that thread is still selecting its events, and the second launch died of
//! SIGSEGV about once in eighty launches (seen in CI, 2026-12-07). So the same
//! D-Bus call is made here first, while no such thread exists. The plugin
//! stays: it owns the name for the running app, and it settles two launches
//! made at the same moment, which both find the name free here.

/// Asks the app that owns `identifier`'s single-instance name on the session
/// bus to come to the front, with this launch's arguments, as the plugin
/// would. True when it accepted: this launch should then end. False when there
/// is no session bus, no running app, or it did not answer: start normally.
#[cfg(target_os = "linux")]
pub fn to_running_app(identifier: &str) -> bool {
    use zbus::blocking::{fdo::DBusProxy, Connection};
    use zbus::names::BusName;

    // The plugin's name and object path for this identifier (its linux.rs),
    // as `init` makes them: no custom D-Bus id, no `semver` feature (which
    // would add a version to the name). Using either means changing this too.
    let name = format!("{identifier}.SingleInstance");
    let path = format!("/{}", name.replace('.', "/").replace('-', "_"));
    let Ok(bus_name) = BusName::try_from(name.as_str()) else {
        return false;
    };
    let Ok(connection) = Connection::session() else {
        return false;
    };
    let owned = DBusProxy::new(&connection).ok().and_then(|bus| bus.name_has_owner(bus_name).ok());
    if owned != Some(true) {
        return false;
    }
    let args: Vec<String> = std::env::args_os().map(|arg| arg.to_string_lossy().into_owned()).collect();
    let cwd = std::env::current_dir().unwrap_or_default().to_string_lossy().into_owned();
    connection
        .call_method(Some(name.as_str()), path.as_str(), Some("org.SingleInstance.DBus"), "ExecuteCallback", &(args, cwd.as_str()))
        .is_ok()
}

/// Elsewhere the plugin's own check stands alone: the thread that raced with
/// exit is X11's.
#[cfg(not(target_os = "linux"))]
pub fn to_running_app(_identifier: &str) -> bool {
    false
}
