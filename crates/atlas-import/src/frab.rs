//! What the two frab formats (XML and schedule.json) mean by the same
//! fields, read once: an event's time from `date`, or from the day and
//! `start` across `day_change`; its end from `duration`; its stable id; its
//! abstract and description as text; and the one warning for files whose
//! `start` clock times disagree with their dates.

use atlas_domain::time::{ZoneName, ZonedDateTime};
use chrono::{DateTime, NaiveDate, Timelike, Utc};

use crate::schedule::{parse_clock, parse_duration, Warnings};
use crate::text::{markup_to_text, one_line, safe_id};
use crate::when;

/// A conference day, as its events' clock times are read in.
#[derive(Debug, Clone, Copy)]
pub struct Day {
    pub date: Option<NaiveDate>,
    /// The clock time (minutes) at which the conference day begins: a talk
    /// at 01:00 on a day that starts at 10:00 is on the next date.
    pub day_change: Option<u32>,
    /// The zone of times without an offset: the declared one, else the user's choice, else UTC.
    pub zone: ZoneName,
}

impl Day {
    /// From the day's `date` (YYYY-MM-DD) and its start (`day_start` or `start`).
    pub fn new(date: Option<&str>, start: Option<&str>, zone: ZoneName) -> Day {
        Day { date: date.and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()), day_change: day_change(start, zone), zone }
    }
}

/// An event's time fields as the file gives them.
pub struct EventTimes<'a> {
    pub date: Option<String>,
    pub start: Option<String>,
    pub duration: Option<String>,
    /// Where `date` and `duration` are, for warnings.
    pub date_at: &'a str,
    pub duration_at: &'a str,
}

/// Start and end as instants; `None` (with a warning) when there is no usable start.
pub fn instants(
    t: EventTimes<'_>,
    day: Day,
    title: &str,
    location: &str,
    clock: &mut ClockCheck,
    warnings: &mut Warnings,
) -> Option<(DateTime<Utc>, Option<DateTime<Utc>>)> {
    let start_clock = t.start.as_deref().and_then(parse_clock);
    let start = match t.date.map(|d| (DateTime::parse_from_rfc3339(&d), d)) {
        Some((Ok(date), _)) => {
            clock.see(location, &date, start_clock, day.zone);
            date.with_timezone(&Utc)
        }
        other => {
            // Older files: the day's date plus the start clock time, in the conference zone.
            if let Some((Err(_), text)) = other {
                warnings.push(t.date_at, format!("date \"{}\" is not RFC 3339; using the day and start instead", one_line(&text, 40)));
            }
            let (Some(date), Some(minutes)) = (day.date, start_clock) else {
                warnings.push(location, format!("\"{title}\" has no usable date or start time; skipped"));
                return None;
            };
            let date = if day.day_change.is_some_and(|c| minutes < c) { date.succ_opt()? } else { date };
            let local = date.and_hms_opt(minutes / 60, minutes % 60, 0)?;
            match ZonedDateTime::from_local(local, day.zone) {
                Ok(z) => z.instant,
                Err(e) => {
                    warnings.push(location, format!("\"{title}\": {e}; skipped"));
                    return None;
                }
            }
        }
    };
    let Some(start) = when::in_range(start) else {
        warnings.push(location, format!("{}; skipped", when::out_of_range(&format!("the start of \"{title}\""))));
        return None;
    };
    let end = match t.duration {
        Some(d) => match parse_duration(&d) {
            Some(len) => {
                let end = when::after(start, len);
                if end.is_none() {
                    warnings.push(t.duration_at, format!("{}; the end is not known", when::out_of_range("the end")));
                }
                end
            }
            None => {
                warnings.push(t.duration_at, format!("duration \"{}\" is not HH:MM; the end is not known", one_line(&d, 20)));
                None
            }
        },
        None => None,
    };
    Some((start, end))
}

/// The file's guid or id, made safe; from the title and start when it has neither.
pub fn event_id(guid_or_id: &str, title: &str, start: DateTime<Utc>, location: &str, warnings: &mut Warnings) -> String {
    let id = safe_id(guid_or_id, 64);
    if !id.is_empty() {
        return id;
    }
    warnings.push(
        location,
        format!("\"{title}\" has no id or guid; its id is made from its title and start, so a later version may not match it"),
    );
    safe_id(&format!("{}-{}", title, start.timestamp()), 64)
}

/// The title on one line, or "(untitled)" with a warning.
pub fn title(text: Option<String>, location: &str, warnings: &mut Warnings) -> String {
    match text {
        Some(t) => one_line(&t, 300),
        None => {
            warnings.push(location, "event without a title; imported as \"(untitled)\"");
            "(untitled)".into()
        }
    }
}

/// Abstract and description as plain text, once if they are the same.
pub fn text(abstract_text: Option<String>, description: Option<String>) -> String {
    let parts: Vec<String> =
        [abstract_text, description].into_iter().flatten().map(|t| markup_to_text(&t)).filter(|t| !t.is_empty()).collect();
    if let [first, second] = parts.as_slice() {
        if first == second {
            return first.clone();
        }
    }
    parts.join("\n\n")
}

/// A web address, if it is one.
pub fn web_url(url: Option<String>) -> Option<String> {
    url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

/// The clock time (minutes) of a day's RFC 3339 start, in `zone`.
fn day_change(day_start: Option<&str>, zone: ZoneName) -> Option<u32> {
    day_start
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .map(|s| s.with_timezone(&zone.0).time().num_seconds_from_midnight() / 60)
}

/// Compares each `<start>` with the clock time of `<date>` in the declared
/// zone, and reports the disagreements once for the file.
#[derive(Default)]
pub struct ClockCheck {
    pub mismatched: usize,
    pub matches_own_offset: usize,
    pub first: Option<(String, String)>,
}

impl ClockCheck {
    pub fn see(&mut self, location: &str, date: &DateTime<chrono::FixedOffset>, start_minutes: Option<u32>, zone: ZoneName) {
        let Some(start) = start_minutes else { return };
        let in_zone = date.with_timezone(&zone.0).time().num_seconds_from_midnight() / 60;
        if in_zone == start {
            return;
        }
        self.mismatched = self.mismatched.saturating_add(1);
        let own = date.time().num_seconds_from_midnight() / 60;
        if own == start {
            self.matches_own_offset = self.matches_own_offset.saturating_add(1);
        }
        if self.first.is_none() {
            self.first = Some((location.to_string(), date.offset().to_string()));
        }
    }
    pub fn report(&self, declared: Option<ZoneName>, warnings: &mut Warnings) {
        let (Some(zone), Some((at, offset))) = (declared, &self.first) else { return };
        let message = if self.matches_own_offset == self.mismatched {
            format!(
                "{} events give a start clock time at their date's own offset ({offset}), not in the declared zone {}; each event's dated instant is used",
                self.mismatched,
                zone.name()
            )
        } else {
            format!(
                "{} events give a start clock time that disagrees with their date in {}; each event's dated instant is used",
                self.mismatched,
                zone.name()
            )
        };
        warnings.push(format!("{at} and others"), message);
    }
}
