//! Draws laid-out pages into a PDF with krilla: the faces embedded as
//! subsets of the glyphs used, text as text (selectable, searchable), source
//! URLs as links.

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;

use crate::fonts::{Weight, BOLD, REGULAR};
use crate::layout::Laid;
use crate::BriefError;

pub fn write_pdf(laid: &Laid, title: &str) -> Result<Vec<u8>, BriefError> {
    let font = |bytes: &'static [u8]| Font::new(bytes.into(), 0).ok_or_else(|| BriefError::Font("the built-in face is not a font".into()));
    let regular = font(REGULAR)?;
    let bold = font(BOLD)?;
    let (width, height) = laid.paper.size();
    let settings = PageSettings::from_wh(width, height).ok_or_else(|| BriefError::Pdf("page size".into()))?;
    let mut document = Document::new();
    document.set_metadata(Metadata::new().title(title.to_string()).creator("Minerals Atlas".to_string()).language("en".to_string()));
    for laid_page in &laid.pages {
        let mut page = document.start_page_with(settings.clone());
        {
            let mut surface = page.surface();
            surface.set_stroke(Some(Stroke { paint: luma::Color::new(200).into(), width: 0.4, ..Stroke::default() }));
            for rule in &laid_page.rules {
                let mut path = PathBuilder::new();
                path.move_to(rule.x1, rule.y);
                path.line_to(rule.x2, rule.y);
                if let Some(path) = path.finish() {
                    surface.draw_path(&path);
                }
            }
            surface.set_stroke(None);
            for text in &laid_page.texts {
                let grey = if text.muted { 85 } else { 0 };
                surface.set_fill(Some(Fill {
                    paint: luma::Color::new(grey).into(),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                let face = match text.weight {
                    Weight::Regular => regular.clone(),
                    Weight::Bold => bold.clone(),
                };
                surface.draw_text(Point::from_xy(text.x, text.y), face, text.size, &text.text, false, TextDirection::LeftToRight);
            }
            surface.finish();
        }
        for link in &laid_page.links {
            if let Some(rect) = Rect::from_xywh(link.x, link.y, link.width.max(1.0), link.height) {
                let target = Target::Action(Action::Link(LinkAction::new(link.url.clone())));
                page.add_annotation(Annotation::new_link(LinkAnnotation::new(rect, target), Some(link.url.clone())));
            }
        }
        page.finish();
    }
    document.finish().map_err(|e| BriefError::Pdf(format!("{e:?}")))
}
