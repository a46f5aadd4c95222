//! Fuzzes importing a stakeholders table and a links table: any bytes give a map or a list of
//! bad rows, never a panic, and a map that imports is valid and can be saved.
//!
//! The input's first two bytes (little-endian) say where the stakeholders table ends and the
//! links table begins; with fewer, the whole input is the stakeholders table.
#![no_main]

use astute::io::spreadsheet::import_csv;
use astute::io::to_ron_string;
use astute::model::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let (people, links) = match input {
        [low, high, rest @ ..] => {
            let split = usize::from(u16::from_le_bytes([*low, *high])).min(rest.len());
            let (people, links) = rest.split_at(split);
            (people, (!links.is_empty()).then_some(links))
        }
        _ => (input, None),
    };
    match import_csv(people, links) {
        Ok(imported) => {
            let problems = validate(&imported.map);
            assert!(
                problems.is_empty(),
                "an import made an invalid map: {problems:?}"
            );
            to_ron_string(&imported.map).expect("an imported map must save");
            for warning in &imported.warnings {
                let _ = warning.to_string();
            }
        }
        Err(rows) => {
            assert!(!rows.is_empty(), "a failed import must say why");
            for row in &rows {
                let _ = row.to_string();
            }
        }
    }
});
