//! The library: imports become events and sessions in the dataset; a newer
//! version of a schedule updates it in place and says what moved; undo goes
//! back one step; data packs extend or replace the embedded dataset only
//! after they validate.

use atlas_domain::model::Dataset;
use atlas_domain::Atlas;
use atlas_import::library::{import, session_id, Library, PackOptions};
use atlas_import::pack::{self, PackMode};
use atlas_import::{ImportError, ImportOptions};
use chrono::Utc;

fn embedded() -> Dataset {
    serde_json::from_str(atlas_domain::EMBEDDED_DATASET).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("the shared fixture {} is missing ({e})", path.display()))
}

fn opts() -> ImportOptions {
    ImportOptions::default()
}

#[test]
fn an_imported_schedule_is_on_the_timeline_in_search_and_in_the_agenda() {
    let base = embedded();
    let (lib, atlas, summary) = import(
        &Library::default(),
        &base,
        &fixture("frab-camp2019_schedule.json"),
        "camp.json",
        &opts(),
        PackOptions::unsigned(PackMode::Extend),
        Utc::now(),
    )
    .unwrap();
    assert_eq!(summary.added, 79);
    assert_eq!(lib.schedules.len(), 1);
    let event = summary.event_id.clone().unwrap();
    assert_eq!(event, "imp-camp2019");
    let sessions = atlas.sessions(&event, None).unwrap();
    assert_eq!(sessions.len(), 79);
    assert!(sessions.iter().all(|s| s.time_zone == "Europe/Berlin"));
    // The opening ceremony: 11:00 in Berlin is 09:00 UTC.
    let opening = sessions.iter().find(|s| s.title == "Opening Ceremony").unwrap();
    assert_eq!(opening.start, "2019-08-21T11:00:00+02:00[Europe/Berlin]");
    let detail = atlas.session(&opening.id, Some("Asia/Karachi")).unwrap();
    assert_eq!(detail.speakers.iter().map(|s| s.person.name.as_str()).collect::<Vec<_>>(), vec!["jinxx", "smtw"]);
    assert_eq!(detail.venue.as_deref(), Some("Curie"));
    let hits = atlas.search("card10", None);
    assert!(hits.iter().any(|h| h.id == session_id("camp2019", "c9edea6f-1da1-4772-a0a9-6dd4e33f11bb")), "{hits:?}");
    let agenda =
        atlas.agenda(&[atlas_domain::item::ItemRef { kind: atlas_domain::item::ItemKind::Session, id: opening.id.clone() }], None).unwrap();
    assert_eq!(agenda.items.len(), 1);
    assert!(atlas
        .agenda_ics(
            &[atlas_domain::item::ItemRef { kind: atlas_domain::item::ItemKind::Session, id: opening.id.clone() }],
            &Default::default(),
            Utc::now()
        )
        .contains("DTSTART:20190821T090000Z"));
    // The built-in data is all still there.
    assert_eq!(atlas.countries().len(), Atlas::new(base).unwrap().countries().len());
}

#[test]
fn a_newer_version_updates_in_place_and_lists_what_moved() {
    let base = embedded();
    let v1 = String::from_utf8(fixture("pretalx-democon_schedule.json")).unwrap();
    let (lib1, atlas1, _) =
        import(&Library::default(), &base, v1.as_bytes(), "democon.json", &opts(), PackOptions::unsigned(PackMode::Extend), Utc::now())
            .unwrap();
    let first = atlas1.sessions("imp-democon", None).unwrap();
    // Version 2: one talk moves an hour, one disappears, one is new.
    let moved_guid = "8079583e-8321-506c-95af-fd2903a5f075";
    let v2 = v1.replacen(
        "\"date\": \"2020-12-14T09:00:00+01:00\",\n                \"start\": \"09:00\"",
        "\"date\": \"2020-12-14T10:00:00+01:00\",\n                \"start\": \"10:00\"",
        1,
    );
    assert_ne!(v1, v2, "the fixture changed shape: the test must move a talk");
    let dropped: serde_json::Value = serde_json::from_str(&v2).unwrap();
    let mut doc = dropped;
    let room = doc["schedule"]["conference"]["days"][0]["rooms"]["Gray Room"].as_array_mut().unwrap();
    let gone = room.remove(1);
    let mut added = room[0].clone();
    added["guid"] = "new-guid-1".into();
    added["title"] = "A new talk".into();
    room.push(added);
    let v2 = serde_json::to_vec(&doc).unwrap();
    let (lib2, atlas2, summary) =
        import(&lib1, &base, &v2, "democon-v2.json", &opts(), PackOptions::unsigned(PackMode::Extend), Utc::now()).unwrap();
    assert!(summary.replaced_earlier);
    assert_eq!(lib2.schedules.len(), 1, "updated in place, not added twice");
    assert_eq!((summary.added, summary.removed), (1, 1));
    let moved = summary.changes.iter().find(|c| c.change == "moved").unwrap();
    assert_eq!(moved.id, session_id("democon", moved_guid));
    assert_eq!((moved.from.as_deref(), moved.to.as_deref()), (Some("2020-12-14T08:00:00Z"), Some("2020-12-14T09:00:00Z")));
    let gone_id = session_id("democon", gone["guid"].as_str().unwrap());
    assert!(summary.changes.iter().any(|c| c.change == "cancelled" && c.id == gone_id));
    assert!(summary.changes.iter().any(|c| c.change == "new" && c.title == "A new talk"));
    // Ids are stable: the moved talk keeps its id, so a star on it stays.
    assert!(atlas2.session(&moved.id, None).is_ok());
    assert!(atlas2.session(&gone_id, None).is_err());
    assert_eq!(atlas2.sessions("imp-democon", None).unwrap().len(), first.len());
    // One step of undo goes back to version 1.
    let undone = lib2.undone().unwrap();
    assert_eq!(undone.schedules[0].file_name, "democon.json");
    assert!(undone.build(&base).unwrap().session(&gone_id, None).is_ok());
    assert!(undone.undone().is_none(), "one step only");
}

#[test]
fn removing_a_schedule_leaves_the_built_in_data() {
    let base = embedded();
    let (lib, _, _) = import(
        &Library::default(),
        &base,
        &fixture("kielux-2020.ics"),
        "k.ics",
        &opts(),
        PackOptions::unsigned(PackMode::Extend),
        Utc::now(),
    )
    .unwrap();
    let key = lib.schedules[0].schedule.head.key.clone();
    let without = lib.without_schedule(&key).unwrap();
    assert_eq!(without.build(&base).unwrap().dataset(), Atlas::new(base.clone()).unwrap().dataset());
    assert!(lib.without_schedule("nope").is_none());
}

#[test]
fn a_failed_import_changes_nothing() {
    let base = embedded();
    let (lib, _, _) = import(
        &Library::default(),
        &base,
        &fixture("kielux-2020.ics"),
        "k.ics",
        &opts(),
        PackOptions::unsigned(PackMode::Extend),
        Utc::now(),
    )
    .unwrap();
    let before = lib.clone();
    let err = import(&lib, &base, b"<schedule><conference>", "bad.xml", &opts(), PackOptions::unsigned(PackMode::Extend), Utc::now())
        .unwrap_err();
    assert!(matches!(err, ImportError::Xml { .. }));
    assert_eq!(lib, before);
}

#[test]
fn packs_round_trip_extend_and_replace() {
    let base = embedded();
    let (lib, atlas, _) = import(
        &Library::default(),
        &base,
        &fixture("debconf23_pentabarf.xml"),
        "dc.xml",
        &opts(),
        PackOptions::unsigned(PackMode::Extend),
        Utc::now(),
    )
    .unwrap();
    let exported = pack::export(atlas.dataset()).unwrap();
    let report = atlas_import::check(exported.as_bytes(), &opts()).unwrap();
    assert_eq!(report.format, "atlas-pack");
    assert_eq!(report.events, atlas.dataset().sessions.len());
    // Replace: the pack is the whole dataset, the DebConf sessions included.
    let (replaced, atlas2, _) =
        import(&Library::default(), &base, exported.as_bytes(), "pack.json", &opts(), PackOptions::unsigned(PackMode::Replace), Utc::now())
            .unwrap();
    assert_eq!(atlas2.dataset().sessions.len(), atlas.dataset().sessions.len());
    assert!(replaced.pack.is_some());
    // Extend with a pack of one changed session.
    let mut small = atlas.dataset().clone();
    small.sessions.retain(|s| s.id.starts_with("imp-"));
    small.sessions[0].title = "Renamed by the pack".into();
    let renamed = small.sessions[0].id.clone();
    let (_, atlas3, _) = import(
        &Library::default(),
        &base,
        pack::export(&small).unwrap().as_bytes(),
        "p.json",
        &opts(),
        PackOptions::unsigned(PackMode::Extend),
        Utc::now(),
    )
    .unwrap();
    assert_eq!(atlas3.session(&renamed, None).unwrap().summary.title, "Renamed by the pack");
    assert!(atlas3.dataset().sessions.len() > base.sessions.len());
    let _ = lib;
}

#[test]
fn a_pack_that_does_not_validate_is_refused() {
    let base = embedded();
    let mut broken = base.clone();
    broken.sessions[0].speakers.push(atlas_domain::model::Speaker { person: "nobody".into(), role: "ghost".into() });
    let err = import(
        &Library::default(),
        &base,
        pack::export(&broken).unwrap().as_bytes(),
        "b.json",
        &opts(),
        PackOptions::unsigned(PackMode::Replace),
        Utc::now(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown person nobody"), "{err}");
    let mut newer = serde_json::to_value(&base).unwrap();
    newer["schema_version"] = 99.into();
    let err = import(
        &Library::default(),
        &base,
        newer.to_string().as_bytes(),
        "n.json",
        &opts(),
        PackOptions::unsigned(PackMode::Replace),
        Utc::now(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("newer Minerals Atlas"), "{err}");
    let mut wrong = serde_json::to_value(&base).unwrap();
    wrong["sessions"][0]["start"] = 5.into();
    let err = import(
        &Library::default(),
        &base,
        wrong.to_string().as_bytes(),
        "w.json",
        &opts(),
        PackOptions::unsigned(PackMode::Replace),
        Utc::now(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Pack(_)), "{err:?}");
}

#[test]
fn an_unsigned_pack_is_marked_unverified_wherever_its_records_show_and_a_signed_one_is_not() {
    let base = embedded();
    let mut pack_data = base.clone();
    pack_data.sessions.truncate(2);
    pack_data.sessions[0].title = "Changed by the pack".into();
    let changed = pack_data.sessions[0].id.clone();
    let untouched = base.sessions.last().unwrap().id.clone();
    let bytes = pack::export(&pack_data).unwrap();
    let (unsigned, atlas, summary) =
        import(&Library::default(), &base, bytes.as_bytes(), "usb.json", &opts(), PackOptions::unsigned(PackMode::Extend), Utc::now())
            .unwrap();
    assert_eq!(unsigned.pack_version(), 0);
    let marked = |a: &atlas_domain::Atlas, id: &str| {
        let s = a.dataset().sessions.iter().find(|s| s.id == id).unwrap();
        s.sources.iter().any(|x| x == pack::UNVERIFIED_SOURCE_ID)
    };
    assert!(marked(&atlas, &changed), "a record from the unsigned pack cites the unverified mark");
    assert!(!marked(&atlas, &untouched), "a built-in record the pack did not carry is not marked");
    // Lists say so too: the session summaries and the agenda.
    let event = atlas.dataset().sessions.iter().find(|s| s.id == changed).unwrap().event.clone();
    let summaries = atlas.sessions(&event, None).unwrap();
    assert!(summaries.iter().find(|s| s.id == changed).unwrap().unverified);
    let starred =
        [changed.clone(), untouched.clone()].map(|id| atlas_domain::item::ItemRef { kind: atlas_domain::item::ItemKind::Session, id });
    let agenda = atlas.agenda(&starred, None).unwrap();
    let flag = |id: &str| agenda.items.iter().find(|i| i.id == id).unwrap().unverified;
    assert!(flag(&changed) && !flag(&untouched));
    // And the calendar file says so in the event's description.
    let ics = atlas.agenda_ics(&starred, &Default::default(), Utc::now());
    let description_of = |id: &str| {
        let start = ics.find(&format!("UID:{id}@")).unwrap_or_else(|| panic!("{id} in the .ics"));
        let rest = &ics[start..];
        rest[..rest.find("END:VEVENT").unwrap()].replace("\r\n ", "")
    };
    assert!(description_of(&changed).contains("UNVERIFIED: from a data pack not signed"), "{}", description_of(&changed));
    assert!(!description_of(&untouched).contains("UNVERIFIED"));
    // And search: the changed session's result is marked, a built-in one is not.
    let found = |a: &atlas_domain::Atlas, title: &str, id: &str| {
        a.search(title, None).into_iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{title} finds {id}")).unverified
    };
    let untouched_title = base.sessions.last().unwrap().title.clone();
    assert!(found(&atlas, "Changed by the pack", &changed), "the unsigned pack's session is marked in search");
    assert!(!found(&atlas, &untouched_title, &untouched), "a built-in session is not marked in search");
    // The pack carries the built-in minerals too, so theirs are its records, marked as well.
    let mineral = base.minerals.iter().find(|m| !m.sources.is_empty()).unwrap();
    assert!(found(&atlas, &mineral.name, &mineral.id), "a mineral from the unsigned pack is marked in search");
    // And its USGS tables: the mineral view's and each country's rows, which the brief prints.
    let tables_marked = |a: &atlas_domain::Atlas| {
        let cobalt = a.mineral("cobalt").unwrap();
        let rows = a.country("COD").unwrap().minerals.stats;
        assert!(!cobalt.series.is_empty() && !rows.is_empty());
        let all = cobalt.unverified && cobalt.series.iter().all(|s| s.unverified) && rows.iter().all(|s| s.unverified);
        let none = !cobalt.unverified && cobalt.series.iter().all(|s| !s.unverified) && rows.iter().all(|s| !s.unverified);
        assert!(all || none, "all of one pack's tables are marked, or none");
        all
    };
    assert!(tables_marked(&atlas), "the unsigned pack's minerals, tables and country rows are marked");
    let mark = atlas.dataset().sources.iter().find(|s| s.id == pack::UNVERIFIED_SOURCE_ID).unwrap();
    assert_eq!(mark.kind, atlas_domain::model::SourceKind::UnverifiedPack);
    // The summary counts what the pack changed, not the marks.
    assert_eq!(summary.pack_changes, vec!["1 session changed".to_string()], "{:?}", summary.pack_changes);

    let signed = atlas_import::library::PackSignature { pack_version: 3, origin: "test".into(), date: "2026-12-01".into() };
    let (lib, atlas, _) = import(
        &unsigned,
        &base,
        bytes.as_bytes(),
        "pack-3.json",
        &opts(),
        PackOptions { mode: PackMode::Extend, signed: Some(signed) },
        Utc::now(),
    )
    .unwrap();
    assert_eq!(lib.pack_version(), 3);
    assert!(!marked(&atlas, &changed));
    assert!(!found(&atlas, "Changed by the pack", &changed), "a signed pack's session is not marked in search");
    assert!(!found(&atlas, &mineral.name, &mineral.id), "nor a signed pack's mineral");
    assert!(!tables_marked(&atlas), "nor a signed pack's tables");
    assert!(atlas.dataset().sources.iter().all(|s| s.id != pack::UNVERIFIED_SOURCE_ID));
    // Undo brings back the unsigned pack, marks and all.
    let back = lib.undone().unwrap().build(&base).unwrap();
    assert!(marked(&back, &changed));
    // A pack cannot word its own mark: a source of that id in the pack is replaced.
    let mut forged = pack_data.clone();
    forged.sources.push(atlas_domain::model::Source {
        id: pack::UNVERIFIED_SOURCE_ID.into(),
        url: String::new(),
        publisher: "Official".into(),
        title: "verified".into(),
        kind: atlas_domain::model::SourceKind::Official,
        copy_of: None,
        report: None,
    });
    let (_, atlas, _) = import(
        &Library::default(),
        &base,
        pack::export(&forged).unwrap().as_bytes(),
        "f.json",
        &opts(),
        PackOptions::unsigned(PackMode::Extend),
        Utc::now(),
    )
    .unwrap();
    let marks: Vec<_> = atlas.dataset().sources.iter().filter(|s| s.id == pack::UNVERIFIED_SOURCE_ID).collect();
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].kind, atlas_domain::model::SourceKind::UnverifiedPack);
}

#[test]
fn a_signature_on_a_schedule_is_refused() {
    let base = embedded();
    let signed = atlas_import::library::PackSignature { pack_version: 3, origin: "test".into(), date: "2026-12-01".into() };
    let err = import(
        &Library::default(),
        &base,
        &fixture("kielux-2020.ics"),
        "k.ics",
        &opts(),
        PackOptions { mode: PackMode::Extend, signed: Some(signed) },
        Utc::now(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("not a data pack"), "{err}");
}

#[test]
fn an_older_signed_pack_is_refused_even_after_the_newer_one_is_undone_or_removed() {
    let base = embedded();
    let mut pack_data = base.clone();
    pack_data.sessions.truncate(1);
    let bytes = pack::export(&pack_data).unwrap();
    let signed = |v| PackOptions {
        mode: PackMode::Extend,
        signed: Some(atlas_import::library::PackSignature { pack_version: v, origin: "test".into(), date: "2026-12-01".into() }),
    };
    let (lib, _, _) = import(&Library::default(), &base, bytes.as_bytes(), "pack-5.json", &opts(), signed(5), Utc::now()).unwrap();
    assert_eq!(lib.pack_version_floor(), 5, "installed: the same version is refused");
    let err = import(&lib, &base, bytes.as_bytes(), "again.json", &opts(), signed(5), Utc::now()).unwrap_err();
    assert!(err.to_string().contains("takes only packs newer than version 5"), "{err}");
    for (what, state) in [("undone", lib.undone().unwrap()), ("removed", lib.without_pack().unwrap())] {
        assert!(state.pack.is_none(), "{what}");
        assert_eq!(state.pack_version_floor(), 4, "{what}: nothing older than 5 comes back");
        let err = import(&state, &base, bytes.as_bytes(), "old.json", &opts(), signed(4), Utc::now()).unwrap_err();
        assert!(err.to_string().contains("pack version 4 is refused: this app takes only packs newer than version 4"), "{what}: {err}");
        assert!(import(&state, &base, bytes.as_bytes(), "p5.json", &opts(), signed(5), Utc::now()).is_ok(), "{what}: 5 again is taken");
        assert!(import(&state, &base, bytes.as_bytes(), "p6.json", &opts(), signed(6), Utc::now()).is_ok(), "{what}: newer is taken");
        // An unsigned pack is still taken (marked), and leaves the floor where it was.
        let (unsigned, _, _) =
            import(&state, &base, bytes.as_bytes(), "usb.json", &opts(), PackOptions::unsigned(PackMode::Extend), Utc::now()).unwrap();
        assert_eq!(unsigned.pack_version_floor(), 4);
    }
    // A library saved before the newest was kept: the installed pack and the undo step's count.
    let mut old = lib.clone();
    old.highest_pack_version = 0;
    assert_eq!(old.pack_version_floor(), 5);
    let mut old_undone = lib.without_pack().unwrap();
    old_undone.highest_pack_version = 0;
    assert_eq!(old_undone.pack_version_floor(), 4, "the undo step still holds pack 5");
}
