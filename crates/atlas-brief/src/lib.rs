//! A country brief as a PDF, written offline from the domain's views: the
//! delegation, agreements, minerals with shares and places, sessions and
//! timeline entries in a chosen zone, and the sources with their URLs and
//! statuses. Knows nothing of Tauri; the app and the command line call
//! [`write_brief`].
//!
//! - [`compose`]: what the brief says (blocks of text and tables).
//! - [`layout`]: where each line goes on A4 or Letter pages.
//! - [`fonts`]: the embedded faces and text widths.
//! - `pdf`: the pages drawn into a PDF.

// The brief prints outside text (an imported data pack's names and titles):
// no byte-index slicing, unchecked indexing or unwrap on it.
#![cfg_attr(not(test), deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod compose;
pub mod fonts;
pub mod layout;
mod pdf;

use atlas_domain::views::CountryDetail;

pub use compose::{compose, Brief, BriefContext};
pub use layout::{lay_out, Laid, Paper};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BriefError {
    #[error("the brief's font could not be read: {0}")]
    Font(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// A written brief: the PDF's bytes, its page count, and any character the
/// faces could not draw (printed as `?`).
#[derive(Debug, Clone)]
pub struct WrittenBrief {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub missing: Vec<char>,
}

pub fn write_brief(detail: &CountryDetail, cx: &BriefContext, paper: Paper) -> Result<WrittenBrief, BriefError> {
    let brief = compose(detail, cx);
    let faces = fonts::Faces::load()?;
    let laid = lay_out(&brief, paper, &faces);
    let pdf = pdf::write_pdf(&laid, &brief.title)?;
    Ok(WrittenBrief { pdf, pages: laid.pages.len(), missing: laid.missing.into_iter().collect() })
}
