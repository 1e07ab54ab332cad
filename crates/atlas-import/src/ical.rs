//! iCalendar (RFC 5545) VEVENTs: folded lines, escaped text, TZID, UTC and
//! floating times, all-day dates, DURATION. Components other than VEVENT
//! (VTIMEZONE, VTODO, VALARM) are passed over; zones are taken from their
//! IANA names, never from VTIMEZONE rules.

use std::collections::BTreeMap;

use atlas_domain::time::{ZoneName, ZonedDateTime};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::schedule::{declared_zone, display_zone, parse_iso_duration, schedule_key, Format, Head, Schedule, ScheduleEvent, Warnings};
use crate::text::{markup_to_text, one_line, safe_id};
use crate::{when, ImportError, ImportOptions};

/// One unfolded content line: `NAME;PARAM=V:value`, and where it started.
struct ContentLine {
    line: usize,
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl ContentLine {
    fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Content lines with their folds undone, each with the line it started on.
/// RFC 5545 folds at 75 octets, which may fall inside a character: the
/// folds are undone on the bytes, and each whole line is decoded after.
fn unfold(bytes: &[u8]) -> Result<Vec<(usize, String)>, ImportError> {
    let mut raw_lines: Vec<(usize, Vec<u8>)> = Vec::new();
    // Lines end in CRLF (RFC 5545) or LF; a file with neither but bare CRs
    // (old Mac line ends) is read with CR as the line end.
    let separator = if bytes.contains(&b'\n') { b'\n' } else { b'\r' };
    for (i, raw) in bytes.split(|&b| b == separator).enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = i.saturating_add(1);
        if let Some(rest) = raw.strip_prefix(b" ").or_else(|| raw.strip_prefix(b"\t")) {
            if let Some(last) = raw_lines.last_mut() {
                last.1.extend_from_slice(rest);
                continue;
            }
        }
        if !raw.is_empty() {
            raw_lines.push((line, raw.to_vec()));
        }
    }
    raw_lines
        .into_iter()
        .map(|(line, raw)| match String::from_utf8(raw) {
            Ok(text) => Ok((line, text)),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let raw = e.into_bytes();
                let column = String::from_utf8_lossy(raw.get(..at).unwrap_or_default()).chars().count().saturating_add(1);
                Err(ImportError::Encoding { line, column, byte: raw.get(at).copied().unwrap_or(0) })
            }
        })
        .collect()
}

fn parse_line(line: usize, text: &str) -> Result<ContentLine, ImportError> {
    // The value starts at the first ':' outside a quoted parameter value.
    let mut in_quotes = false;
    let mut colon = None;
    for (i, c) in text.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ':' if !in_quotes => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon.ok_or_else(|| ImportError::Ical { line, message: format!("\"{}\" has no ':'", one_line(text, 40)) })?;
    // `colon` is the byte offset of an ASCII ':', so both halves are whole text.
    let (head, value) = text.split_at_checked(colon).map(|(h, v)| (h, v.strip_prefix(':').unwrap_or(v))).unwrap_or((text, ""));
    let mut parts = split_outside_quotes(head, ';').into_iter();
    let name = parts.next().unwrap_or_default().trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(ImportError::Ical { line, message: format!("\"{}\" is not a property name", one_line(&name, 40)) });
    }
    let params = parts
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((k.trim().to_ascii_uppercase(), v.trim().trim_matches('"').to_string()))
        })
        .collect();
    Ok(ContentLine { line, name, params, value: value.to_string() })
}

fn split_outside_quotes(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_quotes = false;
    let mut rest = s;
    let mut from = 0;
    for (i, c) in s.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if c == sep && !in_quotes {
            // Offsets from `char_indices`: always on character boundaries.
            let (part, after) = rest.split_at_checked(i.saturating_sub(from)).unwrap_or((rest, ""));
            out.push(part);
            rest = after.strip_prefix(sep).unwrap_or(after);
            from = i.saturating_add(sep.len_utf8());
        }
    }
    out.push(rest);
    out
}

/// RFC 5545 TEXT: `\n`, `\,`, `\;`, `\\`.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A time as the file wrote it, before a zone is applied.
enum IcalTime {
    Utc(DateTime<Utc>),
    Zoned(NaiveDateTime, String),
    Floating(NaiveDateTime),
    Date(NaiveDate),
}

fn parse_time(prop: &ContentLine) -> Option<IcalTime> {
    let v = prop.value.trim();
    if prop.param("VALUE") == Some("DATE") || (v.len() == 8 && v.chars().all(|c| c.is_ascii_digit())) {
        return NaiveDate::parse_from_str(v, "%Y%m%d").ok().map(IcalTime::Date);
    }
    if let Some(utc) = v.strip_suffix('Z').or_else(|| v.strip_suffix('z')) {
        return NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").ok().map(|t| IcalTime::Utc(t.and_utc()));
    }
    let local = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok()?;
    Some(match prop.param("TZID") {
        Some(tz) => IcalTime::Zoned(local, tz.trim_start_matches('/').to_string()),
        None => IcalTime::Floating(local),
    })
}

#[derive(Default)]
struct RawEvent {
    line: usize,
    props: Vec<ContentLine>,
}

impl RawEvent {
    fn get(&self, name: &str) -> Option<&ContentLine> {
        self.props.iter().find(|p| p.name == name)
    }
}

/// A calendar from its bytes: unfolded, then decoded line by line.
pub fn parse_bytes(bytes: &[u8], options: &ImportOptions) -> Result<Schedule, ImportError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    parse_lines(unfold(body)?, options)
}

pub fn parse(text: &str, options: &ImportOptions) -> Result<Schedule, ImportError> {
    parse_bytes(text.as_bytes(), options)
}

fn parse_lines(lines: Vec<(usize, String)>, options: &ImportOptions) -> Result<Schedule, ImportError> {
    let mut warnings = Warnings::default();
    let Components { calendar, events: raw_events } = components(lines, &mut warnings)?;
    let title =
        calendar.get("X-WR-CALNAME").map(|t| one_line(t, 200)).filter(|t| !t.is_empty()).unwrap_or_else(|| "Imported calendar".to_string());
    let declared = calendar_zone(&calendar, &raw_events, &mut warnings);
    // Floating times (no zone of their own) are read in it too.
    let zone = display_zone(declared, options.zone, &mut warnings);
    let mut times = TimeReader { zone, floating: 0 };
    let events: Vec<ScheduleEvent> = raw_events.iter().filter_map(|raw| event(raw, &mut times, &mut warnings)).collect();
    if times.floating > 0 {
        warnings.push("file", format!("{} times carry no zone (floating); read in {}", times.floating, zone.name()));
    }
    let key = schedule_key(None, &title, &schedule_key(calendar.get("PRODID").map(String::as_str), "", "calendar"));
    Schedule::finish(
        Head { format: Format::Ical, key, title, acronym: None, declared_zone: declared, zone, base_url: None },
        events,
        warnings,
    )
}

/// The calendar's own properties and its events, as read.
struct Components {
    calendar: BTreeMap<String, String>,
    events: Vec<RawEvent>,
}

/// Walks BEGIN and END: the calendar's properties and each VEVENT's. Broken
/// nesting is repaired with a warning; only a file that is not a calendar at
/// all is refused.
fn components(lines: Vec<(usize, String)>, warnings: &mut Warnings) -> Result<Components, ImportError> {
    let mut calendar: BTreeMap<String, String> = BTreeMap::new();
    let mut events: Vec<RawEvent> = Vec::new();
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut current: Option<RawEvent> = None;
    let mut saw_calendar = false;
    for (line, content) in lines {
        let prop = match parse_line(line, &content) {
            Ok(p) => p,
            Err(e) if stack.is_empty() => return Err(e),
            Err(e) => {
                warnings.push(
                    format!("line {line}"),
                    format!("{}; the line is skipped", e.to_string().split_once(": ").map(|x| x.1).unwrap_or_default()),
                );
                continue;
            }
        };
        match prop.name.as_str() {
            "BEGIN" => {
                let what = prop.value.trim().to_ascii_uppercase();
                if stack.is_empty() && what != "VCALENDAR" {
                    return Err(ImportError::Ical {
                        line,
                        message: format!("expected BEGIN:VCALENDAR, found BEGIN:{}", one_line(&what, 30)),
                    });
                }
                if stack.len() >= 8 {
                    return Err(ImportError::Ical { line, message: "components nested deeper than 8".into() });
                }
                saw_calendar = true;
                if what == "VEVENT" {
                    if current.is_some() {
                        warnings.push(format!("line {line}"), "a VEVENT inside a VEVENT; the outer one is dropped");
                    }
                    current = Some(RawEvent { line, props: vec![] });
                }
                stack.push((what, line));
            }
            "END" => {
                let what = prop.value.trim().to_ascii_uppercase();
                match stack.iter().rposition(|(name, _)| *name == what) {
                    Some(pos) => {
                        for (unclosed, at) in stack.drain(pos..).skip(1) {
                            warnings.push(format!("line {at}"), format!("BEGIN:{unclosed} is never closed; closed at line {line}"));
                        }
                    }
                    None => warnings.push(format!("line {line}"), format!("END:{} without its BEGIN; ignored", one_line(&what, 30))),
                }
                if what == "VEVENT" {
                    if let Some(ev) = current.take() {
                        events.push(ev);
                    }
                }
            }
            _ => match stack.last().map(|(n, _)| n.as_str()) {
                Some("VCALENDAR") => {
                    calendar.entry(prop.name.clone()).or_insert_with(|| unescape(&prop.value));
                }
                Some("VEVENT") => {
                    if let Some(ev) = current.as_mut() {
                        ev.props.push(prop);
                    }
                }
                Some(_) => {}
                None => warnings.push(format!("line {line}"), format!("{} after END:VCALENDAR; ignored", prop.name)),
            },
        }
    }
    if !saw_calendar {
        return Err(ImportError::Ical { line: 1, message: "no BEGIN:VCALENDAR".into() });
    }
    if let Some(ev) = current.take() {
        warnings.push(format!("line {}", ev.line), "the file ends inside this VEVENT (truncated?); it is skipped");
    }
    if let Some((open, at)) = stack.first() {
        warnings.push(format!("line {at}"), format!("BEGIN:{open} is never closed (truncated?)"));
    }
    Ok(Components { calendar, events })
}

/// The zone the calendar names (X-WR-TIMEZONE), else the one IANA TZID its
/// events all use.
fn calendar_zone(calendar: &BTreeMap<String, String>, events: &[RawEvent], warnings: &mut Warnings) -> Option<ZoneName> {
    let wr_zone = declared_zone(calendar.get("X-WR-TIMEZONE").map(String::as_str), "X-WR-TIMEZONE", warnings);
    let tzids: std::collections::BTreeSet<String> =
        events.iter().flat_map(|e| e.props.iter()).filter_map(|p| p.param("TZID").map(|t| t.trim_start_matches('/').to_string())).collect();
    let single_tzid = (tzids.len() == 1).then(|| tzids.first().and_then(|t| ZoneName::parse(t).ok())).flatten();
    wr_zone.or(single_tzid)
}

/// Reads DTSTART and DTEND values as instants: UTC as is, a TZID in its
/// zone (an unknown one, and floating times, in the calendar's), a date at
/// the start of its day. Counts the floating times for one warning.
struct TimeReader {
    zone: ZoneName,
    floating: usize,
}

impl TimeReader {
    /// The instant and whether it was a date (all day).
    fn read(&mut self, prop: &ContentLine, warnings: &mut Warnings) -> Option<(DateTime<Utc>, bool)> {
        let Some(t) = parse_time(prop) else {
            warnings.push(
                format!("line {}", prop.line),
                format!("{} \"{}\" is not an iCalendar date or time", prop.name, one_line(&prop.value, 30)),
            );
            return None;
        };
        let in_zone = |local: NaiveDateTime, z: ZoneName, warnings: &mut Warnings| match ZonedDateTime::from_local(local, z) {
            Ok(t) => Some((t.instant, false)),
            Err(e) => {
                warnings.push(format!("line {}", prop.line), e.to_string());
                None
            }
        };
        match t {
            IcalTime::Utc(t) => Some((t, false)),
            IcalTime::Zoned(local, tzid) => {
                let z = ZoneName::parse(&tzid).unwrap_or_else(|_| {
                    warnings.push(
                        format!("line {}", prop.line),
                        format!("TZID \"{}\" is not an IANA zone; read in {}", one_line(&tzid, 40), self.zone.name()),
                    );
                    self.zone
                });
                in_zone(local, z, warnings)
            }
            IcalTime::Floating(local) => {
                self.floating = self.floating.saturating_add(1);
                in_zone(local, self.zone, warnings)
            }
            IcalTime::Date(d) => ZonedDateTime::start_of_day(d, self.zone).ok().map(|t| (t.instant, true)),
        }
    }
}

/// One VEVENT as a schedule event, or `None` (with a warning) when it has no usable start.
fn event(raw: &RawEvent, times: &mut TimeReader, warnings: &mut Warnings) -> Option<ScheduleEvent> {
    let location = format!("line {}", raw.line);
    for p in &raw.props {
        match p.name.as_str() {
            "METHOD" => warnings.push(format!("line {}", p.line), "METHOD inside a VEVENT belongs to the calendar; ignored"),
            "RRULE" | "RDATE" => warnings.push(format!("line {}", p.line), "repeating event: only the first occurrence is imported"),
            _ => {}
        }
    }
    let title = raw.get("SUMMARY").map(|p| one_line(&unescape(&p.value), 300)).filter(|t| !t.is_empty()).unwrap_or_else(|| {
        warnings.push(&location, "VEVENT without SUMMARY; imported as \"(untitled)\"");
        "(untitled)".to_string()
    });
    let Some(start_prop) = raw.get("DTSTART") else {
        warnings.push(&location, format!("\"{title}\" has no DTSTART; skipped"));
        return None;
    };
    let Some((start, all_day)) = times.read(start_prop, warnings) else {
        warnings.push(&location, format!("\"{title}\" has no usable start; skipped"));
        return None;
    };
    let Some(start) = when::in_range(start) else {
        warnings.push(&location, format!("{}; skipped", when::out_of_range(&format!("the start of \"{title}\""))));
        return None;
    };
    let end = end_of(raw, start, all_day, times, warnings);
    let uid = raw.get("UID").map(|p| p.value.trim().to_string()).unwrap_or_default();
    let mut id = safe_id(&uid, 64);
    if id.is_empty() {
        id = safe_id(&format!("{}-{}", title, start.timestamp()), 64);
        warnings.push(
            &location,
            format!("\"{title}\" has no UID; its id is made from its title and start, so a later version may not match it"),
        );
    }
    let persons = raw
        .props
        .iter()
        .filter(|p| p.name == "ATTENDEE")
        .filter_map(|p| p.param("CN").map(|cn| one_line(cn, 120)))
        .filter(|n| !n.is_empty())
        .collect();
    let url = raw.get("URL").map(|p| p.value.trim().to_string()).filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    Some(ScheduleEvent {
        id,
        title,
        subtitle: None,
        start,
        end,
        all_day,
        room: raw.get("LOCATION").map(|p| one_line(&unescape(&p.value), 120)).filter(|s| !s.is_empty()),
        track: raw.get("CATEGORIES").map(|p| one_line(&unescape(&p.value), 120)).filter(|s| !s.is_empty()),
        kind: None,
        persons,
        text: raw.get("DESCRIPTION").map(|p| markup_to_text(&unescape(&p.value))).unwrap_or_default(),
        url,
        cancelled: raw.get("STATUS").is_some_and(|p| p.value.trim().eq_ignore_ascii_case("CANCELLED")),
        location,
    })
}

/// The end from DTEND, else DURATION, else (a date) the end of the day.
fn end_of(raw: &RawEvent, start: DateTime<Utc>, all_day: bool, times: &mut TimeReader, warnings: &mut Warnings) -> Option<DateTime<Utc>> {
    match (raw.get("DTEND"), raw.get("DURATION")) {
        (Some(p), _) => times.read(p, warnings).and_then(|(end, _)| {
            let end = when::in_range(end);
            if end.is_none() {
                warnings.push(format!("line {}", p.line), format!("{}; the end is not known", when::out_of_range("DTEND")));
            }
            end
        }),
        (None, Some(d)) => match parse_iso_duration(&d.value) {
            Some(len) => {
                let end = when::after(start, len);
                if end.is_none() {
                    warnings.push(format!("line {}", d.line), format!("{}; the end is not known", when::out_of_range("the end")));
                }
                end
            }
            None => {
                warnings.push(
                    format!("line {}", d.line),
                    format!("DURATION \"{}\" is not usable; the end is not known", one_line(&d.value, 20)),
                );
                None
            }
        },
        // RFC 5545: a date without an end lasts the day.
        (None, None) if all_day => when::after(start, Duration::days(1)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_iso_duration("PT45M"), Some(Duration::minutes(45)));
        assert_eq!(parse_iso_duration("P1DT2H"), Some(Duration::hours(26)));
        assert_eq!(parse_iso_duration("P1W"), Some(Duration::days(7)));
        assert_eq!(parse_iso_duration("-PT5M"), None);
        assert_eq!(parse_iso_duration("PT5"), None);
        assert_eq!(parse_iso_duration("P99999999D"), None);
    }

    #[test]
    fn text_unescapes() {
        assert_eq!(unescape(r"a\, b\; c\nd\\e"), "a, b; c\nd\\e");
    }

    #[test]
    fn quoted_params_may_hold_colons() {
        let l = parse_line(3, r#"ATTENDEE;CN="Dr: Who";ROLE=CHAIR:mailto:x@example.org"#).unwrap();
        assert_eq!(l.name, "ATTENDEE");
        assert_eq!(l.param("CN"), Some("Dr: Who"));
        assert_eq!(l.value, "mailto:x@example.org");
    }
}
