//! The built-in example maps, embedded in the binary, for first runs and workshops.

use crate::io::{LoadError, parse_map};
use crate::model::Map;

/// A built-in example map.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// Short name used on the command line (`astute examples NAME`).
    pub name: &'static str,
    /// One line on what the example shows.
    pub summary: &'static str,
    /// The map file's text.
    pub ron: &'static str,
}

/// Every built-in example; the first is the one a new user sees.
pub const EXAMPLES: &[Example] = &[Example {
    name: "victim-support-hub",
    summary: "A multi-agency hub for victims of crime, led by a PCC's office and a hub co-ordinator",
    ron: include_str!("../assets/examples/victim-support-hub.ron"),
}];

/// The example called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}

impl Example {
    /// The example as a map.
    pub fn map(&self) -> Result<Map, LoadError> {
        parse_map(self.ron).map(|loaded| loaded.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_loads_and_validates() {
        for example in EXAMPLES {
            if let Err(e) = example.map() {
                panic!("{}: {:?}", example.name, e.diagnostics());
            }
        }
    }
}
