//! Every country's brief, from the built-in data: written, within two pages
//! for most, every character drawable.

use atlas_brief::fonts::Faces;
use atlas_brief::{compose, lay_out, write_brief, BriefContext, Paper};
use atlas_domain::time::ZoneName;
use atlas_domain::Atlas;
use chrono::{TimeZone, Utc};

fn atlas() -> Atlas {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
    Atlas::embedded().unwrap().with_now(Some(now))
}

fn context(atlas: &Atlas, zone: &str) -> (atlas_domain::views::DatasetInfo, ZoneName) {
    (atlas.info(), ZoneName::parse(zone).unwrap())
}

#[test]
fn every_country_has_a_brief_every_character_drawn() {
    let atlas = atlas();
    let (info, zone) = context(&atlas, "Asia/Karachi");
    let cx = BriefContext { info: &info, zone, written: atlas.now(), app_version: "0.1.0", app_built: "2026-12-07" };
    let faces = Faces::load().unwrap();
    let mut pages = Vec::new();
    for c in atlas.countries() {
        let detail = atlas.country(&c.iso3).unwrap();
        for paper in [Paper::A4, Paper::Letter] {
            let laid = lay_out(&compose(&detail, &cx), paper, &faces);
            assert!(laid.missing.is_empty(), "{}: the faces lack {:?}; widen scripts/subset-brief-fonts.sh", c.iso3, laid.missing);
            let (width, height) = paper.size();
            for page in &laid.pages {
                for t in &page.texts {
                    let right = t.x + faces.width(&t.text, t.size, t.weight);
                    assert!(right <= width - 30.0 && t.y <= height - 20.0 && t.y > 20.0, "{}: {:?} leaves the page", c.iso3, t.text);
                }
            }
            pages.push((laid.pages.len(), c.iso3.clone(), paper.name()));
        }
    }
    pages.sort();
    let over_two: Vec<_> = pages.iter().filter(|p| p.0 > 2).collect();
    eprintln!("briefs over two pages: {over_two:?}");
}

#[test]
fn a_pdf_on_either_paper() {
    let atlas = atlas();
    let (info, zone) = context(&atlas, "Asia/Karachi");
    let cx = BriefContext { info: &info, zone, written: atlas.now(), app_version: "0.1.0", app_built: "2026-12-07" };
    let detail = atlas.country("PAK").unwrap();
    for paper in [Paper::A4, Paper::Letter] {
        let brief = write_brief(&detail, &cx, paper).unwrap();
        assert!(brief.pdf.starts_with(b"%PDF-"));
        assert!(brief.pdf.len() < 200_000, "fonts are subset: {} bytes", brief.pdf.len());
        assert!(brief.missing.is_empty());
    }
}

#[test]
fn nothing_past_is_called_scheduled() {
    // In December 2026 PMIF 2026 (April) has passed: the brief says so.
    let atlas = atlas();
    let (info, zone) = context(&atlas, "Asia/Karachi");
    let cx = BriefContext { info: &info, zone, written: atlas.now(), app_version: "0.1.0", app_built: "2026-12-07" };
    let brief = compose(&atlas.country("PAK").unwrap(), &cx);
    let text = format!("{brief:?}");
    assert!(text.contains("Took place") || text.contains("took place"), "past events are said to have taken place");
    assert!(!text.contains("(scheduled)") && !text.contains("Scheduled."), "nothing past is called scheduled");
    // Before the forum, the same record is scheduled.
    let april = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
    let early = Atlas::embedded().unwrap().with_now(Some(april));
    let cx = BriefContext { written: april, ..cx };
    let text = format!("{:?}", compose(&early.country("PAK").unwrap(), &cx));
    assert!(text.contains("(scheduled)") || text.contains("Scheduled."), "before it, it is scheduled");
}
