//! A workshop's maps read together: 10–30 participants each map the same case, and the
//! facilitator wants to see where they agree and where they differ most.
//!
//! [`Workshop::read`] matches the stakeholders of every map (see below), then gives, for each
//! stakeholder ([`Person`]), who placed them and the spread ([`Spread`]: median, lowest,
//! highest) of their power, interest and stance; every tie ([`Tie`]) with who drew it; and the
//! disagreements ([`Disagreement`]), largest first ("power of Police force: 2 to 9").
//! [`Workshop::consensus_map`] makes a new map of the medians; [`Workshop::to_text`] and
//! [`Workshop::to_json`] give what `astute compare` prints.
//!
//! # Who is who
//!
//! Matching is [`crate::analysis::matching`]'s, applied to many maps by matching each map, in
//! the order given, against the **growing union** of the maps before it. A stakeholder of the
//! new map joins a person of the union when it matches *any* earlier participant's version of
//! them: first by id (maps copied from one file, e.g. the built-in example, share ids, so a
//! renamed partner is still found), then by folded name with the organisation to break ties,
//! then by a close name ("Barnados" for "Barnardo's"). Each tier is tried for every earlier
//! version before the next tier, so an id always wins over a name and a name over a close
//! name. What matches nothing becomes a new person. Each map's stakeholders join distinct
//! persons.
//!
//! **Order.** When ids and folded names are unambiguous (no map holds two stakeholders of one
//! name and organisation) and no close names form a chain ("Barnado" ~ "Barnados" ~
//! "Barnardos"), the persons found, their statistics, the ties and the disagreements do not
//! depend on the order of the maps; a test checks every order of five differing maps. In those
//! rare ambiguous cases, the earlier maps' spellings are tried first. Only the order in which
//! persons are listed (first seen first) and participants are numbered follows the order of
//! the maps; a person's name is the spelling most participants used (ties: the first in
//! character order), not the first map's.
//!
//! Links are the same tie when they join the same two persons with the same kind (either way
//! round for kinds without direction): matching's rule by ends. Link ids are not used, since a
//! participant who changed a copied link's kind drew another tie.
//!
//! Every map is read as the one redaction step lets it out ([`Shareable`]), so nothing here,
//! nor the consensus map, holds a confidential field: only names, organisations, kinds,
//! sectors, scores and links.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde_json::{Value, json};

use super::matching::{Identity, MatchOptions, MatchedBy, pair_items, stakeholder_identity};
use crate::disclose::Shareable;
use crate::model::{
    AllianceDepth, Choice, IdAllocator, Kind, Link, LinkId, LinkKind, Map, SCORE_MAX, STANCE_MAX,
    STANCE_MIN, Sector, Settings, SharedPurpose, Stakeholder, StakeholderId, stance_label,
};

/// Differences of score smaller than this are no disagreement.
const EPSILON: f32 = 1e-4;

/// How many disagreements [`Workshop::to_text`] lists before saying how many more there are.
pub const TEXT_DISAGREEMENTS: usize = 15;

/// Names longer than this are cut in [`Workshop::to_text`]'s table.
const NAME_COLUMN: usize = 40;

/// One participant's map in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    /// How the map is named in the comparison (its file name).
    pub label: String,
    /// The map's own title.
    pub title: String,
    /// How many stakeholders the map holds.
    pub stakeholders: usize,
    /// How many links the map holds.
    pub links: usize,
}

/// Where one participant placed one stakeholder.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// The participant, by index into [`Workshop::participants`].
    pub participant: usize,
    /// The stakeholder's id in that participant's map.
    pub id: StakeholderId,
    /// The name as that participant wrote it.
    pub name: String,
    /// The organisation as that participant wrote it.
    pub organisation: String,
    /// Organisation, person or group.
    pub kind: Kind,
    /// The sector.
    pub sector: Sector,
    /// Power, 0–10.
    pub power: f32,
    /// Interest, 0–10.
    pub interest: f32,
    /// Stance, −2..+2.
    pub stance: i8,
    /// Salience: legitimacy.
    pub legitimacy: bool,
    /// Salience: urgency.
    pub urgency: bool,
    /// The participant marked the whole stakeholder confidential.
    pub confidential: bool,
    /// The participant marked this stakeholder as "me".
    pub me: bool,
    /// How this placement was matched to the person; `None` for the first map that has them.
    pub matched: Option<MatchedBy>,
}

/// The spread of one score over the participants who gave one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The median (the mean of the two middle values when there is an even number).
    pub median: f32,
    /// The lowest value.
    pub low: f32,
    /// The highest value.
    pub high: f32,
}

impl Spread {
    /// The spread of `values`; all zero when there are none.
    pub fn of(values: impl IntoIterator<Item = f32>) -> Self {
        let mut values: Vec<f32> = values.into_iter().map(finite).collect();
        values.sort_by(f32::total_cmp);
        let (Some(&low), Some(&high)) = (values.first(), values.last()) else {
            return Self {
                median: 0.0,
                low: 0.0,
                high: 0.0,
            };
        };
        let middle = values.len() / 2;
        let median = if values.len() % 2 == 1 {
            values[middle]
        } else {
            (values[middle - 1] + values[middle]) / 2.0
        };
        Self { median, low, high }
    }

    /// Highest less lowest.
    pub fn range(&self) -> f32 {
        self.high - self.low
    }
}

/// One stakeholder as the participants placed them.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The name most participants used (ties: the first in character order, capitals first).
    pub name: String,
    /// Each participant's placement, in participant order.
    pub placements: Vec<Placement>,
    /// The spread of power.
    pub power: Spread,
    /// The spread of interest.
    pub interest: Spread,
    /// The spread of stance.
    pub stance: Spread,
}

impl Person {
    /// The placement by participant `participant`, if they placed this stakeholder.
    pub fn placed_by(&self, participant: usize) -> Option<&Placement> {
        self.placements
            .iter()
            .find(|p| p.participant == participant)
    }

    /// The other names participants gave this stakeholder, in alphabetical order.
    pub fn other_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .placements
            .iter()
            .map(|p| p.name.as_str())
            .filter(|name| *name != self.name)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The spread of one measure.
    pub fn spread(&self, measure: Measure) -> Spread {
        match measure {
            Measure::Power => self.power,
            Measure::Interest => self.interest,
            Measure::Stance => self.stance,
        }
    }

    /// The kind most participants gave (ties: the first in [`Kind::ALL`]).
    pub fn kind(&self) -> Kind {
        most_common(self.placements.iter().map(|p| p.kind)).unwrap_or(Kind::Organisation)
    }

    /// The sector most participants gave (ties: the first in [`Sector::ALL`]).
    pub fn sector(&self) -> Sector {
        most_common(self.placements.iter().map(|p| p.sector)).unwrap_or(Sector::Other)
    }

    /// The consensus stance: the median, a half rounded towards neutral.
    pub fn median_stance(&self) -> i8 {
        let median = self.stance.median;
        let rounded = if (median.abs().fract() - 0.5).abs() < EPSILON {
            median.trunc()
        } else {
            median.round()
        };
        (rounded as i8).clamp(STANCE_MIN, STANCE_MAX)
    }
}

/// One tie (two persons and a kind) and who drew it.
#[derive(Clone, Debug, PartialEq)]
pub struct Tie {
    /// One end (the source of a directed kind), by index into [`Workshop::people`].
    pub from: usize,
    /// The other end (the target of a directed kind).
    pub to: usize,
    /// What kind of tie it is.
    pub kind: LinkKind,
    /// The participants who drew it, in order.
    pub drawn_by: Vec<usize>,
    /// The spread of its strength, 1–5.
    pub strength: Spread,
    /// For alliances, the depth most of those who drew it gave.
    pub depth: Option<AllianceDepth>,
    /// The link's id in the first map that has it.
    pub first_id: LinkId,
}

/// What a disagreement is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Power over the shared purpose, 0–10.
    Power,
    /// Interest in the shared purpose, 0–10.
    Interest,
    /// Stance towards the shared purpose, −2..+2.
    Stance,
}

impl Measure {
    /// Every measure, in the order they are listed.
    pub const ALL: [Self; 3] = [Self::Power, Self::Interest, Self::Stance];

    /// The word for it ("power").
    pub fn label(self) -> &'static str {
        match self {
            Self::Power => "power",
            Self::Interest => "interest",
            Self::Stance => "stance",
        }
    }

    /// How wide its scale is: 10 for power and interest, 4 for stance.
    pub fn scale(self) -> f32 {
        match self {
            Self::Power | Self::Interest => SCORE_MAX,
            Self::Stance => f32::from(STANCE_MAX - STANCE_MIN),
        }
    }

    /// A value as the user reads it: "7", "6.5", or for stance "supportive (+1)".
    pub fn value(self, value: f32) -> String {
        match self {
            Self::Power | Self::Interest => number(value),
            Self::Stance if value.fract().abs() < EPSILON => {
                let stance = value as i8;
                format!(
                    "{} ({})",
                    stance_label(stance).to_lowercase(),
                    signed(value)
                )
            }
            Self::Stance => signed(value),
        }
    }

    /// A value in figures only: "7", "6.5", or for stance "+1".
    pub fn short(self, value: f32) -> String {
        match self {
            Self::Power | Self::Interest => number(value),
            Self::Stance => signed(value),
        }
    }
}

/// Participants who scored one stakeholder far apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// The stakeholder, by index into [`Workshop::people`].
    pub person: usize,
    /// The score they disagree on.
    pub measure: Measure,
    /// The spread of that score.
    pub spread: Spread,
    /// The participants who gave the lowest value.
    pub low_by: Vec<usize>,
    /// The participants who gave the highest value.
    pub high_by: Vec<usize>,
    /// The range as a share of the scale, 0–1: what the list is sorted by.
    pub size: f32,
    /// The standard deviation as a share of the scale: breaks ties of `size` (a split room
    /// before one outlier).
    pub deviation: f32,
}

/// A workshop's maps read together, as returned by [`Workshop::read`].
#[derive(Clone, Debug, PartialEq)]
pub struct Workshop {
    /// The maps compared, in the order given.
    pub participants: Vec<Participant>,
    /// Every stakeholder any participant placed, first seen first.
    pub people: Vec<Person>,
    /// Every tie any participant drew, most drawn first.
    pub ties: Vec<Tie>,
    /// Every disagreement, largest first.
    pub disagreements: Vec<Disagreement>,
    /// The maps' settings when they all agree, else the defaults.
    pub settings: Settings,
    /// The title most maps have.
    pub title: String,
    /// The maps' shared purpose when they all agree.
    pub purpose: Option<SharedPurpose>,
}

/// A person being formed while the maps are read: every id, name and spelling seen so far.
#[derive(Default)]
struct Forming {
    placements: Vec<Placement>,
    /// Distinct ids, first seen first.
    ids: Vec<u64>,
    /// Distinct folded (name, organisation) pairs.
    names: Vec<(String, String)>,
    /// Distinct folded names.
    spellings: Vec<String>,
}

impl Forming {
    fn learn(&mut self, identity: &Identity) {
        if !self.ids.contains(&identity.id) {
            self.ids.push(identity.id);
        }
        let pair = (identity.name.clone(), identity.tie.clone());
        if !self.names.contains(&pair) {
            self.names.push(pair);
        }
        if !self.spellings.contains(&identity.name) {
            self.spellings.push(identity.name.clone());
        }
    }
}

/// The three tiers of matching, tried in order for every version of every person.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tier {
    Id,
    Name,
    CloseName,
}

/// Which person (by index into `people`) each of `own` joins, and how: each person at most
/// once. Tier by tier, and within a tier layer by layer (each person's first-seen id, name or
/// spelling first), so that an id beats a name and a name a close name.
fn assign(people: &[Forming], own: &[Identity]) -> Vec<Option<(usize, MatchedBy)>> {
    let mut found: Vec<Option<(usize, MatchedBy)>> = vec![None; own.len()];
    let mut taken = vec![false; people.len()];
    for tier in [Tier::Id, Tier::Name, Tier::CloseName] {
        let layers = people
            .iter()
            .map(|p| match tier {
                Tier::Id => p.ids.len(),
                Tier::Name => p.names.len(),
                Tier::CloseName => p.spellings.len(),
            })
            .max()
            .unwrap_or(0);
        for layer in 0..layers {
            let right: Vec<usize> = (0..own.len()).filter(|&i| found[i].is_none()).collect();
            if right.is_empty() {
                return found;
            }
            // Ids had their turn in the first tier: later tiers give the two sides ids that
            // never meet.
            let left: Vec<(usize, Identity)> = people
                .iter()
                .enumerate()
                .filter(|(g, _)| !taken[*g])
                .filter_map(|(g, p)| {
                    let identity = match tier {
                        Tier::Id => Identity {
                            id: *p.ids.get(layer)?,
                            ..Identity::default()
                        },
                        Tier::Name => {
                            let (name, tie) = p.names.get(layer)?;
                            Identity {
                                id: 0,
                                name: name.clone(),
                                tie: tie.clone(),
                            }
                        }
                        Tier::CloseName => Identity {
                            id: 0,
                            name: p.spellings.get(layer)?.clone(),
                            tie: String::new(),
                        },
                    };
                    Some((g, identity))
                })
                .collect();
            if left.is_empty() {
                continue;
            }
            let right_identities: Vec<Identity> = right
                .iter()
                .map(|&i| match tier {
                    Tier::Id => Identity {
                        id: own[i].id,
                        ..Identity::default()
                    },
                    Tier::Name => Identity {
                        id: 1,
                        ..own[i].clone()
                    },
                    Tier::CloseName => Identity {
                        id: 1,
                        name: own[i].name.clone(),
                        tie: String::new(),
                    },
                })
                .collect();
            let left_identities: Vec<Identity> = left.iter().map(|(_, i)| i.clone()).collect();
            let options = MatchOptions {
                close_names: tier == Tier::CloseName,
            };
            let pairing = pair_items(&left_identities, &right_identities, options);
            for (l, r, by) in pairing.pairs {
                let person = left[l].0;
                taken[person] = true;
                found[right[r]] = Some((person, by));
            }
        }
    }
    found
}

impl Workshop {
    /// Reads `maps` together, each named by its label (a file name), in the order given.
    pub fn read(maps: &[(String, Shareable<'_>)]) -> Self {
        let mut forming: Vec<Forming> = Vec::new();
        // For each participant, the person each of their stakeholders joined.
        let mut joined: Vec<HashMap<StakeholderId, usize>> = Vec::with_capacity(maps.len());
        for (participant, (_, shown)) in maps.iter().enumerate() {
            let map = shown.map();
            let own: Vec<Identity> = map.stakeholders.iter().map(stakeholder_identity).collect();
            let found = assign(&forming, &own);
            let mut mine = HashMap::with_capacity(own.len());
            for ((s, identity), found) in map.stakeholders.iter().zip(&own).zip(found) {
                let (person, matched) = match found {
                    Some((person, by)) => (person, Some(by)),
                    None => {
                        forming.push(Forming::default());
                        (forming.len() - 1, None)
                    }
                };
                let entry = &mut forming[person];
                entry.learn(identity);
                entry
                    .placements
                    .push(placement(participant, s, map.me == Some(s.id), matched));
                mine.insert(s.id, person);
            }
            joined.push(mine);
        }

        let people: Vec<Person> = forming
            .into_iter()
            .map(|f| person_of(f.placements))
            .collect();
        let ties = tally_ties(maps, &joined, &people);
        let disagreements = disagreements(&people);
        let participants = maps
            .iter()
            .map(|(label, shown)| Participant {
                label: label.clone(),
                title: shown.meta.title.clone(),
                stakeholders: shown.stakeholders.len(),
                links: shown.links.len(),
            })
            .collect();
        let settings = agreed(maps.iter().map(|(_, m)| &m.settings)).unwrap_or_default();
        let purpose = agreed(maps.iter().map(|(_, m)| &m.purpose));
        let title = most_common_text(maps.iter().map(|(_, m)| m.meta.title.trim()))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "Workshop".to_owned());
        Self {
            participants,
            people,
            ties,
            disagreements,
            settings,
            title,
            purpose,
        }
    }

    /// The label of participant `index` ("" if there is none).
    pub fn label(&self, index: usize) -> &str {
        self.participants
            .get(index)
            .map_or("", |p| p.label.as_str())
    }

    /// The name of person `index` ("(unknown)" if there is none).
    pub fn name(&self, index: usize) -> &str {
        self.people
            .get(index)
            .map_or("(unknown)", |p| p.name.as_str())
    }

    /// Does a count of `count` participants make at least half of them?
    pub fn at_least_half(&self, count: usize) -> bool {
        count > 0 && count * 2 >= self.participants.len()
    }

    /// The persons that only some participants placed, fewest first (then by name).
    pub fn only_some(&self) -> Vec<usize> {
        let all = self.participants.len();
        let mut some: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.people[i].placements.len() < all)
            .collect();
        some.sort_by(|&a, &b| {
            let (pa, pb) = (&self.people[a], &self.people[b]);
            pa.placements
                .len()
                .cmp(&pb.placements.len())
                .then_with(|| pa.name.cmp(&pb.name))
        });
        some
    }

    /// The participants who did not place person `index`.
    pub fn missing_from(&self, index: usize) -> Vec<usize> {
        let Some(person) = self.people.get(index) else {
            return Vec::new();
        };
        (0..self.participants.len())
            .filter(|&p| person.placed_by(p).is_none())
            .collect()
    }

    /// The ties drawn by at least half of the participants (those of the consensus map).
    pub fn consensus_ties(&self) -> impl Iterator<Item = &Tie> {
        self.ties
            .iter()
            .filter(|t| self.at_least_half(t.drawn_by.len()))
    }

    /// The ties only one participant drew (when more than one map is compared).
    pub fn lone_ties(&self) -> impl Iterator<Item = &Tie> {
        let many = self.participants.len() > 1;
        self.ties
            .iter()
            .filter(move |t| many && t.drawn_by.len() == 1)
    }

    /// The ties more than one but fewer than half of the participants drew.
    pub fn middle_ties(&self) -> impl Iterator<Item = &Tie> {
        self.ties
            .iter()
            .filter(|t| t.drawn_by.len() > 1 && !self.at_least_half(t.drawn_by.len()))
    }

    /// Every placement matched by a close name, with its person: guesses a facilitator
    /// should check.
    pub fn close_matches(&self) -> Vec<(usize, &Placement)> {
        self.people
            .iter()
            .enumerate()
            .flat_map(|(i, person)| {
                person
                    .placements
                    .iter()
                    .filter(|p| p.matched == Some(MatchedBy::CloseName))
                    .map(move |p| (i, p))
            })
            .collect()
    }

    /// The tie in words: "Police force → Victim Support (funding)", "A – B (alliance)".
    pub fn describe_tie(&self, tie: &Tie) -> String {
        self.describe_tie_with(tie, "→")
    }

    /// [`Self::describe_tie`] with `arrow` between the ends of a directed tie (for type that
    /// has no arrow: "to").
    pub fn describe_tie_with(&self, tie: &Tie, arrow: &str) -> String {
        let arrow = if tie.kind.is_directed() { arrow } else { "–" };
        format!(
            "{} {arrow} {} ({})",
            self.name(tie.from),
            self.name(tie.to),
            tie.kind.label().to_lowercase()
        )
    }

    /// The disagreement in words: "power of Police force: 2 to 9".
    pub fn describe(&self, d: &Disagreement) -> String {
        format!(
            "{} of {}: {} to {}",
            d.measure.label(),
            self.name(d.person),
            d.measure.value(d.spread.low),
            d.measure.value(d.spread.high)
        )
    }

    /// Labels of `participants`, joined with commas.
    pub fn labels(&self, participants: &[usize]) -> String {
        participants
            .iter()
            .map(|&p| self.label(p))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A new map of what the participants agree on: every stakeholder placed by at least half
    /// of them, with the most common name, kind, sector and organisation, the median power and
    /// interest (to a tenth), the median stance (a half rounded towards neutral), legitimacy
    /// and urgency where most gave them, laid out on the power–interest grid; and every tie
    /// drawn by at least half, with its median strength. Ids are those of the first map that
    /// has each stakeholder or link, where no other took them first, so a consensus of copies
    /// of one map compares with it by id. Settings and purpose are kept where all maps agree.
    pub fn consensus_map(&self) -> Map {
        let count = self.participants.len();
        let mut map = Map::new(format!("{}: consensus of {count} maps", self.title));
        map.meta.description = format!(
            "The median power, interest and stance of {count} participants' maps ({}), for the \
             stakeholders at least half of them placed, and the links at least half drew.",
            self.labels(&(0..count).collect::<Vec<_>>())
        );
        map.settings = self.settings.clone();
        if let Some(purpose) = &self.purpose {
            map.purpose = purpose.clone();
        }
        let mut used: std::collections::HashSet<u64> = std::collections::HashSet::new();
        let mut fresh = IdAllocator::with_rng(&Map::default(), fastrand::Rng::with_seed(15));
        let mut ids: HashMap<usize, StakeholderId> = HashMap::new();
        let mut me: Option<(usize, StakeholderId)> = None;
        for (index, person) in self.people.iter().enumerate() {
            if !self.at_least_half(person.placements.len()) {
                continue;
            }
            let first = person.placements.first().map(|p| p.id);
            let id = match first {
                Some(id) if used.insert(id.raw()) => id,
                _ => loop {
                    let id: StakeholderId = fresh.next();
                    if used.insert(id.raw()) {
                        break id;
                    }
                },
            };
            ids.insert(index, id);
            let mut s = Stakeholder::new(id, person.name.clone());
            s.organisation = most_common_text(
                person
                    .placements
                    .iter()
                    .map(|p| p.organisation.trim())
                    .filter(|o| !o.is_empty()),
            )
            .unwrap_or_default();
            s.kind = person.kind();
            s.sector = person.sector();
            s.power = tenth(person.power.median);
            s.interest = tenth(person.interest.median);
            s.stance = person.median_stance();
            let most = |flag: fn(&Placement) -> bool| {
                person.placements.iter().filter(|p| flag(p)).count() * 2 > person.placements.len()
            };
            s.legitimacy = most(|p| p.legitimacy);
            s.urgency = most(|p| p.urgency);
            s.confidential = person.placements.iter().any(|p| p.confidential);
            let mine = person.placements.iter().filter(|p| p.me).count();
            if self.at_least_half(mine) && me.is_none_or(|(best, _)| mine > best) {
                me = Some((mine, id));
            }
            map.stakeholders.push(s);
        }
        map.me = me.map(|(_, id)| id);
        for tie in self.consensus_ties() {
            let (Some(&from), Some(&to)) = (ids.get(&tie.from), ids.get(&tie.to)) else {
                continue;
            };
            let id = if used.insert(tie.first_id.raw()) {
                tie.first_id
            } else {
                loop {
                    let id: LinkId = fresh.next();
                    if used.insert(id.raw()) {
                        break id;
                    }
                }
            };
            let mut link = Link::new(id, from, to, tie.kind);
            link.strength = (tie.strength.median.round() as u8)
                .clamp(crate::model::STRENGTH_MIN, crate::model::STRENGTH_MAX);
            link.depth = tie.depth.filter(|_| tie.kind == LinkKind::Alliance);
            map.links.push(link);
        }
        let positions =
            crate::layout::power_interest_grid(&map, crate::layout::GridParams::default());
        for (id, pos) in positions {
            if let Some(s) = map.stakeholder_mut(id) {
                s.pos = pos;
            }
        }
        map
    }

    /// A readable report: the maps, the largest disagreements first (at most
    /// [`TEXT_DISAGREEMENTS`]), every stakeholder's spread, who only some thought of, the
    /// ties at least half drew, those some drew and those only one drew, and every name
    /// written otherwise, with how it was matched (close names to check).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let n = self.participants.len();
        let _ = writeln!(
            out,
            "Workshop: {n} maps of \"{}\" read together",
            self.title
        );
        for (i, p) in self.participants.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}. {}: {} stakeholders, {} links",
                i + 1,
                p.label,
                p.stakeholders,
                p.links
            );
        }

        out.push_str("\nLargest disagreements first\n");
        if self.disagreements.is_empty() {
            out.push_str("  None: every participant gave every stakeholder the same scores.\n");
        }
        for d in self.disagreements.iter().take(TEXT_DISAGREEMENTS) {
            let _ = writeln!(
                out,
                "  {} (median {}; {}: {}; {}: {})",
                self.describe(d),
                d.measure.short(d.spread.median),
                d.measure.short(d.spread.low),
                self.labels(&d.low_by),
                d.measure.short(d.spread.high),
                self.labels(&d.high_by),
            );
        }
        match self.disagreements.len().saturating_sub(TEXT_DISAGREEMENTS) {
            0 => {}
            1 => out.push_str("  … and 1 smaller one (--json lists them all)\n"),
            more => {
                let _ = writeln!(out, "  … and {more} smaller ones (--json lists them all)");
            }
        }

        out.push_str(
            "\nStakeholders: how many placed them; power, interest and stance as median \
             (lowest to highest)\n",
        );
        let cells: Vec<[String; 5]> = self
            .people
            .iter()
            .map(|person| {
                let cell = |measure: Measure| {
                    let s = person.spread(measure);
                    let value = |v: f32| measure.short(v);
                    if s.range() > EPSILON {
                        format!(
                            "{} {} ({} to {})",
                            measure.label(),
                            value(s.median),
                            value(s.low),
                            value(s.high)
                        )
                    } else {
                        format!("{} {}", measure.label(), value(s.median))
                    }
                };
                [
                    elide(&person.name, NAME_COLUMN),
                    format!("{} of {n}", person.placements.len()),
                    cell(Measure::Power),
                    cell(Measure::Interest),
                    cell(Measure::Stance),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..5)
            .map(|c| {
                cells
                    .iter()
                    .map(|row| row[c].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &cells {
            let line: Vec<String> = row
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(c, (cell, &width))| match c {
                    1 => format!("{cell:>width$}"),
                    4 => cell.clone(),
                    _ => format!("{cell:<width$}"),
                })
                .collect();
            let _ = writeln!(out, "  {}", line.join("  "));
        }

        let some = self.only_some();
        if !some.is_empty() {
            out.push_str("\nThought of by only some\n");
            for index in some {
                let person = &self.people[index];
                let placed: Vec<usize> = person.placements.iter().map(|p| p.participant).collect();
                let who = if placed.len() * 2 <= n {
                    format!("only {}", self.labels(&placed))
                } else {
                    format!("not {}", self.labels(&self.missing_from(index)))
                };
                let _ = writeln!(out, "  {}: {} of {n} ({who})", person.name, placed.len());
            }
        }

        out.push_str("\nLinks drawn by at least half\n");
        let mut any = false;
        for tie in self.consensus_ties() {
            any = true;
            let _ = writeln!(
                out,
                "  {}: {} of {n}",
                self.describe_tie(tie),
                tie.drawn_by.len()
            );
        }
        if !any {
            out.push_str("  None.\n");
        }
        let between: Vec<&Tie> = self.middle_ties().collect();
        if !between.is_empty() {
            out.push_str("\nLinks some drew\n");
            for tie in between {
                let _ = writeln!(
                    out,
                    "  {}: {} of {n} ({})",
                    self.describe_tie(tie),
                    tie.drawn_by.len(),
                    self.labels(&tie.drawn_by)
                );
            }
        }
        let lone: Vec<&Tie> = self.lone_ties().collect();
        if !lone.is_empty() {
            out.push_str("\nLinks only one drew\n");
            for tie in lone {
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    self.describe_tie(tie),
                    self.labels(&tie.drawn_by)
                );
            }
        }

        let renamed: Vec<(usize, &Placement)> = self
            .people
            .iter()
            .enumerate()
            .flat_map(|(i, person)| {
                person
                    .placements
                    .iter()
                    .filter(move |p| p.name != person.name)
                    .map(move |p| (i, p))
            })
            .collect();
        if !renamed.is_empty() {
            out.push_str("\nNamed otherwise (check the close names)\n");
            for (index, placement) in renamed {
                let how = match placement.matched {
                    Some(MatchedBy::CloseName) => "by a close name: check",
                    Some(by) => by.label(),
                    None => "the first to place them",
                };
                let _ = writeln!(
                    out,
                    "  {}: \"{}\" in {} ({how})",
                    self.name(index),
                    placement.name,
                    self.label(placement.participant),
                );
            }
        }
        out
    }

    /// The comparison as JSON. Field names are stable:
    ///
    /// - `title`, `participants`: `[{label, title, stakeholders, links}]`;
    /// - `stakeholders`: `[{name, other_names, placed_by, of, power, interest, stance,
    ///   placements}]`, each spread `{median, low, high}`, each placement `{participant, name,
    ///   power, interest, stance, matched_by}` (`matched_by`: `id`, `name`, `close_name`, or
    ///   `null` for the first map that has them);
    /// - `disagreements`, largest first: `[{stakeholder, measure, low, high, median, size,
    ///   low_by, high_by, text}]` (`size`: the range as a share of the scale);
    /// - `only_some`: `[{stakeholder, placed_by, missing_from}]`;
    /// - `links`, most drawn first: `[{from, to, kind, directed, drawn_by, count,
    ///   strength}]`.
    pub fn to_json(&self) -> Value {
        let spread = |s: Spread| json!({ "median": s.median, "low": s.low, "high": s.high });
        let labels =
            |list: &[usize]| -> Vec<&str> { list.iter().map(|&p| self.label(p)).collect() };
        let stakeholders: Vec<Value> = self
            .people
            .iter()
            .map(|person| {
                let placements: Vec<Value> = person
                    .placements
                    .iter()
                    .map(|p| {
                        json!({
                            "participant": self.label(p.participant),
                            "name": p.name,
                            "power": p.power,
                            "interest": p.interest,
                            "stance": p.stance,
                            "matched_by": p.matched.map(matched_key),
                        })
                    })
                    .collect();
                json!({
                    "name": person.name,
                    "other_names": person.other_names(),
                    "placed_by": person.placements.len(),
                    "of": self.participants.len(),
                    "power": spread(person.power),
                    "interest": spread(person.interest),
                    "stance": spread(person.stance),
                    "placements": placements,
                })
            })
            .collect();
        let disagreements: Vec<Value> = self
            .disagreements
            .iter()
            .map(|d| {
                json!({
                    "stakeholder": self.name(d.person),
                    "measure": d.measure.label(),
                    "low": d.spread.low,
                    "high": d.spread.high,
                    "median": d.spread.median,
                    "size": d.size,
                    "low_by": labels(&d.low_by),
                    "high_by": labels(&d.high_by),
                    "text": self.describe(d),
                })
            })
            .collect();
        let only_some: Vec<Value> = self
            .only_some()
            .into_iter()
            .map(|index| {
                let placed: Vec<usize> = self.people[index]
                    .placements
                    .iter()
                    .map(|p| p.participant)
                    .collect();
                json!({
                    "stakeholder": self.name(index),
                    "placed_by": labels(&placed),
                    "missing_from": labels(&self.missing_from(index)),
                })
            })
            .collect();
        let links: Vec<Value> = self
            .ties
            .iter()
            .map(|t| {
                json!({
                    "from": self.name(t.from),
                    "to": self.name(t.to),
                    "kind": kind_key(t.kind),
                    "directed": t.kind.is_directed(),
                    "drawn_by": labels(&t.drawn_by),
                    "count": t.drawn_by.len(),
                    "strength": spread(t.strength),
                })
            })
            .collect();
        json!({
            "title": self.title,
            "participants": self.participants.iter().map(|p| json!({
                "label": p.label,
                "title": p.title,
                "stakeholders": p.stakeholders,
                "links": p.links,
            })).collect::<Vec<_>>(),
            "stakeholders": stakeholders,
            "disagreements": disagreements,
            "only_some": only_some,
            "links": links,
        })
    }
}

fn placement(
    participant: usize,
    s: &Stakeholder,
    me: bool,
    matched: Option<MatchedBy>,
) -> Placement {
    Placement {
        participant,
        id: s.id,
        name: s.name.clone(),
        organisation: s.organisation.clone(),
        kind: s.kind,
        sector: s.sector,
        power: score(s.power),
        interest: score(s.interest),
        stance: s.stance.clamp(STANCE_MIN, STANCE_MAX),
        legitimacy: s.legitimacy,
        urgency: s.urgency,
        confidential: s.confidential,
        me,
        matched,
    }
}

fn person_of(placements: Vec<Placement>) -> Person {
    let name = most_common_text(placements.iter().map(|p| p.name.as_str())).unwrap_or_default();
    Person {
        name,
        power: Spread::of(placements.iter().map(|p| p.power)),
        interest: Spread::of(placements.iter().map(|p| p.interest)),
        stance: Spread::of(placements.iter().map(|p| f32::from(p.stance))),
        placements,
    }
}

/// Every tie drawn, most drawn first (then by kind, then by the names of its ends).
fn tally_ties(
    maps: &[(String, Shareable<'_>)],
    joined: &[HashMap<StakeholderId, usize>],
    people: &[Person],
) -> Vec<Tie> {
    // (from, to, kind) → (tie, strengths, depths)
    let mut ties: Vec<(Tie, Vec<f32>, Vec<Option<AllianceDepth>>)> = Vec::new();
    let mut index: HashMap<(usize, usize, LinkKind), usize> = HashMap::new();
    for (participant, ((_, shown), mine)) in maps.iter().zip(joined).enumerate() {
        for link in &shown.links {
            let (Some(&a), Some(&b)) = (mine.get(&link.from), mine.get(&link.to)) else {
                continue;
            };
            let (from, to) = if link.kind.is_directed() || a <= b {
                (a, b)
            } else {
                (b, a)
            };
            let key = (from, to, link.kind);
            let at = *index.entry(key).or_insert_with(|| {
                ties.push((
                    Tie {
                        from,
                        to,
                        kind: link.kind,
                        drawn_by: Vec::new(),
                        strength: Spread::of(std::iter::empty()),
                        depth: None,
                        first_id: link.id,
                    },
                    Vec::new(),
                    Vec::new(),
                ));
                ties.len() - 1
            });
            let (tie, strengths, depths) = &mut ties[at];
            // A participant who drew one tie twice drew it once.
            if tie.drawn_by.last() != Some(&participant) {
                tie.drawn_by.push(participant);
                strengths.push(f32::from(link.strength));
                depths.push(link.depth);
            }
        }
    }
    let mut ties: Vec<Tie> = ties
        .into_iter()
        .map(|(mut tie, strengths, depths)| {
            tie.strength = Spread::of(strengths);
            tie.depth = most_common(depths.into_iter()).flatten();
            tie
        })
        .collect();
    let name = |i: usize| people.get(i).map_or("", |p| p.name.as_str());
    // Ends of a tie without direction in the order of their names, so that it reads the same
    // whatever the order of the maps.
    for tie in &mut ties {
        if !tie.kind.is_directed() && name(tie.to) < name(tie.from) {
            std::mem::swap(&mut tie.from, &mut tie.to);
        }
    }
    ties.sort_by(|a, b| {
        b.drawn_by
            .len()
            .cmp(&a.drawn_by.len())
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| name(a.from).cmp(name(b.from)))
            .then_with(|| name(a.to).cmp(name(b.to)))
    });
    ties
}

/// Every score on which participants differ, largest share of its scale first.
fn disagreements(people: &[Person]) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for (index, person) in people.iter().enumerate() {
        if person.placements.len() < 2 {
            continue;
        }
        for measure in Measure::ALL {
            let spread = person.spread(measure);
            if spread.range() <= EPSILON {
                continue;
            }
            let value = |p: &Placement| match measure {
                Measure::Power => p.power,
                Measure::Interest => p.interest,
                Measure::Stance => f32::from(p.stance),
            };
            let at = |v: f32| -> Vec<usize> {
                person
                    .placements
                    .iter()
                    .filter(|p| (value(p) - v).abs() <= EPSILON)
                    .map(|p| p.participant)
                    .collect()
            };
            let count = person.placements.len() as f32;
            let mean = person.placements.iter().map(value).sum::<f32>() / count;
            let variance = person
                .placements
                .iter()
                .map(|p| (value(p) - mean).powi(2))
                .sum::<f32>()
                / count;
            out.push(Disagreement {
                person: index,
                measure,
                spread,
                low_by: at(spread.low),
                high_by: at(spread.high),
                size: spread.range() / measure.scale(),
                deviation: variance.sqrt() / measure.scale(),
            });
        }
    }
    out.sort_by(|a, b| {
        b.size
            .total_cmp(&a.size)
            .then_with(|| b.deviation.total_cmp(&a.deviation))
            .then_with(|| people[a.person].name.cmp(&people[b.person].name))
            .then_with(|| a.measure.cmp(&b.measure))
    });
    out
}

/// The value every item has, if they all have the same one (and there is at least one).
fn agreed<'a, T: PartialEq + Clone + 'a>(mut items: impl Iterator<Item = &'a T>) -> Option<T> {
    let first = items.next()?;
    items.all(|item| item == first).then(|| first.clone())
}

/// The most common value; ties go to the smallest.
fn most_common<T: Ord>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for value in values {
        *counts.entry(value).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    counts.into_iter().find(|(_, c)| *c == best).map(|(v, _)| v)
}

/// The most common text; ties go to the first in alphabetical order.
fn most_common_text<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    most_common(values).map(str::to_owned)
}

/// A score held to 0–10, anything not a number read as 0.
fn score(value: f32) -> f32 {
    finite(value).clamp(0.0, SCORE_MAX)
}

fn finite(value: f32) -> f32 {
    if value.is_finite() { value } else { 0.0 }
}

/// Rounded to a tenth.
fn tenth(value: f32) -> f32 {
    (value * 10.0).round() / 10.0
}

/// `text` cut to at most `chars` characters, the last an ellipsis.
fn elide(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// "7", "6.5", "6.3": at most one decimal, none when whole.
pub fn number(value: f32) -> String {
    let rounded = tenth(value);
    if rounded.fract().abs() < EPSILON {
        format!("{}", rounded as i32)
    } else {
        format!("{rounded:.1}")
    }
}

/// A stance-like value with its sign: "+1", "−0.5", "0".
fn signed(value: f32) -> String {
    let text = number(value.abs());
    if value > EPSILON {
        format!("+{text}")
    } else if value < -EPSILON {
        format!("−{text}")
    } else {
        "0".to_owned()
    }
}

fn matched_key(by: MatchedBy) -> &'static str {
    match by {
        MatchedBy::Id => "id",
        MatchedBy::Name => "name",
        MatchedBy::CloseName => "close_name",
        MatchedBy::Ends => "ends",
    }
}

/// The JSON key of a link kind, as `astute stats` writes it.
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

#[cfg(test)]
mod tests;
