//! Draws laid-out pages into a PDF with pdf-writer: each face embedded once
//! (already cut to the Latin scripts) as a CID TrueType font with a Unicode
//! map, so text is selectable and searchable; source URLs as links. Streams
//! are deflated with miniz_oxide, which the app carries anyway (for PNG).

use std::collections::BTreeMap;

use pdf_writer::types::{ActionType, AnnotationType, CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::fonts::{Weight, BOLD, REGULAR};
use crate::layout::Laid;
use crate::BriefError;

/// One embedded face: its resource name, the glyphs drawn with it (for the
/// widths and the Unicode map), and its object numbers.
struct Embedded {
    resource: &'static [u8],
    /// A subset tag ("ABCDEF+"): the file holds only some of the face's glyphs.
    base_name: &'static [u8],
    bytes: &'static [u8],
    face: ttf_parser::Face<'static>,
    used: BTreeMap<u16, char>,
}

impl Embedded {
    fn new(resource: &'static [u8], base_name: &'static [u8], bytes: &'static [u8]) -> Result<Embedded, BriefError> {
        let face = ttf_parser::Face::parse(bytes, 0).map_err(|e| BriefError::Font(e.to_string()))?;
        Ok(Embedded { resource, base_name, bytes, face, used: BTreeMap::new() })
    }

    /// The text as two-byte glyph ids (Identity-H), noting each glyph used.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len().saturating_mul(2));
        for c in text.chars() {
            // Layout has replaced what the face lacks with '?'.
            let gid = self.face.glyph_index(c).or_else(|| self.face.glyph_index('?')).map(|g| g.0).unwrap_or(0);
            self.used.entry(gid).or_insert(c);
            out.extend_from_slice(&gid.to_be_bytes());
        }
        out
    }

    /// A glyph's advance in the PDF's thousandths of the font size.
    fn advance(&self, gid: u16) -> f32 {
        let per_unit = 1000.0 / f32::from(self.face.units_per_em().max(1));
        f32::from(self.face.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0)) * per_unit
    }

    fn write(&self, pdf: &mut Pdf, refs: &mut Refs, type0: Ref) {
        let (cid, descriptor, file, cmap) = (refs.next(), refs.next(), refs.next(), refs.next());
        let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
        pdf.type0_font(type0)
            .base_font(Name(self.base_name))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let mut font = pdf.cid_font(cid);
        font.subtype(CidFontType::Type2)
            .base_font(Name(self.base_name))
            .system_info(system_info)
            .font_descriptor(descriptor)
            .default_width(self.advance(0))
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut widths = font.widths();
        for &gid in self.used.keys() {
            widths.consecutive(gid, [self.advance(gid)]);
        }
        widths.finish();
        font.finish();
        let scale = 1000.0 / f32::from(self.face.units_per_em().max(1));
        let b = self.face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(Name(self.base_name))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(f32::from(b.x_min) * scale, f32::from(b.y_min) * scale, f32::from(b.x_max) * scale, f32::from(b.y_max) * scale))
            .italic_angle(0.0)
            .ascent(f32::from(self.face.ascender()) * scale)
            .descent(f32::from(self.face.descender()) * scale)
            .cap_height(f32::from(self.face.capital_height().unwrap_or(self.face.ascender())) * scale)
            .stem_v(80.0)
            .font_file2(file);
        let deflated = deflate(self.bytes);
        let length = i32::try_from(self.bytes.len()).unwrap_or(i32::MAX);
        pdf.stream(file, &deflated).filter(Filter::FlateDecode).pair(Name(b"Length1"), length);
        let mut map =
            UnicodeCmap::new(Name(b"Minerals-Atlas-UCS"), SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"UCS"), supplement: 0 });
        for (&gid, &c) in &self.used {
            map.pair(gid, c);
        }
        pdf.cmap(cmap, &map.finish());
    }
}

/// Object numbers, handed out in order.
struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 = self.0.saturating_add(1);
        Ref::new(self.0)
    }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

pub fn write_pdf(laid: &Laid, title: &str) -> Result<Vec<u8>, BriefError> {
    let mut fonts = [Embedded::new(b"F1", b"MALATN+DejaVuSans", REGULAR)?, Embedded::new(b"F2", b"MALATB+DejaVuSans-Bold", BOLD)?];
    let (width, height) = laid.paper.size();
    let mut refs = Refs(0);
    let (catalog, tree, info) = (refs.next(), refs.next(), refs.next());
    let font_refs = [refs.next(), refs.next()];
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::with_capacity(laid.pages.len());
    for laid_page in &laid.pages {
        let (page_ref, content_ref) = (refs.next(), refs.next());
        page_refs.push(page_ref);
        let mut content = Content::new();
        content.set_stroke_gray(0.78).set_line_width(0.4);
        for rule in &laid_page.rules {
            content.move_to(rule.x1, height - rule.y).line_to(rule.x2, height - rule.y).stroke();
        }
        for text in &laid_page.texts {
            let font = match text.weight {
                Weight::Regular => 0,
                Weight::Bold => 1,
            };
            let Some(face) = fonts.get_mut(font) else { continue };
            let glyphs = face.encode(&text.text);
            content.set_fill_gray(if text.muted { 0.33 } else { 0.0 });
            content
                .begin_text()
                .set_font(Name(face.resource), text.size)
                .set_text_matrix([1.0, 0.0, 0.0, 1.0, text.x, height - text.y])
                .show(Str(&glyphs))
                .end_text();
        }
        let links: Vec<Ref> = laid_page.links.iter().map(|_| refs.next()).collect();
        for (link, &id) in laid_page.links.iter().zip(&links) {
            let mut annotation = pdf.annotation(id);
            annotation.subtype(AnnotationType::Link).rect(Rect::new(
                link.x,
                height - link.y - link.height,
                link.x + link.width.max(1.0),
                height - link.y,
            ));
            annotation.border(0.0, 0.0, 0.0, None);
            annotation.action().action_type(ActionType::Uri).uri(Str(link.url.as_bytes()));
            annotation.finish();
        }
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, width, height)).parent(tree).contents(content_ref);
        if !links.is_empty() {
            page.annotations(links);
        }
        let mut resources = page.resources();
        let mut font_dict = resources.fonts();
        for (face, &id) in fonts.iter().zip(&font_refs) {
            font_dict.pair(Name(face.resource), id);
        }
        font_dict.finish();
        resources.finish();
        page.finish();
        pdf.stream(content_ref, &deflate(&content.finish())).filter(Filter::FlateDecode);
    }
    let count = i32::try_from(page_refs.len()).unwrap_or(i32::MAX);
    pdf.pages(tree).kids(page_refs).count(count);
    pdf.catalog(catalog).pages(tree);
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("Minerals Atlas")).producer(TextStr("Minerals Atlas (pdf-writer)"));
    pdf.set_file_id((title.as_bytes().to_vec(), title.as_bytes().to_vec()));
    for (face, &id) in fonts.iter().zip(&font_refs) {
        face.write(&mut pdf, &mut refs, id);
    }
    Ok(pdf.finish())
}
