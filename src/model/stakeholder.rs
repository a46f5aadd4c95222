//! Stakeholders: who the partners are, what they want, how much power they hold and where they
//! stand (lens 3, reading people and situations), with each one's engagement plan (lens 2).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::{IssueId, StakeholderId};

choice_enum! {
    /// What sort of party a stakeholder is; drawn as the node's shape.
    Kind {
        Organisation => "Organisation",
        Person => "Person",
        Group => "Group",
    }
}

choice_enum! {
    /// The sector a stakeholder belongs to.
    Sector {
        Statutory => "Statutory",
        Voluntary => "Voluntary",
        Private => "Private",
        Community => "Community",
        Political => "Political",
        Health => "Health",
        Other => "Other",
    }
}

choice_enum! {
    /// What a stakeholder's power rests on.
    PowerBase {
        Positional => "Positional authority",
        Resources => "Resources and funding",
        Expertise => "Expertise",
        Network => "Network",
        Personal => "Personal",
        Legitimacy => "Legitimacy",
        Information => "Information",
    }
}

choice_enum! {
    /// The part a stakeholder plays in Moore's strategic triangle.
    MooreRole {
        AuthorisingEnvironment => "Authorising environment",
        OperationalCapacity => "Operational capacity",
    }
}

choice_enum! {
    /// A field of a stakeholder that may hold opinions about named people.
    SensitiveField {
        StatedInterests => "Stated interests",
        InferredInterests => "Inferred interests / hidden agenda",
        Concerns => "Concerns",
        Values => "What they value",
        Notes => "Notes",
        Plan => "Engagement plan",
    }
}

choice_enum! {
    /// How closely to engage a stakeholder (the IAP2 spectrum).
    EngagementLevel {
        Inform => "Inform",
        Consult => "Consult",
        Involve => "Involve",
        Collaborate => "Collaborate",
        Empower => "Empower",
    }
}

/// Lowest stance: opposed to the shared purpose.
pub const STANCE_MIN: i8 = -2;
/// Highest stance: a champion of the shared purpose.
pub const STANCE_MAX: i8 = 2;
/// Highest power or interest score (the lowest is 0).
pub const SCORE_MAX: f32 = 10.0;

/// The word for a stance from −2 to +2.
pub fn stance_label(stance: i8) -> &'static str {
    match stance {
        i8::MIN..=-2 => "Opposed",
        -1 => "Sceptical",
        0 => "Neutral",
        1 => "Supportive",
        2..=i8::MAX => "Champion",
    }
}

/// The words for a position on an issue, from −2 to +2.
pub fn position_label(position: i8) -> &'static str {
    match position {
        i8::MIN..=-2 => "strongly against",
        -1 => "against",
        0 => "neutral",
        1 => "for",
        2..=i8::MAX => "strongly for",
    }
}

/// A point on the canvas, in map units (not screen pixels).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pos {
    /// Left to right.
    pub x: f32,
    /// Top to bottom.
    pub y: f32,
}

impl Pos {
    /// A position from its two coordinates.
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// One party to the partnership: an organisation, a person or a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    /// Stable identifier.
    pub id: StakeholderId,
    /// Name shown on the map.
    pub name: String,
    /// Organisation the stakeholder belongs to (may equal the name for organisations).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Role or job title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Organisation, person or group.
    pub kind: Kind,
    /// Sector.
    pub sector: Sector,
    /// Free tags, in the order the user gave them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Power over the shared purpose, 0–10.
    pub power: f32,
    /// What the power rests on, in the order of `PowerBase::ALL`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub power_bases: Vec<PowerBase>,
    /// Interest in the shared purpose, 0–10.
    pub interest: f32,
    /// Stance towards the shared purpose, −2 (opposed) to +2 (champion).
    pub stance: i8,
    /// Salience: does the stakeholder's claim have legitimacy?
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub legitimacy: bool,
    /// Salience: does the stakeholder's claim call for immediate attention?
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub urgency: bool,
    /// What they say they want.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stated_interests: String,
    /// What we believe they want but do not say (confidential by default).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inferred_interests: String,
    /// Their worries about the partnership.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub concerns: String,
    /// What they value.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub values: String,
    /// Anything else.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The whole stakeholder is confidential: hidden when presenting or exporting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
    /// Fields hidden when presenting or exporting, in the order of `SensitiveField::ALL`.
    #[serde(
        default = "default_confidential_fields",
        skip_serializing_if = "is_default_confidential"
    )]
    pub confidential_fields: Vec<SensitiveField>,
    /// Part of the authorising environment or the operational capacity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moore_roles: Vec<MooreRole>,
    /// Position on each issue of the map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<IssuePosition>,
    /// How the leader means to engage this stakeholder.
    #[serde(default, skip_serializing_if = "EngagementPlan::is_empty")]
    pub plan: EngagementPlan,
    /// Where the stakeholder sits on the canvas.
    #[serde(default)]
    pub pos: Pos,
    /// Automatic layouts leave a pinned stakeholder where the user put it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
}

/// The fields that are confidential unless the user says otherwise.
pub fn default_confidential_fields() -> Vec<SensitiveField> {
    vec![SensitiveField::InferredInterests]
}

impl Stakeholder {
    /// A neutral stakeholder of middling power and interest.
    pub fn new(id: StakeholderId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            organisation: String::new(),
            role: String::new(),
            kind: Kind::Organisation,
            sector: Sector::Other,
            tags: Vec::new(),
            power: 5.0,
            power_bases: Vec::new(),
            interest: 5.0,
            stance: 0,
            legitimacy: false,
            urgency: false,
            stated_interests: String::new(),
            inferred_interests: String::new(),
            concerns: String::new(),
            values: String::new(),
            notes: String::new(),
            confidential: false,
            confidential_fields: default_confidential_fields(),
            moore_roles: Vec::new(),
            positions: Vec::new(),
            plan: EngagementPlan::default(),
            pos: Pos::default(),
            pinned: false,
        }
    }

    /// Is this field hidden when presenting or exporting?
    pub fn is_confidential(&self, field: SensitiveField) -> bool {
        self.confidential || self.confidential_fields.contains(&field)
    }

    /// The stakeholder's position on `issue`, if they have one.
    pub fn position_on(&self, issue: IssueId) -> Option<&IssuePosition> {
        self.positions.iter().find(|p| p.issue == issue)
    }

    /// Sets the position on an issue, adding it (of middling importance) if there was none.
    pub fn set_position(&mut self, issue: IssueId, position: i8) {
        match self.positions.iter_mut().find(|p| p.issue == issue) {
            Some(p) => p.position = position,
            None => self.positions.push(IssuePosition {
                issue,
                position,
                importance: 3,
            }),
        }
    }
}

/// A stakeholder's position on one issue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuePosition {
    /// The issue.
    pub issue: IssueId,
    /// −2 (strongly against) to +2 (strongly for).
    pub position: i8,
    /// How much the issue matters to them, 1–5.
    #[serde(default = "default_importance")]
    pub importance: u8,
}

fn default_importance() -> u8 {
    3
}

/// Whether `fields` are the confidential fields a new stakeholder starts with (such a list is
/// left out of the file, which reads it back as that default).
fn is_default_confidential(fields: &[SensitiveField]) -> bool {
    fields == default_confidential_fields().as_slice()
}

/// The leader's plan for engaging one stakeholder (lens 2, interpersonal skills).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EngagementPlan {
    /// How closely to engage them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<EngagementLevel>,
    /// What we want from them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ask: String,
    /// What we can offer them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub offer: String,
    /// The messages that will land with them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key_messages: String,
    /// Who on the map is best placed to carry the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub messenger: Option<StakeholderId>,
    /// How to reach them (meeting, phone, email, corridor…).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub channel: String,
    /// The next thing to do.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_action: String,
    /// When the next action is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

impl EngagementPlan {
    /// True when nothing has been planned.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}
