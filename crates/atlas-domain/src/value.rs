//! USGS statistic values.
//!
//! USGS Mineral Commodity Summaries publish values as text: numbers with
//! thousands separators, and markers such as `W` (withheld), `NA`, `—` (zero),
//! bounds (`>75,000,000`) and ranges (`330 - 390`). A value is therefore not a
//! float: [`UsgsValue`] keeps what USGS meant, and its raw text, so nothing is
//! lost and nothing is invented.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One published USGS value.
#[derive(Debug, Clone, PartialEq)]
pub enum UsgsValue {
    /// A plain number, such as `230,000` or `1.5`.
    Number(f64),
    /// `—`: USGS's dash for zero.
    Zero,
    /// `W`: withheld to avoid disclosing company proprietary data.
    Withheld,
    /// `NA`: not available.
    NotAvailable,
    /// `XX`: not applicable.
    NotApplicable,
    /// `E`: net exporter (net import reliance tables).
    NetExporter,
    /// `s`: less than ½ unit.
    LessThanHalfUnit,
    /// `>n` or `<n`.
    Bound { bound: Bound, value: f64 },
    /// `low - high` or `low–high`.
    Range { low: f64, high: f64 },
    /// Anything else USGS wrote ("Large", "Moderate", "Variable, …"), kept verbatim.
    Text(String),
    /// An empty cell.
    Blank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    GreaterThan,
    LessThan,
}

impl UsgsValue {
    /// Parses USGS's text. Never fails: what is not recognised is kept as text.
    pub fn parse(raw: &str) -> UsgsValue {
        // USGS cells carry stray non-breaking spaces ("68\u{a0}").
        let text = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        match text {
            "" => return UsgsValue::Blank,
            "—" | "–" | "-" => return UsgsValue::Zero,
            "W" => return UsgsValue::Withheld,
            "NA" => return UsgsValue::NotAvailable,
            "XX" => return UsgsValue::NotApplicable,
            "E" => return UsgsValue::NetExporter,
            "s" => return UsgsValue::LessThanHalfUnit,
            _ => {}
        }
        if let Some(n) = parse_number(text) {
            return UsgsValue::Number(n);
        }
        for (prefix, bound) in [(">", Bound::GreaterThan), ("<", Bound::LessThan)] {
            if let Some(rest) = text.strip_prefix(prefix) {
                if let Some(value) = parse_number(rest.trim()) {
                    return UsgsValue::Bound { bound, value };
                }
            }
        }
        for sep in [" - ", "–", " – ", "-"] {
            if let Some((a, b)) = text.split_once(sep) {
                if let (Some(low), Some(high)) = (parse_number(a.trim()), parse_number(b.trim())) {
                    if low <= high {
                        return UsgsValue::Range { low, high };
                    }
                }
            }
        }
        UsgsValue::Text(text.to_string())
    }

    /// The number to compute with, when there is one that means "exactly this".
    /// `—` counts as 0 because USGS uses it to say zero.
    pub fn exact(&self) -> Option<f64> {
        match self {
            UsgsValue::Number(n) => Some(*n),
            UsgsValue::Zero => Some(0.0),
            _ => None,
        }
    }

    /// The change from `before` to this value in percent of `before`, where
    /// both are exact and `before` is not zero: a marker, bound or range on
    /// either side has no change to give.
    pub fn change_from(&self, before: &UsgsValue) -> Option<f64> {
        let (now, then) = (self.exact()?, before.exact()?);
        (then > 0.0).then(|| (now - then) / then * 100.0)
    }

    /// A short machine name of the kind, for the front end.
    pub fn kind(&self) -> &'static str {
        match self {
            UsgsValue::Number(_) => "number",
            UsgsValue::Zero => "zero",
            UsgsValue::Withheld => "withheld",
            UsgsValue::NotAvailable => "not_available",
            UsgsValue::NotApplicable => "not_applicable",
            UsgsValue::NetExporter => "net_exporter",
            UsgsValue::LessThanHalfUnit => "less_than_half_unit",
            UsgsValue::Bound { .. } => "bound",
            UsgsValue::Range { .. } => "range",
            UsgsValue::Text(_) => "text",
            UsgsValue::Blank => "blank",
        }
    }

    /// USGS's own notation, normalised: `230,000`, `W`, `>75,000,000`, `330 - 390`.
    pub fn to_usgs_text(&self) -> String {
        match self {
            UsgsValue::Number(n) => format_number(*n),
            UsgsValue::Zero => "—".into(),
            UsgsValue::Withheld => "W".into(),
            UsgsValue::NotAvailable => "NA".into(),
            UsgsValue::NotApplicable => "XX".into(),
            UsgsValue::NetExporter => "E".into(),
            UsgsValue::LessThanHalfUnit => "s".into(),
            UsgsValue::Bound { bound, value } => {
                let op = match bound {
                    Bound::GreaterThan => ">",
                    Bound::LessThan => "<",
                };
                format!("{op}{}", format_number(*value))
            }
            UsgsValue::Range { low, high } => {
                format!("{} - {}", format_number(*low), format_number(*high))
            }
            UsgsValue::Text(t) => t.clone(),
            UsgsValue::Blank => String::new(),
        }
    }

    /// What a reader should see, with markers spelled out.
    pub fn describe(&self) -> String {
        match self {
            UsgsValue::Withheld => "W (withheld to avoid disclosing company proprietary data)".into(),
            UsgsValue::NotAvailable => "NA (not available)".into(),
            UsgsValue::NotApplicable => "XX (not applicable)".into(),
            UsgsValue::NetExporter => "E (net exporter)".into(),
            UsgsValue::LessThanHalfUnit => "less than ½ unit".into(),
            UsgsValue::Zero => "— (zero)".into(),
            UsgsValue::Blank => "not reported".into(),
            other => other.to_usgs_text(),
        }
    }
}

/// Parses `1,234.5` (commas as thousands separators only).
fn parse_number(text: &str) -> Option<f64> {
    if text.is_empty() || !text.chars().next()?.is_ascii_digit() {
        return None;
    }
    if !text.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    // Thousands groups must be exactly three digits, so "1,2" is not a number.
    let mut groups = int_part.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 && int_part.contains(',') {
        return None;
    }
    for g in groups {
        if g.len() != 3 {
            return None;
        }
    }
    if let Some(f) = frac_part {
        if f.is_empty() || f.contains(',') || f.contains('.') {
            return None;
        }
    }
    text.replace(',', "").parse::<f64>().ok().filter(|n| n.is_finite())
}

/// `1234567.0` → `1,234,567`; keeps up to six decimals, trimmed.
pub fn format_number(n: f64) -> String {
    let negative = n < 0.0;
    let abs = n.abs();
    let mut text = format!("{abs:.6}");
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && int_part.len().saturating_sub(i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut out = if negative { format!("-{grouped}") } else { grouped };
    if let Some(f) = frac_part {
        out.push('.');
        out.push_str(&f);
    }
    out
}

/// Stored as USGS's text; parsed on load.
impl<'de> Deserialize<'de> for UsgsValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(UsgsValue::parse(&raw))
    }
}

impl Serialize for UsgsValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_usgs_text())
    }
}

/// The front end's view of a value: kind, text, and numbers where they exist.
#[derive(Debug, Clone, Serialize)]
pub struct ValueView {
    pub kind: &'static str,
    pub text: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
}

impl ValueView {
    /// A table row's value as shown. USGS prints `s` for two things: "less
    /// than ½ unit", and (on a few rows, said in the row's note) a figure
    /// "Included in World total", "Included with Other countries" or
    /// "included with ilmenite". The second is not a small number: USGS gives
    /// no separate figure, and the note says where it is counted.
    pub fn of_row(value: &UsgsValue, note: Option<&str>) -> ValueView {
        let mut view = ValueView::from(value);
        if *value == UsgsValue::LessThanHalfUnit {
            if let Some(clause) = note.and_then(included_clause) {
                view.kind = "included_elsewhere";
                // USGS has a row: its marker and its note, never "not reported".
                view.description = format!("s: {clause}; no separate figure");
            }
        }
        view
    }
}

/// The clause of a USGS note that says where a row's figure is counted
/// ("Included in “World total.”"), without its final full stop.
fn included_clause(note: &str) -> Option<String> {
    note.split(" -- ")
        .map(str::trim)
        .find(|clause| clause.to_lowercase().contains("included in") || clause.to_lowercase().contains("included with"))
        .map(|clause| clause.trim_end_matches('.').replace(".”", "”").to_string())
}

impl From<&UsgsValue> for ValueView {
    fn from(v: &UsgsValue) -> Self {
        let (number, low, high, bound) = match v {
            UsgsValue::Number(n) => (Some(*n), None, None, None),
            UsgsValue::Zero => (Some(0.0), None, None, None),
            UsgsValue::Bound { bound, value } => (Some(*value), None, None, Some(*bound)),
            UsgsValue::Range { low, high } => (None, Some(*low), Some(*high), None),
            _ => (None, None, None, None),
        };
        ValueView { kind: v.kind(), text: v.to_usgs_text(), description: v.describe(), number, low, high, bound }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_thousands_separators() {
        assert_eq!(UsgsValue::parse("230,000"), UsgsValue::Number(230_000.0));
        assert_eq!(UsgsValue::parse("1.5"), UsgsValue::Number(1.5));
        assert_eq!(UsgsValue::parse("68\u{a0}"), UsgsValue::Number(68.0));
        assert_eq!(UsgsValue::parse("1,234,567.25"), UsgsValue::Number(1_234_567.25));
    }

    #[test]
    fn malformed_groupings_are_text_not_numbers() {
        assert_eq!(UsgsValue::parse("1,2"), UsgsValue::Text("1,2".into()));
        assert_eq!(UsgsValue::parse("12,34,567"), UsgsValue::Text("12,34,567".into()));
        assert_eq!(UsgsValue::parse("1..2"), UsgsValue::Text("1..2".into()));
    }

    #[test]
    fn markers_keep_their_meaning() {
        assert_eq!(UsgsValue::parse("W"), UsgsValue::Withheld);
        assert_eq!(UsgsValue::parse("NA"), UsgsValue::NotAvailable);
        assert_eq!(UsgsValue::parse("—"), UsgsValue::Zero);
        assert_eq!(UsgsValue::parse("XX"), UsgsValue::NotApplicable);
        assert_eq!(UsgsValue::parse("s"), UsgsValue::LessThanHalfUnit);
        assert_eq!(UsgsValue::parse(""), UsgsValue::Blank);
        assert_eq!(UsgsValue::parse("W").exact(), None, "withheld is not zero");
        assert_eq!(UsgsValue::parse("NA").exact(), None, "not available is not zero");
        assert_eq!(UsgsValue::parse("—").exact(), Some(0.0));
    }

    #[test]
    fn bounds_and_ranges() {
        assert_eq!(UsgsValue::parse(">75,000,000"), UsgsValue::Bound { bound: Bound::GreaterThan, value: 75_000_000.0 });
        assert_eq!(UsgsValue::parse("<1"), UsgsValue::Bound { bound: Bound::LessThan, value: 1.0 });
        assert_eq!(UsgsValue::parse("330 - 390"), UsgsValue::Range { low: 330.0, high: 390.0 });
        assert_eq!(UsgsValue::parse("500–17,000"), UsgsValue::Range { low: 500.0, high: 17_000.0 });
        assert_eq!(UsgsValue::parse(">75,000,000").exact(), None, "a bound is not a value");
    }

    #[test]
    fn change_between_years_only_between_numbers() {
        let v = UsgsValue::parse;
        assert_eq!(v("230,000").change_from(&v("200,000")), Some(15.0));
        assert_eq!(v("180").change_from(&v("200")), Some(-10.0));
        assert_eq!(v("—").change_from(&v("50")), Some(-100.0), "USGS's dash is a zero");
        assert_eq!(v("50").change_from(&v("—")), None, "no percent change from zero");
        assert_eq!(v("W").change_from(&v("50")), None, "withheld now: no change");
        assert_eq!(v("50").change_from(&v("NA")), None);
        assert_eq!(v(">75").change_from(&v("50")), None, "a bound is not a value");
        assert_eq!(v("330 - 390").change_from(&v("300")), None);
    }

    #[test]
    fn usgs_s_is_less_than_half_a_unit_unless_the_note_says_where_it_is_counted() {
        let s = UsgsValue::parse("s");
        let small = ValueView::of_row(&s, Some("Estimated. -- Less than ½ unit."));
        assert_eq!((small.kind, small.description.as_str()), ("less_than_half_unit", "less than ½ unit"));
        let counted = ValueView::of_row(&s, Some("See Appendix C for resource and reserve definitions. -- Included in “World total.”"));
        assert_eq!(counted.kind, "included_elsewhere");
        assert_eq!(counted.description, "s: Included in “World total”; no separate figure");
        assert_eq!(counted.text, "s", "USGS's own text is kept");
        let ilmenite =
            ValueView::of_row(&s, Some("Estimated. -- United States rutile production and reserves data are included with ilmenite."));
        assert_eq!(
            ilmenite.description,
            "s: United States rutile production and reserves data are included with ilmenite; no separate figure"
        );
        assert_eq!(ValueView::of_row(&UsgsValue::parse("1,000"), Some("Included in World total.")).kind, "number", "only s is read so");
        assert_eq!(ValueView::of_row(&s, None).kind, "less_than_half_unit");
    }

    #[test]
    fn free_text_is_kept_verbatim() {
        let v = UsgsValue::parse("Variable, depending on type of product");
        assert_eq!(v, UsgsValue::Text("Variable, depending on type of product".into()));
        assert_eq!(v.to_usgs_text(), "Variable, depending on type of product");
    }

    #[test]
    fn text_round_trips_through_serde() {
        for raw in ["230,000", "W", "NA", "—", ">75,000,000", "330 - 390", "Large", "0.5", "XX"] {
            let v = UsgsValue::parse(raw);
            let json = serde_json::to_string(&v).unwrap();
            let back: UsgsValue = serde_json::from_str(&json).unwrap();
            assert_eq!(back, v, "{raw} via {json}");
        }
    }

    #[test]
    fn formats_numbers_like_usgs() {
        assert_eq!(format_number(11_000_000.0), "11,000,000");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(1000.0), "1,000");
        assert_eq!(format_number(0.25), "0.25");
    }
}
