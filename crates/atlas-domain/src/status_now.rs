//! A status read against the clock. A record stays what its sources say
//! (`scheduled` means "announced for a date"); once that date has passed,
//! the app says so instead of calling a past event scheduled. The clock is
//! passed in, never read here, so the rule is tested at any date.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::Status;

/// What to say of a `scheduled` record whose end has passed, or `None` when
/// its status still holds as it is: "took place; outcomes not recorded in
/// this data (as of 27 May 2026)", or, where the data records outcomes,
/// "took place; outcomes below".
pub fn status_as_of(status: Status, end: DateTime<Utc>, has_outcomes: bool, now: DateTime<Utc>, facts_as_of: NaiveDate) -> Option<String> {
    if status != Status::Scheduled || end > now {
        return None;
    }
    Some(if has_outcomes {
        "Took place; the outcomes recorded are listed".to_string()
    } else {
        format!("Took place; outcomes not recorded in this data (as of {})", facts_as_of.format("%-d %B %Y"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_scheduled_record_reads_as_past_only_once_it_ended() {
        let end = at(2026, 4, 9);
        let facts = NaiveDate::from_ymd_opt(2026, 5, 27).unwrap();
        assert_eq!(status_as_of(Status::Scheduled, end, false, at(2026, 4, 1), facts), None, "before: still scheduled");
        assert_eq!(
            status_as_of(Status::Scheduled, end, false, at(2026, 12, 3), facts).as_deref(),
            Some("Took place; outcomes not recorded in this data (as of 27 May 2026)")
        );
        assert_eq!(
            status_as_of(Status::Scheduled, end, true, at(2026, 12, 3), facts).as_deref(),
            Some("Took place; the outcomes recorded are listed")
        );
        assert_eq!(status_as_of(Status::Confirmed, end, false, at(2026, 12, 3), facts), None, "other statuses are facts already");
        assert_eq!(
            status_as_of(Status::Scheduled, end, false, end, facts).as_deref().map(|s| s.starts_with("Took place")),
            Some(true),
            "at the end it has ended"
        );
    }
}
