//! The two faces a brief is set in, built into the program (DejaVu Sans cut
//! to the Latin scripts by `scripts/subset-brief-fonts.sh`; licence beside
//! them), and how wide a text is in each.

use std::collections::BTreeSet;

pub static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans-Latin.ttf");
pub static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold-Latin.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub struct Faces {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Faces {
    pub fn load() -> Result<Faces, crate::BriefError> {
        let parse = |bytes: &'static [u8], name: &str| {
            ttf_parser::Face::parse(bytes, 0).map_err(|e| crate::BriefError::Font(format!("{name}: {e}")))
        };
        Ok(Faces { regular: parse(REGULAR, "regular face")?, bold: parse(BOLD, "bold face")? })
    }

    fn face(&self, weight: Weight) -> &ttf_parser::Face<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width in points of `text` at `size`. Kerning is left out: it only
    /// narrows text, so a line measured here never overflows.
    pub fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let face = self.face(weight);
        let per_unit = size / f32::from(face.units_per_em().max(1));
        text.chars()
            .map(|c| {
                let advance = face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).unwrap_or(0);
                f32::from(advance) * per_unit
            })
            .sum()
    }

    /// Whether both faces can draw `c`.
    pub fn covers(&self, c: char) -> bool {
        self.regular.glyph_index(c).is_some() && self.bold.glyph_index(c).is_some()
    }

    /// `text` with every character the faces cannot draw replaced by `?`
    /// (noted in `missing`), and control characters by spaces.
    pub fn drawable(&self, text: &str, missing: &mut BTreeSet<char>) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if self.covers(c) {
                    c
                } else {
                    missing.insert(c);
                    '?'
                }
            })
            .collect()
    }
}
