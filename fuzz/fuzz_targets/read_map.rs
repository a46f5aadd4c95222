//! Fuzzes reading a map file: any bytes give a map or a message, never a panic; a map that
//! reads is written again and reads back as the same map.
#![no_main]

use astute::io::{parse_bytes, parse_map, to_ron_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match parse_bytes(bytes) {
        Ok(loaded) => {
            // A map from a newer version may hold nothing this one cannot write; one it reads
            // must write, and what it writes must read back the same.
            let text = to_ron_string(&loaded.map).expect("a map that reads must write");
            let again = parse_map(&text).expect("a written map must read back");
            assert_eq!(again.map, loaded.map, "the map changed on a round trip");
        }
        Err(error) => {
            // Every message can be shown.
            for diagnostic in error.diagnostics() {
                let _ = diagnostic.to_string();
            }
        }
    }
});
