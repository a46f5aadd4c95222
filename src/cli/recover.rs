//! `astute recover`: list the work the app autosaved and left unsaved, or write one piece of it
//! out as a map, without the app.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{
    Outcome, Reported, complain, fail_at, refuse_to_overwrite, report_load_error, say,
    terminal_safe,
};
use crate::io::autosave::{Autosave, Work};
use crate::io::{to_ron_string, write_map};

pub(super) const RECOVER_HELP: &str = "\
The app autosaves unsaved work every 30 seconds, and when its window loses focus, to a private
folder (on Linux ~/.local/share/astute/autosave). Work a window left behind when it ended
without saving (a crash, a power cut, `kill -9`) is offered back at the app's next start; this
verb reaches it without the app:
  astute recover                  list it: number, document, when, stakeholders and links
  astute recover 2 -o hub.ron     write number 2 out as a map
The autosave itself is kept until the app's offer is answered. Work that a running window is
still editing is listed as in use.";

/// Arguments of `astute recover`.
#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// The number of the work to write out, as listed (without it, the work is listed).
    #[arg(value_name = "N")]
    pub number: Option<usize>,
    /// Where to write the work (without it, the map is printed).
    #[arg(short, long = "output", value_name = "MAP.ron", requires = "number")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (the old one is kept as MAP.ron.bak).
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub(super) fn recover(args: &RecoverArgs) -> Outcome {
    let Some(autosave) = Autosave::in_user_data_dir() else {
        complain("astute: this system has no data folder, so nothing was autosaved");
        return Err(Reported);
    };
    let folder = autosave.dir().to_owned();
    let work = autosave
        .list()
        .map_err(|e| fail_at(&folder, format!("cannot read the autosave folder: {e}")))?;
    let Some(number) = args.number else {
        if work.is_empty() {
            say("No autosaved work: everything the app edited was saved or discarded.");
            return Ok(());
        }
        let width = work.len().to_string().len();
        for (index, found) in work.iter().enumerate() {
            say(format!("{:>width$}  {}", index + 1, describe_work(found)));
        }
        say("Write one out with `astute recover N -o MAP.ron`.");
        return Ok(());
    };
    let count = work.len();
    let Some(found) = number.checked_sub(1).and_then(|i| work.get(i)) else {
        complain(match count {
            0 => format!("astute: there is no autosaved work, so no number {number}"),
            _ => format!(
                "astute: there is no autosaved work number {number}; `astute recover` lists 1 to {count}"
            ),
        });
        return Err(Reported);
    };
    let document = found.document();
    let map = found.map.as_ref().map_err(|error| {
        complain(format!(
            "astute: the autosaved work for {document} cannot be read:"
        ));
        report_load_error(&folder, error)
    })?;
    let Some(output) = &args.output else {
        let text = to_ron_string(map).map_err(|e| fail_at(&folder, e))?;
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
        return Ok(());
    };
    refuse_to_overwrite(output, args.force)?;
    write_map(output, map).map_err(|e| fail_at(output, e))?;
    say(format!(
        "{}: the work autosaved for {} ({} stakeholders, {} links); the autosave is kept until \
         the app's offer of it is answered",
        output.display(),
        terminal_safe(&document),
        map.stakeholders.len(),
        map.links.len()
    ));
    Ok(())
}

/// One line about a piece of autosaved work: its document, title, counts and time.
fn describe_work(found: &Work) -> String {
    let when = found.saved.map_or_else(
        || "at an unknown time".to_owned(),
        |time| {
            chrono::DateTime::<chrono::Local>::from(time)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    );
    let what = match &found.map {
        Ok(map) => format!(
            "\"{}\", {} stakeholders, {} links",
            terminal_safe(&map.meta.title),
            map.stakeholders.len(),
            map.links.len()
        ),
        Err(error) => format!("cannot be read: {}", terminal_safe(&error.to_string())),
    };
    let in_use = if found.in_use {
        " (in use: a running Astute window is editing it)"
    } else {
        ""
    };
    format!(
        "{}  {} — {what}{in_use}",
        when,
        terminal_safe(&found.document())
    )
}
