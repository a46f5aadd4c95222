//! `astute brief`: a meeting's brief, with its seating, as HTML, Markdown or PDF.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, fail_at, is_stdout, load, refuse_to_overwrite, say, write_out};
use crate::disclose::Disclosure;
use crate::export::TextFormat;
use crate::model::{Map, Meeting};

pub(super) const BRIEF_HELP: &str = "\
The format follows the output's extension: .html (a standalone page that prints well), .md,
or .pdf (the purpose, agenda, who is coming, risks and seating plan first, on one page where
they fit, then one A4 page per invitee; --paper letter for US Letter); `-o -` prints the
brief as Markdown.
The brief gives the purpose and agenda; per invitee their stance, power, interests, positions
on the agenda's issues, allies and tensions in the room, plan and last contact; the risks; and
the seating (the meeting's own, or a suggestion that keeps tension pairs apart) with reasons.
Confidential fields, and what was said in each contact, are left out unless
--include-confidential is given.
  astute brief hub.ron --meeting \"Hub partnership meeting (June)\" -o brief.html";

/// Arguments of `astute brief`.
#[derive(Debug, Args)]
pub struct BriefArgs {
    /// The map that holds the meeting.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// The meeting's title (an exact match, or the one match ignoring case).
    #[arg(long, value_name = "TITLE")]
    pub meeting: String,
    /// The brief to write: BRIEF.html, BRIEF.md or BRIEF.pdf (`-` prints it, as Markdown).
    #[arg(short, long = "output", value_name = "BRIEF")]
    pub output: PathBuf,
    /// The paper the PDF brief is set on.
    #[arg(long, value_enum, default_value_t = crate::export::Paper::A4)]
    pub paper: crate::export::Paper,
    /// Keep confidential fields (hidden agendas, confidential notes) in the brief.
    #[arg(long)]
    pub include_confidential: bool,
    /// Replace the output file if it exists (the old one is kept as BRIEF.bak).
    #[arg(long)]
    pub force: bool,
}

pub(super) fn brief(args: &BriefArgs) -> Outcome {
    let format = if is_stdout(&args.output) {
        Some(TextFormat::Markdown)
    } else {
        TextFormat::from_path(&args.output)
    };
    let pdf = !is_stdout(&args.output)
        && args
            .output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let Some(format) = format.or(pdf.then_some(TextFormat::Html)) else {
        return Err(fail_at(
            &args.output,
            "cannot tell the format from the extension: use .html, .md or .pdf",
        ));
    };
    let loaded = load(&args.map)?;
    let shown = Disclosure::from_flag(args.include_confidential).share(&loaded.map);
    let Some(found) = find_meeting(&shown, &args.meeting) else {
        let titles: Vec<String> = shown
            .meetings
            .iter()
            .map(|m| format!("\"{}\"", m.title))
            .collect();
        let known = if titles.is_empty() {
            "the map has no meetings".to_owned()
        } else {
            format!("the meetings are: {}", titles.join(", "))
        };
        return Err(fail_at(
            &args.map,
            format!("there is no meeting called \"{}\"; {known}", args.meeting),
        ));
    };
    refuse_to_overwrite(&args.output, args.force)?;
    let the_brief = crate::export::brief(&shown, found);
    let bytes = if pdf {
        the_brief
            .to_pdf(args.paper)
            .map_err(|e| fail_at(&args.output, e))?
    } else {
        the_brief.render(format).into_bytes()
    };
    write_out(&args.output, &bytes)?;
    let note = if args.include_confidential {
        " (confidential fields included)"
    } else {
        " (confidential fields left out)"
    };
    say(format!(
        "{}: the brief for \"{}\"{note}",
        args.output.display(),
        found.title
    ));
    Ok(())
}

/// The meeting titled `title`: an exact match first, else the only one whose title matches
/// ignoring case and surrounding spaces.
pub fn find_meeting<'a>(map: &'a Map, title: &str) -> Option<&'a Meeting> {
    if let Some(exact) = map.meetings.iter().find(|m| m.title == title) {
        return Some(exact);
    }
    let wanted = title.trim().to_lowercase();
    let mut loose = map
        .meetings
        .iter()
        .filter(|m| m.title.trim().to_lowercase() == wanted);
    match (loose.next(), loose.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeetingId;

    fn meeting(raw: u64, title: &str) -> Meeting {
        Meeting {
            id: MeetingId::from_raw(raw),
            title: title.into(),
            date: None,
            purpose: String::new(),
            agenda: vec![],
            invitees: vec![],
            table: crate::model::TableShape::Round,
            seating: vec![],
        }
    }

    #[test]
    fn meetings_are_found_exactly_then_loosely_but_never_ambiguously() {
        let mut map = Map::new("t");
        map.meetings = vec![meeting(1, "Board"), meeting(2, "board"), meeting(3, "June")];
        assert_eq!(find_meeting(&map, "board").map(|m| m.id.raw()), Some(2));
        assert_eq!(find_meeting(&map, " june ").map(|m| m.id.raw()), Some(3));
        assert!(find_meeting(&map, "BOARD").is_none(), "two loose matches");
        assert!(find_meeting(&map, "July").is_none());
    }
}
