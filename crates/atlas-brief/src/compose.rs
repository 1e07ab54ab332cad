//! What a brief says: one country's page of the atlas turned into headed
//! blocks of text and tables, in words for people. No layout here; the same
//! content could be printed any other way.

use atlas_domain::model::{AgreementKind, Role, SourceKind, Status, TimePrecision};
use atlas_domain::time::{ZoneName, ZonedDateTime};
use atlas_domain::views::{CitedSource, CountryDetail, CountryStat, DatasetInfo};
use chrono::{DateTime, Utc};

/// A brief's content, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub title: String,
    /// Lines under the title: the country's role, when and how this was written.
    pub subtitle: Vec<String>,
    pub blocks: Vec<Block>,
    /// For the PDF's metadata and running footer.
    pub country_name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// Smaller text: notes, what a section leaves out.
    Note(String),
    Table(Table),
    /// A numbered source: its number, its text, and the URL on a line of its own.
    Source {
        number: usize,
        text: String,
        url: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column titles with each column's share of the text width (they sum to 1).
    pub columns: Vec<(String, f32)>,
    pub rows: Vec<Vec<String>>,
}

/// What the brief needs besides the country.
#[derive(Debug, Clone)]
pub struct BriefContext<'a> {
    pub info: &'a DatasetInfo,
    /// The zone sessions and entries are given in, besides their own.
    pub zone: ZoneName,
    /// When the brief is written (the app's clock, injected in tests).
    pub written: DateTime<Utc>,
    /// The app's version and build date, to say which program wrote it.
    pub app_version: &'a str,
    pub app_built: &'a str,
}

pub fn compose(detail: &CountryDetail, cx: &BriefContext) -> Brief {
    let name = detail.country.name.clone();
    let written = written_text(cx.written, cx.zone);
    let facts = cx.info.provenance.facts_as_of.map(|d| format!(", facts as of {}", long_date(d))).unwrap_or_default();
    let mut subtitle = vec![
        role_line(detail, cx),
        format!("Times in {} and, where it differs, the event's own; dates are the event's own. Written {written}.", cx.zone.name()),
        format!(
            "Dataset {}{facts}; Minerals Atlas {} (built {}). Offline: nothing was fetched to write this.",
            cx.info.dataset_version, cx.app_version, cx.app_built
        ),
    ];
    // Facts from a data pack no trusted key signed: said once at the top,
    // and by each such source in the list and each such USGS row.
    let unverified =
        detail.sources.iter().any(|c| c.source.kind == SourceKind::UnverifiedPack) || detail.minerals.stats.iter().any(|s| s.unverified);
    if unverified {
        subtitle
            .insert(0, "UNVERIFIED: some facts here come from a data pack not signed by a key this app trusts; each says so.".to_string());
    }
    let sources = SourceNumbers::new(&detail.sources);
    let mut blocks = Vec::new();
    delegation(detail, &sources, &mut blocks);
    agreements(detail, &sources, &mut blocks);
    minerals(detail, &mut blocks);
    sessions(detail, cx, &sources, &mut blocks);
    timeline(detail, cx, &sources, &mut blocks);
    source_list(detail, &sources, &mut blocks);
    Brief { title: format!("{name}: country brief"), subtitle, blocks, country_name: name }
}

fn role_line(detail: &CountryDetail, cx: &BriefContext) -> String {
    let event = detail
        .participation
        .iter()
        .find(|p| p.event == cx.info.primary_event)
        .map(|p| p.event_title.clone())
        .unwrap_or_else(|| "the ministerial".to_string());
    match detail.role {
        Some(role) => format!("{} at {event}.", role_word(role, true)),
        None => format!("Did not attend {event}."),
    }
}

/// Sources numbered in the order the page cites them; one number per source.
struct SourceNumbers<'a> {
    ids: Vec<&'a str>,
}

impl<'a> SourceNumbers<'a> {
    fn new(cited: &'a [CitedSource]) -> Self {
        let mut ids: Vec<&str> = Vec::new();
        for c in cited {
            if !ids.contains(&c.source.id.as_str()) {
                ids.push(&c.source.id);
            }
        }
        SourceNumbers { ids }
    }

    fn number(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| *i == id).map(|p| p.saturating_add(1))
    }

    /// " [1, 3]" for a fact's sources, or nothing.
    fn cite<'s>(&self, ids: impl IntoIterator<Item = &'s str>) -> String {
        let mut numbers: Vec<usize> = ids.into_iter().filter_map(|id| self.number(id)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        if numbers.is_empty() {
            return String::new();
        }
        let list: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
        format!(" [{}]", list.join(", "))
    }
}

fn delegation(detail: &CountryDetail, sources: &SourceNumbers, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Delegation".into()));
    if detail.participation.is_empty() {
        blocks.push(Block::Paragraph("No delegation recorded at the events in this data.".into()));
        return;
    }
    for p in &detail.participation {
        let attendance = p.status_as_of.as_deref().map(uncapitalised).unwrap_or_else(|| p.status.as_str().to_string());
        blocks.push(Block::Paragraph(format!(
            "{}: {} ({attendance}){}",
            p.event_title,
            role_word(p.role, false),
            sources.cite(p.sources.iter().map(|s| s.id.as_str()))
        )));
        // A delegation announced for an event that has passed is past, not scheduled.
        let details_status = p
            .delegation_status
            .map(|s| match (s, &p.status_as_of) {
                (Status::Scheduled, Some(_)) => " (past; announced as scheduled)".to_string(),
                (s, _) => format!(" ({})", s.as_str()),
            })
            .unwrap_or_default();
        match &p.head_of_delegation {
            Some(head) => blocks.push(Block::Paragraph(format!(
                "Head of delegation: {}, {}{details_status}{}",
                head.name,
                head.title,
                sources.cite(head.sources.iter().map(String::as_str))
            ))),
            None => blocks.push(Block::Note("Head of delegation: not named in the sources.".into())),
        }
        if !p.members.is_empty() {
            let members: Vec<String> = p.members.iter().map(|m| format!("{}, {}", m.name, m.title)).collect();
            blocks.push(Block::Paragraph(format!("Also in the delegation: {}.", members.join("; "))));
        }
        if let Some(notes) = &p.notes {
            blocks.push(Block::Note(notes.clone()));
        }
    }
}

fn agreements(detail: &CountryDetail, sources: &SourceNumbers, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Agreements".into()));
    if detail.agreements.is_empty() {
        blocks.push(Block::Paragraph("No agreement recorded in this data.".into()));
        return;
    }
    let rows = detail
        .agreements
        .iter()
        .map(|a| {
            let date = match (&a.date, &a.date_note) {
                (Some(d), _) => iso_date_text(d),
                (None, Some(note)) => note.clone(),
                (None, None) => "date not published".into(),
            };
            let parties: Vec<&str> = a.parties.iter().map(|p| p.name.as_str()).collect();
            let at = if a.at_ministerial { "; signed at the ministerial" } else { "" };
            vec![
                date,
                format!("{} ({}; {}{at})", a.title, kind_word(a.kind), parties.join(", ")),
                format!("{}{}", a.status.as_str(), sources.cite(a.sources.iter().map(|s| s.id.as_str()))),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table { columns: vec![("Date".into(), 0.17), ("Agreement".into(), 0.63), ("Status".into(), 0.20)], rows }));
}

fn minerals(detail: &CountryDetail, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Minerals (USGS Mineral Commodity Summaries 2026)".into()));
    let profile = &detail.minerals;
    let groups = latest_with_previous(&profile.stats);
    if !groups.is_empty() {
        let rows = groups.iter().map(|(latest, previous)| mineral_row(latest, *previous)).collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                ("Mineral".into(), 0.20),
                ("Figure".into(), 0.22),
                ("Value (the year before)".into(), 0.30),
                ("World share".into(), 0.12),
                ("Place".into(), 0.16),
            ],
            rows,
        }));
    }
    blocks.push(Block::Note(profile.gap_note.clone()));
    blocks.push(Block::Note(format!("Source of every figure: {}.", profile.usgs_citation)));
}

/// The rows of each table's latest year (mineral, figure, unit: one row, as
/// the comparison has), in the profile's order (largest share first), each
/// with the year before where USGS gives it. The year before is only set
/// beside a figure that counts the same thing: not where the qualifier
/// changed ("quicklime only").
fn latest_with_previous(stats: &[CountryStat]) -> Vec<(&CountryStat, Option<&CountryStat>)> {
    stats
        .iter()
        .filter(|s| stats.iter().filter(|o| o.same_table(s)).all(|o| o.year <= s.year))
        .map(|s| {
            let previous = stats.iter().find(|p| p.same_table(s) && p.qualifier == s.qualifier && p.year == s.year.saturating_sub(1));
            (s, previous)
        })
        .collect()
}

/// USGS's figure as it prints it, with the unit where it is a number, and
/// a marker's meaning ("W (withheld to avoid disclosing ...)"), never a zero.
fn value_text(s: &CountryStat) -> String {
    let v = &s.value;
    if v.number.is_some() && v.bound.is_none() {
        format!("{} {}", v.text, s.unit)
    } else if v.low.is_some() || v.bound.is_some() {
        format!("{} {}", v.description, s.unit)
    } else {
        v.description.clone()
    }
}

fn mineral_row(s: &CountryStat, previous: Option<&CountryStat>) -> Vec<String> {
    let statistic = s.statistic.as_str();
    let mut figure = if s.detail.to_lowercase().contains(statistic) { s.detail.clone() } else { format!("{} ({statistic})", s.detail) };
    figure.push_str(&format!(", {}", s.year));
    if let Some(q) = &s.qualifier {
        figure.push_str(&format!("; counts {q}"));
    }
    if s.unverified {
        figure.push_str("; UNVERIFIED data pack");
    }
    let mut value = value_text(s);
    if let Some(p) = previous {
        value.push_str(&format!(" ({}: {})", p.year, value_text(p)));
    }
    let share = match s.share {
        Some(sh) if sh.at_most => format!("at most {}", percent(sh.percent)),
        Some(sh) => percent(sh.percent),
        // Why there is no share: the country's figure, or the world total, is not a number.
        None if s.value.number.is_none() || s.value.bound.is_some() => "no share (no number)".into(),
        None if s.world_total.as_ref().is_none_or(|w| w.number.is_none() || w.bound.is_some()) => "no share (no world total)".into(),
        None => "no share".into(),
    };
    let place = match s.rank {
        Some(r) => format!("{} of {} with figures", ordinal(r), s.ranked_among),
        None => "not ranked".into(),
    };
    let mineral = if s.critical { format!("{} (critical)", s.mineral_name) } else { s.mineral_name.clone() };
    vec![mineral, figure, value, share, place]
}

fn sessions(detail: &CountryDetail, cx: &BriefContext, sources: &SourceNumbers, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Sessions".into()));
    if detail.sessions.is_empty() {
        blocks.push(Block::Paragraph("No session of the events names this country in this data.".into()));
        return;
    }
    let rows = detail
        .sessions
        .iter()
        .map(|s| {
            let status = s.status_as_of.clone().unwrap_or_else(|| s.status.as_str().to_string());
            // A session carries no sources itself: the page's citations say which support it.
            let supports = format!("session: {}", s.title);
            let cited = detail.sources.iter().filter(|c| c.supports == supports).map(|c| c.source.id.as_str());
            vec![
                when_text(&s.start, &s.end, s.time_precision, cx.zone),
                format!("{}{}. {}.", s.title, sources.cite(cited), capitalised(&status)),
            ]
        })
        .collect();
    blocks
        .push(Block::Table(Table { columns: vec![("When".into(), 0.30), ("Session, its sources and how sure it is".into(), 0.70)], rows }));
}

fn timeline(detail: &CountryDetail, cx: &BriefContext, sources: &SourceNumbers, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Timeline".into()));
    if detail.timeline.is_empty() {
        blocks.push(Block::Paragraph("No timeline entry names this country in this data.".into()));
        return;
    }
    let rows = detail
        .timeline
        .iter()
        .map(|t| {
            let end = t.end.clone().unwrap_or_else(|| t.start.clone());
            let status = t.status_as_of.clone().unwrap_or_else(|| t.status.as_str().to_string());
            vec![
                when_text(&t.start, &end, t.time_precision, cx.zone),
                format!("{}{}. {}.", t.title, sources.cite(t.sources.iter().map(|s| s.id.as_str())), capitalised(&status)),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table { columns: vec![("When".into(), 0.30), ("Entry, its sources and how sure it is".into(), 0.70)], rows }));
}

fn source_list(detail: &CountryDetail, sources: &SourceNumbers, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Sources".into()));
    if sources.ids.is_empty() {
        blocks.push(Block::Paragraph("No source is cited for this country beyond USGS.".into()));
        return;
    }
    blocks.push(Block::Note("Each fact above names its sources by number and says how sure it is: confirmed (an official text, or two independent sources), reported (one source), uncertain, or scheduled.".into()));
    for (i, id) in sources.ids.iter().enumerate() {
        let Some(cited) = detail.sources.iter().find(|c| c.source.id == *id) else { continue };
        let copy = cited.source.copy_of.as_ref().map(|o| format!(" (a copy of {o})")).unwrap_or_default();
        blocks.push(Block::Source {
            number: i.saturating_add(1),
            text: format!("{}: {}{copy}", cited.source.publisher, cited.source.title),
            url: cited.source.url.clone(),
        });
    }
}

/// "4 February 2026, 09:00-10:30 EST (19:00 PKT)"; a day-only time keeps its
/// own date and says the time is not published.
pub fn when_text(start: &str, end: &str, precision: TimePrecision, zone: ZoneName) -> String {
    let (Ok(s), Ok(e)) = (ZonedDateTime::parse_rfc9557(start), ZonedDateTime::parse_rfc9557(end)) else {
        return start.to_string();
    };
    let own = s.local();
    match precision {
        TimePrecision::Day => {
            let last = e.local().date_naive();
            let first = own.date_naive();
            // A whole-day span ends at midnight of the next day.
            let last = if e.local().time() == chrono::NaiveTime::MIN && last > first { last.pred_opt().unwrap_or(last) } else { last };
            if last > first {
                format!("{} to {}, time not published", short_date(first), short_date(last))
            } else {
                format!("{}, time not published", short_date(first))
            }
        }
        TimePrecision::StartOnly | TimePrecision::Exact => {
            let mine = s.in_zone(zone);
            let end_clock = if precision == TimePrecision::Exact { format!("-{}", e.in_zone(zone).format("%H:%M")) } else { String::new() };
            let mut text = format!("{}, {}{end_clock} {}", short_date(mine.date_naive()), mine.format("%H:%M"), mine.format("%Z"));
            if zone.name() != s.zone.name() {
                text.push_str(&format!(" ({} {} {})", own.format("%-d %b"), own.format("%H:%M"), own.format("%Z")));
            }
            text
        }
    }
}

fn written_text(at: DateTime<Utc>, zone: ZoneName) -> String {
    let local = at.with_timezone(&zone.0);
    format!("{}, {} {}", long_date(local.date_naive()), local.format("%H:%M"), local.format("%Z"))
}

fn uncapitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn short_date(d: chrono::NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn long_date(d: chrono::NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn iso_date_text(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").map(long_date).unwrap_or_else(|_| iso.to_string())
}

fn role_word(r: Role, capital: bool) -> &'static str {
    match (r, capital) {
        (Role::Host, true) => "Host",
        (Role::Participant, true) => "Participant",
        (Role::Observer, true) => "Observer",
        (r, false) => r.as_str(),
    }
}

fn kind_word(k: AgreementKind) -> &'static str {
    match k {
        AgreementKind::Framework => "framework",
        AgreementKind::Mou => "memorandum of understanding",
        AgreementKind::FrameworkOrMou => "framework or MOU",
        AgreementKind::Declaration => "declaration",
        AgreementKind::Partnership => "partnership",
        AgreementKind::Initiative => "initiative",
    }
}

/// "2.9%", "0.05%" (two places under one percent), "<0.01%".
pub fn percent(p: f64) -> String {
    if p > 0.0 && p < 0.01 {
        "<0.01%".into()
    } else if p < 1.0 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}

pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_before_counts_the_same_thing() {
        let atlas = atlas_domain::Atlas::embedded().unwrap();
        let pak = atlas.country("PAK").unwrap();
        let steatite = pak.minerals.stats.iter().find(|s| s.qualifier.as_deref() == Some("steatite") && s.year == 2025).unwrap();
        let mut earlier = steatite.clone();
        earlier.year = 2024;
        let mut all_talc = earlier.clone();
        all_talc.qualifier = None;
        // One table, whatever each row counts: the comparison joins such rows.
        assert!(steatite.same_table(&all_talc));
        let rows = [steatite.clone(), earlier.clone()];
        let paired = latest_with_previous(&rows);
        assert_eq!(paired.len(), 1);
        assert_eq!(paired[0].1.map(|p| p.year), Some(2024));
        // The profile's order is kept (largest share first), one row per table.
        let cod = atlas.country("COD").unwrap().minerals.stats;
        let latest: Vec<&str> = latest_with_previous(&cod).iter().map(|(s, _)| s.series.as_str()).collect();
        let in_order: Vec<&str> = cod.iter().map(|s| s.series.as_str()).filter(|id| latest.contains(id)).collect();
        assert_eq!(latest, in_order);
        assert!(latest.len() < cod.len(), "COD has tables in two years; only the latest is a row");
        // A year that counted something else is not shown as the year before,
        // nor as a row of its own: the table's latest year is.
        let rows = [all_talc, steatite.clone()];
        let paired = latest_with_previous(&rows);
        assert_eq!(paired.len(), 1);
        assert_eq!((paired[0].0.year, paired[0].1.map(|p| p.year)), (2025, None));
    }

    #[test]
    fn a_figure_from_an_unverified_pack_says_so_on_its_row_and_at_the_top() {
        let atlas = atlas_domain::Atlas::embedded().unwrap();
        let mut detail = atlas.country("COD").unwrap();
        let row_text = |d: &CountryDetail| {
            let (latest, previous) = latest_with_previous(&d.minerals.stats)[0];
            mineral_row(latest, previous).join(" | ")
        };
        assert!(!row_text(&detail).contains("UNVERIFIED"));
        let info = atlas.info();
        let cx = BriefContext {
            info: &info,
            zone: ZoneName::parse("Europe/Brussels").unwrap(),
            written: chrono::Utc::now(),
            app_version: "test",
            app_built: "today",
        };
        let cx_top = |d: &CountryDetail| compose(d, &cx).subtitle[0].clone();
        assert!(!cx_top(&detail).starts_with("UNVERIFIED"), "{}", cx_top(&detail));
        for s in &mut detail.minerals.stats {
            s.unverified = true;
        }
        assert!(row_text(&detail).contains("UNVERIFIED data pack"), "{}", row_text(&detail));
        assert!(cx_top(&detail).starts_with("UNVERIFIED: some facts here"), "{}", cx_top(&detail));
    }

    #[test]
    fn ordinals_and_percents() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(6), "6th");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(113), "113th");
        assert_eq!(percent(2.94), "2.9%");
        assert_eq!(percent(0.5), "0.50%");
        assert_eq!(percent(0.001), "<0.01%");
        assert_eq!(percent(0.0), "0.00%");
    }

    #[test]
    fn times_in_the_readers_zone_and_the_events_own() {
        let zone = ZoneName::parse("Asia/Karachi").unwrap();
        let text = when_text(
            "2026-02-04T09:00:00-05:00[America/New_York]",
            "2026-02-04T10:30:00-05:00[America/New_York]",
            TimePrecision::Exact,
            zone,
        );
        assert_eq!(text, "4 Feb 2026, 19:00-20:30 PKT (4 Feb 09:00 EST)");
        let day = when_text(
            "2026-02-04T00:00:00-05:00[America/New_York]",
            "2026-02-05T00:00:00-05:00[America/New_York]",
            TimePrecision::Day,
            zone,
        );
        assert_eq!(day, "4 Feb 2026, time not published", "a day stays on its own date");
        let two = when_text("2026-04-08T00:00:00+05:00[Asia/Karachi]", "2026-04-10T00:00:00+05:00[Asia/Karachi]", TimePrecision::Day, zone);
        assert_eq!(two, "8 Apr 2026 to 9 Apr 2026, time not published");
        assert_eq!(when_text("garbage", "x", TimePrecision::Exact, zone), "garbage", "unreadable text is shown as is");
    }
}
