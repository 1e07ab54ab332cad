//! Search over the dataset: one box for countries (name, ISO codes, capital),
//! people, sessions, timeline entries, events and minerals. Case- and
//! accent-insensitive ("tshisekedi" finds "Félix Tshisekedi"), ranked.
//! The index is built once; a query folds its text and scores each entry.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::model::Dataset;

/// Longest query accepted; longer input is cut, not refused.
pub const MAX_QUERY_CHARS: usize = 100;
pub const DEFAULT_LIMIT: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultKind {
    Country,
    Person,
    Session,
    Timeline,
    Event,
    Mineral,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    pub kind: ResultKind,
    pub id: String,
    pub title: String,
    pub subtitle: String,
    /// The country whose panel a person result opens.
    pub country: Option<String>,
    pub score: u32,
}

struct Field {
    folded: String,
    /// The words of `folded`, each with a space before and after
    /// (" cobalt supply "), so that a word or word-prefix match is one
    /// substring search over contiguous memory, not a walk over many strings.
    spaced: String,
    weight: u32,
}

struct Entry {
    kind: ResultKind,
    id: String,
    title: String,
    subtitle: String,
    country: Option<String>,
    fields: Vec<Field>,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} entries)", self.entries.len())
    }
}

/// Lower case without accents: "Félix Côte d’Ivoire" → "felix cote d'ivoire".
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '–' | '—' => '-',
            'ß' => 's',
            'ø' | 'Ø' => 'o',
            'ł' | 'Ł' => 'l',
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(folded: &str) -> Vec<String> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn field(text: &str, weight: u32) -> Field {
    let folded = fold(text);
    let mut spaced = String::with_capacity(folded.len().saturating_add(2));
    spaced.push(' ');
    for w in words(&folded) {
        spaced.push_str(&w);
        spaced.push(' ');
    }
    Field { spaced, folded, weight }
}

impl SearchIndex {
    pub fn build(d: &Dataset) -> SearchIndex {
        let mut entries = Vec::new();
        for c in &d.countries {
            let mut fields = vec![field(&c.name, 10), field(&c.iso3, 9), field(&c.iso2, 8)];
            if let Some(cap) = &c.capital {
                fields.push(field(cap, 5));
            }
            if let Some(u) = &c.usgs_name {
                fields.push(field(u, 6));
            }
            entries.push(Entry {
                kind: ResultKind::Country,
                id: c.iso3.clone(),
                title: c.name.clone(),
                subtitle: c.capital.clone().map(|cap| format!("Country · {cap}")).unwrap_or_else(|| "Country".into()),
                country: Some(c.iso3.clone()),
                fields,
            });
        }
        // A person result opens the person's country; one with no country
        // (an imported speaker) is found through the sessions instead.
        for p in d.people.iter().filter(|p| p.country.is_some()) {
            entries.push(Entry {
                kind: ResultKind::Person,
                id: p.id.clone(),
                title: p.name.clone(),
                subtitle: p.title.clone(),
                country: p.country.clone(),
                fields: vec![field(&p.name, 10), field(&p.title, 3)],
            });
        }
        let person_names: std::collections::HashMap<&str, &str> = d.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
        for s in &d.sessions {
            let speakers: Vec<&str> = s.speakers.iter().filter_map(|sp| person_names.get(sp.person.as_str()).copied()).collect();
            entries.push(Entry {
                kind: ResultKind::Session,
                id: s.id.clone(),
                title: s.title.clone(),
                subtitle: format!("Session · {}", s.start.local().format("%-d %B %Y")),
                country: None,
                fields: vec![field(&s.title, 8), field(&speakers.join(" "), 4), field(&s.summary, 2)],
            });
        }
        for t in &d.timeline {
            entries.push(Entry {
                kind: ResultKind::Timeline,
                id: t.id.clone(),
                title: t.title.clone(),
                subtitle: format!("Timeline · {}", t.start.local().format("%-d %B %Y")),
                country: Some(t.country.clone()),
                fields: vec![field(&t.title, 7)],
            });
        }
        for e in &d.events {
            entries.push(Entry {
                kind: ResultKind::Event,
                id: e.id.clone(),
                title: e.title.clone(),
                subtitle: match &e.city {
                    Some(city) => format!("Event · {}, {}", city, e.start.format("%-d %B %Y")),
                    None => format!("Event · {}", e.start.format("%-d %B %Y")),
                },
                country: e.country.clone(),
                fields: vec![field(&e.title, 8), field(&e.short_title, 8), field(e.city.as_deref().unwrap_or(""), 4)],
            });
        }
        for m in &d.minerals {
            let mut fields = vec![field(&m.name, 9), field(&m.usgs_chapter, 4)];
            let listed: Vec<&str> = m.usgs_list_2025.iter().map(String::as_str).collect();
            if !listed.is_empty() {
                fields.push(field(&listed.join(" "), 5));
            }
            entries.push(Entry {
                kind: ResultKind::Mineral,
                id: m.id.clone(),
                title: m.name.clone(),
                subtitle: if m.is_critical() { "Mineral · critical".into() } else { "Mineral".into() },
                country: None,
                fields,
            });
        }
        SearchIndex { entries }
    }

    /// Ranked results for a query. Every word of the query must match some
    /// field of an entry (as the whole field, a word prefix, or — from three
    /// characters — anywhere inside).
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchResult> {
        let cut: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let folded = fold(&cut);
        let terms = words(&folded);
        if terms.is_empty() {
            return Vec::new();
        }
        let probes: Vec<Probe> = terms.iter().map(|t| Probe::new(t)).collect();
        let mut scored: Vec<(u32, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let mut total: u32 = 0;
                for term in &probes {
                    let best = e.fields.iter().map(|f| score(f, term)).max().unwrap_or(0);
                    if best == 0 {
                        return None;
                    }
                    total = total.saturating_add(best);
                }
                Some((total, e))
            })
            .collect();
        // Only the best `limit` need ordering: select them, then sort those.
        let order = |a: &(u32, &Entry), b: &(u32, &Entry)| b.0.cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit, order);
            scored.truncate(limit);
        }
        scored.sort_by(order);
        scored
            .into_iter()
            .take(limit)
            .map(|(score, e)| SearchResult {
                kind: e.kind,
                id: e.id.clone(),
                title: e.title.clone(),
                subtitle: e.subtitle.clone(),
                country: e.country.clone(),
                score,
            })
            .collect()
    }
}

/// A query word with its spaced forms made once per query.
struct Probe {
    term: String,
    word: String,
    prefix: String,
    inside: bool,
}

impl Probe {
    fn new(term: &str) -> Probe {
        Probe { term: term.to_string(), word: format!(" {term} "), prefix: format!(" {term}"), inside: term.chars().count() >= 3 }
    }
}

fn score(f: &Field, p: &Probe) -> u32 {
    let quality: u32 = if !f.spaced.contains(&p.prefix) {
        // No word starts with the term: only a match inside a word is left.
        if p.inside && f.folded.contains(&p.term) {
            1
        } else {
            0
        }
    } else if f.folded == p.term {
        10
    } else if f.folded.starts_with(&p.term) {
        7
    } else if f.spaced.contains(&p.word) {
        6
    } else {
        4
    };
    quality.saturating_mul(f.weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_accents() {
        assert_eq!(fold("Félix Tshisekedi"), "felix tshisekedi");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("GÉCAMINES"), "gecamines");
        assert_eq!(fold("Türkiye"), "turkiye");
    }
}
