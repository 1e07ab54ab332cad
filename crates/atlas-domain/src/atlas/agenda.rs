//! The user's starred items: the agenda in time order with clashes, and its iCalendar export.

use chrono::{DateTime, Utc};

use crate::error::DomainError;
use crate::model::*;
use crate::time::TimeView;
use crate::views::*;

use super::*;
use crate::item::{ItemKind, ItemRef};

// Indexes are positions in the atlas's own vectors (see `mod.rs`).
#[allow(clippy::indexing_slicing)]
impl Atlas {
    /// The starred items in time order, with overlaps flagged. Items known
    /// only to the day overlap nothing: their clock times are not known.
    pub fn agenda(&self, starred: &[ItemRef], viewer_zone: Option<&str>) -> Result<AgendaView, DomainError> {
        let zone = viewer_zone_or_utc(viewer_zone)?;
        let mut items: Vec<(AgendaItem, crate::time::ZonedDateTime, crate::time::ZonedDateTime)> = Vec::new();
        let mut missing = Vec::new();
        for ItemRef { kind, id } in starred {
            let found = match kind {
                ItemKind::Session => self.session_by_id.get(id).map(|&i| {
                    let s = &self.data.sessions[i];
                    ("session", s.title.clone(), s.start, Some(s.end), s.time_precision, s.status, self.cites_unverified(&s.sources))
                }),
                ItemKind::Timeline => self.timeline_by_id.get(id).map(|&i| {
                    let t = &self.data.timeline[i];
                    ("timeline", t.title.clone(), t.start, t.end, t.time_precision, t.status, self.cites_unverified(&t.sources))
                }),
            };
            let Some((kind_name, title, start, end, precision, status, unverified)) = found else {
                missing.push(id.clone());
                continue;
            };
            let end_or_hour = end.unwrap_or(crate::time::ZonedDateTime {
                instant: start.instant.checked_add_signed(chrono::Duration::hours(1)).unwrap_or(start.instant),
                zone: start.zone,
            });
            let date = start.local().date_naive();
            items.push((
                AgendaItem {
                    kind: kind_name,
                    id: id.clone(),
                    title,
                    start: start.to_rfc9557(),
                    time_zone: start.zone.name(),
                    time_precision: precision,
                    local_start: TimeView::new(start.instant, start.zone, date),
                    viewer_start: TimeView::new(start.instant, zone, date),
                    viewer_end: end.map(|e| TimeView::new(e.instant, zone, date)),
                    status,
                    status_as_of: self.status_as_of(status, end_or_hour.instant, false),
                    conflicts_with: vec![],
                    unverified,
                },
                start,
                end_or_hour,
            ));
        }
        items.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
        // Two timed items clash when each starts before the other ends.
        let timed: Vec<(String, DateTime<Utc>, DateTime<Utc>)> =
            items.iter().filter(|x| x.0.time_precision != TimePrecision::Day).map(|x| (x.0.id.clone(), x.1.instant, x.2.instant)).collect();
        for (item, start, end) in items.iter_mut().filter(|x| x.0.time_precision != TimePrecision::Day) {
            item.conflicts_with = timed
                .iter()
                .filter(|(id, s, e)| *id != item.id && start.instant < *e && *s < end.instant)
                .map(|(id, _, _)| id.clone())
                .collect();
        }
        Ok(AgendaView { items: items.into_iter().map(|x| x.0).collect(), missing })
    }

    /// The starred items as an iCalendar file, stamped with `stamp`, each
    /// with the user's note on it first (`notes` keyed `session:<id>`,
    /// `timeline:<id>`, as the user data keeps them).
    pub fn agenda_ics(
        &self,
        starred: &[ItemRef],
        notes: &std::collections::BTreeMap<String, String>,
        stamp: chrono::DateTime<chrono::Utc>,
    ) -> String {
        let mut events = Vec::new();
        for item in starred {
            let ItemRef { kind, id } = item;
            let note = notes.get(&format!("{}:{}", kind.as_str(), id)).map(|n| n.trim()).filter(|n| !n.is_empty());
            // The note first (it is the user's), then, as the window does, the
            // mark of facts from a pack no trusted key signed, then the record.
            let describe = |description: String, sources: &[String]| {
                let description = if self.cites_unverified(sources) {
                    format!("UNVERIFIED: from a data pack not signed by a key this app trusts.\n\n{description}")
                } else {
                    description
                };
                match note {
                    Some(n) => format!("Your note: {n}\n\n{description}"),
                    None => description,
                }
            };
            match kind {
                ItemKind::Session => {
                    if let Some(&i) = self.session_by_id.get(id) {
                        let s = &self.data.sessions[i];
                        let speakers: Vec<String> =
                            s.speakers.iter().filter_map(|sp| self.person(&sp.person)).map(|p| p.name.clone()).collect();
                        let mut description = format!("{}\n\nStatus: {:?}", s.summary, s.status);
                        if !speakers.is_empty() {
                            description.push_str(&format!("\nSpeakers: {}", speakers.join(", ")));
                        }
                        if s.time_precision != TimePrecision::Exact {
                            description.push_str(match s.time_precision {
                                TimePrecision::Day => "\nOnly the date is known; the time was not published.",
                                _ => "\nThe end time was not published; one hour is shown.",
                            });
                        }
                        description.push_str("\nSources:");
                        for src in self.sources(&s.sources) {
                            description.push_str(&format!("\n- {}: {} {}", src.publisher, src.title, src.url));
                        }
                        let event = self.event_by_id.get(&s.event).map(|&e| &self.data.events[e]);
                        events.push(crate::ics::IcsEvent {
                            uid: s.id.clone(),
                            summary: s.title.clone(),
                            location: s.venue.clone().or_else(|| event.and_then(|e| e.city.clone())),
                            description: describe(description, &s.sources),
                            start: s.start,
                            end: Some(s.end),
                            precision: s.time_precision,
                            status: s.status,
                        });
                    }
                }
                ItemKind::Timeline => {
                    if let Some(&i) = self.timeline_by_id.get(id) {
                        let t = &self.data.timeline[i];
                        let mut description = format!("Status: {:?}", t.status);
                        if let Some(n) = &t.status_note {
                            description.push_str(&format!(" ({n})"));
                        }
                        description.push_str("\nSources:");
                        for src in self.sources(&t.sources) {
                            description.push_str(&format!("\n- {}: {} {}", src.publisher, src.title, src.url));
                        }
                        events.push(crate::ics::IcsEvent {
                            uid: t.id.clone(),
                            summary: t.title.clone(),
                            location: None,
                            description: describe(description, &t.sources),
                            start: t.start,
                            end: t.end,
                            precision: t.time_precision,
                            status: t.status,
                        });
                    }
                }
            }
        }
        events.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.uid.cmp(&b.uid)));
        crate::ics::calendar(&events, stamp)
    }
}
