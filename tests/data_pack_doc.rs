//! `docs/data-pack.md` stays true: every field the dataset has (read from
//! a pack exported by the app's own code) is named on that page.

use std::collections::BTreeSet;

fn keys(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn the_data_pack_page_names_every_field() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-pack.md")).unwrap();
    let atlas = atlas_domain::Atlas::embedded().unwrap();
    let pack: serde_json::Value = serde_json::from_str(&atlas_import::pack::export(atlas.dataset()).unwrap()).unwrap();
    let mut all = BTreeSet::new();
    keys(&pack, &mut all);
    // `at_most` appears only on shares that are upper bounds; name it anyway.
    all.insert("at_most".into());
    // Names count only inside `code spans`.
    let named: BTreeSet<String> = doc
        .split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|span| span.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map(str::to_string).collect::<Vec<_>>())
        .collect();
    let missing: Vec<&String> = all.iter().filter(|k| !named.contains(*k)).collect();
    assert!(missing.is_empty(), "docs/data-pack.md does not name: {missing:?}");
    assert!(doc.contains(&format!("schema version {}", atlas_domain::model::SCHEMA_VERSION)));
}
