//! Reference checks run on every load: an id a record names must exist.
//! The generator runs the same checks before it writes anything.

use std::collections::HashSet;

use crate::model::Dataset;

/// Every broken reference, described; empty when the dataset is whole.
pub fn check_references(d: &Dataset) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut order_problems = Vec::new();
    let sources: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    let countries: HashSet<&str> = d.countries.iter().map(|c| c.iso3.as_str()).collect();
    let people: HashSet<&str> = d.people.iter().map(|p| p.id.as_str()).collect();
    let events: HashSet<&str> = d.events.iter().map(|e| e.id.as_str()).collect();
    let minerals: HashSet<&str> = d.minerals.iter().map(|m| m.id.as_str()).collect();
    let sessions: HashSet<&str> = d.sessions.iter().map(|s| s.id.as_str()).collect();
    if !events.contains(d.primary_event.as_str()) {
        problems.push(format!("the primary event \"{}\" is not among the events", d.primary_event));
    }

    let mut unique = |kind: &str, ids: Vec<&str>| {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                problems.push(format!("duplicate {kind} id {id}"));
            }
        }
    };
    unique("source", d.sources.iter().map(|s| s.id.as_str()).collect());
    unique("country", d.countries.iter().map(|s| s.iso3.as_str()).collect());
    unique("person", d.people.iter().map(|s| s.id.as_str()).collect());
    unique("event", d.events.iter().map(|s| s.id.as_str()).collect());
    unique("mineral", d.minerals.iter().map(|s| s.id.as_str()).collect());
    unique("series", d.series.iter().map(|s| s.id.as_str()).collect());
    unique("session", d.sessions.iter().map(|s| s.id.as_str()).collect());
    unique("timeline entry", d.timeline.iter().map(|s| s.id.as_str()).collect());
    unique("agreement", d.agreements.iter().map(|s| s.id.as_str()).collect());

    let mut need = |set: &HashSet<&str>, kind: &str, id: &str, whose: &str| {
        if !set.contains(id) {
            problems.push(format!("{whose} names unknown {kind} {id}"));
        }
    };
    for p in &d.people {
        p.sources.iter().for_each(|s| need(&sources, "source", s, &format!("person {}", p.id)));
        if let Some(c) = &p.country {
            need(&countries, "country", c, &format!("person {}", p.id));
        }
    }
    for e in &d.events {
        e.sources.iter().for_each(|s| need(&sources, "source", s, &format!("event {}", e.id)));
        if let Some(c) = &e.country {
            need(&countries, "country", c, &format!("event {}", e.id));
        }
    }
    for p in &d.participations {
        let whose = format!("participation {}@{}", p.party, p.event);
        need(&events, "event", &p.event, &whose);
        need(&countries, "country", &p.party, &whose);
        p.sources.iter().for_each(|s| need(&sources, "source", s, &whose));
        p.head_of_delegation.iter().chain(p.members.iter()).for_each(|x| need(&people, "person", x, &whose));
    }
    for a in &d.agreements {
        let whose = format!("agreement {}", a.id);
        a.parties.iter().for_each(|x| need(&countries, "country", x, &whose));
        a.sources.iter().for_each(|s| need(&sources, "source", s, &whose));
    }
    for m in &d.minerals {
        m.sources.iter().for_each(|x| need(&sources, "source", x, &format!("mineral {}", m.id)));
    }
    for s in &d.series {
        let whose = format!("series {}", s.id);
        need(&minerals, "mineral", &s.mineral, &whose);
        s.sources.iter().for_each(|x| need(&sources, "source", x, &whose));
        for r in &s.rows {
            if let Some(c) = &r.country {
                need(&countries, "country", c, &whose);
            }
        }
    }
    for s in &d.sessions {
        let whose = format!("session {}", s.id);
        need(&events, "event", &s.event, &whose);
        s.countries.iter().for_each(|x| need(&countries, "country", x, &whose));
        s.speakers.iter().for_each(|x| need(&people, "person", &x.person, &whose));
        s.sources.iter().for_each(|x| need(&sources, "source", x, &whose));
        if s.end < s.start {
            order_problems.push(format!("{whose} ends before it starts"));
        }
    }
    for t in &d.timeline {
        let whose = format!("timeline entry {}", t.id);
        need(&countries, "country", &t.country, &whose);
        t.countries.iter().for_each(|x| need(&countries, "country", x, &whose));
        t.sessions.iter().for_each(|x| need(&sessions, "session", x, &whose));
        t.sources.iter().for_each(|x| need(&sources, "source", x, &whose));
        if let Some(e) = &t.event {
            need(&events, "event", e, &whose);
        }
    }
    problems.extend(order_problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The status rule: a record is `confirmed` only when an official text
/// (read at its source or through a copy) supports it, or two independent
/// sources do (reprints of one report, which share a `report` id, count
/// once). Returns every record that claims more than its sources allow.
pub fn status_rule(d: &Dataset) -> Result<(), Vec<String>> {
    use crate::model::{SourceKind, Status};
    let by_id: std::collections::HashMap<&str, &crate::model::Source> = d.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let earns_confirmed = |ids: &[String]| {
        let found: Vec<&crate::model::Source> = ids.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect();
        let official = found.iter().any(|s| s.kind.is_official());
        // Only sources whose kind is known count as independent reports.
        let counted = found.iter().filter(|s| matches!(s.kind, SourceKind::Press | SourceKind::Analysis));
        let reports: HashSet<&str> = counted.map(|s| s.report.as_deref().unwrap_or(s.id.as_str())).collect();
        official || reports.len() >= 2
    };
    let mut problems = Vec::new();
    let mut check = |what: String, status: Status, sources: &[String]| {
        if status == Status::Confirmed && !earns_confirmed(sources) {
            problems.push(format!(
                "{what} is confirmed on {} source(s) that are not an official text nor two independent reports",
                sources.len()
            ));
        }
    };
    d.people.iter().for_each(|p| check(format!("person {}", p.id), p.status, &p.sources));
    d.events.iter().for_each(|e| check(format!("event {}", e.id), e.status, &e.sources));
    d.participations.iter().for_each(|p| check(format!("participation {}@{}", p.party, p.event), p.status, &p.sources));
    d.agreements.iter().for_each(|a| check(format!("agreement {}", a.id), a.status, &a.sources));
    d.sessions.iter().for_each(|s| check(format!("session {}", s.id), s.status, &s.sources));
    d.timeline.iter().for_each(|t| check(format!("timeline entry {} (\"{}\")", t.id, t.title), t.status, &t.sources));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Person, Source, SourceKind, Status};

    fn source(id: &str, kind: SourceKind, report: Option<&str>) -> Source {
        Source {
            id: id.into(),
            url: format!("https://example.org/{id}"),
            publisher: id.into(),
            title: id.into(),
            kind,
            copy_of: None,
            report: report.map(str::to_string),
        }
    }

    fn person(status: Status, sources: &[&str]) -> Person {
        Person {
            id: "p".into(),
            name: "P".into(),
            title: "T".into(),
            country: None,
            status,
            sources: sources.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn with(people: Vec<Person>) -> Dataset {
        let mut d: Dataset = serde_json::from_str(crate::EMBEDDED_DATASET).unwrap();
        d.sources = vec![
            source("gov", SourceKind::OfficialCopy, None),
            source("a", SourceKind::Press, None),
            source("b", SourceKind::Press, None),
            source("reprint-1", SourceKind::Press, Some("brief")),
            source("reprint-2", SourceKind::Press, Some("brief")),
            source("think", SourceKind::Analysis, None),
        ];
        d.people = people;
        d.events.clear();
        d.participations.clear();
        d.agreements.clear();
        d.sessions.clear();
        d.timeline.clear();
        d
    }

    #[test]
    fn confirmed_needs_an_official_text_or_two_independent_sources() {
        assert!(status_rule(&with(vec![person(Status::Confirmed, &["gov"])])).is_ok(), "an official text read through a copy");
        assert!(status_rule(&with(vec![person(Status::Confirmed, &["a", "b"])])).is_ok(), "two independent reports");
        assert!(status_rule(&with(vec![person(Status::Confirmed, &["a", "think"])])).is_ok(), "a report and an analysis");
        assert!(status_rule(&with(vec![person(Status::Confirmed, &["a"])])).is_err(), "one report");
        assert!(status_rule(&with(vec![person(Status::Confirmed, &["reprint-1", "reprint-2"])])).is_err(), "two reprints are one report");
        assert!(status_rule(&with(vec![person(Status::Reported, &["a"])])).is_ok(), "reported claims no more than one source gives");
    }
}
