//! What the webview may pass to a query: bounded ids, dates, zones.

use chrono::NaiveDate;

use crate::error::DomainError;
use crate::time::ZoneName;

/// Longest id or text argument a query accepts; longer ones are refused, not searched.
pub const MAX_ARGUMENT_LEN: usize = 256;

/// An id from outside, trimmed, or refused when it is too long to be one.
pub(crate) fn check_id<'a>(what: &'static str, id: &'a str) -> Result<&'a str, DomainError> {
    if id.len() > MAX_ARGUMENT_LEN {
        return Err(DomainError::invalid(what, format!("longer than {MAX_ARGUMENT_LEN} bytes")));
    }
    Ok(id.trim())
}

/// The zone a caller asked to see times in; UTC when it asked for none.
pub(crate) fn viewer_zone_or_utc(zone: Option<&str>) -> Result<ZoneName, DomainError> {
    match zone {
        Some(z) => Ok(ZoneName::parse(z)?),
        None => Ok(ZoneName(chrono_tz::UTC)),
    }
}

pub(crate) fn parse_date(what: &'static str, text: &str) -> Result<NaiveDate, DomainError> {
    if text.len() > 32 {
        return Err(DomainError::invalid(what, "not a date (too long)"));
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::invalid(what, format!("\"{text}\" is not a date like 2026-02-04")))
}
