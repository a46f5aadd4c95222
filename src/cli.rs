//! The command-line verbs: `check`, `stats`, `fmt`, `import`, `export` and `examples`.
//!
//! Results go to stdout; problems go to stderr, one per line, as `FILE:LINE:COL: message`
//! where a position is known. Exit codes: 0 when all went well, 1 when the input had problems
//! (clap itself exits with 2 on a usage error). No verb panics on what it reads.
//!
//! Every verb that writes or prints what a map holds (`export`, `brief`, `analyse`, `stats`,
//! `diff`) reads it through the one redaction step ([`crate::disclose`]); `--include-confidential`
//! keeps everything.

use std::ffi::OsString;
use std::fmt::Display;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use serde::ser::SerializeMap;

use crate::disclose::{Disclosure, Shareable};
use crate::examples::{self, EXAMPLES};
use crate::export::TextFormat;
use crate::io::spreadsheet::{self, RowError, Table};
use crate::io::{
    FORMAT_VERSION, LoadError, Loaded, backup_path, check_replaceable, file_text, is_read_only,
    read_limited, read_map, replace_file, save_target, to_ron_string, write_map,
};
use crate::model::{Choice, LinkKind};

/// Astute: stakeholder mapping for leaders of multi-agency partnerships.
///
/// Without a verb, opens the desktop app (with MAP.ron, if given).
#[derive(Debug, Parser)]
#[command(name = "astute", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a verb, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A map to open in the desktop app.
    #[arg(value_name = "MAP.ron")]
    pub file: Option<PathBuf>,
}

/// A command-line verb.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate maps; print every problem as FILE:LINE:COL: message (exit 1 if any)
    Check(CheckArgs),
    /// Count what a map holds: stakeholders, links by kind, issues, journal entries, snapshots…
    Stats(StatsArgs),
    /// Rewrite maps in canonical form (atomically; the previous file is kept as MAP.ron.bak)
    Fmt(FmtArgs),
    /// Make a map from a stakeholders CSV and, optionally, a links CSV
    #[command(after_help = IMPORT_HELP)]
    Import(ImportArgs),
    /// Export a map as CSV, JSON, GraphML, GEXF, a report (HTML or Markdown), or an SVG, PNG or
    /// PDF picture
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// List the built-in example maps, or write one
    Examples(ExamplesArgs),
    /// Analyse a map: quadrants, salience, centralities, coalitions, brokers, suggestions
    Analyse(AnalyseArgs),
    /// Write a meeting's brief, with a seating plan, as HTML or Markdown
    #[command(after_help = BRIEF_HELP)]
    Brief(BriefArgs),
    /// Compare two maps, a snapshot with the map now, or the map with a scenario
    #[command(after_help = DIFF_HELP)]
    Diff(DiffArgs),
}

/// Why `file`, given where a map to open belongs, is neither a file nor a map: a bare word
/// that names no file is most likely a mistyped verb (`astute chek`), which would otherwise
/// open the app on a file that is not there. `None` when it may well be a file.
pub fn not_a_file(file: &Path) -> Option<String> {
    use clap::CommandFactory;
    let word = file.to_str()?;
    let is_bare_word = !word.is_empty() && word.chars().all(|c| c.is_alphanumeric() || c == '-');
    if !is_bare_word || file.exists() {
        return None;
    }
    let closest = Cli::command()
        .get_subcommands()
        .map(|verb| verb.get_name().to_owned())
        .map(|verb| (strsim::damerau_levenshtein(word, &verb), verb))
        .min();
    Some(match closest {
        Some((distance, verb)) if distance <= 2 => format!(
            "`{word}` is not a command and no file has that name; did you mean `astute {verb}`?"
        ),
        _ => format!("`{word}` is not a command and no file has that name; see `astute --help`"),
    })
}

/// Arguments of `astute analyse`.
#[derive(Debug, Args)]
pub struct AnalyseArgs {
    /// The map to analyse.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// Print one JSON object instead of a readable report.
    #[arg(long)]
    pub json: bool,
    /// Analyse the whole map, confidential fields included (suggested alliances quote words
    /// of the stated interests they share).
    #[arg(long)]
    pub include_confidential: bool,
}

/// Arguments of `astute diff` (a second map, or `--snapshot` or `--scenario`, is needed).
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The map (the earlier one, when a second map is given).
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// The later map to compare the first with.
    #[arg(value_name = "OTHER", conflicts_with_all = ["snapshot", "scenario"])]
    pub other: Option<PathBuf>,
    /// A snapshot in MAP, by label or id, compared with the map now; give two to compare them.
    #[arg(long, value_name = "LABEL")]
    pub snapshot: Vec<String>,
    /// A scenario in MAP, by label or id, compared with the map now (or with --snapshot).
    #[arg(long, value_name = "LABEL")]
    pub scenario: Option<String>,
    /// Print one JSON object instead of one line per change.
    #[arg(long)]
    pub json: bool,
}

const DIFF_HELP: &str = "\
Stakeholders and links are matched by id, so a renamed stakeholder is the same stakeholder.
  astute diff A.ron B.ron                          A (earlier) with B (later)
  astute diff MAP.ron --snapshot LABEL             the snapshot with the map now
  astute diff MAP.ron --snapshot A --snapshot B    snapshot A with snapshot B
  astute diff MAP.ron --scenario LABEL             the map now with the scenario
  astute diff MAP.ron --snapshot A --scenario B    snapshot A with scenario B
Lists who was added, removed or renamed, who moved on the power-interest grid, whose stance
changed, and which links were gained, lost or changed (kind, strength, depth or ends).
Names, scores and labels only: nothing confidential is printed.";

const IMPORT_HELP: &str = "\
Columns are found by the header row; case and surrounding spaces do not matter.
Stakeholders: name (required), organisation, role, kind, sector, power (0-10), interest (0-10),
  stance (-2..2 or opposed/sceptical/neutral/supportive/champion), tags (separated by ;), notes,
  stated_interests, inferred_interests, concerns, values.
Links: from, to (stakeholder names), kind (e.g. alliance, tension, authority, funding, referral),
  strength (1-5, default 3), depth, note.
Columns may be separated by commas, semicolons or tabs (found from the header row); files may be
UTF-8, UTF-16 with a byte-order mark (Excel's \"Unicode text\") or Windows-1252 (Excel's \"CSV\").
A cell that an export guarded with a leading ' (before = + - @, a tab or a return) loses it again.
Every row that cannot be read is reported as FILE:LINE:COL: message, and then nothing is written.";

const EXPORT_HELP: &str = "\
CSV writes two files: OUT holds the stakeholders and OUT-links holds the links, e.g.
`-o partners.csv` writes partners.csv and partners-links.csv. Both use the columns that
`astute import` reads, plus ids.
JSON writes the whole map to OUT.
GraphML writes the map as a network for Gephi, yEd, networkx or igraph, every attribute
declared and typed, directed links the right way round, with yEd's and Gephi's colours, sizes
and shapes; gexf writes the same network as GEXF 1.3, Gephi's own format.
HTML writes a standalone report of the whole map and its analysis, to print and circulate: a
summary that stands alone on the first page, then the sections; laid out for A4 (--paper
letter for US Letter). md writes the same report as Markdown.
SVG, PNG and PDF draw a picture (PDF: vector, the font embedded, text selectable, a page of
the picture's size at 96 pixels per inch): --chart map (the network, as on the canvas; the default), grid
(the power-interest grid), stance (stance across, power up), salience (power, legitimacy and
urgency), issues (the issue matrix) or horizon (the horizon scan), at --size WIDTHxHEIGHT
pixels: 1600x1000 (the default) suits a slide, 4961x3508 an A3 poster at 300 dpi. Stakeholders
are filled by --colour stance (the default), sector or coalition. Pictures show names and
scores only, never a confidential field.
Left out unless --include-confidential is given: fields marked confidential (hidden agendas by
default), all but the name, kind, sector, scores and position of a confidential stakeholder,
confidential link notes, the journal, self-assessments and what was said in each contact (its
date, who took part and its temperature stay), in the map and in its snapshots and scenarios.";

const BRIEF_HELP: &str = "\
The format follows the output's extension: .html (a standalone page that prints well), .md,
or .pdf (the purpose, agenda, risks and seating plan on the first page, then one A4 page per
invitee; --paper letter for US Letter); `-o -` prints the brief as Markdown.
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

/// Arguments of `astute check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The maps to validate.
    #[arg(required = true, value_name = "MAP")]
    pub maps: Vec<PathBuf>,
    /// Print nothing for valid maps (problems are still printed).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `astute stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The map to count.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// Print the counts as a JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `astute fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// The maps to rewrite.
    #[arg(required = true, value_name = "MAP")]
    pub maps: Vec<PathBuf>,
    /// Write nothing; exit 1 and name the maps that are not in canonical form.
    #[arg(long)]
    pub check: bool,
}

/// Arguments of `astute import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The stakeholders table.
    #[arg(value_name = "STAKEHOLDERS.csv")]
    pub stakeholders: PathBuf,
    /// The links table, naming stakeholders in its `from` and `to` columns.
    #[arg(long, value_name = "LINKS.csv")]
    pub links: Option<PathBuf>,
    /// The map to write (`-` prints it).
    #[arg(short, long = "output", value_name = "MAP.ron")]
    pub output: PathBuf,
    /// The map's title (default: the output file's name).
    #[arg(long)]
    pub title: Option<String>,
    /// Replace the output file if it exists (the old one is kept as MAP.ron.bak).
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `astute export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The map to export.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// The format to write.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: ExportFormat,
    /// The file to write (for CSV, the stakeholders file; the links go beside it); `-`
    /// prints it, for every format but CSV.
    #[arg(short, long = "output", value_name = "OUT")]
    pub output: PathBuf,
    /// Keep confidential fields (hidden agendas, confidential notes) in the export.
    #[arg(long)]
    pub include_confidential: bool,
    /// Replace output files that exist (the old ones are kept as OUT.bak).
    #[arg(long)]
    pub force: bool,
    /// For SVG, PNG and PDF: the picture to draw.
    #[arg(long, value_enum, default_value_t = crate::scene::Chart::Map)]
    pub chart: crate::scene::Chart,
    /// For SVG, PNG and PDF: the size in pixels (1600x1000 is a slide; 4961x3508 an A3 poster at
    /// 300 dpi).
    #[arg(
        long,
        value_name = "WxH",
        default_value = "1600x1000",
        value_parser = crate::scene::parse_size
    )]
    pub size: (u32, u32),
    /// For the HTML report: the paper it is laid out for when printed.
    #[arg(long, value_enum, default_value_t = crate::export::Paper::A4)]
    pub paper: crate::export::Paper,
    /// For SVG, PNG and PDF: what the stakeholders' fill colour shows.
    #[arg(long, value_enum, default_value_t = crate::scene::ColourBy::Stance)]
    pub colour: crate::scene::ColourBy,
}

/// The formats `astute export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Two CSV tables: stakeholders, and links.
    Csv,
    /// The whole map as JSON.
    Json,
    /// The network as GraphML, for Gephi, yEd or networkx.
    Graphml,
    /// The network as GEXF 1.3, Gephi's own format.
    Gexf,
    /// A standalone HTML report of the map and its analysis.
    Html,
    /// The same report as Markdown.
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// A picture (see --chart and --size) as SVG.
    Svg,
    /// A picture (see --chart and --size) as PNG.
    Png,
    /// A picture (see --chart and --size) as vector PDF, the font embedded.
    Pdf,
}

/// Arguments of `astute examples`.
#[derive(Debug, Args)]
pub struct ExamplesArgs {
    /// The example to write; without it, the examples are listed.
    pub name: Option<String>,
    /// Where to write the example (without it, or with `-`, the map is printed).
    #[arg(short, long = "output", value_name = "MAP.ron", requires = "name")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (the old one is kept as MAP.ron.bak).
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// Runs one verb and returns the process's exit code.
pub fn run(command: Command) -> ExitCode {
    let outcome = match command {
        Command::Check(args) => check(&args),
        Command::Stats(args) => stats(&args),
        Command::Fmt(args) => fmt(&args),
        Command::Import(args) => import(&args),
        Command::Export(args) => export(&args),
        Command::Examples(args) => examples(&args),
        Command::Analyse(args) => analyse(&args),
        Command::Brief(args) => brief(&args),
        Command::Diff(args) => diff(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Reported) => ExitCode::from(1),
    }
}

/// The verb failed, and the user has already been told why on stderr.
struct Reported;

type Outcome = Result<(), Reported>;

/// Prints a line to stdout, [`terminal_safe`], or to stderr once stdout holds the output
/// (`-o -`). A closed pipe (`astute stats | head -1`) is not worth a panic.
fn say(line: impl Display) {
    if OUTPUT_ON_STDOUT.load(std::sync::atomic::Ordering::Relaxed) {
        complain(line);
    } else {
        let line = line.to_string();
        let _ = writeln!(std::io::stdout().lock(), "{}", terminal_safe(&line));
    }
}

/// Set once an output went to stdout (`-o -`): what is said about it goes to stderr then.
static OUTPUT_ON_STDOUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Prints a line to stderr, [`terminal_safe`].
fn complain(line: impl Display) {
    let line = line.to_string();
    let _ = writeln!(std::io::stderr().lock(), "{}", terminal_safe(&line));
}

/// `text` with every control character but the line break (escape sequences, carriage
/// returns, backspaces, C1 controls) and every bidirectional-text control written as a
/// `\u001b`-style escape, so that text from a file cannot move the cursor, erase or recolour
/// lines, or reorder what the terminal shows. Everything the CLI prints passes through here.
/// The escapes are JSON's: JSON output (whose C0 controls serde has already escaped) still
/// reads back as the same values.
fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    // Unicode's Bidi_Control characters: marks, embeddings, overrides and isolates.
    const BIDI: [char; 12] = [
        '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
        '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || BIDI.contains(&c);
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            safe.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    std::borrow::Cow::Owned(safe)
}

/// Prints `FILE: message` and fails.
fn fail_at(path: &Path, message: impl Display) -> Reported {
    complain(format!("{}: {message}", path.display()));
    Reported
}

/// Reads and validates a map, printing every problem on failure.
fn load(path: &Path) -> Result<Loaded, Reported> {
    read_map(path).map_err(|error| report_load_error(path, &error))
}

fn report_load_error(path: &Path, error: &LoadError) -> Reported {
    for diagnostic in error.diagnostics() {
        complain(diagnostic.with_file(path));
    }
    Reported
}

/// Folds several outcomes into one that fails when any did, after running them all.
fn all(outcomes: impl Iterator<Item = Outcome>) -> Outcome {
    // Not `try_fold`: every map is handled, even after one fails.
    match outcomes.filter(Result::is_err).count() {
        0 => Ok(()),
        _ => Err(Reported),
    }
}

fn check(args: &CheckArgs) -> Outcome {
    all(args.maps.iter().map(|path| {
        let loaded = load(path)?;
        if !args.quiet {
            let note = if loaded.read_only_reason().is_some() {
                format!(
                    " (format version {}, newer than this Astute: read-only)",
                    loaded.version
                )
            } else {
                String::new()
            };
            say(format!("{}: ok{note}", path.display()));
        }
        Ok(())
    }))
}

/// The counts `astute stats` prints, in the order they are printed.
#[derive(Debug, Serialize)]
struct Stats {
    title: String,
    stakeholders: usize,
    links: usize,
    links_by_kind: LinkCounts,
    issues: usize,
    interactions: usize,
    journal_entries: usize,
    assessments: usize,
    factors: usize,
    meetings: usize,
    snapshots: usize,
    scenarios: usize,
}

/// Links per kind, every kind listed in the order of [`LinkKind::ALL`], zeros included.
#[derive(Debug)]
struct LinkCounts(Vec<(LinkKind, usize)>);

impl Serialize for LinkCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (kind, count) in &self.0 {
            map.serialize_entry(kind_key(*kind), count)?;
        }
        map.end()
    }
}

/// The JSON key of a link kind.
fn kind_key(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Alignment => "alignment",
        LinkKind::Alliance => "alliance",
        LinkKind::Tension => "tension",
        LinkKind::Competition => "competition",
        LinkKind::Influence => "influence",
        LinkKind::Authority => "authority",
        LinkKind::Funding => "funding",
        LinkKind::Referral => "referral",
    }
}

impl Stats {
    /// The counts of what `shown` holds, and of the personal records it left out.
    fn of(shown: &Shareable<'_>) -> Self {
        let map = shown.map();
        let withheld = shown.withheld();
        let by_kind = LinkKind::ALL
            .iter()
            .map(|&kind| (kind, map.links.iter().filter(|l| l.kind == kind).count()))
            .collect();
        Self {
            title: map.meta.title.clone(),
            stakeholders: map.stakeholders.len(),
            links: map.links.len(),
            links_by_kind: LinkCounts(by_kind),
            issues: map.issues.len(),
            interactions: map.interactions.len(),
            journal_entries: map.journal.len() + withheld.journal_entries,
            assessments: map.assessments.len() + withheld.assessments,
            factors: map.factors.len(),
            meetings: map.meetings.len(),
            snapshots: map.snapshots.len(),
            scenarios: map.scenarios.len(),
        }
    }

    /// The counts as lines of text, labels left and numbers right-aligned.
    fn lines(&self) -> Vec<String> {
        let row = |label: &str, count: usize| format!("{label:<32}{count:>6}");
        let mut lines = vec![
            row("Stakeholders", self.stakeholders),
            row("Links", self.links),
        ];
        for (kind, count) in &self.links_by_kind.0 {
            lines.push(row(&format!("  {}", kind.label()), *count));
        }
        lines.extend([
            row("Issues", self.issues),
            row("Interactions", self.interactions),
            row("Journal entries", self.journal_entries),
            row("Self-assessments", self.assessments),
            row("Horizon-scanning factors", self.factors),
            row("Meetings", self.meetings),
            row("Snapshots", self.snapshots),
            row("Scenarios", self.scenarios),
        ]);
        lines
    }
}

fn stats(args: &StatsArgs) -> Outcome {
    let loaded = load(&args.map)?;
    let stats = Stats::of(&Disclosure::Redacted.share(&loaded.map));
    if args.json {
        let text = serde_json::to_string_pretty(&stats).map_err(|e| fail_at(&args.map, e))?;
        say(text);
    } else {
        let title = match stats.title.as_str() {
            "" => "(untitled)",
            title => title,
        };
        say(format!("{}: {title}", args.map.display()));
        stats.lines().iter().for_each(say);
    }
    Ok(())
}

fn analyse(args: &AnalyseArgs) -> Outcome {
    let loaded = load(&args.map)?;
    let shown = Disclosure::from_flag(args.include_confidential).share(&loaded.map);
    if args.json {
        let json = crate::analysis::to_json(&shown);
        let text = serde_json::to_string_pretty(&json).map_err(|e| fail_at(&args.map, e))?;
        say(text);
    } else {
        say(crate::analysis::to_text(&shown));
    }
    Ok(())
}

fn diff(args: &DiffArgs) -> Outcome {
    use crate::compare;
    let loaded = load(&args.map)?;
    let shown = Disclosure::Redacted.share(&loaded.map);
    let comparison = match &args.other {
        Some(other) => {
            let later = load(other)?;
            let later = Disclosure::Redacted.share(&later.map);
            let label = |path: &Path| path.display().to_string();
            compare::compare_maps(&shown, &label(&args.map), &later, &label(other))
        }
        None => compare::compare_in_map(&shown, &args.snapshot, args.scenario.as_deref())
            .map_err(|e| fail_at(&args.map, e))?,
    };
    if args.json {
        let json = comparison.to_json();
        let text = serde_json::to_string_pretty(&json).map_err(|e| fail_at(&args.map, e))?;
        say(text);
    } else {
        say(comparison.to_text().trim_end());
    }
    Ok(())
}

fn fmt(args: &FmtArgs) -> Outcome {
    all(args.maps.iter().map(|path| format_one(path, args.check)))
}

/// Rewrites one map in canonical form, or with `check_only` says whether it would.
fn format_one(path: &Path, check_only: bool) -> Outcome {
    let loaded = load(path)?;
    if loaded.read_only_reason().is_some() {
        return Err(fail_at(
            path,
            format!(
                "written by a newer Astute (format version {}; this one writes version \
                 {FORMAT_VERSION}), so it is read-only and was left unchanged",
                loaded.version
            ),
        ));
    }
    let canonical = to_ron_string(&loaded.map).map_err(|e| fail_at(path, e))?;
    let current = read_limited(path).map_err(|e| fail_at(path, e))?;
    if current == canonical.as_bytes() {
        return Ok(());
    }
    if check_only {
        return Err(fail_at(
            path,
            "not in canonical form (`astute fmt` would rewrite it)",
        ));
    }
    if is_read_only(path) {
        return Err(fail_at(
            path,
            format!(
                "the file is read-only, so `astute fmt` left it unchanged: make it writable \
                 (`chmod u+w {}`) to rewrite it",
                path.display()
            ),
        ));
    }
    write_map(path, &loaded.map).map_err(|e| fail_at(path, e))?;
    // Through a symbolic link, the file it points to is rewritten and backed up.
    let backup = backup_path(&save_target(path).unwrap_or_else(|_| path.to_owned()));
    say(format!(
        "{}: rewritten in canonical form (the previous version is {})",
        path.display(),
        backup.display()
    ));
    Ok(())
}

/// Fails when `path` exists and the user did not pass `--force`, and, with or without it, when
/// what is there is not a regular file (a folder, a device such as `/dev/null`, a named pipe)
/// or one the user may not change. `-`, standard output, is never refused.
fn refuse_to_overwrite(path: &Path, force: bool) -> Outcome {
    if is_stdout(path) || fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    check_replaceable(path).map_err(|e| fail_at(path, e))?;
    if force {
        return Ok(());
    }
    Err(fail_at(path, "already exists; add --force to replace it"))
}

/// Does `path` stand for standard output (`-o -`)?
fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads an input file whole, refusing more than any real table or map, also from a pipe or
/// a device.
fn read_input(path: &Path) -> Result<Vec<u8>, Reported> {
    read_limited(path).map_err(|e| fail_at(path, e))
}

fn import(args: &ImportArgs) -> Outcome {
    refuse_to_overwrite(&args.output, args.force)?;
    let people = read_input(&args.stakeholders)?;
    let links = args.links.as_deref().map(read_input).transpose()?;
    let imported = spreadsheet::import_csv(&people, links.as_deref())
        .map_err(|errors| report_rows(args, &errors))?;
    for warning in &imported.warnings {
        complain(row_message(args, warning, "warning: "));
    }
    let mut map = imported.map;
    let named_after = if is_stdout(&args.output) {
        &args.stakeholders
    } else {
        &args.output
    };
    map.meta.title = args.title.clone().unwrap_or_else(|| file_stem(named_after));
    map.meta.created = Some(chrono::Local::now().date_naive());
    let text = file_text(&map).map_err(|e| fail_at(&args.output, e))?;
    write_out(&args.output, text.as_bytes())?;
    say(format!(
        "{}: imported {} stakeholders and {} links",
        args.output.display(),
        map.stakeholders.len(),
        map.links.len()
    ));
    Ok(())
}

/// Prints every bad row, then says that nothing was written.
fn report_rows(args: &ImportArgs, errors: &[RowError]) -> Reported {
    for error in errors {
        complain(row_message(args, error, ""));
    }
    fail_at(
        &args.output,
        format!("not written: {} problem(s) in the CSV", errors.len()),
    )
}

/// A row message with the path of the table it is about.
fn row_message(args: &ImportArgs, error: &RowError, prefix: &str) -> String {
    let file = match (error.table, &args.links) {
        (Table::Links, Some(links)) => links,
        _ => &args.stakeholders,
    };
    let at = match error.column {
        Some(column) => format!("{}:{column}", error.line),
        None => error.line.to_string(),
    };
    format!("{}:{at}: {prefix}{}", file.display(), error.message)
}

/// The file's name without its extension, as a default title.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn export(args: &ExportArgs) -> Outcome {
    let loaded = load(&args.map)?;
    let shown = Disclosure::from_flag(args.include_confidential).share(&loaded.map);
    match args.to {
        ExportFormat::Csv => export_csv(args, &shown),
        ExportFormat::Json => export_json(args, &shown),
        ExportFormat::Graphml | ExportFormat::Gexf => export_network(args, &shown),
        ExportFormat::Html => export_report(args, &shown, TextFormat::Html),
        ExportFormat::Markdown => export_report(args, &shown, TextFormat::Markdown),
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf => export_picture(args, &shown),
    }
}

/// SVG or PNG of the network or a chart; pictures show names and scores only, never a
/// confidential field, so `--include-confidential` changes nothing.
fn export_picture(args: &ExportArgs, map: &Shareable<'_>) -> Outcome {
    use crate::scene::SceneOptions;
    refuse_to_overwrite(&args.output, args.force)?;
    let (width, height) = args.size;
    let options = SceneOptions {
        colour_by: args.colour,
        ..SceneOptions::default()
    };
    let scene = args
        .chart
        .scene(map, (width as f32, height as f32), &options);
    let (bytes, format) = match args.to {
        ExportFormat::Png => {
            let png = crate::export::png::to_png(&scene).map_err(|e| fail_at(&args.output, e))?;
            (png, "PNG")
        }
        ExportFormat::Pdf => {
            let title = format!("{}: {}", map.meta.title, args.chart.label());
            let pdf = crate::export::pdf::scene_to_pdf(&scene, &title)
                .map_err(|e| fail_at(&args.output, e))?;
            (pdf, "PDF")
        }
        _ => (crate::export::svg::to_svg(&scene).into_bytes(), "SVG"),
    };
    write_out(&args.output, &bytes)?;
    say(format!(
        "{}: the {} chart as {format}, {width}×{height} pixels (names and scores only)",
        args.output.display(),
        args.chart.name()
    ));
    Ok(())
}

/// GraphML or GEXF.
fn export_network(args: &ExportArgs, map: &Shareable<'_>) -> Outcome {
    refuse_to_overwrite(&args.output, args.force)?;
    let (text, format) = if args.to == ExportFormat::Gexf {
        (crate::export::gexf::to_gexf(map), "GEXF")
    } else {
        (crate::export::to_graphml(map), "GraphML")
    };
    let text = text.map_err(|e| fail_at(&args.output, e))?;
    write_out(&args.output, text.as_bytes())?;
    say(format!(
        "{}: {} nodes and {} edges as {format}{}",
        args.output.display(),
        map.stakeholders.len(),
        map.links.len(),
        confidential_note(args)
    ));
    Ok(())
}

fn export_report(args: &ExportArgs, map: &Shareable<'_>, format: TextFormat) -> Outcome {
    refuse_to_overwrite(&args.output, args.force)?;
    let mut report = crate::export::report::report(map);
    report.paper = args.paper;
    let text = report.render(format);
    write_out(&args.output, text.as_bytes())?;
    say(format!(
        "{}: a report of the map and its analysis{}",
        args.output.display(),
        confidential_note(args)
    ));
    Ok(())
}

fn brief(args: &BriefArgs) -> Outcome {
    use crate::meeting;
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
    let Some(found) = meeting::find_meeting(&shown, &args.meeting) else {
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
    let the_brief = meeting::brief(&shown, found);
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

/// `out.csv` → `out-links.csv`; `out` → `out-links`: where the links go beside `out`.
pub fn links_path(out: &Path) -> PathBuf {
    let mut name = OsString::from(out.file_stem().unwrap_or_default());
    name.push("-links");
    if let Some(extension) = out.extension() {
        name.push(".");
        name.push(extension);
    }
    out.with_file_name(name)
}

fn export_csv(args: &ExportArgs, map: &Shareable<'_>) -> Outcome {
    if is_stdout(&args.output) {
        return Err(fail_at(
            &args.output,
            "CSV is written as two files (the stakeholders, and their links beside them), so \
             it cannot go to standard output: name a file, e.g. `-o partners.csv`",
        ));
    }
    let links = links_path(&args.output);
    refuse_to_overwrite(&args.output, args.force)?;
    refuse_to_overwrite(&links, args.force)?;
    let tables = spreadsheet::export_csv(map).map_err(|e| fail_at(&args.output, e))?;
    write_out(&args.output, tables.stakeholders.as_bytes())?;
    write_out(&links, tables.links.as_bytes())?;
    say(format!(
        "{}: {} stakeholders; {}: {} links{}",
        args.output.display(),
        map.stakeholders.len(),
        links.display(),
        map.links.len(),
        confidential_note(args)
    ));
    Ok(())
}

fn export_json(args: &ExportArgs, map: &Shareable<'_>) -> Outcome {
    refuse_to_overwrite(&args.output, args.force)?;
    let text = crate::export::json::to_json(map).map_err(|e| fail_at(&args.output, e))?;
    write_out(&args.output, text.as_bytes())?;
    say(format!(
        "{}: the whole map as JSON{}",
        args.output.display(),
        confidential_note(args)
    ));
    Ok(())
}

fn confidential_note(args: &ExportArgs) -> &'static str {
    if args.include_confidential {
        " (confidential fields included)"
    } else {
        " (confidential fields left out)"
    }
}

/// Writes `bytes` to `path` atomically (keeping the previous file as its backup), or to
/// standard output for `-`.
fn write_out(path: &Path, bytes: &[u8]) -> Outcome {
    if is_stdout(path) {
        OUTPUT_ON_STDOUT.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| {
                let why = match e.kind() {
                    std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
                    _ => e.to_string(),
                };
                fail_at(path, format!("cannot write to standard output: {why}"))
            });
    }
    replace_file(path, bytes).map_err(|e| fail_at(path, e))
}

fn examples(args: &ExamplesArgs) -> Outcome {
    let Some(name) = &args.name else {
        let width = EXAMPLES.iter().map(|e| e.name.len()).max().unwrap_or(0);
        for example in EXAMPLES {
            say(format!("{:<width$}  {}", example.name, example.summary));
        }
        return Ok(());
    };
    let Some(example) = examples::find(name) else {
        let names: Vec<_> = EXAMPLES.iter().map(|e| e.name).collect();
        complain(format!(
            "astute: there is no example called `{name}`; the examples are: {}",
            names.join(", ")
        ));
        return Err(Reported);
    };
    let map = example
        .map()
        .map_err(|e| report_load_error(Path::new(&format!("(built-in example {name})")), &e))?;
    let Some(output) = args.output.as_deref().filter(|output| !is_stdout(output)) else {
        let text = to_ron_string(&map).map_err(|e| fail_at(Path::new(name), e))?;
        return write_out(Path::new("-"), text.as_bytes());
    };
    refuse_to_overwrite(output, args.force)?;
    let text = file_text(&map).map_err(|e| fail_at(output, e))?;
    write_out(output, text.as_bytes())?;
    say(format!(
        "{}: wrote the example \"{name}\"",
        output.display()
    ));
    Ok(())
}
