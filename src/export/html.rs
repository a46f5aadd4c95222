//! What the HTML outputs share (the meeting brief and the map report): escaping, and a
//! standalone page with inline CSS that prints well, no scripts and no external resources.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` without the characters XML 1.0 forbids (control characters other than tab, line
/// feed and carriage return, and U+FFFE/U+FFFF), which would make a file unreadable to XML and
/// HTML tools.
pub fn clean(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// `text` made safe to place in HTML text or a quoted attribute: cleaned, then `&`, `<`, `>`,
/// `"` and `'` escaped.
pub fn esc(text: &str) -> String {
    quick_xml::escape::escape(clean(text).as_ref()).into_owned()
}

/// The style sheet of every page: readable on screen, compact and unbroken on paper.
const STYLE: &str = "\
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: #1b1b1b; background: #fff; max-width: 60rem;
  margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #2c5d8a; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .2rem; color: #2c5d8a; }
p, ul, ol, dl { margin: .3rem 0 .7rem; }
li { margin: .1rem 0; }
.meta { color: #555; margin: 0 0 1rem; }
.banner { border: 2px solid #a33; background: #fbeaea; color: #611; padding: .5rem .8rem;
  font-weight: 600; margin: 1rem 0; }
.note { border-left: 4px solid #2c5d8a; background: #eef3f8; padding: .4rem .8rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c9c9c9; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .9rem; }
dt { font-weight: 600; color: #333; }
dd { margin: 0; }
section.card { border: 1px solid #d4d4d4; border-radius: 6px; padding: .2rem 1rem .6rem;
  margin: 1rem 0; }
section.card.me { border-color: #2c5d8a; border-width: 2px; }
.risk { color: #7a1f1f; }
figure { margin: 1rem 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .85rem; }
@page { margin: 14mm; }
@media print {
  body { font-size: 10pt; margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  section.card, figure, tr { break-inside: avoid; page-break-inside: avoid; }
  .banner, .note, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// [`page`], printed on `paper`: the style sheet gains the page's size and the report's print
/// layout (the summary alone on the first page, every picture at its own size).
pub fn page_on(title: &str, body: &str, paper: super::Paper) -> String {
    let style = format!(
        "@page {{ size: {}; margin: 12mm; }}\n{REPORT_STYLE}",
        paper.css()
    );
    page_with(title, body, &style)
}

/// What the report adds to [`STYLE`].
const REPORT_STYLE: &str = "\
nav ol.contents { columns: 2; column-gap: 2rem; padding-left: 1.4rem; }
nav a { color: #2c5d8a; text-decoration: none; }
figure svg { max-width: 100%; height: auto; }
section.card h3 { font-size: .95rem; margin: .8rem 0 .2rem; color: #2c5d8a; }
section.card dl { display: block; }
section.card dt { display: inline; }
section.card dt::after { content: ':'; }
section.card dd { display: inline; margin: 0 .2rem 0 0; }
section.card dd::after { content: ''; display: block; }
@media print {
  body { font-size: 8.5pt; line-height: 1.25; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin: .7rem 0 .3rem; }
  h3 { font-size: 9.5pt; margin: .45rem 0 .2rem; }
  h4 { font-size: 9pt; }
  table { font-size: 8pt; margin: .2rem 0 .45rem; }
  th, td { padding: .06rem .25rem; }
  thead { display: table-header-group; }
  .note, .banner { margin: .35rem 0; padding: .2rem .6rem; }
  section.summary { break-after: page; page-break-after: always; }
  section.summary figure { margin: .2rem 0; }
  body > section:not(.summary) { columns: 2; column-gap: 1.1rem; font-size: 8pt;
    line-height: 1.08; }
  body > section:not(.summary) dl { display: block; }
  body > section:not(.summary) dt { display: inline; }
  body > section:not(.summary) dt::after { content: ':'; }
  body > section:not(.summary) dd { display: inline; margin: 0; }
  body > section:not(.summary) dd::after { content: ''; display: block; margin-bottom: .05rem; }
  body > section.single { columns: auto; }
  body > section > h2, body > section > figure { column-span: all; }
  table { break-inside: auto; }
  section.card { border: none; border-top: 1px solid #c9c9c9; border-radius: 0;
    padding: 0 0 .1rem; margin: 0 0 .2rem; font-size: 8pt; }
  section.card.me { border-top: 2px solid #2c5d8a; }
  section.card h3 { margin: .1rem 0 0; font-size: 8.5pt; }
  body > section section.card dd::after { content: ' · '; display: inline; margin: 0; }
  body > section section.card dd:last-child::after { content: ''; }
  dl { gap: .05rem .6rem; }
  p, ul, ol, dl { margin: .1rem 0 .3rem; }
  li { margin: 0; }
  ul, ol { padding-left: .9rem; }
  nav a { color: inherit; }
}
";

/// A whole HTML page around `body` (already HTML), titled `title` (plain text): UTF-8, a
/// content security policy that allows no scripts and no fetching, and the inline style sheet.
pub fn page(title: &str, body: &str) -> String {
    page_with(title, body, "")
}

fn page_with(title: &str, body: &str, extra_style: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Astute\">\n");
    out.push_str(&format!("<title>{}</title>\n", esc(title)));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str(extra_style);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

/// Appends a table: `columns` are the headings, with whether the column holds numbers (aligned
/// right); each row has a cell per column. Every heading and cell is escaped.
pub fn table<S: AsRef<str>, R: AsRef<[String]>>(b: &mut String, columns: &[(S, bool)], rows: &[R]) {
    let class = |num: bool| if num { " class=\"num\"" } else { "" };
    let _ = write!(b, "<table>\n<thead><tr>");
    for (name, num) in columns {
        let _ = write!(b, "<th{}>{}</th>", class(*num), esc(name.as_ref()));
    }
    let _ = writeln!(b, "</tr></thead>\n<tbody>");
    for row in rows {
        let _ = write!(b, "<tr>");
        for (cell, (_, num)) in row.as_ref().iter().zip(columns) {
            let _ = write!(b, "<td{}>{}</td>", class(*num), esc(cell));
        }
        let _ = writeln!(b, "</tr>");
    }
    let _ = writeln!(b, "</tbody>\n</table>");
}

/// `text` as HTML paragraphs: blank lines separate paragraphs, single line breaks become
/// `<br>`.
pub fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(esc).collect();
            format!("<p>{}</p>\n", lines.join("<br>"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(esc("a\u{0}b\u{7}c\td"), "abc\td");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_page_has_no_scripts_and_no_external_resources() {
        let html = page("A <b> title", "<p>hi</p>\n");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>A &lt;b&gt; title</title>"));
        assert!(html.contains("@media print"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(!html.contains("<link"));
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(
            paragraphs("a\nb\n\n<c>"),
            "<p>a<br>b</p>\n<p>&lt;c&gt;</p>\n"
        );
        assert_eq!(paragraphs("  \n\n "), "");
    }
}
