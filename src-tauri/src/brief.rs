//! The country brief, shared by the window's "Brief (PDF)" and the command
//! line's `minerals-atlas brief`: the atlas's country page, the zone and the
//! paper in, a PDF's bytes and a file name out. The layout and the PDF are
//! the `atlas-brief` crate's.

use atlas_brief::{write_brief, BriefContext, Paper};
use atlas_domain::time::ZoneName;
use atlas_domain::{Atlas, DomainError};

use crate::error::{AppError, AppResult};

/// The day this program was built (see `build.rs`).
pub const BUILT: &str = env!("MINERALS_ATLAS_BUILT");

pub struct BriefFile {
    pub file_name: String,
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// The brief for `iso3`, times in `zone`, on `paper`.
pub fn country_brief(atlas: &Atlas, iso3: &str, zone: &str, paper: &str) -> AppResult<BriefFile> {
    let detail = atlas.country(iso3)?;
    if zone.len() > 64 {
        return Err(DomainError::invalid("time zone", "longer than any IANA zone name").into());
    }
    let zone = ZoneName::parse(zone).map_err(DomainError::from)?;
    let paper = Paper::parse(paper)
        .ok_or_else(|| DomainError::invalid("paper", format!("\"{}\": choose a4 or letter", paper.chars().take(20).collect::<String>())))?;
    let info = atlas.info();
    let cx = BriefContext { info: &info, zone, written: atlas.now(), app_version: env!("CARGO_PKG_VERSION"), app_built: BUILT };
    let written = write_brief(&detail, &cx, paper).map_err(|e| AppError::Export(e.to_string()))?;
    if !written.missing.is_empty() {
        eprintln!("minerals-atlas: the brief's font lacks {:?}; printed as ?", written.missing);
    }
    Ok(BriefFile { file_name: file_name(&detail.country.name), pdf: written.pdf, pages: written.pages })
}

/// "pakistan-brief.pdf", "cote-d-ivoire-brief.pdf": letters and digits of
/// the name, lower case, folded to ASCII where the letter has a plain form.
pub fn file_name(country: &str) -> String {
    let mut slug = String::new();
    for c in country.chars() {
        let plain = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if plain != '-' || !slug.ends_with('-') {
            slug.push(plain);
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "country" } else { slug };
    format!("{slug}-brief.pdf")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_name("Pakistan"), "pakistan-brief.pdf");
        assert_eq!(file_name("Côte d'Ivoire"), "cote-d-ivoire-brief.pdf");
        assert_eq!(file_name("Congo, Democratic Republic of the"), "congo-democratic-republic-of-the-brief.pdf");
        assert_eq!(file_name("../../etc"), "etc-brief.pdf");
        assert_eq!(file_name("پاکستان"), "country-brief.pdf");
    }
}
