//! A world table as CSV, the same numbers, markers and source as the ranked
//! table on screen: one row per USGS row, ranked by share, then "Other
//! countries" and the world total. A marker stays USGS's text ("W") with an
//! empty number: never a 0. Every row names its table, year, unit and source,
//! so a row copied elsewhere keeps them.

use crate::concentration::rank_of;
use crate::error::DomainError;
use crate::model::*;
use crate::value::UsgsValue;

use super::minerals::{previous_row, share_rows};
use super::*;

const HEADER: [&str; 19] = [
    "mineral",
    "table",
    "year",
    "unit",
    "place",
    "country",
    "iso3",
    "attended",
    "usgs_value",
    "value_kind",
    "number",
    "share_percent",
    "share_is_upper_bound",
    "qualifier",
    "note",
    "source",
    "previous_year",
    "previous_usgs_value",
    "change_percent",
];

/// A CSV file's text and the name to offer for it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCsv {
    pub file_name: String,
    pub text: String,
}

/// One CSV field: quoted when it holds a comma, quote or line break; a text
/// that a spreadsheet would run as a formula (=, +, @, or - before a
/// non-digit) is prefixed with an apostrophe.
fn field(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next();
    let formula = match first {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    let text = if formula { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn line(fields: &[String]) -> String {
    let mut out = fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// A plain number for a spreadsheet: no thousands separators.
fn plain(n: f64) -> String {
    let text = format!("{n:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

// Indexes are positions in the atlas's own vectors (see `mod.rs`).
#[allow(clippy::indexing_slicing)]
impl Atlas {
    /// The world table `series_id` as CSV (RFC 4180, CRLF line ends, UTF-8).
    pub fn table_csv(&self, series_id: &str) -> Result<TableCsv, DomainError> {
        let id = check_id("table id", series_id)?;
        let s = self.data.series.iter().find(|s| s.id == id).ok_or_else(|| DomainError::not_found("table", series_id))?;
        let mineral = self.mineral_ref(&s.mineral);
        let table = share_rows(s);
        let mut rows: Vec<&StatRow> = s.rows.iter().filter(|r| r.country.is_some()).collect();
        // As on screen: by share, largest first; rows without one after, in USGS's order.
        rows.sort_by(|a, b| match (a.share, b.share) {
            (Some(x), Some(y)) => y.percent.total_cmp(&x.percent),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        rows.extend(s.rows.iter().filter(|r| r.country.is_none()));
        let common = |place: String,
                      country: String,
                      iso3: String,
                      attended: String,
                      value: &UsgsValue,
                      share: Option<Share>,
                      qualifier: String,
                      note: String| {
            vec![
                mineral.name.clone(),
                s.detail.clone(),
                s.year.to_string(),
                s.unit.clone(),
                place,
                country,
                iso3,
                attended,
                value.to_usgs_text(),
                // As on screen: USGS's "s" with a note saying where the figure is counted is not "less than ½".
                crate::value::ValueView::of_row(value, Some(note.as_str()).filter(|n| !n.is_empty()).or(s.note.as_deref()))
                    .kind
                    .to_string(),
                value.exact().map(plain).unwrap_or_default(),
                share.map(|x| plain((x.percent * 100.0).round() / 100.0)).unwrap_or_default(),
                share.map(|x| x.at_most.to_string()).unwrap_or_default(),
                qualifier,
                note,
                self.usgs_citation.clone(),
            ]
        };
        let previous = self.previous_year_series(s);
        // The year before, USGS's text for it, and the change where both are numbers.
        let before = |now: &UsgsValue, then: Option<&UsgsValue>| -> [String; 3] {
            match (previous, then) {
                (Some(p), Some(then)) => [
                    p.year.to_string(),
                    then.to_usgs_text(),
                    now.change_from(then).map(|c| plain((c * 10.0).round() / 10.0)).unwrap_or_default(),
                ],
                _ => Default::default(),
            }
        };
        let mut text = line(&HEADER.map(String::from));
        for r in rows {
            let (country, iso3, attended, place) = match r.country.as_deref() {
                Some(iso3) => (
                    self.country_name(iso3),
                    iso3.to_string(),
                    match self.role_at_ministerial(iso3) {
                        Some(Role::Host) => "host".to_string(),
                        Some(_) => "participant".to_string(),
                        None => "did not attend".to_string(),
                    },
                    rank_of(&table, iso3).map(|p| p.to_string()).unwrap_or_default(),
                ),
                None => (r.usgs_name.clone(), String::new(), String::new(), String::new()),
            };
            let note = [r.note.clone(), r.erratum.clone()].into_iter().flatten().collect::<Vec<_>>().join("; ");
            let mut fields = common(place, country, iso3, attended, &r.value, r.share, r.qualifier.clone().unwrap_or_default(), note);
            fields.extend(before(&r.value, previous.and_then(|p| previous_row(p, r)).map(|p| &p.value)));
            text.push_str(&line(&fields));
        }
        if let Some(total) = &s.world_total {
            let note = [s.world_total_note.clone(), s.world_total_erratum.clone()].into_iter().flatten().collect::<Vec<_>>().join("; ");
            let share = total.exact().map(|_| Share { percent: 100.0, at_most: false });
            let mut fields = common(String::new(), "World total".into(), String::new(), String::new(), total, share, String::new(), note);
            fields.extend(before(total, previous.and_then(|p| p.world_total.as_ref())));
            text.push_str(&line(&fields));
        }
        let statistic = s.statistic.as_str();
        Ok(TableCsv { file_name: format!("{}-{statistic}-{}.csv", mineral.id, s.year), text })
    }
}

/// The participation map's table as CSV: every party at the primary event
/// (host first, then by name), its role, head of delegation, statuses, the
/// agreements it signed with the host, its USGS rows, and its sources.
const PARTIES_HEADER: [&str; 12] = [
    "country",
    "iso3",
    "kind",
    "role",
    "attendance_status",
    "head_of_delegation",
    "head_title",
    "delegation_status",
    "signed_at_ministerial",
    "agreements",
    "usgs_world_table_rows",
    "sources",
];

// Indexes are positions in the atlas's own vectors (see `mod.rs`).
#[allow(clippy::indexing_slicing)]
impl Atlas {
    /// The parties at the primary event as CSV (RFC 4180, CRLF, UTF-8).
    pub fn participants_csv(&self) -> TableCsv {
        let mut parties: Vec<&Participation> = self.data.participations.iter().filter(|p| p.event == self.data.primary_event).collect();
        let name = |iso3: &str| self.country_name(iso3);
        parties.sort_by(|a, b| (a.role != Role::Host).cmp(&(b.role != Role::Host)).then_with(|| name(&a.party).cmp(&name(&b.party))));
        let mut text = line(&PARTIES_HEADER.map(String::from));
        for p in parties {
            let country = self.country_by_id.get(&p.party).map(|&i| &self.data.countries[i]);
            let head = p.head_of_delegation.as_deref().and_then(|h| self.person(h));
            let agreements: Vec<String> = self
                .agreements_by_party
                .get(&p.party)
                .into_iter()
                .flatten()
                .map(|&i| &self.data.agreements[i])
                .map(|a| format!("{} ({})", a.title, a.date.map(|d| d.to_string()).unwrap_or_else(|| "no date".into())))
                .collect();
            let mut source_ids: Vec<String> = Vec::new();
            for id in p.sources.iter().chain(head.map(|h| h.sources.iter()).into_iter().flatten()) {
                if !source_ids.contains(id) {
                    source_ids.push(id.clone());
                }
            }
            let urls: Vec<String> = self.sources(&source_ids).into_iter().map(|s| s.url).collect();
            text.push_str(&line(&[
                name(&p.party),
                p.party.clone(),
                country.map(|c| kind_text(c.kind)).unwrap_or_default().to_string(),
                p.role.as_str().to_string(),
                p.status.as_str().to_string(),
                head.map(|h| h.name.clone()).unwrap_or_default(),
                head.map(|h| h.title.clone()).unwrap_or_default(),
                p.delegation_status.map(Status::as_str).unwrap_or_default().to_string(),
                self.signed_at_ministerial(&p.party).to_string(),
                agreements.join("; "),
                self.stat_rows_by_country.get(&p.party).map(Vec::len).unwrap_or(0).to_string(),
                urls.join(" "),
            ]));
        }
        TableCsv { file_name: "ministerial-participants.csv".into(), text }
    }
}

fn kind_text(k: PartyKind) -> &'static str {
    match k {
        PartyKind::Country => "country",
        PartyKind::Organisation => "organisation",
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_where_csv_needs_it_and_never_run_as_formulas() {
        assert_eq!(field("Chile"), "Chile");
        assert_eq!(field("Korea, Republic of"), "\"Korea, Republic of\"");
        assert_eq!(field("the \"W\" marker"), "\"the \"\"W\"\" marker\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-12.5"), "-12.5", "a negative number stays a number");
        assert_eq!(field("—"), "—", "USGS's dash for zero is text, not a formula");
        assert_eq!(field(""), "");
    }
}
