//! The window's menu: File → Import… (Ctrl+O), Imports and data…, Export a
//! data pack…, Quit. A choice is handed to the page as a DOM event
//! (`atlas-menu`, with the item's id as `detail`), which runs the same code
//! as the page's own buttons. Evaluated by the app, so the page needs no
//! event permission and its CSP stays as it is.

use tauri::menu::{MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{Manager, Runtime};

/// Item ids, which are also what the page receives.
pub const ITEMS: [(&str, &str, Option<&str>); 3] =
    [("import", "Import…", Some("CmdOrCtrl+O")), ("imports", "Imports and data…", None), ("export-pack", "Export a data pack…", None)];

pub fn install<R: Runtime>(app: &mut tauri::App<R>) -> tauri::Result<()> {
    let mut file = SubmenuBuilder::new(app, "File");
    for (id, label, accelerator) in ITEMS {
        let mut item = MenuItemBuilder::with_id(id, label);
        if let Some(keys) = accelerator {
            item = item.accelerator(keys);
        }
        file = file.item(&item.build(app)?);
    }
    let menu = MenuBuilder::new(app).item(&file.separator().quit().build()?).build()?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| {
        let id = event.id().as_ref();
        if !ITEMS.iter().any(|(known, _, _)| *known == id) {
            return;
        }
        if let Some(window) = app.get_webview_window("main") {
            // The id is one of ours (checked above), so it is safe in the script.
            let _ = window.eval(format!("window.dispatchEvent(new CustomEvent('atlas-menu', {{ detail: '{id}' }}))"));
        }
    });
    Ok(())
}
