//! What a user can star: one kind, named the same from the webview (serde
//! parses it) through the store (it is saved as is) to the agenda query.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Session,
    Timeline,
}

impl ItemKind {
    /// The name serde gives it, which is also the prefix of a note's key
    /// (`session:<id>`).
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Session => "session",
            ItemKind::Timeline => "timeline",
        }
    }
}

/// A session or timeline entry, by id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub id: String,
}

#[cfg(test)]
mod tests {
    use super::ItemKind;

    #[test]
    fn the_name_is_serde_s() {
        for kind in [ItemKind::Session, ItemKind::Timeline] {
            assert_eq!(serde_json::to_string(&kind).unwrap_or_default(), format!("\"{}\"", kind.as_str()));
        }
    }
}
