//! Search over the dataset: one box for countries (name, ISO codes, capital,
//! the abbreviations and other names people type: "DRC", "RDC", "پاکستان"),
//! people, sessions, timeline entries, agreements, events and minerals.
//! Case- and accent-insensitive ("tshisekedi" finds "Félix Tshisekedi"),
//! forgiving of a typo when nothing matches exactly ("tshisekdi"), ranked,
//! with the participants of an event above other countries ("korea").
//! The index is built once; a query folds its text and scores each entry.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::model::Dataset;

mod other_names;

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
    Agreement,
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
    /// It cites a data pack no trusted key signed (as a session's
    /// `unverified`): the list says so beside it, as the panel does.
    pub unverified: bool,
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
    /// Ranks a participating country above others with the same match.
    attended: bool,
    kind: ResultKind,
    id: String,
    title: String,
    subtitle: String,
    country: Option<String>,
    unverified: bool,
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
        let unverified_sources = d.unverified_source_ids();
        let unverified = |ids: &[String]| ids.iter().any(|id| unverified_sources.contains(id.as_str()));
        let attended: std::collections::HashSet<&str> = d.participations.iter().map(|p| p.party.as_str()).collect();
        for c in &d.countries {
            let mut fields = vec![field(&c.name, 10), field(&c.iso3, 9), field(&c.iso2, 8)];
            for name in other_names::of(&c.iso3) {
                fields.push(field(name, 9));
            }
            if let Some(cap) = &c.capital {
                fields.push(field(cap, 5));
            }
            if let Some(u) = &c.usgs_name {
                fields.push(field(u, 6));
            }
            entries.push(Entry {
                attended: attended.contains(c.iso3.as_str()),
                kind: ResultKind::Country,
                id: c.iso3.clone(),
                title: c.name.clone(),
                subtitle: c.capital.clone().map(|cap| format!("Country · {cap}")).unwrap_or_else(|| "Country".into()),
                country: Some(c.iso3.clone()),
                unverified: false,
                fields,
            });
        }
        // A person result opens the person's country; one with no country
        // (an imported speaker) is found through the sessions instead.
        for p in d.people.iter().filter(|p| p.country.is_some()) {
            entries.push(Entry {
                attended: false,
                kind: ResultKind::Person,
                id: p.id.clone(),
                title: p.name.clone(),
                subtitle: p.title.clone(),
                country: p.country.clone(),
                unverified: unverified(&p.sources),
                fields: vec![field(&p.name, 10), field(&p.title, 3)],
            });
        }
        let person_names: std::collections::HashMap<&str, &str> = d.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
        for s in &d.sessions {
            let speakers: Vec<&str> = s.speakers.iter().filter_map(|sp| person_names.get(sp.person.as_str()).copied()).collect();
            entries.push(Entry {
                attended: false,
                kind: ResultKind::Session,
                id: s.id.clone(),
                title: s.title.clone(),
                subtitle: format!("Session · {}", s.start.local().format("%-d %B %Y")),
                country: None,
                unverified: unverified(&s.sources),
                fields: vec![field(&s.title, 8), field(&speakers.join(" "), 4), field(&s.summary, 2)],
            });
        }
        for t in &d.timeline {
            entries.push(Entry {
                attended: false,
                kind: ResultKind::Timeline,
                id: t.id.clone(),
                title: t.title.clone(),
                subtitle: format!("Timeline · {}", t.start.local().format("%-d %B %Y")),
                country: Some(t.country.clone()),
                unverified: unverified(&t.sources),
                fields: vec![field(&t.title, 7)],
            });
        }
        for e in &d.events {
            entries.push(Entry {
                attended: false,
                kind: ResultKind::Event,
                id: e.id.clone(),
                title: e.title.clone(),
                subtitle: match &e.city {
                    Some(city) => format!("Event · {}, {}", city, e.start.format("%-d %B %Y")),
                    None => format!("Event · {}", e.start.format("%-d %B %Y")),
                },
                country: e.country.clone(),
                unverified: unverified(&e.sources),
                fields: vec![field(&e.title, 8), field(&e.short_title, 8), field(e.city.as_deref().unwrap_or(""), 4)],
            });
        }
        let country_names: std::collections::HashMap<&str, &str> = d.countries.iter().map(|c| (c.iso3.as_str(), c.name.as_str())).collect();
        let host =
            d.participations.iter().find(|p| p.event == d.primary_event && p.role == crate::model::Role::Host).map(|p| p.party.as_str());
        for a in &d.agreements {
            let parties: Vec<&str> = a.parties.iter().map(|p| country_names.get(p.as_str()).copied().unwrap_or(p.as_str())).collect();
            // It opens the panel of the party that is not the host (the one with the agreement to show).
            let partner = a.parties.iter().find(|p| Some(p.as_str()) != host).or(a.parties.first()).cloned();
            entries.push(Entry {
                attended: false,
                kind: ResultKind::Agreement,
                id: a.id.clone(),
                title: a.title.clone(),
                subtitle: match a.date {
                    Some(date) => format!("Agreement · {} · {}", parties.join(", "), date.format("%-d %B %Y")),
                    None => format!("Agreement · {}", parties.join(", ")),
                },
                country: partner,
                unverified: unverified(&a.sources),
                fields: vec![field(&a.title, 8), field(&parties.join(" "), 5), field(&a.summary, 2)],
            });
        }
        for m in &d.minerals {
            let mut fields = vec![field(&m.name, 9), field(&m.usgs_chapter, 4)];
            let listed: Vec<&str> = m.usgs_list_2025.iter().map(String::as_str).collect();
            if !listed.is_empty() {
                fields.push(field(&listed.join(" "), 5));
            }
            entries.push(Entry {
                attended: false,
                kind: ResultKind::Mineral,
                id: m.id.clone(),
                title: m.name.clone(),
                subtitle: if m.is_critical() { "Mineral · critical".into() } else { "Mineral".into() },
                country: None,
                unverified: unverified(&m.sources),
                fields,
            });
        }
        SearchIndex { entries }
    }

    /// Every entry matched by all the probes, with its score (a participant
    /// a little above a country that did not attend).
    fn scored<'a>(&'a self, probes: &[Probe], score: fn(&Field, &Probe) -> u32) -> Vec<(u32, &'a Entry)> {
        self.entries
            .iter()
            .filter_map(|e| {
                let mut total: u32 = 0;
                for term in probes {
                    let best = e.fields.iter().map(|f| score(f, term)).max().unwrap_or(0);
                    if best == 0 {
                        return None;
                    }
                    total = total.saturating_add(best);
                }
                Some((if e.attended { total.saturating_add(ATTENDED_BONUS) } else { total }, e))
            })
            .collect()
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
        let mut scored = self.scored(&probes, score);
        // Nothing as typed: allow a slip of the keys in each longer word.
        if scored.is_empty() {
            scored = self.scored(&probes, fuzzy_score);
        }
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
                unverified: e.unverified,
            })
            .collect()
    }
}

/// Enough to put a participant above another country matched as well, not
/// enough to lift a weaker match over a better one (the steps are 10 × weight).
const ATTENDED_BONUS: u32 = 5;

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

/// Edits allowed for a word of `len` characters: none below 4, one to 6, then two.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// A match with a typo: some word of the field within the allowed edits of
/// the term, or starting with a word that is. Long free text (weight < 3)
/// is left out: a typo there finds noise.
fn fuzzy_score(f: &Field, p: &Probe) -> u32 {
    let term: Vec<char> = p.term.chars().collect();
    let edits = allowed_edits(term.len());
    if edits == 0 || f.weight < 3 {
        return 0;
    }
    // A whole word close to the term counts twice a word whose start is (the
    // term may be a prefix typed with a slip: "lithum" is lithium, not Lithuania).
    let quality: u32 = f
        .spaced
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let word: Vec<char> = w.chars().collect();
            if within_edits(&term, &word, edits) {
                2
            } else if word.len() > term.len() && word.get(..term.len()).is_some_and(|start| within_edits(&term, start, edits)) {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0);
    quality.saturating_mul(f.weight)
}

/// Whether the Levenshtein distance of `a` and `b` is at most `max`, with
/// the work bounded by `max` (rows stop once every cell is past it).
fn within_edits(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // previous[j]: the distance of a[..i] and b[..j]; one row at a time.
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = Vec::with_capacity(previous.len());
        current.push(i.saturating_add(1));
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).map_or(usize::MAX, |d| d.saturating_add(usize::from(ca != cb)));
            let delete = previous.get(j.saturating_add(1)).map_or(usize::MAX, |d| d.saturating_add(1));
            let insert = current.last().map_or(usize::MAX, |d| d.saturating_add(1));
            current.push(substitute.min(delete).min(insert));
        }
        if current.iter().min().is_some_and(|&least| least > max) {
            return false;
        }
        previous = current;
    }
    previous.last().is_some_and(|&d| d <= max)
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

    #[test]
    fn edits_are_counted_and_bounded() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(within_edits(&c("tshisekdi"), &c("tshisekedi"), 1));
        assert!(within_edits(&c("cobalt"), &c("cobalt"), 0));
        assert!(within_edits(&c("kazakstan"), &c("kazakhstan"), 1));
        assert!(within_edits(&c("lithum"), &c("lithium"), 1));
        assert!(!within_edits(&c("iron"), &c("tin"), 1));
        assert!(!within_edits(&c("peru"), &c("perugia"), 2), "a length gap past the bound is refused at once");
        assert!(within_edits(&c("پاکستن"), &c("پاکستان"), 1), "any script");
    }

    #[test]
    fn short_words_allow_no_typo() {
        assert_eq!(allowed_edits(3), 0);
        assert_eq!(allowed_edits(5), 1);
        assert_eq!(allowed_edits(9), 2);
    }
}
