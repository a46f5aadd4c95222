//! Pictures of the built-in examples: every chart's SVG parses with usvg and shows every
//! stakeholder once; every PNG decodes at exactly the size asked for; and `astute export`
//! writes both.

mod binary;

use astute::disclose::Disclosure;
use astute::export::png::{fonts, to_png};
use astute::export::svg::to_svg;
use astute::io::examples::EXAMPLES;
use astute::scene::{A3_POSTER, Chart, SceneOptions};
use binary::*;
use resvg::tiny_skia::Pixmap;
use resvg::usvg;

fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    }
}

/// How many text nodes in `group` and below were drawn with a font (have glyph outlines).
fn drawn_texts(group: &usvg::Group) -> usize {
    group
        .children()
        .iter()
        .map(|node| match node {
            usvg::Node::Group(g) => drawn_texts(g),
            usvg::Node::Text(t) => usize::from(!t.flattened().children().is_empty()),
            _ => 0,
        })
        .sum()
}

#[test]
fn every_chart_of_every_example_parses_and_shows_every_stakeholder() -> TestResult {
    for example in EXAMPLES {
        let map = example
            .map()
            .map_err(|e| format!("{}: {e:?}", example.name))?;
        for chart in Chart::ALL {
            let scene = chart.scene(
                &Disclosure::Redacted.share(&map),
                (1600.0, 1000.0),
                &SceneOptions::default(),
            );
            let shapes = if chart.draws_stakeholders() {
                map.stakeholders.len()
            } else {
                0
            };
            assert_eq!(scene.stakeholder_count(), shapes);
            let svg = to_svg(&scene);
            let tree = usvg::Tree::from_str(&svg, &usvg_options())
                .map_err(|e| format!("{} {chart:?}: {e}", example.name))?;
            assert_eq!(
                (tree.size().width(), tree.size().height()),
                (1600.0, 1000.0)
            );
            assert_eq!(
                svg.matches("class=\"stakeholder\"").count(),
                shapes,
                "{} {chart:?}",
                example.name
            );
            // The issue matrix names those with a position on an issue; the horizon scan
            // names factors, not stakeholders.
            let named = map.stakeholders.iter().filter(|s| match chart {
                Chart::Issues => !s.positions.is_empty(),
                Chart::Horizon => false,
                _ => true,
            });
            // Names on the map and the charts are whole (perhaps on two lines): every word is
            // there. The issue matrix's rows may shorten a long name: its start is there.
            for s in named {
                let words: Vec<&str> = match chart {
                    Chart::Issues => s.name.split_whitespace().take(1).collect(),
                    _ => s.name.split_whitespace().collect(),
                };
                for word in words {
                    let escaped = quick_xml::escape::escape(word);
                    assert!(
                        svg.contains(escaped.as_ref()),
                        "{} {chart:?}: {} not named in full ({word:?} missing)",
                        example.name,
                        s.name
                    );
                }
            }
            // Names and titles are drawn with the embedded font, not dropped for want of one.
            assert!(drawn_texts(tree.root()) > shapes.max(2));
            if chart == Chart::Horizon {
                for factor in &map.factors {
                    let shown: String = factor.title.chars().take(10).collect();
                    let escaped = quick_xml::escape::escape(shown.as_str());
                    assert!(svg.contains(escaped.as_ref()), "{}", factor.title);
                }
            }
        }
    }
    Ok(())
}

#[test]
fn every_png_decodes_at_the_size_asked_for() -> TestResult {
    for example in EXAMPLES {
        let map = example
            .map()
            .map_err(|e| format!("{}: {e:?}", example.name))?;
        for (chart, size) in Chart::ALL
            .into_iter()
            .zip([(1600, 1000), (801, 599), (1000, 1000)])
        {
            let scene = chart.scene(
                &Disclosure::Redacted.share(&map),
                (size.0 as f32, size.1 as f32),
                &SceneOptions::default(),
            );
            let png = to_png(&scene)?;
            let image = Pixmap::decode_png(&png)?;
            assert_eq!(
                (image.width(), image.height()),
                size,
                "{} {chart:?}",
                example.name
            );
            // Something is drawn: not every pixel is the white background.
            assert!(image.pixels().iter().any(|p| p.red() < 200));
        }
    }
    Ok(())
}

#[test]
fn a_poster_is_drawn_at_full_size() -> TestResult {
    let map = EXAMPLES[0].map().map_err(|e| format!("{e:?}"))?;
    let size = (A3_POSTER.0 as f32, A3_POSTER.1 as f32);
    let png = to_png(&Chart::Map.scene(
        &Disclosure::Redacted.share(&map),
        size,
        &SceneOptions::default(),
    ))?;
    let image = Pixmap::decode_png(&png)?;
    assert_eq!((image.width(), image.height()), A3_POSTER);
    Ok(())
}

#[test]
fn the_cli_exports_svg_and_png() -> TestResult {
    let dir = tempfile::tempdir()?;
    let made = astute(dir.path(), &["examples", EXAMPLES[0].name, "-o", "hub.ron"])?;
    assert!(made.status.success(), "{made:?}");

    let svg = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "svg", "-o", "hub.svg"],
    )?;
    assert!(svg.status.success(), "{svg:?}");
    let text = std::fs::read_to_string(dir.path().join("hub.svg"))?;
    let tree = usvg::Tree::from_str(&text, &usvg_options())?;
    assert_eq!(
        (tree.size().width(), tree.size().height()),
        (1600.0, 1000.0)
    );

    let png = astute(
        dir.path(),
        &[
            "export", "hub.ron", "--to", "png", "--chart", "grid", "--size", "640x480", "-o",
            "grid.png",
        ],
    )?;
    assert!(png.status.success(), "{png:?}");
    assert!(String::from_utf8_lossy(&png.stdout).contains("grid.png: the grid chart as PNG"));
    let image = Pixmap::decode_png(&std::fs::read(dir.path().join("grid.png"))?)?;
    assert_eq!((image.width(), image.height()), (640, 480));

    let by_sector = astute(
        dir.path(),
        &[
            "export",
            "hub.ron",
            "--to",
            "svg",
            "--colour",
            "sector",
            "-o",
            "sectors.svg",
        ],
    )?;
    assert!(by_sector.status.success(), "{by_sector:?}");
    let text = std::fs::read_to_string(dir.path().join("sectors.svg"))?;
    assert!(text.contains(">Sector<") && text.contains(">Voluntary<"));
    assert!(
        !text.contains(">Champion<"),
        "the legend explains sectors, not stances"
    );

    // An existing file is kept unless --force is given.
    let again = astute(
        dir.path(),
        &["export", "hub.ron", "--to", "svg", "-o", "hub.svg"],
    )?;
    assert_eq!(again.status.code(), Some(1));

    let bad = astute(
        dir.path(),
        &[
            "export", "hub.ron", "--to", "png", "--size", "0x10", "-o", "bad.png",
        ],
    )?;
    assert_eq!(bad.status.code(), Some(2), "a bad size is a usage error");
    assert!(!dir.path().join("bad.png").exists());
    Ok(())
}
