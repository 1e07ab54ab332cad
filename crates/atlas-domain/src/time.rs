//! Time-zone-aware times, with the IANA database (chrono-tz), never fixed offsets.
//!
//! A [`ZonedDateTime`] is an instant plus the IANA zone it belongs to. It is
//! stored as RFC 9557 text, `2026-02-04T09:00:00-05:00[America/New_York]`, and
//! loading checks that the offset is the one the zone had at that instant.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("unknown time zone \"{0}\": use an IANA name such as America/New_York")]
    UnknownZone(String),
    #[error("{local} does not exist in {zone} (the clocks skip it)")]
    Nonexistent { local: String, zone: String },
    #[error("invalid time \"{0}\": expected RFC 3339 with an offset and an IANA zone in brackets")]
    Malformed(String),
    #[error("offset of \"{text}\" does not match {zone} at that instant ({expected})")]
    OffsetMismatch { text: String, zone: String, expected: String },
}

/// An IANA time zone, stored by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZoneName(pub Tz);

impl ZoneName {
    pub fn parse(name: &str) -> Result<ZoneName, TimeError> {
        let trimmed = name.trim();
        if trimmed.is_empty() || trimmed.len() > 64 {
            return Err(TimeError::UnknownZone(truncate(name, 64)));
        }
        Tz::from_str(trimmed).map(ZoneName).map_err(|_| TimeError::UnknownZone(truncate(trimmed, 64)))
    }
    /// Every IANA zone name this build knows.
    pub fn all_names() -> Vec<&'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect()
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

impl Serialize for ZoneName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for ZoneName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ZoneName::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// An instant and the zone it is reckoned in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZonedDateTime {
    pub instant: DateTime<Utc>,
    pub zone: ZoneName,
}

impl PartialOrd for ZonedDateTime {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for ZonedDateTime {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.instant.cmp(&other.instant).then_with(|| self.zone.name().cmp(other.zone.name()))
    }
}

impl ZonedDateTime {
    /// The wall-clock time `local` in `zone`. In the autumn overlap the earlier
    /// instant is taken; a time inside the spring gap is an error, not a guess.
    pub fn from_local(local: NaiveDateTime, zone: ZoneName) -> Result<ZonedDateTime, TimeError> {
        match zone.0.from_local_datetime(&local) {
            LocalResult::Single(t) => Ok(ZonedDateTime { instant: t.with_timezone(&Utc), zone }),
            LocalResult::Ambiguous(a, _) => Ok(ZonedDateTime { instant: a.with_timezone(&Utc), zone }),
            LocalResult::None => {
                Err(TimeError::Nonexistent { local: local.format("%Y-%m-%dT%H:%M").to_string(), zone: zone.name().to_string() })
            }
        }
    }

    /// Midnight at the start of `date` in `zone`.
    pub fn start_of_day(date: NaiveDate, zone: ZoneName) -> Result<ZonedDateTime, TimeError> {
        let midnight = date.and_hms_opt(0, 0, 0).ok_or_else(|| TimeError::Malformed(date.to_string()))?;
        match ZonedDateTime::from_local(midnight, zone) {
            Ok(t) => Ok(t),
            // A few zones skip midnight itself on DST days; the day then starts at 01:00.
            Err(_) => ZonedDateTime::from_local(
                midnight.checked_add_signed(chrono::Duration::hours(1)).ok_or_else(|| TimeError::Malformed(date.to_string()))?,
                zone,
            ),
        }
    }

    pub fn local(&self) -> DateTime<Tz> {
        self.instant.with_timezone(&self.zone.0)
    }

    pub fn in_zone(&self, zone: ZoneName) -> DateTime<Tz> {
        self.instant.with_timezone(&zone.0)
    }

    /// `2026-02-04T09:00:00-05:00[America/New_York]`.
    pub fn to_rfc9557(&self) -> String {
        format!("{}[{}]", self.local().to_rfc3339(), self.zone.name())
    }

    pub fn parse_rfc9557(text: &str) -> Result<ZonedDateTime, TimeError> {
        let malformed = || TimeError::Malformed(truncate(text, 80));
        let (stamp, zone_text) = text.split_once('[').ok_or_else(malformed)?;
        let zone_text = zone_text.strip_suffix(']').ok_or_else(malformed)?;
        let zone = ZoneName::parse(zone_text)?;
        let fixed = DateTime::parse_from_rfc3339(stamp).map_err(|_| malformed())?;
        let instant = fixed.with_timezone(&Utc);
        let expected = instant.with_timezone(&zone.0).offset().fix();
        if expected != *fixed.offset() {
            return Err(TimeError::OffsetMismatch {
                text: truncate(text, 80),
                zone: zone.name().to_string(),
                expected: expected.to_string(),
            });
        }
        Ok(ZonedDateTime { instant, zone })
    }

    /// This time seen from another zone, for display.
    pub fn view_in(&self, zone: ZoneName) -> TimeView {
        TimeView::new(self.instant, zone, self.local().date_naive())
    }
}

impl fmt::Display for ZonedDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc9557())
    }
}

impl Serialize for ZonedDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc9557())
    }
}

impl<'de> Deserialize<'de> for ZonedDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ZonedDateTime::parse_rfc9557(&s).map_err(serde::de::Error::custom)
    }
}

/// A time as shown in one zone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeView {
    pub zone: &'static str,
    /// Abbreviation such as EST or PKT.
    pub abbreviation: String,
    /// `2026-02-04T09:00:00-05:00`.
    pub local: String,
    pub date: String,
    /// `09:00`.
    pub clock: String,
    pub utc_offset: String,
    /// Calendar days between this date and the reference date (the event's own): -1, 0, +1.
    pub day_shift: i64,
}

impl TimeView {
    pub fn new(instant: DateTime<Utc>, zone: ZoneName, reference_date: NaiveDate) -> TimeView {
        let local = instant.with_timezone(&zone.0);
        let date = local.date_naive();
        TimeView {
            zone: zone.name(),
            abbreviation: local.format("%Z").to_string(),
            local: local.to_rfc3339(),
            date: date.to_string(),
            clock: local.format("%H:%M").to_string(),
            utc_offset: local.offset().fix().to_string(),
            day_shift: date.signed_duration_since(reference_date).num_days(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ny() -> ZoneName {
        ZoneName::parse("America/New_York").unwrap()
    }
    fn karachi() -> ZoneName {
        ZoneName::parse("Asia/Karachi").unwrap()
    }
    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn opening_remarks_in_washington_and_islamabad() {
        let t = ZonedDateTime::from_local(at(2026, 2, 4, 9, 0), ny()).unwrap();
        assert_eq!(t.to_rfc9557(), "2026-02-04T09:00:00-05:00[America/New_York]");
        let pk = t.view_in(karachi());
        assert_eq!(pk.clock, "19:00", "PKT is UTC+5, New York is UTC-5 in February");
        assert_eq!(pk.day_shift, 0);
        assert_eq!(pk.abbreviation, "PKT");
    }

    #[test]
    fn date_crossing_for_karachi() {
        // 20:00 in Washington is 06:00 the next day in Islamabad.
        let t = ZonedDateTime::from_local(at(2026, 2, 4, 20, 0), ny()).unwrap();
        let pk = t.view_in(karachi());
        assert_eq!(pk.clock, "06:00");
        assert_eq!(pk.date, "2026-02-05");
        assert_eq!(pk.day_shift, 1);
        // And back: 03:00 in Islamabad is the previous evening in Washington.
        let k = ZonedDateTime::from_local(at(2026, 4, 8, 3, 0), karachi()).unwrap();
        let w = TimeView::new(k.instant, ny(), k.local().date_naive());
        assert_eq!(w.date, "2026-04-07");
        assert_eq!(w.day_shift, -1);
        assert_eq!(w.clock, "18:00", "EDT is UTC-4 in April");
    }

    #[test]
    fn dst_change_in_new_york() {
        // 8 March 2026: clocks go from 02:00 EST to 03:00 EDT.
        let before = ZonedDateTime::from_local(at(2026, 3, 8, 1, 30), ny()).unwrap();
        let after = ZonedDateTime::from_local(at(2026, 3, 8, 3, 30), ny()).unwrap();
        assert_eq!((after.instant - before.instant).num_minutes(), 60, "one real hour apart");
        assert_eq!(before.view_in(ny()).utc_offset, "-05:00");
        assert_eq!(after.view_in(ny()).utc_offset, "-04:00");
        let gap = ZonedDateTime::from_local(at(2026, 3, 8, 2, 30), ny());
        assert!(matches!(gap, Err(TimeError::Nonexistent { .. })), "{gap:?}");
        // 1 November 2026: 01:30 happens twice; the earlier (EDT) is taken.
        let overlap = ZonedDateTime::from_local(at(2026, 11, 1, 1, 30), ny()).unwrap();
        assert_eq!(overlap.view_in(ny()).utc_offset, "-04:00");
    }

    #[test]
    fn unknown_zone_is_a_clear_error() {
        let e = ZoneName::parse("Mars/Olympus_Mons").unwrap_err();
        assert_eq!(e, TimeError::UnknownZone("Mars/Olympus_Mons".into()));
        assert!(e.to_string().contains("IANA"));
        assert!(ZoneName::parse("").is_err());
        assert!(ZoneName::parse(&"x".repeat(10_000)).is_err());
    }

    #[test]
    fn rfc9557_round_trip_and_offset_check() {
        let t = ZonedDateTime::parse_rfc9557("2026-04-08T10:00:00+05:00[Asia/Karachi]").unwrap();
        assert_eq!(t.to_rfc9557(), "2026-04-08T10:00:00+05:00[Asia/Karachi]");
        let wrong = ZonedDateTime::parse_rfc9557("2026-02-04T09:00:00-04:00[America/New_York]");
        assert!(matches!(wrong, Err(TimeError::OffsetMismatch { .. })), "{wrong:?}");
        assert!(ZonedDateTime::parse_rfc9557("2026-02-04T09:00:00").is_err());
        assert!(ZonedDateTime::parse_rfc9557("2026-02-04T09:00:00-05:00[Nowhere/Else]").is_err());
    }
}
