//! frab/Pentabarf schedule XML (the c3voc `schedule.xml.xsd`, as written by
//! frab, pretalx, wafer and Pentabarf). The document is read into a small
//! tree first (quick-xml, no DTD, no entity expansion), then walked.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::frab::{self, ClockCheck};
use crate::schedule::{declared_zone, display_zone, schedule_key, Format, Head, Schedule, ScheduleEvent, Warnings};
use crate::text::{one_line, Lines};
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

fn unbalanced(line: usize) -> ImportError {
    ImportError::Xml { line, message: "unbalanced end tag".into() }
}

/// The element being read. The document node stays at the bottom of the
/// stack (quick-xml refuses an end tag that closes nothing), so this is an
/// error only if that ever stopped being true.
fn top(stack: &mut [Node], line: usize) -> Result<&mut Node, ImportError> {
    stack.last_mut().ok_or_else(|| unbalanced(line))
}

fn read_tree(text: &str, warnings: &mut Warnings) -> Result<Node, ImportError> {
    let lines = Lines::new(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Node> = vec![Node { name: "#document".into(), ..Node::default() }];
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| ImportError::Xml { line: lines.line_of(reader.error_position() as usize), message: e.to_string() })?;
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
                    top(&mut stack, line)?.children.push(node);
                } else {
                    stack.push(node);
                }
            }
            Event::End(_) => {
                let node = stack.pop().ok_or_else(|| unbalanced(line))?;
                top(&mut stack, line)?.children.push(node);
            }
            Event::Text(t) => top(&mut stack, line)?.text.push_str(&t.xml10_content()),
            Event::CData(c) => {
                let raw = c.into_inner();
                top(&mut stack, line)?.text.push_str(&raw);
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
                    Some(c) => top(&mut stack, line)?.text.push(c),
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
        return Err(ImportError::Xml {
            line: lines.line_of(text.len()),
            message: format!("the document ends inside <{open}> (truncated?)"),
        });
    }
    let mut doc = stack.pop().ok_or_else(|| unbalanced(1))?;
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
    let zone_node = conference.and_then(|c| c.child("time_zone_name"));
    let location = zone_node.map(|node| format!("line {}", node.line)).unwrap_or_default();
    let declared = declared_zone(zone_node.map(|node| node.text.as_str()), &location, &mut warnings);
    // Times without an offset are read in it too.
    let zone = display_zone(declared, options.zone, &mut warnings);

    let mut events = Vec::new();
    let mut clock = ClockCheck::default();
    for day in root.children("day") {
        let day_of_events = frab::Day::new(day.attr("date"), day.attr("start"), zone);
        for room in day.children("room") {
            for ev in room.children("event") {
                if let Some(e) = read_event(ev, room, day_of_events, &mut clock, &mut warnings) {
                    events.push(e);
                }
            }
        }
    }
    clock.report(declared, &mut warnings);
    let key = schedule_key(acronym.as_deref(), &title, "frab-schedule");
    Schedule::finish(Head { format: Format::FrabXml, key, title, acronym, declared_zone: declared, zone, base_url }, events, warnings)
}

fn read_event(ev: &Node, room: &Node, day: frab::Day, clock: &mut ClockCheck, warnings: &mut Warnings) -> Option<ScheduleEvent> {
    let location = format!("line {}", ev.line);
    let title = frab::title(ev.text_of("title"), &location, warnings);
    let times = frab::EventTimes {
        date: ev.text_of("date"),
        start: ev.text_of("start"),
        duration: ev.text_of("duration"),
        date_at: &location,
        duration_at: &location,
    };
    let (start, end) = frab::instants(times, day, &title, &location, clock, warnings)?;
    let id_source = ev.attr("guid").filter(|g| !g.trim().is_empty()).or(ev.attr("id")).unwrap_or("");
    let id = frab::event_id(id_source, &title, start, &location, warnings);
    let persons = ev
        .child("persons")
        .map(|p| p.children("person").map(|n| one_line(&n.text, 120)).filter(|n| !n.is_empty()).collect())
        .unwrap_or_default();
    let text = frab::text(ev.text_of("abstract"), ev.text_of("description"));
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
        url: frab::web_url(ev.text_of("url")),
        cancelled: false,
        location,
    })
}
