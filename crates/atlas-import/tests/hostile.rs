//! The hostile corpus: each input gives a clear error or warnings, never a
//! crash or a hang. Inputs are made here, not stored.

use std::io::Write;
use std::time::Instant;

use atlas_import::{check, parse, read_limited, ImportError, ImportOptions, Parsed, MAX_INPUT_BYTES};

fn opts() -> ImportOptions {
    ImportOptions::default()
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures").join(name);
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("the shared fixture {} is missing ({e}); CI puts ../shared beside the checkout", path.display()))
}

fn schedule(bytes: &[u8]) -> atlas_import::Schedule {
    match parse(bytes, &opts()).unwrap() {
        Parsed::Schedule(s) => s,
        Parsed::Pack(_) => panic!("not a schedule"),
    }
}

const TINY_XML: &str = r#"<?xml version="1.0"?>
<schedule><conference><title>T</title><acronym>t</acronym><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2026-06-01" start="2026-06-01T08:00:00+02:00">
<room name="A"><event id="1" guid="g1"><date>2026-06-01T10:00:00+02:00</date><start>10:00</start><duration>00:30</duration><title>One</title></event></room>
</day></schedule>"#;

#[test]
fn truncated_xml_is_an_error_with_a_line() {
    let full = fixture("debconf23_pentabarf.xml");
    let cut = &full[..full.len() / 2];
    match parse(cut, &opts()) {
        Err(ImportError::Xml { line, message }) => {
            assert!(line > 100, "line {line}");
            assert!(message.contains("truncated") || message.contains("end"), "{message}");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn truncated_json_is_an_error_with_a_line_and_column() {
    let full = fixture("frab-camp2019_schedule.json");
    let cut = &full[..full.len() / 3];
    match parse(cut, &opts()) {
        Err(ImportError::Json { line, column, .. }) => assert!(line > 10 && column > 0),
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn billion_laughs_is_refused_without_expanding_anything() {
    let mut doc = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [\n <!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        doc.push_str(&format!(" <!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10)));
    }
    doc.push_str("]>\n<schedule><conference><title>&lol9;</title></conference></schedule>\n");
    let started = Instant::now();
    assert_eq!(parse(doc.as_bytes(), &opts()).unwrap_err(), ImportError::Dtd { line: 2 });
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn external_entities_are_refused() {
    let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<schedule>&xxe;</schedule>";
    assert_eq!(parse(doc.as_bytes(), &opts()).unwrap_err(), ImportError::Dtd { line: 2 });
}

#[test]
fn an_undeclared_entity_is_never_expanded() {
    let doc = TINY_XML.replace("<title>One</title>", "<title>One &xxe; two</title>");
    let s = schedule(doc.as_bytes());
    assert_eq!(s.events[0].title, "One two");
    assert!(s.warnings.iter().any(|w| w.message.contains("&xxe;") && w.location.starts_with("line 4")), "{:?}", s.warnings);
}

#[test]
fn a_60_mib_file_is_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("atlas-import-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.xml");
    let mut f = std::fs::File::create(&path).unwrap();
    f.set_len(60 * 1024 * 1024).unwrap();
    f.flush().unwrap();
    let started = Instant::now();
    let err = read_limited(&path).unwrap_err();
    assert_eq!(err, ImportError::TooLarge { bytes: 60 * 1024 * 1024, limit: MAX_INPUT_BYTES });
    assert!(err.to_string().contains("50 MiB"));
    assert!(started.elapsed().as_millis() < 1000, "refused without reading");
    // Bytes handed over directly (a drop on the window) are refused the same way.
    let bytes = vec![b' '; (MAX_INPUT_BYTES + 1) as usize];
    assert!(matches!(parse(&bytes, &opts()), Err(ImportError::TooLarge { .. })));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn windows_1252_bytes_are_an_encoding_error_with_a_place() {
    let mut doc = TINY_XML.as_bytes().to_vec();
    let at = TINY_XML.find("One").unwrap();
    doc.splice(at..at + 3, [b'C', b'a', b'f', 0xE9]); // "Café" in Windows-1252
    match parse(&doc, &opts()) {
        Err(e @ ImportError::Encoding { line: 4, byte: 0xE9, .. }) => assert!(e.to_string().contains("UTF-8")),
        other => panic!("expected an encoding error on line 4, got {other:?}"),
    }
}

#[test]
fn empty_and_blank_files_are_said_to_be_empty() {
    assert_eq!(parse(b"", &opts()).unwrap_err(), ImportError::Empty);
    assert_eq!(parse(b" \n\t\r\n", &opts()).unwrap_err(), ImportError::Empty);
    assert_eq!(parse("\u{feff}".as_bytes(), &opts()).unwrap_err(), ImportError::Empty);
}

#[test]
fn unknown_content_names_what_was_expected() {
    let e = parse(b"PK\x03\x04 zip", &opts()).unwrap_err();
    assert!(matches!(e, ImportError::UnknownFormat { .. }), "{e:?}");
    assert!(e.to_string().contains("iCalendar"));
    let e = parse(b"<html><body>hi</body></html>", &opts()).unwrap_err();
    assert!(e.to_string().contains("<schedule>"), "{e}");
}

#[test]
fn wrong_types_in_json_are_warnings_with_paths() {
    let doc = r#"{"schedule":{"conference":{"title":42,"acronym":["x"],"time_zone_name":"Mars/Olympus","days":[
        {"date":"2026-06-01","rooms":{"A":[
            {"id":{"x":1},"guid":null,"title":7,"date":"2026-06-01T10:00:00+02:00","start":"10:00","duration":"forty","persons":"nobody"},
            {"id":2,"title":"No date at all"},
            {"id":3,"title":"Date is a number","date":20260601,"start":"11:00"},
            "not an event"
        ]}},
        "not a day"
    ]}}}"#;
    let s = schedule(doc.as_bytes());
    assert_eq!(s.events.len(), 2, "{:?}", s.events);
    let all: Vec<String> = s.warnings.iter().map(|w| w.to_string()).collect();
    let has = |needle: &str| all.iter().any(|w| w.contains(needle));
    assert!(has("schedule.conference.acronym: expected text, found a list"), "{all:#?}");
    assert!(has("unknown time zone \"Mars/Olympus\""), "{all:#?}");
    assert!(has(r#"rooms["A"][0].id: expected text, found an object"#), "{all:#?}");
    assert!(has(r#"rooms["A"][0].duration: duration "forty" is not HH:MM"#), "{all:#?}");
    assert!(has(r#"rooms["A"][0].persons: expected a list"#), "{all:#?}");
    assert!(has(r#"rooms["A"][1]: "No date at all" has no usable date"#), "{all:#?}");
    assert!(has(r#"rooms["A"][3]: an event that is not an object"#), "{all:#?}");
    assert!(has("days[1]: a day that is not an object"), "{all:#?}");
    // A number given for text is read as text: the title 7, and the date 20260601 is not RFC 3339.
    assert!(s.events.iter().any(|e| e.title == "7"));
}

#[test]
fn end_before_start_drops_the_end_with_a_warning() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Backwards\r\nDTSTART:20260601T100000Z\r\nDTEND:20260601T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let s = schedule(ics.as_bytes());
    assert_eq!(s.events[0].end, None);
    assert!(s.warnings.iter().any(|w| w.location == "line 3" && w.message.contains("ends before it starts")), "{:?}", s.warnings);
    let xml = TINY_XML.replace("<duration>00:30</duration>", "<duration>-00:30</duration>");
    let s = schedule(xml.as_bytes());
    assert_eq!(s.events[0].end, None);
    assert!(s.warnings.iter().any(|w| w.message.contains("not HH:MM")));
}

#[test]
fn duplicate_ids_are_kept_apart_with_a_warning() {
    let xml =
        TINY_XML.replace("</room>", "<event id=\"1\" guid=\"g1\"><date>2026-06-01T11:00:00+02:00</date><title>Two</title></event></room>");
    let s = schedule(xml.as_bytes());
    let ids: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, vec!["g1", "g1-2"]);
    assert!(s.warnings.iter().any(|w| w.message.contains("id g1 is used again (first at line 4)")), "{:?}", s.warnings);
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let xml = format!("<schedule>{}{}</schedule>", "<a>".repeat(100_000), "</a>".repeat(100_000));
    assert!(matches!(parse(xml.as_bytes(), &opts()), Err(ImportError::Xml { .. })));
    let json = format!("{{\"schedule\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(parse(json.as_bytes(), &opts()), Err(ImportError::Json { .. })));
    let mut ics = String::from("BEGIN:VCALENDAR\n");
    for _ in 0..1000 {
        ics.push_str("BEGIN:X\n");
    }
    assert!(matches!(parse(ics.as_bytes(), &opts()), Err(ImportError::Ical { .. })));
}

#[test]
fn a_calendar_with_no_usable_event_says_so() {
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:No start\nEND:VEVENT\nEND:VCALENDAR\n";
    let e = parse(ics.as_bytes(), &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NoEvents(_)), "{e:?}");
    // A broken line inside the calendar is skipped with its line number.
    let ics = "BEGIN:VCALENDAR\nnonsense line\nBEGIN:VEVENT\nUID:u\nSUMMARY:Kept\nDTSTART:20260408T100000Z\nEND:VEVENT\nEND:VCALENDAR\n";
    let s = schedule(ics.as_bytes());
    assert_eq!(s.events.len(), 1);
    assert!(s.warnings.iter().any(|w| w.location == "line 2" && w.message.contains("no ':'")), "{:?}", s.warnings);
    // Before the calendar starts, it is an error.
    let e = parse(b"BEGIN:VCALENDAR-ish\n", &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Ical { line: 1, .. }), "{e:?}");
}

#[test]
fn a_truncated_calendar_keeps_its_whole_events_and_says_where_it_stopped() {
    let full = String::from_utf8(fixture("kielux-2020.ics")).unwrap();
    let cut = &full[..full.find("UID:468@KOLT20").unwrap()];
    let s = schedule(cut.as_bytes());
    assert_eq!(s.events.len(), 2);
    assert!(s.warnings.iter().any(|w| w.message.contains("truncated")), "{:?}", s.warnings);
}

#[test]
fn floating_times_are_read_in_the_chosen_zone_and_said_so() {
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:f\nSUMMARY:Floating\nDTSTART:20260408T100000\nDURATION:PT1H\nEND:VEVENT\nEND:VCALENDAR\n";
    let s = schedule(ics.as_bytes());
    assert_eq!(s.events[0].start.to_rfc3339(), "2026-04-08T10:00:00+00:00");
    assert!(s.warnings.iter().any(|w| w.message.contains("floating") && w.message.contains("UTC")));
    let karachi = atlas_domain::time::ZoneName::parse("Asia/Karachi").unwrap();
    let Parsed::Schedule(s) = parse(ics.as_bytes(), &ImportOptions { zone: Some(karachi) }).unwrap() else { panic!() };
    assert_eq!(s.events[0].start.to_rfc3339(), "2026-04-08T05:00:00+00:00");
    assert_eq!(s.head.zone, karachi);
    assert_eq!(s.events[0].end.unwrap().to_rfc3339(), "2026-04-08T06:00:00+00:00");
}

#[test]
fn tzid_and_all_day_events_are_placed_in_their_zone() {
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:z\nSUMMARY:Zoned\nDTSTART;TZID=Asia/Karachi:20260408T100000\nDTEND;TZID=Asia/Karachi:20260408T113000\nEND:VEVENT\nBEGIN:VEVENT\nUID:d\nSUMMARY:All day\nDTSTART;VALUE=DATE:20260409\nEND:VEVENT\nEND:VCALENDAR\n";
    let s = schedule(ics.as_bytes());
    assert_eq!(s.head.declared_zone.map(|z| z.name()), Some("Asia/Karachi"));
    assert_eq!(s.events[0].start.to_rfc3339(), "2026-04-08T05:00:00+00:00");
    assert!(s.events[1].all_day);
    assert_eq!(s.events[1].start.to_rfc3339(), "2026-04-08T19:00:00+00:00");
    assert_eq!(s.events[1].end.unwrap().to_rfc3339(), "2026-04-09T19:00:00+00:00");
}

#[test]
fn frab_times_without_offsets_follow_the_day_change() {
    // A congress day runs 10:00 to 04:00; a 01:00 talk belongs to the next calendar date.
    let xml = r#"<schedule><conference><title>C</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day date="2026-12-27" start="2026-12-27T10:00:00+01:00"><room name="A">
<event id="1"><start>23:00</start><duration>01:00</duration><title>Late</title></event>
<event id="2"><start>01:00</start><duration>01:00</duration><title>After midnight</title></event>
</room></day></schedule>"#;
    let s = schedule(xml.as_bytes());
    let starts: Vec<String> = s.events.iter().map(|e| e.start.to_rfc3339()).collect();
    assert_eq!(starts, vec!["2026-12-27T22:00:00+00:00", "2026-12-28T00:00:00+00:00"]);
}

#[test]
fn markup_in_abstracts_is_reduced_to_text() {
    let xml = TINY_XML.replace("<title>One</title>", "<title>One</title><abstract>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt; &lt;img src=x onerror=alert(2)&gt;</abstract>");
    let s = schedule(xml.as_bytes());
    assert_eq!(s.events[0].text, "Bold");
}

#[test]
fn twenty_thousand_events_import() {
    let xml = atlas_import::synthetic::frab_xml(20_000, "big");
    let started = Instant::now();
    let report = check(xml.as_bytes(), &opts()).unwrap();
    let took = started.elapsed();
    assert_eq!(report.events, 20_000);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    println!("20,000 events, {} bytes, checked in {took:?}", xml.len());
}

#[test]
fn a_calendar_folded_inside_a_character_is_unfolded_before_decoding() {
    // RFC 5545 folds at 75 octets: here the fold splits the two bytes of "é".
    let mut doc = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fold\r\nDTSTART:20260601T100000Z\r\nSUMMARY:Caf\xc3".to_vec();
    doc.extend_from_slice(b"\r\n \xa9 au lait\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    let s = schedule(&doc);
    assert_eq!(s.events[0].title, "Café au lait");
    // A byte that is not UTF-8 even after unfolding is still an error with its line.
    let bad = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Caf\xe9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert!(matches!(parse(bad, &opts()), Err(ImportError::Encoding { line: 3, byte: 0xE9, .. })));
}

#[test]
fn a_first_line_in_another_script_is_a_reason_not_a_panic() {
    for first in ["Расписание конференции", "ÄÖÜ ÄÖÜ ÄÖÜ", "Πρόγραμμα", "会议日程安排表", "📅🗓️ Schedule"]
    {
        let doc = format!("{first}\nBEGIN:VCALENDAR\n");
        match parse(doc.as_bytes(), &opts()) {
            Err(ImportError::UnknownFormat { starts_with }) => assert!(starts_with.starts_with(first.split(' ').next().unwrap())),
            other => panic!("{first}: expected an unknown format, got {other:?}"),
        }
    }
}

#[test]
fn times_outside_the_years_the_app_shows_are_skipped_with_the_reason() {
    let far = TINY_XML.replace("date=\"2026-06-01\"", "date=\"2500-12-31\"");
    let far = far.replace("<date>2026-06-01T10:00:00+02:00</date>", "");
    let err = parse(far.as_bytes(), &opts()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("outside the years 1900 to 2200"), "{text}");
    let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:End of time\r\nDTSTART:99991231T233000Z\r\nDURATION:P52W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert!(parse(ics.as_bytes(), &opts()).unwrap_err().to_string().contains("outside the years"));
    let near_edge = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Edge\r\nDTSTART:22001231T233000Z\r\nDURATION:P52W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let s = schedule(near_edge.as_bytes());
    assert_eq!(s.events[0].end, None, "an end past 2200 is not known, never an overflow");
}

#[test]
fn utf16_is_named_as_utf16() {
    let mut doc = vec![0xFF, 0xFE];
    doc.extend(TINY_XML.encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert_eq!(parse(&doc, &opts()).unwrap_err(), ImportError::Utf16);
}

#[test]
fn entity_and_markup_work_stays_linear_in_shape() {
    // Not a timing: the results that the old quadratic paths also gave must stay right.
    let text = atlas_import::markup_to_text_for_tests(&format!("{}<script>{}</SCRIPT>tail", "R&amp;D ".repeat(3), "x<".repeat(10)));
    assert_eq!(text, "R&D R&D R&D tail");
    assert_eq!(atlas_import::markup_to_text_for_tests("&&&;&amp"), "&&&;&amp");
    assert_eq!(atlas_import::markup_to_text_for_tests("a &#x1F600; b &verylongentityname; c"), "a 😀 b &verylongentityname; c");
}

#[test]
fn a_pack_with_a_time_the_app_cannot_show_is_refused_like_any_import() {
    let atlas = atlas_domain::Atlas::embedded().unwrap();
    let mut dataset = atlas.dataset().clone();
    let far = chrono::DateTime::parse_from_rfc3339("2500-01-01T00:00:00Z").unwrap().with_timezone(&chrono::Utc);
    dataset.sessions[0].end.instant = far;
    let text = atlas_import::pack::export(&dataset).unwrap();
    let err = parse(text.as_bytes(), &opts()).unwrap_err();
    assert!(matches!(&err, ImportError::Pack(m) if m.contains("outside the years 1900 to 2200")), "{err}");
}
