//! What changed between two versions of a schedule: counts, and the
//! sessions moved, cancelled or new (the app tells the user of starred ones).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{event_id, session_id};
use crate::schedule::{rfc3339, Schedule};

/// A session whose time or existence changed between two versions of a schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionChange {
    pub id: String,
    pub title: String,
    /// `moved`, `cancelled` (gone from the file or marked cancelled) or `new`.
    pub change: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportSummary {
    /// `schedule` or `pack`.
    pub kind: &'static str,
    pub format: &'static str,
    pub title: String,
    /// The event the schedule became (`imp-<key>`); the pack has none.
    pub event_id: Option<String>,
    /// Whether an earlier version of the same schedule was replaced.
    pub replaced_earlier: bool,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// Moved, cancelled and new sessions, by id; the app picks the starred ones.
    pub changes: Vec<SessionChange>,
    /// A pack's changes to what the app shows, a line per kind of record
    /// ("2 sessions added", "1 agreement changed"); empty for schedules.
    pub pack_changes: Vec<String>,
    pub first_start_utc: Option<String>,
    pub last_start_utc: Option<String>,
    pub warnings: Vec<String>,
    /// The zone the schedule is shown in (IANA), and whether the file named
    /// it; when it did not, the app asks for the conference's zone.
    pub time_zone: Option<String>,
    pub zone_from_file: bool,
}

pub(super) fn summarise(old: Option<&Schedule>, new: &Schedule) -> ImportSummary {
    let key = &new.head.key;
    let when = |t: DateTime<Utc>| Some(rfc3339(t));
    let change =
        |e: &crate::ScheduleEvent, change, from, to| SessionChange { id: session_id(key, &e.id), title: e.title.clone(), change, from, to };
    let before: HashMap<&str, &crate::ScheduleEvent> =
        old.map(|o| o.events.iter().map(|e| (e.id.as_str(), e)).collect()).unwrap_or_default();
    let (mut added, mut updated, mut unchanged): (usize, usize, usize) = (0, 0, 0);
    let mut changes = Vec::new();
    for e in &new.events {
        match before.get(e.id.as_str()) {
            None => {
                added = added.saturating_add(1);
                if old.is_some() {
                    changes.push(change(e, "new", None, when(e.start)));
                }
            }
            Some(was) => {
                if e.cancelled && !was.cancelled {
                    changes.push(change(e, "cancelled", when(was.start), None));
                } else if was.start != e.start || was.end != e.end {
                    changes.push(change(e, "moved", when(was.start), when(e.start)));
                }
                if *was == e {
                    unchanged = unchanged.saturating_add(1)
                } else {
                    updated = updated.saturating_add(1)
                }
            }
        }
    }
    let now: std::collections::HashSet<&str> = new.events.iter().map(|e| e.id.as_str()).collect();
    let mut removed: usize = 0;
    if let Some(o) = old {
        for e in o.events.iter().filter(|e| !now.contains(e.id.as_str())) {
            removed = removed.saturating_add(1);
            changes.push(change(e, "cancelled", when(e.start), None));
        }
    }
    let report = new.check_report();
    ImportSummary {
        kind: "schedule",
        format: new.head.format.name(),
        title: new.head.title.clone(),
        event_id: Some(event_id(key)),
        replaced_earlier: old.is_some(),
        added,
        updated,
        unchanged,
        removed,
        changes,
        pack_changes: vec![],
        first_start_utc: report.first_start_utc,
        last_start_utc: report.last_start_utc,
        warnings: report.warnings,
        time_zone: Some(new.head.zone.name().to_string()),
        zone_from_file: new.head.declared_zone.is_some(),
    }
}
