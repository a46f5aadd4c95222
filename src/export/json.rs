//! JSON export: the whole map as the redaction step lets it out, for scripts and other tools.
//!
//! The JSON has the shape of the map file (the same field names, serde's default encoding),
//! written pretty, ending in a newline.

use crate::disclose::Shareable;

/// The map as `shown`, as pretty JSON text ending in a newline.
pub fn to_json(shown: &Shareable<'_>) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(shown.map())?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclose::Disclosure;
    use crate::model::{Id, Map, Stakeholder};

    #[test]
    fn the_json_reads_back_as_the_map_shown() -> Result<(), serde_json::Error> {
        let mut map = Map::new("Hub");
        let mut s = Stakeholder::new(Id::from_raw(1), "PCC office");
        s.inferred_interests = "wants credit".into();
        map.stakeholders.push(s);
        for disclosure in [Disclosure::Redacted, Disclosure::IncludeConfidential] {
            let shown = disclosure.share(&map);
            let back: Map = serde_json::from_str(&to_json(&shown)?)?;
            assert_eq!(&back, shown.map());
        }
        let open = to_json(&Disclosure::Redacted.share(&map))?;
        assert!(!open.contains("wants credit") && open.ends_with("}\n"));
        Ok(())
    }
}
