//! The one checked conversion for imported times. A schedule may say
//! anything about its dates; the app shows years [`FIRST_YEAR`] to
//! [`LAST_YEAR`], and every instant an importer makes passes through here,
//! so no later arithmetic (an end from a duration, a day after a date, the
//! library's merge) can overflow.

use chrono::{DateTime, Datelike, Duration, Utc};

/// The first and last year of a time the app imports and shows.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Why a time was refused, in words for the warning or error.
pub fn out_of_range(what: &str) -> String {
    format!("{what} is outside the years {FIRST_YEAR} to {LAST_YEAR} that the app shows")
}

/// The instant, when its year is one the app shows.
pub fn in_range(t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (FIRST_YEAR..=LAST_YEAR).contains(&t.year()).then_some(t)
}

/// `start + length`, when that is still a time the app shows.
pub fn after(start: DateTime<Utc>, length: Duration) -> Option<DateTime<Utc>> {
    start.checked_add_signed(length).and_then(in_range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_range_is_inclusive_and_arithmetic_never_overflows() {
        let first = Utc.with_ymd_and_hms(FIRST_YEAR, 1, 1, 0, 0, 0).unwrap();
        let last = Utc.with_ymd_and_hms(LAST_YEAR, 12, 31, 23, 0, 0).unwrap();
        assert_eq!(in_range(first), Some(first));
        assert_eq!(in_range(last), Some(last));
        assert_eq!(in_range(first - Duration::seconds(1)), None);
        assert_eq!(after(last, Duration::hours(2)), None);
        assert_eq!(after(DateTime::<Utc>::MAX_UTC, Duration::days(1)), None);
        assert_eq!(after(first, Duration::hours(1)), Some(first + Duration::hours(1)));
    }
}
