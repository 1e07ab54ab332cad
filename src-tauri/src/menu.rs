//! The window's menu: File → Import… (Ctrl+O), Imports and data…, Export a
//! data pack…, Check for Data Updates…, Check for App Updates…, Quit. A choice reaches the page as the Tauri event
//! `atlas-menu` (the item's id as payload), sent to the main window only,
//! where it runs the same code as the page's own buttons.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{Emitter, Runtime};

/// The event the page listens for (`ui/js/api.js`, `onMenuChoice`).
pub const EVENT: &str = "atlas-menu";

/// Item ids, which are also the event's payload.
pub const ITEMS: [(&str, &str, Option<&str>); 5] = [
    ("import", "Import…", Some("CmdOrCtrl+O")),
    ("imports", "Imports and data…", None),
    ("export-pack", "Export a data pack…", None),
    ("check-data-updates", "Check for Data Updates…", None),
    ("check-app-update", "Check for App Updates…", None),
];

/// Adds the menu to the desktop app. Not part of the wiring tests run: the
/// mock runtime has no native windows to attach a menu to.
/// The menu is a convenience (the page has the same actions): if it cannot
/// be made, the app starts without one.
pub fn add<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    let menu_or_none = |app: &tauri::AppHandle<R>| {
        build(app).or_else(|e| {
            eprintln!("minerals-atlas: no window menu: {e}");
            Menu::new(app)
        })
    };
    builder.menu(menu_or_none).on_menu_event(|app, event| {
        let _ = choose(app, event.id().as_ref());
    })
}

fn build<R: Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<Menu<R>> {
    let mut file = SubmenuBuilder::new(app, "File");
    for (id, label, accelerator) in ITEMS {
        let mut item = MenuItemBuilder::with_id(id, label);
        if let Some(keys) = accelerator {
            item = item.accelerator(keys);
        }
        file = file.item(&item.build(app)?);
    }
    MenuBuilder::new(app).item(&file.separator().quit().build()?).build()
}

/// Hands a menu choice to the main window. Ids that are not ours are ignored
/// (`Ok(false)`).
pub fn choose<R: Runtime>(app: &tauri::AppHandle<R>, id: &str) -> tauri::Result<bool> {
    let Some((id, _, _)) = ITEMS.iter().find(|(known, _, _)| *known == id) else { return Ok(false) };
    app.emit_to("main", EVENT, *id)?;
    Ok(true)
}

/// The stand-in for a click on the native menu, which automation cannot
/// reach (like the dialogs' stand-ins in `dialogs.rs`): the item named by
/// `MINERALS_ATLAS_MENU_CHOICE` is chosen once, when the page is first ready.
pub fn choose_from_env_once<R: Runtime>(app: &tauri::AppHandle<R>) {
    static DONE: AtomicBool = AtomicBool::new(false);
    if let Ok(id) = std::env::var("MINERALS_ATLAS_MENU_CHOICE") {
        if !DONE.swap(true, Ordering::SeqCst) {
            let _ = choose(app, &id);
        }
    }
}
