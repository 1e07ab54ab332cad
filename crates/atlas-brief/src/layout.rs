//! Where each line of a brief goes: text wrapped to the column, tables cut
//! into rows that never split across pages (their header repeated), pages
//! numbered. Pure: positions in points from the page's top-left corner, so
//! it is tested without writing a PDF.

use std::collections::BTreeSet;

use crate::compose::{Block, Brief, Table};
use crate::fonts::{Faces, Weight};

/// A page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn parse(name: &str) -> Option<Paper> {
        match name.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" | "us-letter" => Some(Paper::Letter),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// The paper a locale prints on: Letter in the Americas that use it
    /// (US, Canada, Mexico, Chile, Colombia, Venezuela, the Philippines among
    /// them), A4 elsewhere. Accepts `en_US.UTF-8`, `en-US`, `es_MX`.
    pub fn for_locale(locale: &str) -> Paper {
        const LETTER: [&str; 12] = ["US", "CA", "MX", "CL", "CO", "VE", "PH", "PR", "GT", "CR", "PA", "SV"];
        let region = locale.split(['.', '@']).next().unwrap_or_default().split(['_', '-']).nth(1).unwrap_or_default().to_ascii_uppercase();
        if LETTER.contains(&region.as_str()) {
            Paper::Letter
        } else {
            Paper::A4
        }
    }
}

const MARGIN: f32 = 42.0;
const FOOTER_GAP: f32 = 28.0;
const BODY: f32 = 8.5;
const NOTE: f32 = 7.2;
const TABLE: f32 = 7.5;
const HEADING: f32 = 12.0;
const TITLE: f32 = 17.0;
const CELL_PAD: f32 = 4.0;

fn leading(size: f32) -> f32 {
    size * 1.27
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub size: f32,
    pub weight: Weight,
    /// Grey (notes, the footer) rather than black.
    pub muted: bool,
    pub text: String,
}

/// A thin horizontal rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub x2: f32,
    pub y: f32,
}

/// A clickable area that opens a URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub texts: Vec<PlacedText>,
    pub rules: Vec<Rule>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub paper: Paper,
    pub pages: Vec<Page>,
    /// Characters the faces cannot draw, shown as `?`.
    pub missing: BTreeSet<char>,
}

struct Cursor<'f> {
    faces: &'f Faces,
    width: f32,
    height: f32,
    y: f32,
    pages: Vec<Page>,
    page: Page,
    missing: BTreeSet<char>,
}

pub fn lay_out(brief: &Brief, paper: Paper, faces: &Faces) -> Laid {
    let (width, height) = paper.size();
    let mut c = Cursor { faces, width, height, y: MARGIN, pages: Vec::new(), page: Page::default(), missing: BTreeSet::new() };
    c.lines(&brief.title, TITLE, Weight::Bold, false, 0.0);
    c.y += 2.0;
    for line in &brief.subtitle {
        c.lines(line, NOTE, Weight::Regular, true, 0.0);
    }
    for block in &brief.blocks {
        match block {
            Block::Heading(text) => {
                // A heading never ends a page: keep room for it and two lines.
                c.need(leading(HEADING) + 6.0 + 2.0 * leading(BODY));
                c.y += 8.0;
                c.lines(text, HEADING, Weight::Bold, false, 0.0);
                c.y += 1.0;
            }
            Block::Paragraph(text) => c.lines(text, BODY, Weight::Regular, false, 0.0),
            Block::Note(text) => c.lines(text, NOTE, Weight::Regular, true, 0.0),
            Block::Table(table) => c.table(table),
            Block::Source { number, text, url } => c.source(*number, text, url),
        }
    }
    let last = std::mem::take(&mut c.page);
    c.pages.push(last);
    let count = c.pages.len();
    let footer_y = height - MARGIN + FOOTER_GAP - 10.0;
    let name = faces.drawable(&brief.country_name, &mut c.missing);
    for (i, page) in c.pages.iter_mut().enumerate() {
        page.texts.push(PlacedText {
            x: MARGIN,
            y: footer_y,
            size: NOTE,
            weight: Weight::Regular,
            muted: true,
            text: format!("Minerals Atlas: {name} brief. Page {} of {count}", i.saturating_add(1)),
        });
    }
    Laid { paper, pages: c.pages, missing: c.missing }
}

impl Cursor<'_> {
    fn bottom(&self) -> f32 {
        self.height - MARGIN
    }

    fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    /// Starts a new page unless `space` points are left on this one.
    fn need(&mut self, space: f32) {
        if self.y + space > self.bottom() && !self.page.texts.is_empty() {
            let full = std::mem::take(&mut self.page);
            self.pages.push(full);
            self.y = MARGIN;
        }
    }

    /// Wrapped lines of `text`, each placed; `indent` from the left margin.
    fn lines(&mut self, text: &str, size: f32, weight: Weight, muted: bool, indent: f32) {
        let text = self.faces.drawable(text, &mut self.missing);
        let width = self.text_width() - indent;
        for line in wrap(self.faces, &text, width, size, weight) {
            self.need(leading(size));
            self.y += leading(size);
            self.page.texts.push(PlacedText { x: MARGIN + indent, y: self.y - size * 0.25, size, weight, muted, text: line });
        }
    }

    fn source(&mut self, number: usize, text: &str, url: &str) {
        let label = format!("[{number}]");
        let indent = 22.0;
        let text = self.faces.drawable(text, &mut self.missing);
        let url = self.faces.drawable(url, &mut self.missing);
        let body = wrap(self.faces, &text, self.text_width() - indent, NOTE, Weight::Regular);
        // A URL is broken only after a slash or other separator, never
        // hyphenated, so that it reads back whole with the breaks removed.
        let url_lines = wrap_url(self.faces, &url, self.text_width() - indent, NOTE);
        let lines = body.len().saturating_add(url_lines.len());
        #[allow(clippy::cast_precision_loss)] // a handful of lines
        self.need(leading(NOTE) * lines as f32 + 3.0);
        self.y += 3.0;
        let first = self.y + leading(NOTE) - NOTE * 0.25;
        self.page.texts.push(PlacedText { x: MARGIN, y: first, size: NOTE, weight: Weight::Bold, muted: false, text: label });
        for line in body {
            self.y += leading(NOTE);
            self.page.texts.push(PlacedText {
                x: MARGIN + indent,
                y: self.y - NOTE * 0.25,
                size: NOTE,
                weight: Weight::Regular,
                muted: false,
                text: line,
            });
        }
        for line in url_lines {
            self.y += leading(NOTE);
            let width = self.faces.width(&line, NOTE, Weight::Regular);
            self.page.links.push(Link { x: MARGIN + indent, y: self.y - leading(NOTE), width, height: leading(NOTE), url: url.clone() });
            self.page.texts.push(PlacedText {
                x: MARGIN + indent,
                y: self.y - NOTE * 0.25,
                size: NOTE,
                weight: Weight::Regular,
                muted: true,
                text: line,
            });
        }
    }

    fn table(&mut self, table: &Table) {
        let total = self.text_width();
        let mut xs = Vec::with_capacity(table.columns.len());
        let mut x = MARGIN;
        for (_, share) in &table.columns {
            xs.push((x, total * share));
            x += total * share;
        }
        let header: Vec<String> = table.columns.iter().map(|(title, _)| title.clone()).collect();
        let first_row = self.row_height(table.rows.first().map(Vec::as_slice).unwrap_or_default(), &xs, Weight::Regular);
        let header_height = self.row_height(&header, &xs, Weight::Bold);
        self.need(header_height + first_row);
        self.y += 3.0;
        self.row(&header, &xs, Weight::Bold);
        for row in &table.rows {
            let height = self.row_height(row, &xs, Weight::Regular);
            if self.y + height > self.bottom() {
                self.need(f32::MAX / 4.0);
                self.row(&header, &xs, Weight::Bold);
            }
            self.row(row, &xs, Weight::Regular);
        }
    }

    fn cell_lines(&mut self, text: &str, width: f32, weight: Weight) -> Vec<String> {
        let text = self.faces.drawable(text, &mut self.missing);
        wrap(self.faces, &text, (width - CELL_PAD).max(10.0), TABLE, weight)
    }

    fn row_height(&mut self, row: &[String], xs: &[(f32, f32)], weight: Weight) -> f32 {
        let most = row.iter().zip(xs).map(|(cell, &(_, w))| self.cell_lines(cell, w, weight).len()).max().unwrap_or(1);
        #[allow(clippy::cast_precision_loss)] // a handful of lines
        let lines = most.max(1) as f32;
        lines * leading(TABLE) + 3.0
    }

    fn row(&mut self, row: &[String], xs: &[(f32, f32)], weight: Weight) {
        let top = self.y;
        let mut lowest = top;
        for (cell, &(x, w)) in row.iter().zip(xs) {
            let mut y = top;
            for line in self.cell_lines(cell, w, weight) {
                y += leading(TABLE);
                self.page.texts.push(PlacedText { x, y: y - TABLE * 0.25, size: TABLE, weight, muted: false, text: line });
            }
            lowest = lowest.max(y);
        }
        self.y = lowest.max(top + leading(TABLE)) + 3.0;
        self.page.rules.push(Rule { x1: MARGIN, x2: MARGIN + self.text_width(), y: self.y - 1.5 });
    }
}

/// Breaks `text` into lines no wider than `width`, at spaces; a word wider
/// than the line is broken between characters.
pub fn wrap(faces: &Faces, text: &str, width: f32, size: f32, weight: Weight) -> Vec<String> {
    let space = faces.width(" ", size, weight);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = faces.width(word, size, weight);
        if !line.is_empty() && line_width + space + word_width <= width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width {
            line = word.to_string();
            line_width = word_width;
        } else {
            line_width = 0.0;
            for c in word.chars() {
                let mut glyph = [0u8; 4];
                let w = faces.width(c.encode_utf8(&mut glyph), size, weight);
                if line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Breaks a URL after `/`, `?`, `&`, `=`, `-` or `.` where it must, so that
/// joining the lines gives the URL back.
pub fn wrap_url(faces: &Faces, url: &str, width: f32, size: f32) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut piece = String::new();
    for c in url.chars() {
        piece.push(c);
        if matches!(c, '/' | '?' | '&' | '=' | '-' | '.') {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        if faces.width(&candidate, size, Weight::Regular) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, piece));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_from_the_locale() {
        assert_eq!(Paper::for_locale("en_US.UTF-8"), Paper::Letter);
        assert_eq!(Paper::for_locale("en-US"), Paper::Letter);
        assert_eq!(Paper::for_locale("es_MX"), Paper::Letter);
        assert_eq!(Paper::for_locale("fr_CA.utf8@euro"), Paper::Letter);
        assert_eq!(Paper::for_locale("en_GB.UTF-8"), Paper::A4);
        assert_eq!(Paper::for_locale("ur_PK"), Paper::A4);
        assert_eq!(Paper::for_locale("C"), Paper::A4);
        assert_eq!(Paper::for_locale(""), Paper::A4);
        assert_eq!(Paper::for_locale("ü_ß"), Paper::A4, "any text, no panic");
        assert_eq!(Paper::parse(" Letter "), Some(Paper::Letter));
        assert_eq!(Paper::parse("legal"), None);
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let faces = Faces::load().unwrap();
        let text = "Félix Tshisekedi, President of the Democratic Republic of the Congo, with Gécamines and Côte d'Ivoire's delegation";
        let lines = wrap(&faces, text, 120.0, 9.0, Weight::Regular);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(faces.width(l, 9.0, Weight::Regular) <= 120.0, "{l} is too wide");
        }
        assert_eq!(lines.join(" "), text);
        let long = "x".repeat(400);
        let broken = wrap(&faces, &long, 100.0, 9.0, Weight::Regular);
        assert_eq!(broken.concat(), long, "a word wider than the line is cut, not lost");
        assert_eq!(wrap(&faces, "", 100.0, 9.0, Weight::Regular), vec![String::new()]);
    }

    #[test]
    fn urls_break_at_separators_and_join_back() {
        let faces = Faces::load().unwrap();
        let url = "https://www.state.gov/releases/office-of-the-spokesperson/2026/02/critical-minerals-ministerial-joint-statement?x=1&y=2";
        let lines = wrap_url(&faces, url, 150.0, 7.5);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), url);
        for l in &lines {
            assert!(faces.width(l, 7.5, Weight::Regular) <= 150.0 || !l.contains('/'), "{l}");
        }
    }

    #[test]
    fn characters_the_font_lacks_become_question_marks_and_are_named() {
        let faces = Faces::load().unwrap();
        let mut missing = BTreeSet::new();
        assert_eq!(faces.drawable("Côte d'Ivoire – Gécamines", &mut missing), "Côte d'Ivoire – Gécamines");
        assert!(missing.is_empty());
        assert_eq!(faces.drawable("پاکستان\tPakistan", &mut missing), "??????? Pakistan");
        assert!(missing.contains(&'پ'));
    }
}
