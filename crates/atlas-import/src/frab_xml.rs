//! frab/Pentabarf schedule XML (the c3voc `schedule.xml.xsd`, as written by
//! frab, pretalx, wafer and Pentabarf). The document is read into a small
//! tree first (quick-xml, no DTD, no entity expansion), then walked.

use atlas_domain::time::{ZoneName, ZonedDateTime};
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::schedule::{display_zone, parse_clock, parse_duration, schedule_key, Format, Schedule, ScheduleEvent, Warnings};
use crate::text::{markup_to_text, one_line, safe_id, Lines};
use crate::{ImportError, ImportOptions};

/// Deeper nesting than this is not a schedule; it is refused before it can
/// exhaust anything.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
    line: usize,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }
    fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    /// Trimmed text of a child, `None` when absent or blank.
    fn text_of(&self, name: &str) -> Option<String> {
        self.child(name).map(|c| c.text.trim().to_string()).filter(|t| !t.is_empty())
    }
}

fn read_tree(text: &str, warnings: &mut Warnings) -> Result<Node, ImportError> {
    let lines = Lines::new(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Node> = vec![Node { name: "#document".into(), ..Node::default() }];
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| ImportError::Xml {
            line: lines.line_of(reader.error_position() as usize),
            message: e.to_string(),
        })?;
        let line = lines.line_of(at);
        match event {
            Event::DocType(_) => return Err(ImportError::Dtd { line }),
            Event::Start(_) | Event::Empty(_) if stack.len() > MAX_DEPTH => {
                return Err(ImportError::Xml { line, message: format!("elements nested deeper than {MAX_DEPTH}") });
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                let mut node = Node { name: String::from(e.local_name().as_ref()), line, ..Node::default() };
                for attr in e.attributes() {
                    let attr = attr.map_err(|err| ImportError::Xml { line, message: err.to_string() })?;
                    let value = match attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                        Ok(v) => v.into_owned(),
                        Err(err) => {
                            warnings.push(format!("line {line}"), format!("attribute value kept as written: {err}"));
                            attr.value.into_owned()
                        }
                    };
                    node.attrs.push((String::from(attr.key.local_name().as_ref()), value));
                }
                if matches!(event, Event::Empty(_)) {
                    stack.last_mut().expect("document node").children.push(node);
                } else {
                    stack.push(node);
                }
            }
            Event::End(_) => {
                let node = stack.pop().expect("reader checks end names");
                stack.last_mut().ok_or_else(|| ImportError::Xml { line, message: "unbalanced end tag".into() })?.children.push(node);
            }
            Event::Text(t) => stack.last_mut().expect("document node").text.push_str(&t.xml10_content()),
            Event::CData(c) => {
                let raw = c.into_inner();
                stack.last_mut().expect("document node").text.push_str(&raw);
            }
            Event::GeneralRef(r) => {
                let name: String = r.to_string();
                let ch = match name.as_str() {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "apos" => Some('\''),
                    "quot" => Some('"'),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                match ch {
                    Some(c) => stack.last_mut().expect("document node").text.push(c),
                    None => warnings.push(
                        format!("line {line}"),
                        format!("&{}; is not a character XML defines; kept as written (entities are never expanded)", one_line(&name, 40)),
                    ),
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if stack.len() != 1 {
        let open = stack.last().map(|n| n.name.clone()).unwrap_or_default();
        return Err(ImportError::Xml { line: lines.line_of(text.len()), message: format!("the document ends inside <{open}> (truncated?)") });
    }
    let mut doc = stack.pop().expect("document node");
    doc.children.pop().ok_or_else(|| ImportError::Xml { line: 1, message: "no root element".into() })
}

pub fn parse(text: &str, options: &ImportOptions) -> Result<Schedule, ImportError> {
    let mut warnings = Warnings::default();
    let root = read_tree(text, &mut warnings)?;
    if root.name != "schedule" {
        return Err(ImportError::Structure(format!(
            "line {}: the root element is <{}>; a frab/Pentabarf schedule has <schedule>",
            root.line,
            one_line(&root.name, 40)
        )));
    }
    let conference = root.child("conference");
    let title = conference.and_then(|c| c.text_of("title")).unwrap_or_else(|| "Imported schedule".into());
    let acronym = conference.and_then(|c| c.text_of("acronym"));
    let base_url = conference.and_then(|c| c.text_of("base_url"));
    let declared = match conference.and_then(|c| c.child("time_zone_name")) {
        Some(node) if !node.text.trim().is_empty() => match ZoneName::parse(&node.text) {
            Ok(z) => Some(z),
            Err(e) => {
                warnings.push(format!("line {}", node.line), e.to_string());
                None
            }
        },
        _ => None,
    };
    let zone = display_zone(declared, options.zone, &mut warnings);
    // Times without an offset are read in the declared zone, else the chosen one.
    let reading_zone = declared.or(options.zone).unwrap_or(ZoneName(chrono_tz::UTC));

    let mut events = Vec::new();
    let mut clock = ClockCheck::default();
    for day in root.children("day") {
        let day_date = day.attr("date").and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
        // The day changes at the day's start clock time (after midnight at a congress).
        let day_change = day
            .attr("start")
            .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
            .map(|s| s.with_timezone(&reading_zone.0).time().num_seconds_from_midnight() / 60);
        for room in day.children("room") {
            for ev in room.children("event") {
                if let Some(e) = read_event(ev, room, day_date, day_change, reading_zone, &mut clock, &mut warnings) {
                    events.push(e);
                }
            }
        }
    }
    clock.report(declared, &mut warnings);
    let key = schedule_key(acronym.as_deref(), &title, "frab-schedule");
    Schedule::finish(Format::FrabXml, key, title, acronym, declared, zone, base_url, events, warnings)
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
        self.mismatched += 1;
        let own = date.time().num_seconds_from_midnight() / 60;
        if own == start {
            self.matches_own_offset += 1;
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
            format!("{} events give a start clock time that disagrees with their date in {}; each event's dated instant is used", self.mismatched, zone.name())
        };
        warnings.push(format!("{at} and others"), message);
    }
}

fn read_event(
    ev: &Node,
    room: &Node,
    day_date: Option<NaiveDate>,
    day_change: Option<u32>,
    zone: ZoneName,
    clock: &mut ClockCheck,
    warnings: &mut Warnings,
) -> Option<ScheduleEvent> {
    let location = format!("line {}", ev.line);
    let title = match ev.text_of("title") {
        Some(t) => one_line(&t, 300),
        None => {
            warnings.push(&location, "event without a title; imported as \"(untitled)\"");
            "(untitled)".into()
        }
    };
    let start_clock = ev.text_of("start").and_then(|s| parse_clock(&s));
    let start: DateTime<Utc> = match ev.text_of("date").map(|d| (DateTime::parse_from_rfc3339(&d), d)) {
        Some((Ok(date), _)) => {
            clock.see(&location, &date, start_clock, zone);
            date.with_timezone(&Utc)
        }
        other => {
            // Older files: the day's date plus the start clock time, in the conference zone.
            if let Some((Err(_), text)) = other {
                warnings.push(&location, format!("date \"{}\" is not RFC 3339; using the day and start instead", one_line(&text, 40)));
            }
            let (Some(date), Some(minutes)) = (day_date, start_clock) else {
                warnings.push(&location, format!("\"{title}\" has no usable date or start time; skipped"));
                return None;
            };
            let date = if day_change.is_some_and(|c| minutes < c) { date.succ_opt()? } else { date };
            let local = date.and_hms_opt(minutes / 60, minutes % 60, 0)?;
            match ZonedDateTime::from_local(local, zone) {
                Ok(t) => t.instant,
                Err(e) => {
                    warnings.push(&location, format!("\"{title}\": {e}; skipped"));
                    return None;
                }
            }
        }
    };
    let end = match ev.text_of("duration") {
        Some(d) => match parse_duration(&d) {
            Some(len) => Some(start + len),
            None => {
                warnings.push(&location, format!("duration \"{}\" is not HH:MM; the end is not known", one_line(&d, 20)));
                None
            }
        },
        None => None,
    };
    let id_source = ev.attr("guid").filter(|g| !g.trim().is_empty()).or(ev.attr("id")).unwrap_or("");
    let mut id = safe_id(id_source, 64);
    if id.is_empty() {
        id = safe_id(&format!("{}-{}", title, start.timestamp()), 64);
        warnings.push(&location, format!("\"{title}\" has no id or guid; its id is made from its title and start, so a later version may not match it"));
    }
    let persons = ev
        .child("persons")
        .map(|p| p.children("person").map(|n| one_line(&n.text, 120)).filter(|n| !n.is_empty()).collect())
        .unwrap_or_default();
    let text = [ev.text_of("abstract"), ev.text_of("description")]
        .into_iter()
        .flatten()
        .map(|t| markup_to_text(&t))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>();
    let text = if text.len() == 2 && text[0] == text[1] { text[0].clone() } else { text.join("\n\n") };
    Some(ScheduleEvent {
        id,
        title,
        subtitle: ev.text_of("subtitle").map(|s| one_line(&s, 300)),
        start,
        end,
        all_day: false,
        room: ev.text_of("room").or_else(|| room.attr("name").map(str::to_string)).map(|r| one_line(&r, 120)),
        track: ev.text_of("track").map(|s| one_line(&s, 120)),
        kind: ev.text_of("type").map(|s| one_line(&s, 80)),
        persons,
        text,
        url: ev.text_of("url").filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        cancelled: false,
        location,
    })
}
