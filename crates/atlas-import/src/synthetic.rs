//! Synthetic but valid schedules of any size, for tests and benchmarks
//! (`cargo run -p atlas-import --example synthetic`). Deterministic.

// Inputs made here from counts that tests and benchmarks choose, never from
// outside data: the no-panic lints of this crate do not apply.
#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use chrono::{Duration, NaiveDate};

/// A frab XML schedule of `n` events over ten days in Europe/Berlin, 20 rooms.
pub fn frab_xml(n: usize, acronym: &str) -> String {
    let mut out = String::with_capacity(n * 700);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n  <version>synthetic-1</version>\n  <conference>\n");
    out.push_str(&format!("    <title>Synthetic Forum {acronym}</title>\n    <acronym>{acronym}</acronym>\n"));
    out.push_str("    <start>2026-06-01</start>\n    <end>2026-06-10</end>\n    <days>10</days>\n    <time_zone_name>Europe/Berlin</time_zone_name>\n  </conference>\n");
    let per_day = n.div_ceil(10).max(1);
    let day0 = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    for (d, chunk) in (0..n).collect::<Vec<_>>().chunks(per_day).enumerate() {
        let date = day0 + Duration::days(d as i64);
        out.push_str(&format!(
            "  <day index=\"{}\" date=\"{date}\" start=\"{date}T08:00:00+02:00\" end=\"{}T02:00:00+02:00\">\n",
            d + 1,
            date + Duration::days(1)
        ));
        for room in 0..20 {
            out.push_str(&format!("    <room name=\"Hall {room}\">\n"));
            for &i in chunk.iter().filter(|i| *i % 20 == room) {
                let slot = (i / 20) % (per_day / 20 + 1);
                let minutes = 8 * 60 + (slot as i64 * 30) % (15 * 60);
                let (h, m) = (minutes / 60, minutes % 60);
                out.push_str(&format!(
                    "      <event id=\"{i}\" guid=\"00000000-0000-4000-8000-{i:012}\">\n        <date>{date}T{h:02}:{m:02}:00+02:00</date>\n        <start>{h:02}:{m:02}</start>\n        <duration>00:25</duration>\n        <room>Hall {room}</room>\n        <title>Session {i}: supply chains for mineral {}</title>\n        <track>Track {}</track>\n        <type>Talk</type>\n        <abstract>Abstract of session {i} with &lt;b&gt;markup&lt;/b&gt; to strip.</abstract>\n        <persons><person id=\"{}\">Speaker {}</person></persons>\n      </event>\n",
                    i % 97, i % 7, i % 500, i % 500
                ));
            }
            out.push_str("    </room>\n");
        }
        out.push_str("  </day>\n");
    }
    out.push_str("</schedule>\n");
    out
}
