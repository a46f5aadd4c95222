//! `astute export`: a map as CSV, xlsx, JSON, GraphML, GEXF, a report (HTML or Markdown), or
//! an SVG, PNG or PDF picture, through the one redaction step.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Outcome, fail_at, is_stdout, load, refuse_to_overwrite, say, write_out};
use crate::disclose::{Disclosure, Shareable};
use crate::export::TextFormat;
use crate::io::spreadsheet::{self, links_path};

pub(super) const EXPORT_HELP: &str = "\
CSV writes two files: OUT holds the stakeholders and OUT-links holds the links, e.g.
`-o partners.csv` writes partners.csv and partners-links.csv, in UTF-8 with a byte-order mark
(so Excel reads accents right; --no-bom leaves it out). xlsx writes one workbook with
Stakeholders, Links and Issues sheets, drop-downs for kinds, sectors, stances and link kinds.
Both hold every field a sheet can (ids, power bases, salience, positions on issues, the
engagement plan, the place on the canvas, \"me\"), in the columns `astute import` reads, so an
edited sheet comes back with `astute import SHEET --into MAP.ron`. A redacted export names what
it left out of each row in its `withheld` column, and such an import keeps those fields.
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
    /// For CSV: leave out the byte-order mark (for tools that dislike it).
    #[arg(long)]
    pub no_bom: bool,
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
    /// A workbook with Stakeholders, Links and Issues sheets.
    Xlsx,
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

pub(super) fn export(args: &ExportArgs) -> Outcome {
    let loaded = load(&args.map)?;
    let shown = Disclosure::from_flag(args.include_confidential).share(&loaded.map);
    match args.to {
        ExportFormat::Csv => export_csv(args, &shown),
        ExportFormat::Xlsx => export_xlsx(args, &shown),
        ExportFormat::Json => export_json(args, &shown),
        ExportFormat::Graphml | ExportFormat::Gexf => export_network(args, &shown),
        ExportFormat::Html => export_report(args, &shown, TextFormat::Html),
        ExportFormat::Markdown => export_report(args, &shown, TextFormat::Markdown),
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf => export_picture(args, &shown),
    }
}

/// SVG, PNG or PDF of the network or a chart; pictures show names and scores only, never a
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
    report.print = Some(args.paper);
    let text = report.render(format);
    write_out(&args.output, text.as_bytes())?;
    say(format!(
        "{}: a report of the map and its analysis{}",
        args.output.display(),
        confidential_note(args)
    ));
    Ok(())
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
    let (people, link_rows) = tables.bytes(!args.no_bom);
    write_out(&args.output, &people)?;
    write_out(&links, &link_rows)?;
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

fn export_xlsx(args: &ExportArgs, map: &Shareable<'_>) -> Outcome {
    refuse_to_overwrite(&args.output, args.force)?;
    let bytes = spreadsheet::export_xlsx(map).map_err(|e| fail_at(&args.output, e))?;
    write_out(&args.output, &bytes)?;
    say(format!(
        "{}: a workbook of {} stakeholders, {} links and {} issues{}",
        args.output.display(),
        map.stakeholders.len(),
        map.links.len(),
        map.issues.len(),
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
