//! Events, sessions and the timeline, in their own zones and the viewer's.

use chrono::{DateTime, Utc};

use crate::error::DomainError;
use crate::model::*;
use crate::time::{TimeView, ZoneName, ZonedDateTime};
use crate::views::*;

use super::*;

/// One local day in `zone`, midnight to midnight, as UTC instants.
fn day_span(date: chrono::NaiveDate, zone: ZoneName) -> Option<Span> {
    let start = ZonedDateTime::start_of_day(date, zone).ok()?;
    let end = ZonedDateTime::start_of_day(date.succ_opt()?, zone).ok()?;
    let utc = |t: ZonedDateTime| t.instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Some(Span { date: date.to_string(), start_utc: utc(start), end_utc: utc(end) })
}

/// Where an entry ends on a timeline: as [`entry_end`], but an entry with a
/// clock time and no end is drawn an hour long.
fn drawn_end(t: &TimelineEntry) -> DateTime<Utc> {
    match (t.end, t.time_precision) {
        (None, TimePrecision::Exact | TimePrecision::StartOnly) => {
            t.start.instant.checked_add_signed(chrono::Duration::hours(1)).unwrap_or(t.start.instant)
        }
        _ => entry_end(t),
    }
}

/// When an entry is over: its end, else the end of its day (a day-precision
/// entry is not "past" at midnight of its own day), else its start.
fn entry_end(t: &TimelineEntry) -> DateTime<Utc> {
    match (t.end, t.time_precision) {
        (Some(end), _) => end.instant,
        (None, TimePrecision::Day) => t
            .start
            .local()
            .date_naive()
            .succ_opt()
            .and_then(|d| ZonedDateTime::start_of_day(d, t.start.zone).ok())
            .map_or(t.start.instant, |e| e.instant),
        (None, _) => t.start.instant,
    }
}

// Indexes are positions in the atlas's own vectors (see `mod.rs`).
#[allow(clippy::indexing_slicing)]
impl Atlas {
    pub fn events(&self) -> Vec<EventView> {
        let mut out: Vec<EventView> = self
            .data
            .events
            .iter()
            .map(|e| {
                let days = e.start.iter_days().take_while(|d| *d <= e.end).map(|d| d.to_string()).collect();
                let day_spans: Vec<Span> =
                    e.start.iter_days().take_while(|d| *d <= e.end).filter_map(|d| day_span(d, e.time_zone)).collect();
                let span = match (day_spans.first(), day_spans.last()) {
                    (Some(first), Some(last)) => {
                        Some(Span { date: first.date.clone(), start_utc: first.start_utc.clone(), end_utc: last.end_utc.clone() })
                    }
                    _ => None,
                };
                EventView {
                    primary: e.id == self.data.primary_event,
                    event: e.clone(),
                    days,
                    day_spans,
                    span,
                    session_count: self.data.sessions.iter().filter(|s| s.event == e.id).count(),
                    sources_expanded: self.sources(&e.sources),
                    status_as_of: self.event_status_as_of(e, e.status),
                }
            })
            .collect();
        out.sort_by_key(|a| a.event.start);
        out
    }

    pub(crate) fn session_summary(&self, s: &Session) -> SessionSummary {
        let date = s.start.local().date_naive();
        SessionSummary {
            id: s.id.clone(),
            event: s.event.clone(),
            title: s.title.clone(),
            kind: s.kind,
            start: s.start.to_rfc9557(),
            end: s.end.to_rfc9557(),
            time_zone: s.start.zone.name(),
            time_precision: s.time_precision,
            local_start: TimeView::new(s.start.instant, s.start.zone, date),
            local_end: TimeView::new(s.end.instant, s.end.zone, date),
            countries: s.countries.clone(),
            status: s.status,
            status_as_of: self.status_as_of(s.status, s.end.instant, !s.outcomes.is_empty()),
            unverified: self.cites_unverified(&s.sources),
        }
    }

    /// Sessions of an event in time order, optionally of one day (a date in the event's zone).
    pub fn sessions(&self, event: &str, day: Option<&str>) -> Result<Vec<SessionSummary>, DomainError> {
        let event_id = check_id("event id", event)?;
        let &ei = self.event_by_id.get(event_id).ok_or_else(|| DomainError::not_found("event", event))?;
        let ev = &self.data.events[ei];
        let day = match day {
            Some(d) => Some(parse_date("day", d)?),
            None => None,
        };
        if let Some(d) = day {
            if d < ev.start || d > ev.end {
                return Err(DomainError::invalid("day", format!("{d} is outside {} ({} to {})", ev.short_title, ev.start, ev.end)));
            }
        }
        Ok(self
            .data
            .sessions
            .iter()
            .filter(|s| s.event == ev.id)
            .filter(|s| day.map(|d| s.start.in_zone(ev.time_zone).date_naive() == d).unwrap_or(true))
            .map(|s| self.session_summary(s))
            .collect())
    }

    /// One session, with its times also shown in `viewer_zone` (an IANA name; UTC when absent).
    pub fn session(&self, id: &str, viewer_zone: Option<&str>) -> Result<SessionDetail, DomainError> {
        let key = check_id("session id", id)?;
        let &si = self.session_by_id.get(key).ok_or_else(|| DomainError::not_found("session", id))?;
        let zone = viewer_zone_or_utc(viewer_zone)?;
        let s = &self.data.sessions[si];
        let date = s.start.local().date_naive();
        Ok(SessionDetail {
            summary: self.session_summary(s),
            event_title: self.event_by_id.get(&s.event).map(|&e| self.data.events[e].title.clone()).unwrap_or_default(),
            event_date_note: self.event_by_id.get(&s.event).and_then(|&e| self.data.events[e].date_note.clone()),
            event_date_status: self.event_by_id.get(&s.event).and_then(|&e| self.data.events[e].date_status),
            venue: s.venue.clone(),
            speakers: s
                .speakers
                .iter()
                .filter_map(|sp| self.person(&sp.person).map(|p| SpeakerView { person: p.clone(), role: sp.role.clone() }))
                .collect(),
            country_refs: self.party_refs(&s.countries),
            summary_text: s.summary.clone(),
            outcomes: s.outcomes.clone(),
            status_note: s.status_note.clone(),
            sources: self.sources(&s.sources),
            viewer_start: TimeView::new(s.start.instant, zone, date),
            viewer_end: TimeView::new(s.end.instant, zone, date),
        })
    }

    pub(crate) fn timeline_view(&self, t: &TimelineEntry) -> TimelineView {
        self.timeline_view_in(t, ZoneName(chrono_tz::UTC))
    }

    pub(crate) fn timeline_view_in(&self, t: &TimelineEntry, zone: ZoneName) -> TimelineView {
        TimelineView {
            viewer_start: TimeView::new(t.start.instant, zone, t.start.local().date_naive()),
            id: t.id.clone(),
            title: t.title.clone(),
            kind: t.kind,
            start: t.start.to_rfc9557(),
            end: t.end.map(|e| e.to_rfc9557()),
            time_zone: t.start.zone.name(),
            time_precision: t.time_precision,
            local_start: TimeView::new(t.start.instant, t.start.zone, t.start.local().date_naive()),
            local_end: TimeView::new(drawn_end(t), t.start.zone, t.start.local().date_naive()),
            country: t.country.clone(),
            countries: t.countries.clone(),
            event: t.event.clone(),
            sessions: t.sessions.clone(),
            status: t.status,
            status_as_of: self.status_as_of(t.status, entry_end(t), false),
            status_note: t.status_note.clone(),
            unverified: self.cites_unverified(&t.sources),
            sources: self.sources(&t.sources),
        }
    }

    /// Timeline entries whose local start date lies in `from..=to` (either bound optional).
    pub fn timeline(&self, from: Option<&str>, to: Option<&str>) -> Result<Vec<TimelineView>, DomainError> {
        let from = from.map(|d| parse_date("from", d)).transpose()?;
        let to = to.map(|d| parse_date("to", d)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(DomainError::invalid("date range", format!("{f} is after {t}")));
            }
        }
        Ok(self
            .data
            .timeline
            .iter()
            .filter(|t| {
                let d = t.start.local().date_naive();
                from.map(|f| d >= f).unwrap_or(true) && to.map(|x| d <= x).unwrap_or(true)
            })
            .map(|t| self.timeline_view(t))
            .collect())
    }

    /// One timeline entry.
    pub fn timeline_entry(&self, id: &str, viewer_zone: Option<&str>) -> Result<TimelineView, DomainError> {
        let key = check_id("timeline id", id)?;
        let &i = self.timeline_by_id.get(key).ok_or_else(|| DomainError::not_found("timeline entry", id))?;
        let zone = viewer_zone_or_utc(viewer_zone)?;
        Ok(self.timeline_view_in(&self.data.timeline[i], zone))
    }
}
