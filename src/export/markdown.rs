//! What the Markdown outputs share (the meeting brief and the map report): text escaped onto
//! one line, paragraphs, and pipe tables (CommonMark with the common table extension).

use std::fmt::Write as _;

use super::html::clean;

/// `text` on one line, with Markdown's special characters escaped: runs of white space (line
/// breaks too) become one space, and the characters XML forbids are dropped as in HTML. A line
/// that would start a list or underline a heading (`- `, `+`, `=`, `1.`) is escaped too.
pub fn inline(text: &str) -> String {
    let text = clean(text);
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 1);
    // What would open a list or mark a heading at the start of a line: "- ", "+ ", "1. ",
    // "2) ", or a line of "=" or "-". Signed numbers ("+2 Champion") are left as they are.
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let spaced = |at: usize| bytes.get(at).is_none_or(u8::is_ascii_whitespace);
    let marker = match bytes.get(digits) {
        Some(b'.' | b')') if digits > 0 && spaced(digits + 1) => Some(digits),
        Some(b'-' | b'+' | b'=')
            if digits == 0 && !bytes.get(1).is_some_and(u8::is_ascii_digit) =>
        {
            Some(0)
        }
        _ => None,
    };
    let mut last_space = false;
    for (i, c) in text.char_indices() {
        if marker == Some(i) {
            out.push('\\');
            out.push(c);
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Appends `text` as paragraphs, each followed by a blank line: blank lines separate
/// paragraphs, and a single line break stays a line break (a backslash at the line's end).
pub fn paragraphs(out: &mut String, text: &str) {
    let text = text.replace("\r\n", "\n");
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = paragraph
            .lines()
            .map(inline)
            .filter(|line| !line.is_empty())
            .collect();
        let _ = writeln!(out, "{}\n", lines.join("\\\n"));
    }
}

/// Appends a pipe table: `columns` are the headings, with whether the column holds numbers
/// (aligned right); each row has a cell per column.
pub fn table(out: &mut String, columns: &[(String, bool)], rows: &[Vec<String>]) {
    let heads: Vec<String> = columns.iter().map(|(name, _)| inline(name)).collect();
    let _ = writeln!(out, "| {} |", heads.join(" | "));
    let rules: Vec<&str> = columns
        .iter()
        .map(|&(_, num)| if num { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rules.join(" | "));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| inline(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_is_escaped_onto_one_line() {
        assert_eq!(inline("  a *b*\n\n| c_d  "), "a \\*b\\* \\| c\\_d");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("x\u{0}y"), "xy");
        assert_eq!(inline("&amp; 1. - x"), "\\&amp; 1. - x");
        assert_eq!(inline("- not a list"), "\\- not a list");
        assert_eq!(inline("12. not a list"), "12\\. not a list");
        assert_eq!(inline("12 items"), "12 items");
        assert_eq!(inline("7.5 power"), "7.5 power");
        assert_eq!(inline("+2 Champion"), "+2 Champion");
        assert_eq!(inline("---"), "\\---");
    }

    #[test]
    fn paragraphs_keep_their_breaks() {
        let mut out = String::new();
        paragraphs(&mut out, "one\ntwo\r\n\r\n*three*\n\n  \n");
        assert_eq!(out, "one\\\ntwo\n\n\\*three\\*\n\n");
    }

    #[test]
    fn a_table_aligns_numbers_right_and_escapes_cells() {
        let mut out = String::new();
        let columns = [("Name".to_owned(), false), ("Power".to_owned(), true)];
        table(&mut out, &columns, &[vec!["A|B".into(), "7".into()]]);
        assert_eq!(out, "| Name | Power |\n| --- | ---: |\n| A\\|B | 7 |\n");
    }
}
