//! `astute compare`: a workshop's maps of one case read together: the largest disagreements
//! first, each stakeholder's spread, who only some thought of, the links most drew and those
//! only one drew; with `--consensus`, a new map of the medians; with `--picture`, the grid with
//! every participant's dot.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{
    Outcome, all, complain, fail_at, is_stdout, load, refuse_to_overwrite, say, write_out,
};
use crate::analysis::workshop::Workshop;
use crate::disclose::{Disclosure, Shareable};
use crate::io::{Loaded, file_text};

pub(super) const COMPARE_HELP: &str = "\
Stakeholders are matched across the maps by id (maps copied from one file share ids), then by
name (case, spacing, punctuation and a leading \"The\" folded, the organisation breaking ties),
then by a close name (\"Barnados\" for \"Barnardo's\"; listed at the end, to check). Links are
the same when they join the same two stakeholders with the same kind.
  astute compare workshop/*.ron                      the comparison, largest disagreements first
  astute compare workshop/*.ron --json               the same as JSON, every disagreement listed
  astute compare workshop/*.ron --consensus hub.ron  also write the consensus map
  astute compare workshop/*.ron --picture grid.svg   also draw the grid with everyone's dots
  astute compare workshop/*.ron --app                open the comparison in the desktop app
The consensus map holds the stakeholders at least half of the maps placed, with the median
power, interest and stance, and the links at least half drew. Names, scores and links only:
nothing confidential is printed or written.";

/// Arguments of `astute compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The participants' maps (two or more).
    #[arg(value_name = "MAP", num_args = 2.., required = true)]
    pub maps: Vec<PathBuf>,
    /// Print one JSON object instead of a readable report.
    #[arg(long)]
    pub json: bool,
    /// Also write the consensus map (median scores; stakeholders placed and links drawn by at
    /// least half) to this file (`-` prints it).
    #[arg(long, value_name = "OUT.ron")]
    pub consensus: Option<PathBuf>,
    /// Also draw the power-interest grid with every participant's dot, as SVG or PNG by the
    /// file's extension.
    #[arg(long, value_name = "OUT.svg|OUT.png")]
    pub picture: Option<PathBuf>,
    /// The picture's size in pixels.
    #[arg(
        long,
        value_name = "WxH",
        default_value = "1600x1000",
        value_parser = crate::scene::parse_size,
        requires = "picture"
    )]
    pub size: (u32, u32),
    /// Replace output files that exist (the old ones are kept as OUT.bak).
    #[arg(long)]
    pub force: bool,
    /// Open the comparison in the desktop app (File > Compare maps…) instead of printing it.
    #[arg(long, conflicts_with_all = ["json", "consensus", "picture"])]
    pub app: bool,
}

pub(super) fn compare(args: &CompareArgs) -> Outcome {
    if args.app {
        // `main` opens the app itself; a build without one says so.
        complain("astute: this build has no desktop app; leave out --app to print the comparison");
        return Err(super::Reported);
    }
    // Every map is read, and every problem reported, before anything is written.
    let mut loaded: Vec<Loaded> = Vec::with_capacity(args.maps.len());
    all(args.maps.iter().map(|path| {
        let map = load(path)?;
        loaded.push(map);
        Ok(())
    }))?;
    let labels = participant_labels(&args.maps);
    let shown: Vec<(String, Shareable<'_>)> = loaded
        .iter()
        .zip(labels)
        .map(|(l, label)| (label, Disclosure::Redacted.share(&l.map)))
        .collect();
    let workshop = Workshop::read(&shown);

    if let Some(path) = &args.picture {
        write_picture(args, &workshop, path)?;
    }
    if let Some(path) = &args.consensus {
        write_consensus(args, &workshop, path)?;
    }
    if args.json {
        let json = workshop.to_json();
        let text = serde_json::to_string_pretty(&json).map_err(|e| fail_at(&args.maps[0], e))?;
        say(text);
    } else {
        say(workshop.to_text().trim_end());
    }
    Ok(())
}

/// The participants as the report names them: by file name when no two maps share one
/// (`workshop/*.ron` reads "alex.ron", not the folder over and over), else by path as given.
fn participant_labels(paths: &[PathBuf]) -> Vec<String> {
    let names: Vec<Option<String>> = paths
        .iter()
        .map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let unique = names.iter().enumerate().all(|(i, name)| {
        name.as_ref()
            .is_some_and(|n| names[..i].iter().all(|m| m.as_ref() != Some(n)))
    });
    if unique {
        names.into_iter().flatten().collect()
    } else {
        paths.iter().map(|p| p.display().to_string()).collect()
    }
}

/// Tells what was written: on stderr when stdout holds JSON, so that it stays one object.
fn written(args: &CompareArgs, line: String) {
    if args.json {
        complain(line);
    } else {
        say(line);
    }
}

fn write_consensus(args: &CompareArgs, workshop: &Workshop, path: &Path) -> Outcome {
    refuse_to_overwrite(path, args.force)?;
    let mut map = workshop.consensus_map();
    map.meta.created = Some(chrono::Local::now().date_naive());
    let text = file_text(&map).map_err(|e| fail_at(path, e))?;
    write_out(path, text.as_bytes())?;
    written(
        args,
        format!(
            "{}: the consensus of {} maps: {} stakeholders and {} links (placed and drawn by at \
             least half)",
            path.display(),
            workshop.participants.len(),
            map.stakeholders.len(),
            map.links.len()
        ),
    );
    Ok(())
}

fn write_picture(args: &CompareArgs, workshop: &Workshop, path: &Path) -> Outcome {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let png = match extension.as_deref() {
        Some("png") => true,
        Some("svg") => false,
        _ if is_stdout(path) => false,
        _ => {
            return Err(fail_at(
                path,
                "cannot tell the picture's format from the extension: use .svg or .png",
            ));
        }
    };
    refuse_to_overwrite(path, args.force)?;
    let (width, height) = args.size;
    let scene = crate::scene::workshop_scene(workshop, (width as f32, height as f32), None);
    let bytes = if png {
        crate::export::png::to_png(&scene).map_err(|e| fail_at(path, e))?
    } else {
        crate::export::svg::to_svg(&scene).into_bytes()
    };
    write_out(path, &bytes)?;
    written(
        args,
        format!(
            "{}: the power-interest grid with every participant's dot, {width}×{height} pixels",
            path.display()
        ),
    );
    Ok(())
}
