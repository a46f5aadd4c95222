//! One confidentiality rule for every output (issue 12), shown on generated maps.
//!
//! Every text field of a generated map holds a marker of its own ("zq" + four letters a–p +
//! "zq", so no marker is part of another and escaping never changes one): the six sensitive
//! fields, flagged or not; wholly confidential stakeholders' organisation, role and tags;
//! confidential and plain link notes; engagement plans; interactions, journal entries and
//! self-assessments; horizon factors, issues, meetings, the purpose and the title; and copies of
//! the stakeholders and links inside a snapshot and a scenario. Two stakeholders share a word in
//! their stated interests, so the analysis's suggested alliances quote it.
//!
//! Each marker is forbidden by default or not, by the rule in the README. Every output is made
//! both ways, and
//! - by default, no forbidden marker is anywhere in it (searched in the raw bytes);
//! - by default, every allowed marker of a field the format carries is in it;
//! - with `--include-confidential`, every marker of a field the format carries is in it.
//!
//! The outputs are read back the way their users read them where a reader is at hand: JSON
//! with serde_json, CSV with the csv crate, GraphML and GEXF with an XML reader, Markdown with a
//! CommonMark parser, PDF with lopdf (the text a reader would select, white space taken out,
//! since glyphs placed one by one come back spaced; for PDF "the raw bytes" are that text, the
//! file's streams being compressed). The library functions run on many maps; the CLI binary on
//! a few.

mod binary;

use std::collections::BTreeSet;
use std::fs;

use astute::analysis;
use astute::analysis::compare::compare_in_map;
use astute::disclose::{Disclosure, Shareable};
use astute::export::brief;
use astute::export::{self, svg::to_svg};
use astute::io::{spreadsheet, to_ron_string};
use astute::model::{
    AgendaItem, Choice, Dimension, Factor, FactorCategory, Id, Interaction, Issue, IssuePosition,
    JournalEntry, Kind, Lens, Link, LinkKind, Map, Meeting, Pos, Rating, SavedView, Scenario,
    Sector, SelfAssessment, SensitiveField, Snapshot, Stakeholder, TableShape,
};
use astute::scene::{Chart, SceneOptions};
use binary::{astute, code, stderr, stdout};
use chrono::NaiveDate;
use proptest::prelude::*;

/// What a marker stands in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Organisation,
    Role,
    Tag,
    Sensitive(SensitiveField),
    /// The word two stakeholders share in their stated interests.
    Keyword,
    LinkNote,
    Summary,
    Journal,
    Assessment,
    FactorTitle,
    FactorText,
    MeetingTitle,
    MeetingPurpose,
    Agenda,
    IssueName,
    IssueText,
    MapTitle,
    MapText,
    Author,
    /// The shared purpose's statement.
    Purpose,
    /// Moore's and Benington's parts of the purpose.
    PurposeMore,
    SnapshotLabel,
    ScenarioLabel,
    ViewName,
}

/// Where the marked text is: the map itself, or the copy in its snapshot or its scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Map,
    Snapshot,
    Scenario,
}

/// One marker in a generated map.
#[derive(Clone, Debug)]
struct Marker {
    text: String,
    field: Field,
    place: Place,
    /// Left out of every output by default.
    forbidden: bool,
}

/// The outputs, each a format of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Output {
    Json,
    Csv,
    Graphml,
    Gexf,
    ReportHtml,
    ReportMd,
    BriefHtml,
    BriefMd,
    /// The brief as PDF, held as the text a PDF reader extracts from it.
    BriefPdf,
    AnalyseText,
    AnalyseJson,
    StatsText,
    StatsJson,
    DiffText,
    DiffJson,
    Picture(Chart),
    /// The network picture as PDF, held as the text a PDF reader extracts from it.
    PicturePdf,
}

impl Output {
    /// Does this output carry the marked field (when the rule lets it)?
    fn carries(self, m: &Marker, include: bool) -> bool {
        use Field as F;
        let on_map = m.place == Place::Map;
        let stakeholder = matches!(
            m.field,
            F::Name | F::Organisation | F::Role | F::Tag | F::Sensitive(_) | F::Keyword
        );
        match self {
            Self::Json => true,
            Self::Csv => {
                on_map
                    && match m.field {
                        // The inferred-interests column is written only with everything.
                        F::Sensitive(SensitiveField::InferredInterests) => include,
                        F::Sensitive(SensitiveField::Plan) => false,
                        F::LinkNote => true,
                        _ => stakeholder,
                    }
            }
            // GEXF holds the title, purpose and description in its <meta>, the issue's name in
            // its attribute's title: the same fields as GraphML.
            Self::Graphml | Self::Gexf => {
                on_map
                    && (stakeholder
                        || matches!(
                            m.field,
                            F::LinkNote | F::MapTitle | F::MapText | F::Purpose | F::IssueName
                        ))
            }
            Self::ReportHtml | Self::ReportMd => {
                on_map && !matches!(m.field, F::ViewName)
                    || matches!(m.field, F::SnapshotLabel | F::ScenarioLabel)
            }
            Self::BriefHtml | Self::BriefMd | Self::BriefPdf => {
                on_map
                    && match m.field {
                        F::Tag | F::Sensitive(SensitiveField::Notes) => false,
                        F::LinkNote | F::Summary => true,
                        F::MeetingTitle | F::MeetingPurpose | F::Agenda => true,
                        F::MapTitle | F::Purpose => true,
                        _ => stakeholder,
                    }
            }
            Self::AnalyseText => on_map && matches!(m.field, F::Name | F::Keyword | F::MapTitle),
            Self::AnalyseJson => on_map && matches!(m.field, F::Name | F::Keyword),
            Self::StatsText | Self::StatsJson => m.field == F::MapTitle,
            // The snapshot against the map now: everyone was renamed, the pair was added.
            Self::DiffText | Self::DiffJson => {
                m.place != Place::Scenario && matches!(m.field, F::Name | F::SnapshotLabel)
            }
            // Pictures place names only where they fit: nothing is required of them.
            Self::Picture(_) | Self::PicturePdf => false,
        }
    }
}

/// How one generated stakeholder is made.
#[derive(Clone, Debug)]
struct PersonSpec {
    confidential: bool,
    /// Which of `SensitiveField::ALL` are flagged confidential.
    flagged: [bool; 6],
    kind: usize,
    sector: usize,
    power: u8,
    interest: u8,
    stance: i8,
    /// Positions on the two issues.
    positions: [Option<i8>; 2],
}

/// How one generated link is made.
#[derive(Clone, Debug)]
struct LinkSpec {
    from: usize,
    to: usize,
    kind: usize,
    confidential: bool,
}

/// How one generated map is made.
#[derive(Clone, Debug)]
struct Spec {
    people: Vec<PersonSpec>,
    links: Vec<LinkSpec>,
    /// Per stakeholder, a logged contact and its temperature.
    contacts: Vec<Option<i8>>,
    journal: usize,
    assessments: usize,
    factors: usize,
    /// Whether the two stakeholders who share a word hold it in confidential stated interests.
    keyword_secret: bool,
    /// Text around the markers: punctuation, digits and markup, never a letter.
    filler: Vec<String>,
}

fn person() -> impl Strategy<Value = PersonSpec> {
    (
        (any::<bool>(), any::<[bool; 6]>()),
        (0..Kind::ALL.len(), 0..Sector::ALL.len()),
        (0u8..=10, 0u8..=10, -2i8..=2),
        any::<[Option<i8>; 2]>().prop_map(|p| p.map(|x| x.map(|v| v.rem_euclid(5) - 2))),
    )
        .prop_map(
            |((confidential, flagged), (kind, sector), (power, interest, stance), positions)| {
                PersonSpec {
                    confidential,
                    flagged,
                    kind,
                    sector,
                    power,
                    interest,
                    stance,
                    positions,
                }
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    prop::collection::vec(person(), 2..6).prop_flat_map(|people| {
        let n = people.len();
        let link = (0..n, 1..n, 0..LinkKind::ALL.len(), any::<bool>()).prop_map(
            move |(from, step, kind, confidential)| LinkSpec {
                from,
                to: (from + step) % n,
                kind,
                confidential,
            },
        );
        (
            Just(people),
            prop::collection::vec(link, 0..8),
            prop::collection::vec(prop::option::of(-2i8..=2), n),
            (0usize..3, 0usize..3, 0usize..3, any::<bool>()),
            prop::collection::vec("[ 0-9<>&\"'|*_`#!?.,;:()\\[\\]{}+=~^$%@/\\\\-]{0,6}", 16),
        )
            .prop_map(
                |(
                    people,
                    links,
                    contacts,
                    (journal, assessments, factors, keyword_secret),
                    filler,
                )| {
                    Spec {
                        people,
                        links,
                        contacts,
                        journal,
                        assessments,
                        factors,
                        keyword_secret,
                        filler,
                    }
                },
            )
    })
}

/// Hands out markers and remembers them.
struct Marks {
    next: u32,
    filler: Vec<String>,
    all: Vec<Marker>,
}

impl Marks {
    /// A fresh marker word, not yet recorded.
    fn word(&mut self) -> String {
        let n = self.next;
        self.next += 1;
        let letters: String = (0..4)
            .rev()
            .map(|i| char::from(b'a' + ((n >> (4 * i)) & 0xF) as u8))
            .collect();
        format!("zq{letters}zq")
    }

    /// Text holding a fresh marker between filler, recorded as `field` at `place`.
    fn text(&mut self, field: Field, place: Place, forbidden: bool) -> String {
        let word = self.word();
        self.record(&word, field, place, forbidden);
        let i = self.next as usize;
        let before = &self.filler[i % self.filler.len()];
        let after = &self.filler[(i * 7 + 3) % self.filler.len()];
        format!("{before} {word} {after}").trim().to_owned()
    }

    fn record(&mut self, word: &str, field: Field, place: Place, forbidden: bool) {
        self.all.push(Marker {
            text: word.to_owned(),
            field,
            place,
            forbidden,
        });
    }
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
        .unwrap_or_default()
}

/// Fills every text field of `s` with markers, by its flags.
fn mark_stakeholder(s: &mut Stakeholder, marks: &mut Marks, place: Place) {
    use SensitiveField as F;
    let whole = s.confidential;
    s.name = marks.text(Field::Name, place, false);
    s.organisation = marks.text(Field::Organisation, place, whole);
    s.role = marks.text(Field::Role, place, whole);
    s.tags = vec![
        marks.text(Field::Tag, place, whole),
        marks.text(Field::Tag, place, whole),
    ];
    let flagged = s.confidential_fields.clone();
    let mut text = |field: F| {
        marks.text(
            Field::Sensitive(field),
            place,
            whole || flagged.contains(&field),
        )
    };
    s.stated_interests = text(F::StatedInterests);
    s.inferred_interests = text(F::InferredInterests);
    s.concerns = text(F::Concerns);
    s.values = text(F::Values);
    s.notes = text(F::Notes);
    s.plan.ask = text(F::Plan);
    s.plan.offer = text(F::Plan);
    s.plan.key_messages = text(F::Plan);
    s.plan.channel = text(F::Plan);
    s.plan.next_action = text(F::Plan);
}

fn stakeholder_of(spec: &PersonSpec, raw: u64, issues: &[Issue]) -> Stakeholder {
    let mut s = Stakeholder::new(Id::from_raw(raw), "");
    s.confidential = spec.confidential;
    s.confidential_fields = SensitiveField::ALL
        .iter()
        .zip(spec.flagged)
        .filter(|(_, on)| *on)
        .map(|(f, _)| *f)
        .collect();
    s.kind = Kind::ALL[spec.kind];
    s.sector = Sector::ALL[spec.sector];
    s.power = f32::from(spec.power);
    s.interest = f32::from(spec.interest);
    s.stance = spec.stance;
    s.pos = Pos::new(f32::from(spec.power) * 60.0, raw as f32 * 45.0);
    s.positions = issues
        .iter()
        .zip(spec.positions)
        .filter_map(|(issue, p)| {
            p.map(|position| IssuePosition {
                issue: issue.id,
                position,
                importance: 3,
            })
        })
        .collect();
    s
}

fn marked_links(spec: &Spec, marks: &mut Marks, place: Place) -> Vec<Link> {
    spec.links
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut link = Link::new(
                Id::from_raw(500 + i as u64),
                Id::from_raw(1 + l.from as u64),
                Id::from_raw(1 + l.to as u64),
                LinkKind::ALL[l.kind],
            );
            link.confidential = l.confidential;
            link.note = marks.text(Field::LinkNote, place, l.confidential);
            link
        })
        .collect()
}

fn rating(m: &mut Marks) -> Rating {
    Rating {
        score: 4,
        note: m.text(Field::Assessment, Place::Map, true),
    }
}

/// The map a spec describes, and its markers.
fn build(spec: &Spec) -> (Map, Vec<Marker>) {
    let mut marks = Marks {
        next: 0,
        filler: spec.filler.clone(),
        all: Vec::new(),
    };
    let m = &mut marks;
    let mut map = Map::new(m.text(Field::MapTitle, Place::Map, false));
    map.meta.description = m.text(Field::MapText, Place::Map, false);
    map.meta.author = m.text(Field::Author, Place::Map, false);
    map.purpose.statement = m.text(Field::Purpose, Place::Map, false);
    map.purpose.public_value_proposition = m.text(Field::PurposeMore, Place::Map, false);
    map.purpose.authorising_environment = m.text(Field::PurposeMore, Place::Map, false);
    map.purpose.operational_capacity = m.text(Field::PurposeMore, Place::Map, false);
    map.purpose.what_the_public_values = m.text(Field::PurposeMore, Place::Map, false);
    map.purpose.what_adds_public_value = m.text(Field::PurposeMore, Place::Map, false);
    map.issues = (0..2)
        .map(|i| Issue {
            id: Id::from_raw(300 + i),
            name: m.text(Field::IssueName, Place::Map, false),
            description: m.text(Field::IssueText, Place::Map, false),
        })
        .collect();

    let people: Vec<Stakeholder> = spec
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| stakeholder_of(p, 1 + i as u64, &map.issues))
        .collect();
    map.stakeholders = people.clone();
    for s in &mut map.stakeholders {
        mark_stakeholder(s, m, Place::Map);
    }
    // The pair who share a word in their stated interests, tied to nobody.
    let shared = m.word();
    m.record(&shared, Field::Keyword, Place::Map, spec.keyword_secret);
    for raw in [100, 101] {
        let mut s = Stakeholder::new(Id::from_raw(raw), "");
        s.pos = Pos::new(-200.0, raw as f32 * 3.0);
        if spec.keyword_secret {
            s.confidential_fields.push(SensitiveField::StatedInterests);
        }
        mark_stakeholder(&mut s, m, Place::Map);
        s.stated_interests = format!("{} {shared}", s.stated_interests);
        map.stakeholders.push(s);
    }
    map.links = marked_links(spec, m, Place::Map);

    map.interactions = spec
        .contacts
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|t| (i, t)))
        .map(|(i, temperature)| Interaction {
            id: Id::from_raw(600 + i as u64),
            date: date(i as u32),
            with: vec![Id::from_raw(1 + i as u64)],
            summary: m.text(Field::Summary, Place::Map, true),
            temperature,
        })
        .collect();
    map.journal = (0..spec.journal)
        .map(|i| JournalEntry {
            id: Id::from_raw(700 + i as u64),
            date: date(i as u32),
            dimension: Dimension::ALL[i % Dimension::ALL.len()],
            text: m.text(Field::Journal, Place::Map, true),
            stakeholders: vec![Id::from_raw(1)],
        })
        .collect();
    map.assessments = (0..spec.assessments)
        .map(|i| SelfAssessment {
            id: Id::from_raw(800 + i as u64),
            date: date(i as u32),
            personal: rating(m),
            interpersonal: rating(m),
            reading: rating(m),
            alliances: rating(m),
            strategic: rating(m),
        })
        .collect();
    map.factors = (0..spec.factors)
        .map(|i| Factor {
            id: Id::from_raw(900 + i as u64),
            title: m.text(Field::FactorTitle, Place::Map, false),
            category: FactorCategory::ALL[i % FactorCategory::ALL.len()],
            description: m.text(Field::FactorText, Place::Map, false),
            likelihood: 3,
            impact: 4,
            horizon_months: 6,
            affects: vec![Id::from_raw(1)],
        })
        .collect();
    map.meetings = vec![Meeting {
        id: Id::from_raw(1000),
        title: m.text(Field::MeetingTitle, Place::Map, false),
        date: None,
        purpose: m.text(Field::MeetingPurpose, Place::Map, false),
        agenda: vec![AgendaItem {
            title: m.text(Field::Agenda, Place::Map, false),
            issues: vec![],
        }],
        invitees: map.stakeholders.iter().map(|s| s.id).collect(),
        table: TableShape::Round,
        seating: vec![],
    }];
    map.views = vec![SavedView {
        id: Id::from_raw(1100),
        name: m.text(Field::ViewName, Place::Map, false),
        lens: Lens::Reading,
        center: Pos::default(),
        zoom: 1.0,
        highlighted: vec![],
        filter: Default::default(),
    }];

    // The snapshot and the scenario hold copies of the people and links, marked afresh.
    let copies = |m: &mut Marks, place: Place| {
        let mut copy = people.clone();
        for s in &mut copy {
            mark_stakeholder(s, m, place);
        }
        (copy, marked_links(spec, m, place))
    };
    let (stakeholders, links) = copies(m, Place::Snapshot);
    map.snapshots = vec![Snapshot {
        id: Id::from_raw(1200),
        date: date(0),
        label: m.text(Field::SnapshotLabel, Place::Map, false),
        stakeholders,
        links,
    }];
    let (stakeholders, links) = copies(m, Place::Scenario);
    map.scenarios = vec![Scenario {
        id: Id::from_raw(1300),
        label: m.text(Field::ScenarioLabel, Place::Map, false),
        created: date(1),
        stakeholders,
        links,
    }];
    (map, marks.all)
}

/// The text a user of the format reads: JSON strings, CSV cells, XML text and attribute
/// values, Markdown text; the page itself for HTML and the terminal's text.
fn read_back(output: Output, raw: &str) -> Result<String, String> {
    match output {
        Output::Json | Output::AnalyseJson | Output::StatsJson | Output::DiffJson => {
            let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
            let mut out = String::new();
            strings(&value, &mut out);
            Ok(out)
        }
        Output::Csv => {
            let mut out = String::new();
            for table in raw.split('\u{0}') {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .from_reader(table.as_bytes());
                for record in reader.records() {
                    for cell in record.map_err(|e| e.to_string())?.iter() {
                        out.push_str(cell);
                        out.push('\n');
                    }
                }
            }
            Ok(out)
        }
        Output::Graphml | Output::Gexf | Output::Picture(_) => xml_text(raw),
        Output::ReportMd | Output::BriefMd => {
            use pulldown_cmark::{Event, Options, Parser};
            let mut out = String::new();
            for event in Parser::new_ext(raw, Options::ENABLE_TABLES) {
                match event {
                    Event::Text(text) | Event::Code(text) => {
                        out.push_str(&text);
                        out.push('\n');
                    }
                    Event::Html(html) | Event::InlineHtml(html) => {
                        return Err(format!("raw HTML in Markdown: {html}"));
                    }
                    _ => {}
                }
            }
            Ok(out)
        }
        _ => Ok(raw.to_owned()),
    }
}

fn strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(text) => {
            out.push_str(text);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn xml_text(raw: &str) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(raw);
    let mut out = String::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => {
                for attribute in e.attributes() {
                    let attribute = attribute.map_err(|e| e.to_string())?;
                    let value = String::from_utf8_lossy(&attribute.value);
                    let value = quick_xml::escape::unescape(&value).map_err(|e| e.to_string())?;
                    out.push_str(&value);
                    out.push('\n');
                }
            }
            Event::Text(text) => {
                out.push_str(&text.decode().map_err(|e| e.to_string())?);
                out.push('\n');
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| e.to_string())?;
                out.push_str(
                    &quick_xml::escape::unescape(&format!("&{name};")).unwrap_or_default(),
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Checks one output made with `include` against the rule; returns every failure.
fn judge(output: Output, include: bool, raw: &str, markers: &[Marker]) -> Vec<String> {
    let mut problems = Vec::new();
    let read = match read_back(output, raw) {
        Ok(text) => text,
        Err(e) => return vec![format!("{output:?}: cannot read it back: {e}")],
    };
    for m in markers {
        let allowed = include || !m.forbidden;
        if !allowed && raw.contains(&m.text) {
            problems.push(format!(
                "{output:?} leaks {:?} at {:?} ({})",
                m.field, m.place, m.text
            ));
        }
        if allowed && output.carries(m, include) && !read.contains(&m.text) {
            problems.push(format!(
                "{output:?}{} lost {:?} at {:?} ({})",
                if include { " with everything" } else { "" },
                m.field,
                m.place,
                m.text
            ));
        }
    }
    problems
}

/// The text of a PDF as a reader extracts it, without white space.
fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).map_err(|e| e.to_string())?;
    Ok(text.split_whitespace().collect())
}

/// Every output the library makes of `map`, with the redaction step `disclosure`.
fn library_outputs(map: &Map, disclosure: Disclosure) -> Result<Vec<(Output, String)>, String> {
    let shown: Shareable<'_> = disclosure.share(map);
    let meeting = map.meetings.first().ok_or("no meeting")?;
    let tables = spreadsheet::export_csv(&shown).map_err(|e| e.to_string())?;
    let the_brief = brief(&shown, meeting);
    let diff = compare_in_map(&shown, &["00000000000004b0".to_owned()], None)
        .map_err(|e| e.to_string())?;
    let json = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap_or_default();
    let mut outputs = vec![
        (
            Output::Json,
            export::json::to_json(&shown).map_err(|e| e.to_string())?,
        ),
        (
            Output::Csv,
            format!("{}\u{0}{}", tables.stakeholders, tables.links),
        ),
        (
            Output::Graphml,
            export::to_graphml(&shown).map_err(|e| e.to_string())?,
        ),
        (
            Output::Gexf,
            export::gexf::to_gexf(&shown).map_err(|e| e.to_string())?,
        ),
        (Output::ReportHtml, export::report_html(&shown)),
        (Output::ReportMd, export::report_markdown(&shown)),
        (Output::BriefHtml, the_brief.to_html()),
        (Output::BriefMd, the_brief.to_markdown()),
        (
            Output::BriefPdf,
            pdf_text(
                &the_brief
                    .to_pdf(export::Paper::A4)
                    .map_err(|e| e.to_string())?,
            )?,
        ),
        (Output::AnalyseText, analysis::to_text(&shown)),
        (Output::AnalyseJson, json(analysis::to_json(&shown))),
        (Output::DiffText, diff.to_text()),
        (Output::DiffJson, json(diff.to_json())),
    ];
    for chart in Chart::ALL {
        let scene = chart.scene(&shown, (1600.0, 1000.0), &SceneOptions::default());
        outputs.push((Output::Picture(chart), to_svg(&scene)));
        if chart == Chart::Map {
            let pdf = export::pdf::scene_to_pdf(&scene, "map").map_err(|e| e.to_string())?;
            outputs.push((Output::PicturePdf, pdf_text(&pdf)?));
        }
    }
    Ok(outputs)
}

fn check_library(spec: &Spec) -> Result<(), TestCaseError> {
    let (map, markers) = build(spec);
    let mut problems = Vec::new();
    for (disclosure, include) in [
        (Disclosure::Redacted, false),
        (Disclosure::IncludeConfidential, true),
    ] {
        let outputs = library_outputs(&map, disclosure).map_err(TestCaseError::fail)?;
        for (output, raw) in &outputs {
            problems.extend(judge(*output, include, raw, &markers));
        }
    }
    prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}

#[test]
fn no_output_of_a_map_with_one_of_everything_holds_a_forbidden_marker() -> Result<(), String> {
    check_library(&everything()).map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_output_of_the_library_holds_a_forbidden_marker(spec in spec()) {
        check_library(&spec)?;
    }
}

/// Runs `astute ARGS` in `dir`; the output is the file `out` when given, else stdout.
fn run_cli(dir: &std::path::Path, args: &[&str], out: Option<&str>) -> Result<String, String> {
    let run = astute(dir, args).map_err(|e| e.to_string())?;
    if code(&run) != Some(0) {
        return Err(format!("astute {}: {}", args.join(" "), stderr(&run)));
    }
    match out {
        Some(file) => fs::read_to_string(dir.join(file)).map_err(|e| format!("{file}: {e}")),
        None => Ok(stdout(&run)),
    }
}

/// Every output of the binary for the map in `dir`/map.ron.
fn cli_outputs(dir: &std::path::Path, include: bool) -> Result<Vec<(Output, String)>, String> {
    let all = |args: &[&'static str]| {
        let mut args = args.to_vec();
        if include {
            args.push("--include-confidential");
        }
        args
    };
    let export = |to: &'static str, out: &'static str| {
        all(&["export", "map.ron", "--to", to, "-o", out, "--force"])
    };
    let mut outputs = Vec::new();
    for (output, to, file) in [
        (Output::Json, "json", "out.json"),
        (Output::Graphml, "graphml", "out.graphml"),
        (Output::Gexf, "gexf", "out.gexf"),
        (Output::ReportHtml, "html", "out.html"),
        (Output::ReportMd, "md", "out.md"),
    ] {
        outputs.push((output, run_cli(dir, &export(to, file), Some(file))?));
    }
    let people = run_cli(dir, &export("csv", "out.csv"), Some("out.csv"))?;
    let links = fs::read_to_string(dir.join("out-links.csv")).map_err(|e| e.to_string())?;
    outputs.push((Output::Csv, format!("{people}\u{0}{links}")));
    let meeting = fs::read_to_string(dir.join("meeting.txt")).map_err(|e| e.to_string())?;
    for (output, file) in [
        (Output::BriefHtml, "brief.html"),
        (Output::BriefMd, "brief.md"),
        (Output::BriefPdf, "brief.pdf"),
    ] {
        let mut args = all(&["brief", "map.ron", "-o", file, "--force"]);
        args.extend(["--meeting", meeting.as_str()]);
        if output == Output::BriefPdf {
            run_cli(dir, &args, None)?;
            let bytes = fs::read(dir.join(file)).map_err(|e| e.to_string())?;
            outputs.push((output, pdf_text(&bytes)?));
        } else {
            outputs.push((output, run_cli(dir, &args, Some(file))?));
        }
    }
    run_cli(dir, &export("pdf", "map.pdf"), None)?;
    let bytes = fs::read(dir.join("map.pdf")).map_err(|e| e.to_string())?;
    outputs.push((Output::PicturePdf, pdf_text(&bytes)?));
    for (output, args) in [
        (Output::AnalyseText, all(&["analyse", "map.ron"])),
        (Output::AnalyseJson, all(&["analyse", "map.ron", "--json"])),
        (Output::StatsText, vec!["stats", "map.ron"]),
        (Output::StatsJson, vec!["stats", "map.ron", "--json"]),
        (
            Output::DiffText,
            vec!["diff", "map.ron", "--snapshot", "00000000000004b0"],
        ),
        (
            Output::DiffJson,
            vec![
                "diff",
                "map.ron",
                "--snapshot",
                "00000000000004b0",
                "--json",
            ],
        ),
    ] {
        outputs.push((output, run_cli(dir, &args, None)?));
    }
    for chart in Chart::ALL {
        let args = all(&[
            "export",
            "map.ron",
            "--to",
            "svg",
            "--chart",
            chart.name(),
            "-o",
            "out.svg",
            "--force",
        ]);
        outputs.push((
            Output::Picture(chart),
            run_cli(dir, &args, Some("out.svg"))?,
        ));
    }
    Ok(outputs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3, ..ProptestConfig::default() })]

    #[test]
    fn no_output_of_the_binary_holds_a_forbidden_marker(spec in spec()) {
        let (map, markers) = build(&spec);
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = to_ron_string(&map).map_err(|e| TestCaseError::fail(e.to_string()))?;
        fs::write(dir.path().join("map.ron"), text)
            .and_then(|()| fs::write(dir.path().join("meeting.txt"), &map.meetings[0].title))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut problems = Vec::new();
        for include in [false, true] {
            match cli_outputs(dir.path(), include) {
                Ok(outputs) => {
                    for (output, raw) in &outputs {
                        problems.extend(judge(*output, include, raw, &markers));
                    }
                }
                Err(e) => problems.push(e),
            }
        }
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

/// A map with one of everything: a wholly confidential stakeholder, one with some fields
/// flagged, a confidential and a plain link, contacts, a journal entry, a self-assessment, a
/// factor, and the shared word in confidential stated interests.
fn everything() -> Spec {
    Spec {
        people: vec![
            PersonSpec {
                confidential: true,
                flagged: [false; 6],
                kind: 0,
                sector: 0,
                power: 8,
                interest: 8,
                stance: -2,
                positions: [Some(1), Some(2)],
            },
            PersonSpec {
                confidential: false,
                flagged: [true, false, true, false, true, false],
                kind: 1,
                sector: 1,
                power: 3,
                interest: 7,
                stance: 2,
                positions: [Some(1), None],
            },
        ],
        links: vec![
            LinkSpec {
                from: 0,
                to: 1,
                kind: 2,
                confidential: true,
            },
            LinkSpec {
                from: 1,
                to: 0,
                kind: 0,
                confidential: false,
            },
        ],
        contacts: vec![Some(1), Some(-1)],
        journal: 1,
        assessments: 1,
        factors: 1,
        keyword_secret: true,
        filler: vec!["<&>".into(), "| *".into(), String::new()],
    }
}

/// The rule has something to find: every kind of marker is generated, forbidden and allowed.
#[test]
fn the_generated_maps_hold_every_kind_of_marker() {
    let (_, markers) = build(&everything());
    let kinds: BTreeSet<String> = markers
        .iter()
        .map(|m| format!("{:?} {:?} {}", m.field, m.place, m.forbidden))
        .collect();
    for wanted in [
        "Organisation Map true",
        "Organisation Map false",
        "Tag Snapshot true",
        "Role Scenario true",
        "Sensitive(InferredInterests) Map true",
        "Sensitive(Notes) Map false",
        "Sensitive(Plan) Scenario true",
        "LinkNote Map true",
        "LinkNote Snapshot false",
        "Summary Map true",
        "Journal Map true",
        "Assessment Map true",
        "FactorText Map false",
        "Keyword Map true",
    ] {
        assert!(kinds.contains(wanted), "no marker of {wanted}: {kinds:?}");
    }
    let words: BTreeSet<&str> = markers.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(words.len(), markers.len(), "markers are unique");
}
