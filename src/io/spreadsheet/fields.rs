//! The cells of the two tables as stakeholders and links: names, kinds, sectors, scores,
//! stances and tags read from the words spreadsheets use, links joined to stakeholders by name,
//! and imported stakeholders laid out on a circle.

use std::collections::HashMap;
use std::f32::consts::{FRAC_PI_2, TAU};

use super::read::*;
use super::write::*;
use crate::model::{
    AllianceDepth, Choice, IdAllocator, Kind, Link, LinkKind, Pos, SCORE_MAX, STANCE_MAX,
    STANCE_MIN, STRENGTH_MAX, STRENGTH_MIN, Sector, Stakeholder, StakeholderId, stance_label,
};

/// Link kinds by other names people use in spreadsheets (compared squashed: lowercase letters
/// and digits only).
pub(super) const LINK_KIND_ALIASES: &[(&str, LinkKind)] = &[
    ("aligned", LinkKind::Alignment),
    ("sharedinterest", LinkKind::Alignment),
    ("ally", LinkKind::Alliance),
    ("allies", LinkKind::Alliance),
    ("coalition", LinkKind::Alliance),
    ("conflict", LinkKind::Tension),
    ("friction", LinkKind::Tension),
    ("rivalry", LinkKind::Competition),
    ("rival", LinkKind::Competition),
    ("competitor", LinkKind::Competition),
    ("influences", LinkKind::Influence),
    ("authority", LinkKind::Authority),
    ("formal", LinkKind::Authority),
    ("funds", LinkKind::Funding),
    ("funder", LinkKind::Funding),
    ("referral", LinkKind::Referral),
    ("referrals", LinkKind::Referral),
    ("information", LinkKind::Referral),
    ("informationflow", LinkKind::Referral),
];

/// Kinds of stakeholder by other names.
pub(super) const KIND_ALIASES: &[(&str, Kind)] = &[
    ("organization", Kind::Organisation),
    ("org", Kind::Organisation),
    ("individual", Kind::Person),
    ("team", Kind::Group),
];

/// Sectors by other names.
pub(super) const SECTOR_ALIASES: &[(&str, Sector)] = &[
    ("public", Sector::Statutory),
    ("publicsector", Sector::Statutory),
    ("charity", Sector::Voluntary),
    ("thirdsector", Sector::Voluntary),
    ("vcs", Sector::Voluntary),
    ("vcse", Sector::Voluntary),
    ("voluntarysector", Sector::Voluntary),
    ("business", Sector::Private),
    ("privatesector", Sector::Private),
    ("nhs", Sector::Health),
];

/// Distance between neighbours on the circle of imported stakeholders, in map units.
pub(super) const CIRCLE_SPACING: f32 = 140.0;

/// The smallest circle, so a few stakeholders do not sit on top of one another.
pub(super) const CIRCLE_MIN_RADIUS: f32 = 200.0;

/// A name as the importer compares it: trimmed, inner spaces collapsed, lowercase.
pub(super) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Each stakeholder's name key → (line, id), for matching links by name.
pub(super) type Names = HashMap<String, (usize, StakeholderId)>;

/// Reads the stakeholders. Names are gathered from every row, even rows with other problems,
/// so that the links table is not blamed for them.
pub(super) fn stakeholders_from(
    sheet: &Sheet,
    ids: &mut IdAllocator,
    report: &mut Report,
) -> (Vec<Stakeholder>, Names) {
    let mut names = Names::new();
    let mut stakeholders = Vec::new();
    for row in &sheet.rows {
        let mut cells = Cells::new(sheet, row);
        let name = cells.text("name");
        let id = ids.next();
        if name.is_empty() {
            cells.fail(
                "name",
                "the name is empty; every stakeholder needs one".into(),
            );
        } else if let Some(&(first, _)) = names.get(&name_key(name)) {
            cells.fail(
                "name",
                format!("\"{name}\" is already the name of the stakeholder on line {first}"),
            );
        } else {
            names.insert(name_key(name), (row.line, id));
        }
        let stakeholder = row.readable.then(|| stakeholder_from(&mut cells, id));
        match stakeholder {
            Some(s) if cells.errors.is_empty() => stakeholders.push(s),
            _ => report.errors.append(&mut cells.errors),
        }
    }
    (stakeholders, names)
}

pub(super) fn stakeholder_from(cells: &mut Cells<'_>, id: StakeholderId) -> Stakeholder {
    let mut s = Stakeholder::new(id, cells.text("name"));
    s.organisation = cells.string("organisation");
    s.role = cells.string("role");
    s.kind = cells.read("kind", s.kind, |t| choice("kind", t, KIND_ALIASES));
    s.sector = cells.read("sector", s.sector, |t| choice("sector", t, SECTOR_ALIASES));
    s.power = cells.read("power", s.power, |t| score("power", t));
    s.interest = cells.read("interest", s.interest, |t| score("interest", t));
    s.stance = cells.read("stance", s.stance, stance);
    s.tags = tags(cells.text("tags"));
    s.notes = cells.string("notes");
    s.stated_interests = cells.string("stated_interests");
    s.inferred_interests = cells.string("inferred_interests");
    s.concerns = cells.string("concerns");
    s.values = cells.string("values");
    s
}

/// Reads the links, matching their ends by stakeholder name.
pub(super) fn links_from(
    sheet: &Sheet,
    names: &Names,
    ids: &mut IdAllocator,
    report: &mut Report,
) -> Vec<Link> {
    let mut links = Vec::new();
    for row in sheet.rows.iter().filter(|row| row.readable) {
        let mut cells = Cells::new(sheet, row);
        let from = end(&mut cells, "from", names);
        let to = end(&mut cells, "to", names);
        if from.is_some() && from == to {
            cells.fail("to", "a link cannot join a stakeholder to itself".into());
        }
        let kind = required_kind(&mut cells);
        let strength = cells.read("strength", 3, strength);
        let depth = cells.read("depth", None, |t| {
            choice::<AllianceDepth>("alliance depth", t, &[]).map(Some)
        });
        let note = cells.string("note");
        match (from, to, kind) {
            (Some(from), Some(to), Some(kind)) if cells.errors.is_empty() => {
                let mut link = Link::new(ids.next(), from, to, kind);
                link.strength = strength;
                link.depth = depth;
                link.note = note;
                links.push(link);
            }
            _ => report.errors.append(&mut cells.errors),
        }
    }
    links
}

/// The stakeholder named in `column`, or a problem when there is none by that name.
pub(super) fn end(cells: &mut Cells<'_>, column: &str, names: &Names) -> Option<StakeholderId> {
    let name = cells.text(column);
    if name.is_empty() {
        cells.fail(column, format!("`{column}` is empty; name a stakeholder"));
        return None;
    }
    let found = names.get(&name_key(name)).map(|&(_, id)| id);
    if found.is_none() {
        cells.fail(column, format!("no stakeholder is called \"{name}\""));
    }
    found
}

pub(super) fn required_kind(cells: &mut Cells<'_>) -> Option<LinkKind> {
    if cells.text("kind").is_empty() {
        let message = format!(
            "the link kind is empty; use one of: {}",
            labels::<LinkKind>()
        );
        cells.fail("kind", message);
        return None;
    }
    cells.read("kind", None, |t| {
        choice("link kind", t, LINK_KIND_ALIASES).map(Some)
    })
}

/// Lowercase letters and digits only, as [`Choice::from_name`] compares names.
pub(super) fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A choice by its label (loosely matched) or by one of `aliases`.
pub(super) fn choice<T: Choice>(
    what: &str,
    text: &str,
    aliases: &[(&str, T)],
) -> Result<T, String> {
    let key = squash(text);
    T::from_name(text)
        .or_else(|| {
            aliases
                .iter()
                .find(|(alias, _)| *alias == key)
                .map(|&(_, c)| c)
        })
        .ok_or_else(|| format!("unknown {what} `{text}`; use one of: {}", labels::<T>()))
}

pub(super) fn labels<T: Choice>() -> String {
    T::ALL
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn score(what: &str, text: &str) -> Result<f32, String> {
    let value: f32 = text
        .parse()
        .map_err(|_| format!("{what} `{text}` is not a number from 0 to 10"))?;
    if value.is_finite() && (0.0..=SCORE_MAX).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{what} {text} is out of range 0–10"))
    }
}

pub(super) fn stance(text: &str) -> Result<i8, String> {
    let number = text.replace('\u{2212}', "-");
    if let Ok(value) = number.parse::<i64>() {
        return i8::try_from(value)
            .ok()
            .filter(|v| (STANCE_MIN..=STANCE_MAX).contains(v))
            .ok_or_else(|| format!("stance {text} is out of range -2 to 2"));
    }
    let word = squash(text);
    let word = if word == "skeptical" {
        "sceptical".to_owned()
    } else {
        word
    };
    (STANCE_MIN..=STANCE_MAX)
        .find(|&v| squash(stance_label(v)) == word)
        .ok_or_else(|| {
            format!(
                "stance `{text}` is not a number from -2 to 2 or one of: opposed, sceptical, \
                 neutral, supportive, champion"
            )
        })
}

pub(super) fn strength(text: &str) -> Result<u8, String> {
    let value: i64 = text
        .parse()
        .map_err(|_| format!("strength `{text}` is not a whole number from 1 to 5"))?;
    u8::try_from(value)
        .ok()
        .filter(|v| (STRENGTH_MIN..=STRENGTH_MAX).contains(v))
        .ok_or_else(|| format!("strength {text} is out of range 1–5"))
}

/// Tags separated by `;`, trimmed, without empties or repeats, in the order given.
pub(super) fn tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(';').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// Places the stakeholders evenly on a circle, the first at the top, going clockwise.
pub(super) fn lay_out_in_circle(stakeholders: &mut [Stakeholder]) {
    let count = stakeholders.len() as f32;
    let radius = (count * CIRCLE_SPACING / TAU).max(CIRCLE_MIN_RADIUS);
    for (index, s) in stakeholders.iter_mut().enumerate() {
        let angle = TAU * index as f32 / count - FRAC_PI_2;
        s.pos = Pos::new(radius * angle.cos(), radius * angle.sin());
    }
}

/// `cell` as it was before [`neutralised`]: without the `'` before a formula character or
/// another `'`. Any other `'` is text, and kept.
pub(super) fn restored(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}
