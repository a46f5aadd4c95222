//! Everything else a map holds beside stakeholders and links: the shared purpose, issues, the
//! interaction log, the journal, self-assessments, the horizon scan, meetings, snapshots,
//! scenarios and saved views.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::{
    AssessmentId, EntryId, FactorId, InteractionId, IssueId, Link, MeetingId, ScenarioId,
    SnapshotId, Stakeholder, StakeholderId, ViewId,
};

/// Title, author and dates of a map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    /// The map's title.
    pub title: String,
    /// What the map is about.
    pub description: String,
    /// Who made it.
    pub author: String,
    /// When it was created.
    pub created: Option<NaiveDate>,
    /// When it was last saved from the app.
    pub modified: Option<NaiveDate>,
}

/// The shared purpose of the partnership (lens 5), in Moore's and Benington's terms.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SharedPurpose {
    /// The purpose in one sentence.
    pub statement: String,
    /// Moore: the public value the partnership proposes to create.
    pub public_value_proposition: String,
    /// Moore: who authorises and legitimises the work.
    pub authorising_environment: String,
    /// Moore: the people, money and skills to deliver it.
    pub operational_capacity: String,
    /// Benington: what the public values.
    pub what_the_public_values: String,
    /// Benington: what adds value to the public sphere.
    pub what_adds_public_value: String,
}

/// Per-map settings of the analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Power at or above this is "high" on the power–interest grid (0–10).
    pub power_threshold: f32,
    /// Interest at or above this is "high" on the power–interest grid (0–10).
    pub interest_threshold: f32,
    /// Power at or above this gives the power attribute of salience (0–10).
    pub salience_power_threshold: f32,
    /// A high-priority stakeholder with no contact for this many days counts as neglected.
    pub neglect_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            power_threshold: 5.0,
            interest_threshold: 5.0,
            salience_power_threshold: 5.0,
            neglect_days: 30,
        }
    }
}

/// A topic on which stakeholders take positions (rows of the issue matrix are stakeholders).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// Stable identifier.
    pub id: IssueId,
    /// Short name.
    pub name: String,
    /// What the issue is.
    #[serde(default)]
    pub description: String,
}

/// A dated contact with one or more stakeholders (lens 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    /// Stable identifier.
    pub id: InteractionId,
    /// When it happened.
    pub date: NaiveDate,
    /// Who it was with.
    pub with: Vec<StakeholderId>,
    /// What was said and agreed.
    #[serde(default)]
    pub summary: String,
    /// How warm the exchange was, −2 (hostile) to +2 (warm).
    #[serde(default)]
    pub temperature: i8,
}

choice_enum! {
    /// Hartley and Fletcher's five dimensions of political astuteness.
    Dimension {
        Personal => "Personal skills",
        Interpersonal => "Interpersonal skills",
        Reading => "Reading people and situations",
        Alliances => "Building alignment and alliances",
        Strategic => "Strategic direction and scanning",
    }
}

/// A reflective journal entry (lens 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    /// Stable identifier.
    pub id: EntryId,
    /// When it was written.
    pub date: NaiveDate,
    /// The dimension it reflects on.
    pub dimension: Dimension,
    /// The reflection.
    pub text: String,
    /// The stakeholders it concerns.
    #[serde(default)]
    pub stakeholders: Vec<StakeholderId>,
}

/// One dimension's rating in a self-assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// 1 (weak) to 5 (strong).
    pub score: u8,
    /// Why, in the leader's words.
    #[serde(default)]
    pub note: String,
}

impl Default for Rating {
    fn default() -> Self {
        Self {
            score: 3,
            note: String::new(),
        }
    }
}

/// A dated self-assessment of the five dimensions (lens 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfAssessment {
    /// Stable identifier.
    pub id: AssessmentId,
    /// When it was made.
    pub date: NaiveDate,
    /// Personal skills.
    pub personal: Rating,
    /// Interpersonal skills.
    pub interpersonal: Rating,
    /// Reading people and situations.
    pub reading: Rating,
    /// Building alignment and alliances.
    pub alliances: Rating,
    /// Strategic direction and scanning.
    pub strategic: Rating,
}

impl SelfAssessment {
    /// The rating of one dimension.
    pub fn rating(&self, dimension: Dimension) -> &Rating {
        match dimension {
            Dimension::Personal => &self.personal,
            Dimension::Interpersonal => &self.interpersonal,
            Dimension::Reading => &self.reading,
            Dimension::Alliances => &self.alliances,
            Dimension::Strategic => &self.strategic,
        }
    }

    /// The rating of one dimension, to change it.
    pub fn rating_mut(&mut self, dimension: Dimension) -> &mut Rating {
        match dimension {
            Dimension::Personal => &mut self.personal,
            Dimension::Interpersonal => &mut self.interpersonal,
            Dimension::Reading => &mut self.reading,
            Dimension::Alliances => &mut self.alliances,
            Dimension::Strategic => &mut self.strategic,
        }
    }
}

choice_enum! {
    /// The PESTLE category of an external factor.
    FactorCategory {
        Political => "Political",
        Economic => "Economic",
        Social => "Social",
        Technological => "Technological",
        Legal => "Legal",
        Environmental => "Environmental",
    }
}

/// An external factor in the horizon-scanning register (lens 5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// Stable identifier.
    pub id: FactorId,
    /// Short name ("PCC election in May").
    pub title: String,
    /// PESTLE category.
    pub category: FactorCategory,
    /// What it is and why it matters.
    #[serde(default)]
    pub description: String,
    /// How likely it is, 1–5.
    pub likelihood: u8,
    /// How much it would matter, 1–5.
    pub impact: u8,
    /// How many months away it is.
    #[serde(default)]
    pub horizon_months: u16,
    /// The stakeholders it affects.
    #[serde(default)]
    pub affects: Vec<StakeholderId>,
}

choice_enum! {
    /// The shape of a meeting table.
    TableShape {
        Round => "Round",
        Rectangular => "Rectangular",
    }
}

/// One item on a meeting's agenda.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// What will be discussed.
    pub title: String,
    /// The map's issues the item touches.
    #[serde(default)]
    pub issues: Vec<IssueId>,
}

/// A partnership meeting being planned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable identifier.
    pub id: MeetingId,
    /// Title.
    pub title: String,
    /// When it takes place.
    pub date: Option<NaiveDate>,
    /// What it is for.
    #[serde(default)]
    pub purpose: String,
    /// The agenda.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// Who is invited.
    #[serde(default)]
    pub invitees: Vec<StakeholderId>,
    /// The table.
    #[serde(default = "default_table")]
    pub table: TableShape,
    /// Seats round the table in order, starting at the head; empty until seating is planned.
    #[serde(default)]
    pub seating: Vec<StakeholderId>,
}

fn default_table() -> TableShape {
    TableShape::Round
}

/// The whole map frozen at a moment, to compare with later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Stable identifier.
    pub id: SnapshotId,
    /// When it was taken.
    pub date: NaiveDate,
    /// What it marks ("before the PCC election").
    pub label: String,
    /// The stakeholders as they were.
    pub stakeholders: Vec<Stakeholder>,
    /// The links as they were.
    pub links: Vec<Link>,
}

/// A "what if" copy of the map's stakeholders and links, kept apart from the real map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable identifier.
    pub id: ScenarioId,
    /// What the scenario supposes.
    pub label: String,
    /// When it was made.
    pub created: NaiveDate,
    /// The stakeholders in the scenario.
    pub stakeholders: Vec<Stakeholder>,
    /// The links in the scenario.
    pub links: Vec<Link>,
}

choice_enum! {
    /// The five lenses of the app, one per dimension.
    Lens {
        Personal => "Personal",
        Interpersonal => "Interpersonal",
        Reading => "Reading",
        Alliances => "Alliances",
        Strategic => "Strategic",
    }
}

impl Default for Lens {
    /// The first lens, personal skills.
    fn default() -> Self {
        Self::Personal
    }
}

impl Lens {
    /// The dimension of political astuteness the lens serves.
    pub fn dimension(self) -> Dimension {
        match self {
            Self::Personal => Dimension::Personal,
            Self::Interpersonal => Dimension::Interpersonal,
            Self::Reading => Dimension::Reading,
            Self::Alliances => Dimension::Alliances,
            Self::Strategic => Dimension::Strategic,
        }
    }
}

/// A saved way of looking at the map, to step through when presenting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedView {
    /// Stable identifier.
    pub id: ViewId,
    /// Name shown when stepping through views.
    pub name: String,
    /// The lens shown.
    pub lens: Lens,
    /// The point of the map at the centre of the screen.
    pub center: super::Pos,
    /// Zoom factor (1 = one map unit per point).
    pub zoom: f32,
    /// Stakeholders highlighted in the view.
    #[serde(default)]
    pub highlighted: Vec<StakeholderId>,
    /// What the view shows only (the rest is dimmed). Left out of the file when empty.
    #[serde(default, skip_serializing_if = "ViewFilter::is_empty")]
    pub filter: ViewFilter,
}

/// The filters a saved view keeps: by sector, tag and link kind. An empty list does not
/// filter. (Filters by quadrant or coalition come from the analysis and are not kept.)
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewFilter {
    /// Only these sectors.
    pub sectors: Vec<super::Sector>,
    /// Only stakeholders with one of these tags.
    pub tags: Vec<String>,
    /// Only links of these kinds.
    pub link_kinds: Vec<super::LinkKind>,
}

impl ViewFilter {
    /// Does it filter nothing?
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty() && self.tags.is_empty() && self.link_kinds.is_empty()
    }
}
