// The app's IPC surface: every command the webview may call, by name. Read by
// `build.rs` (which generates an `allow-<name>` permission for each, so a
// command is refused unless a capability grants it) and by the crate
// (`minerals_atlas::COMMANDS`), so tests can hold the handler list, this list
// and the capability file to each other. Plain Rust with no `use`, as
// `build.rs` includes it.
&[
    "app_ready",
    "list_countries",
    "get_country",
    "compare_countries",
    "list_minerals",
    "get_mineral",
    "list_events",
    "list_sessions",
    "get_session",
    "get_timeline",
    "dataset_info",
    "search",
    "get_timeline_entry",
    "list_time_zones",
    "get_user_data",
    "set_star",
    "set_note",
    "set_time_zone",
    "set_last_view",
    "get_agenda",
    "export_agenda_ics",
    "export_table_csv",
    "export_participants_csv",
    "export_country_brief",
    "import_file",
    "import_from_dialog",
    "import_bytes",
    "get_library",
    "remove_schedule",
    "remove_pack",
    "undo_import",
    "export_pack",
    "check_data_updates",
    "apply_data_update",
    "check_app_update",
    "install_app_update",
]
