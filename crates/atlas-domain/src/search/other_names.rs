//! Names people type for a country that are not its name in the data: the
//! abbreviations of diplomatic and press usage ("DRC", "UAE", "ROK"), long
//! and short official forms, French and Spanish forms met in the sources,
//! and the country's name in its own script. Search vocabulary only: none of
//! it is shown as a fact. Endonyms as in the UN Terminology Database
//! (UNTERM) and the countries' own constitutions.

/// alpha-3 (or `EUC`) → other names, searched like the name itself.
const OTHER_NAMES: &[(&str, &[&str])] = &[
    ("ARE", &["UAE", "Emirates", "الإمارات العربية المتحدة", "الإمارات"]),
    ("ARG", &["República Argentina"]),
    ("ARM", &["Հայաստան"]),
    ("BEL", &["Belgique", "België"]),
    ("BHR", &["البحرين"]),
    ("BOL", &["Plurinational State of Bolivia"]),
    ("BRA", &["Brasil"]),
    ("COD", &["DRC", "DR Congo", "RDC", "Congo-Kinshasa", "Congo (Kinshasa)", "République démocratique du Congo"]),
    ("COG", &["Congo-Brazzaville", "Congo (Brazzaville)", "République du Congo"]),
    ("CZE", &["Czech Republic", "Česko"]),
    ("DEU", &["Deutschland", "FRG"]),
    ("DOM", &["República Dominicana"]),
    ("EUC", &["EU", "European Union", "Union européenne", "Brussels"]),
    ("FIN", &["Suomi"]),
    ("GBR", &["UK", "Britain", "Great Britain"]),
    ("GIN", &["Guinée", "Guinea-Conakry"]),
    ("GRC", &["Ελλάδα", "Hellenic Republic"]),
    ("IND", &["भारत", "Bharat"]),
    ("ISR", &["ישראל"]),
    ("JOR", &["الأردن"]),
    ("JPN", &["日本", "Nippon"]),
    ("KAZ", &["Қазақстан", "Казахстан"]),
    ("KOR", &["ROK", "Republic of Korea", "Korea", "대한민국", "한국"]),
    ("PRK", &["DPRK"]),
    ("MAR", &["المغرب", "Maroc"]),
    ("MNG", &["Монгол Улс"]),
    ("NLD", &["Holland", "Nederland"]),
    ("NOR", &["Norge"]),
    ("OMN", &["عُمان"]),
    ("PAK", &["پاکستان"]),
    ("PER", &["Perú"]),
    ("PHL", &["Pilipinas"]),
    ("POL", &["Polska"]),
    ("QAT", &["قطر"]),
    ("ROU", &["România"]),
    ("SAU", &["KSA", "المملكة العربية السعودية", "السعودية"]),
    ("SWE", &["Sverige"]),
    ("THA", &["ประเทศไทย"]),
    ("UKR", &["Україна"]),
    ("USA", &["US", "America", "United States of America"]),
    ("UZB", &["Oʻzbekiston"]),
];

pub(super) fn of(iso3: &str) -> &'static [&'static str] {
    OTHER_NAMES.iter().find(|(code, _)| *code == iso3).map(|(_, names)| *names).unwrap_or(&[])
}
