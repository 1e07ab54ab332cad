//! iCalendar (RFC 5545) export of agenda items. Times are written in UTC
//! (`DTSTART:20260204T140000Z`), which every reader places correctly; items
//! known only to the day are all-day events (`VALUE=DATE`). Text is escaped
//! and lines are folded at 75 octets.

use chrono::{DateTime, Utc};

use crate::model::{Status, TimePrecision};

/// One event to write.
#[derive(Debug, Clone)]
pub struct IcsEvent {
    /// Stable across exports: the item's id.
    pub uid: String,
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
    pub start: crate::time::ZonedDateTime,
    pub end: Option<crate::time::ZonedDateTime>,
    pub precision: TimePrecision,
    pub status: Status,
}

pub fn calendar(events: &[IcsEvent], stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Minerals Atlas//Agenda//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "X-WR-CALNAME:Minerals Atlas agenda".to_string(),
    ];
    for e in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@minerals-atlas", escape(&e.uid)));
        lines.push(format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")));
        match e.precision {
            TimePrecision::Day => {
                let start = e.start.local().date_naive();
                let end = e.end.map(|x| x.local().date_naive()).filter(|d| *d > start).unwrap_or_else(|| start.succ_opt().unwrap_or(start));
                lines.push(format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")));
                lines.push(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
            }
            TimePrecision::Exact | TimePrecision::StartOnly => {
                lines.push(format!("DTSTART:{}", e.start.instant.format("%Y%m%dT%H%M%SZ")));
                let end = e
                    .end
                    .map(|x| x.instant)
                    .unwrap_or_else(|| e.start.instant.checked_add_signed(chrono::Duration::hours(1)).unwrap_or(e.start.instant));
                lines.push(format!("DTEND:{}", end.format("%Y%m%dT%H%M%SZ")));
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(l) = &e.location {
            lines.push(format!("LOCATION:{}", escape(l)));
        }
        lines.push(format!("DESCRIPTION:{}", escape(&e.description)));
        let status = match e.status {
            Status::Confirmed => "CONFIRMED",
            Status::Reported | Status::Uncertain | Status::Scheduled => "TENTATIVE",
        };
        lines.push(format!("STATUS:{status}"));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold_line(&line));
    }
    out
}

/// TEXT escaping (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (§3.1).
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len().saturating_add(line.len() / 64).saturating_add(8));
    let mut used: usize = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used.saturating_add(n) > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used = used.saturating_add(n);
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let line = format!("DESCRIPTION:{}", "é".repeat(80));
        let folded = fold_line(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }
}
