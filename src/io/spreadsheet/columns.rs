//! The columns Astute reads and writes, by the names people give them: Astute's own, Kumu's
//! (`Label`, `Type`, `Description`, `Tags`; `From`, `To`, `Direction`, `Strength`), and those
//! of common stakeholder templates (`Stakeholder`, `Organisation`, `Influence`, `Impact`,
//! `Attitude`, `Support`, `Notes`, `Comments`). Headers compare squashed: case, spaces, `_`
//! and `-` do not matter. Also the words people write for scores ([`SCORE_WORDS`] and the
//! tables beside it), which `astute import --help` and the README list.

use crate::model::{AllianceDepth, Choice, Kind, LinkKind, Sector};

/// Lowercase letters and digits only: how headers and words are compared.
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A set of columns one table may have.
pub trait Columns: Copy + Eq + Ord + std::fmt::Debug + 'static {
    /// Every column, in the order an export writes them.
    const ALL: &'static [Self];
    /// The header an export writes.
    fn header(self) -> &'static str;
    /// Other headers meaning the same, squashed.
    fn aliases(self) -> &'static [&'static str];
    /// May several columns fill it (their texts joined)? True for notes.
    fn joins(self) -> bool {
        false
    }
    /// The column found by a header, if any.
    fn find(header: &str) -> Option<Self> {
        let key = squash(header);
        Self::ALL
            .iter()
            .copied()
            .find(|c| squash(c.header()) == key || c.aliases().contains(&key.as_str()))
    }
}

/// The columns of the stakeholders table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // each is the stakeholder's field of that name
pub enum Field {
    Id,
    Name,
    Organisation,
    Role,
    Kind,
    Sector,
    Power,
    Interest,
    Stance,
    Tags,
    PowerBases,
    Legitimacy,
    Urgency,
    StatedInterests,
    InferredInterests,
    Concerns,
    Values,
    Notes,
    MooreRoles,
    Level,
    Ask,
    Offer,
    KeyMessages,
    Messenger,
    MessengerId,
    Channel,
    NextAction,
    Due,
    X,
    Y,
    Pinned,
    Me,
    Confidential,
    ConfidentialFields,
    /// Which of a row's fields a redacted export left out.
    Withheld,
}

impl Columns for Field {
    const ALL: &'static [Self] = &[
        Self::Id,
        Self::Name,
        Self::Organisation,
        Self::Role,
        Self::Kind,
        Self::Sector,
        Self::Power,
        Self::Interest,
        Self::Stance,
        Self::Tags,
        Self::PowerBases,
        Self::Legitimacy,
        Self::Urgency,
        Self::StatedInterests,
        Self::InferredInterests,
        Self::Concerns,
        Self::Values,
        Self::Notes,
        Self::MooreRoles,
        Self::Level,
        Self::Ask,
        Self::Offer,
        Self::KeyMessages,
        Self::Messenger,
        Self::MessengerId,
        Self::Channel,
        Self::NextAction,
        Self::Due,
        Self::X,
        Self::Y,
        Self::Pinned,
        Self::Me,
        Self::Confidential,
        Self::ConfidentialFields,
        Self::Withheld,
    ];

    fn header(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Name => "name",
            Self::Organisation => "organisation",
            Self::Role => "role",
            Self::Kind => "kind",
            Self::Sector => "sector",
            Self::Power => "power",
            Self::Interest => "interest",
            Self::Stance => "stance",
            Self::Tags => "tags",
            Self::PowerBases => "power_bases",
            Self::Legitimacy => "legitimacy",
            Self::Urgency => "urgency",
            Self::StatedInterests => "stated_interests",
            Self::InferredInterests => "inferred_interests",
            Self::Concerns => "concerns",
            Self::Values => "values",
            Self::Notes => "notes",
            Self::MooreRoles => "moore_roles",
            Self::Level => "engagement_level",
            Self::Ask => "ask",
            Self::Offer => "offer",
            Self::KeyMessages => "key_messages",
            Self::Messenger => "messenger",
            Self::MessengerId => "messenger_id",
            Self::Channel => "channel",
            Self::NextAction => "next_action",
            Self::Due => "due",
            Self::X => "x",
            Self::Y => "y",
            Self::Pinned => "pinned",
            Self::Me => "me",
            Self::Confidential => "confidential",
            Self::ConfidentialFields => "confidential_fields",
            Self::Withheld => "withheld",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Id => &["stakeholderid", "astuteid"],
            Self::Name => &["label", "stakeholder", "stakeholdername", "fullname"],
            Self::Organisation => &["organization", "org", "agency", "company"],
            Self::Role => &["jobtitle", "job"],
            Self::Kind => &["type", "elementtype", "stakeholdertype"],
            Self::Power => &["influence", "powerscore", "influencescore"],
            Self::Interest => &["impact", "interestscore", "impactscore"],
            Self::Stance => &["attitude", "support", "sentiment"],
            Self::Tags => &["tag", "keywords"],
            Self::PowerBases => &["powerbase", "sourcesofpower"],
            Self::StatedInterests => &["interests", "wants", "whattheywant"],
            Self::InferredInterests => &["hiddenagenda"],
            Self::Concerns => &["worries"],
            Self::Values => &["whattheyvalue"],
            Self::Notes => &["note", "comments", "comment", "description"],
            Self::Level => &["engagement", "level"],
            Self::KeyMessages => &["messages"],
            Self::NextAction => &["action"],
            Self::Due => &["duedate"],
            _ => &[],
        }
    }

    fn joins(self) -> bool {
        self == Self::Notes
    }
}

impl Field {
    /// Does an empty cell clear the field (text, lists, yes/no)? Otherwise (numbers and
    /// choices) an empty cell says nothing: a new stakeholder gets the default, an existing one
    /// keeps what it has.
    pub fn empty_clears(self) -> bool {
        !matches!(
            self,
            Self::Id
                | Self::Name
                | Self::Kind
                | Self::Sector
                | Self::Power
                | Self::Interest
                | Self::Stance
                | Self::X
                | Self::Y
                | Self::MessengerId
                | Self::Withheld
        )
    }

    /// Text kept as it is (long text): the others are trimmed.
    pub fn keeps_spaces(self) -> bool {
        matches!(
            self,
            Self::StatedInterests
                | Self::InferredInterests
                | Self::Concerns
                | Self::Values
                | Self::Notes
                | Self::Ask
                | Self::Offer
                | Self::KeyMessages
                | Self::Channel
                | Self::NextAction
        )
    }

    /// The engagement plan's columns.
    pub const PLAN: [Self; 9] = [
        Self::Level,
        Self::Ask,
        Self::Offer,
        Self::KeyMessages,
        Self::Messenger,
        Self::MessengerId,
        Self::Channel,
        Self::NextAction,
        Self::Due,
    ];
}

/// The columns of the links table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // each is the link's field of that name
pub enum LinkField {
    Id,
    From,
    To,
    Kind,
    Strength,
    Depth,
    Note,
    Confidential,
    FromId,
    ToId,
    /// Kumu's: `directed`, `undirected` or `mutual`.
    Direction,
    /// Which of the link's fields a redacted export left out.
    Withheld,
}

impl Columns for LinkField {
    const ALL: &'static [Self] = &[
        Self::Id,
        Self::From,
        Self::To,
        Self::Kind,
        Self::Strength,
        Self::Depth,
        Self::Note,
        Self::Confidential,
        Self::FromId,
        Self::ToId,
        Self::Direction,
        Self::Withheld,
    ];

    fn header(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::From => "from",
            Self::To => "to",
            Self::Kind => "kind",
            Self::Strength => "strength",
            Self::Depth => "depth",
            Self::Note => "note",
            Self::Confidential => "confidential",
            Self::FromId => "from_id",
            Self::ToId => "to_id",
            Self::Direction => "direction",
            Self::Withheld => "withheld",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Id => &["linkid", "connectionid"],
            Self::From => &["source", "fromname"],
            Self::To => &["target", "toname"],
            Self::Kind => &["type", "connectiontype", "linktype", "relationship"],
            Self::Strength => &["weight"],
            Self::Depth => &["alliancedepth"],
            Self::Note => &["notes", "label", "description", "comments", "comment"],
            _ => &[],
        }
    }

    fn joins(self) -> bool {
        self == Self::Note
    }
}

/// The columns of the issues table (a workbook's Issues sheet).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // each is the issue's field of that name
pub enum IssueField {
    Id,
    Name,
    Description,
}

impl Columns for IssueField {
    const ALL: &'static [Self] = &[Self::Id, Self::Name, Self::Description];

    fn header(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Name => "name",
            Self::Description => "description",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Name => &["issue", "label", "title"],
            Self::Description => &["notes", "details"],
            _ => &[],
        }
    }
}

/// The header of the column holding positions on `issue` (−2..2).
pub fn position_header(issue: &str) -> String {
    format!("position: {issue}")
}

/// The header of the column holding how much `issue` matters (1–5).
pub fn importance_header(issue: &str) -> String {
    format!("importance: {issue}")
}

/// `position: ISSUE` → (false, ISSUE); `importance: ISSUE` → (true, ISSUE).
pub fn issue_column(header: &str) -> Option<(bool, &str)> {
    let (before, issue) = header.split_once(':')?;
    let issue = issue.trim();
    if issue.is_empty() {
        return None;
    }
    match squash(before).as_str() {
        "position" | "positionon" => Some((false, issue)),
        "importance" => Some((true, issue)),
        _ => None,
    }
}

/// Words for power, interest, influence and impact (0–10).
pub const SCORE_WORDS: &[(&str, f32)] = &[
    ("none", 0.0),
    ("verylow", 1.0),
    ("low", 2.0),
    ("l", 2.0),
    ("medium", 5.0),
    ("moderate", 5.0),
    ("med", 5.0),
    ("m", 5.0),
    ("high", 8.0),
    ("h", 8.0),
    ("veryhigh", 10.0),
];

/// Words for stance, attitude or support (−2..2).
pub const STANCE_WORDS: &[(&str, i8)] = &[
    ("opposed", -2),
    ("stronglyopposed", -2),
    ("hostile", -2),
    ("blocker", -2),
    ("sceptical", -1),
    ("skeptical", -1),
    ("resistant", -1),
    ("unsupportive", -1),
    ("negative", -1),
    ("neutral", 0),
    ("undecided", 0),
    ("supportive", 1),
    ("support", 1),
    ("supporter", 1),
    ("positive", 1),
    ("champion", 2),
    ("advocate", 2),
    ("stronglysupportive", 2),
];

/// Words for a link's strength (1–5).
pub const STRENGTH_WORDS: &[(&str, u8)] = &[
    ("veryweak", 1),
    ("weak", 2),
    ("low", 2),
    ("medium", 3),
    ("moderate", 3),
    ("strong", 4),
    ("high", 4),
    ("verystrong", 5),
];

/// Words for how much an issue matters (1–5).
pub const IMPORTANCE_WORDS: &[(&str, u8)] = &[
    ("verylow", 1),
    ("low", 2),
    ("medium", 3),
    ("moderate", 3),
    ("high", 4),
    ("veryhigh", 5),
];

/// Words for a position on an issue (−2..2).
pub const POSITION_WORDS: &[(&str, i8)] = &[
    ("stronglyagainst", -2),
    ("against", -1),
    ("neutral", 0),
    ("for", 1),
    ("stronglyfor", 2),
];

/// Words for yes (anything else not empty, but the words for no, is a problem).
pub const YES_WORDS: &[&str] = &["yes", "y", "true", "x", "1", "✓", "✔"];
/// Words for no.
pub const NO_WORDS: &[&str] = &["no", "n", "false", "0", "-"];

/// Link kinds by other names people use in spreadsheets (squashed).
pub const LINK_KIND_ALIASES: &[(&str, LinkKind)] = &[
    ("aligned", LinkKind::Alignment),
    ("sharedinterest", LinkKind::Alignment),
    ("ally", LinkKind::Alliance),
    ("allies", LinkKind::Alliance),
    ("coalition", LinkKind::Alliance),
    ("partnership", LinkKind::Alliance),
    ("partner", LinkKind::Alliance),
    ("collaboration", LinkKind::Alliance),
    ("conflict", LinkKind::Tension),
    ("friction", LinkKind::Tension),
    ("rivalry", LinkKind::Competition),
    ("rival", LinkKind::Competition),
    ("competitor", LinkKind::Competition),
    ("influences", LinkKind::Influence),
    ("authority", LinkKind::Authority),
    ("formal", LinkKind::Authority),
    ("reportsto", LinkKind::Authority),
    ("funds", LinkKind::Funding),
    ("funder", LinkKind::Funding),
    ("grant", LinkKind::Funding),
    ("referral", LinkKind::Referral),
    ("referrals", LinkKind::Referral),
    ("refers", LinkKind::Referral),
    ("information", LinkKind::Referral),
    ("informationflow", LinkKind::Referral),
];

/// Kinds of stakeholder by other names.
pub const KIND_ALIASES: &[(&str, Kind)] = &[
    ("organization", Kind::Organisation),
    ("org", Kind::Organisation),
    ("agency", Kind::Organisation),
    ("individual", Kind::Person),
    ("people", Kind::Person),
    ("team", Kind::Group),
    ("network", Kind::Group),
    ("forum", Kind::Group),
    ("board", Kind::Group),
    ("committee", Kind::Group),
];

/// Sectors by other names.
pub const SECTOR_ALIASES: &[(&str, Sector)] = &[
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

/// Alliance depths by other names.
pub const DEPTH_ALIASES: &[(&str, AllianceDepth)] = &[];

/// A choice by its label (loosely matched) or by one of `aliases`.
pub fn choice<T: Choice>(text: &str, aliases: &[(&str, T)]) -> Option<T> {
    let key = squash(text);
    T::from_name(text).or_else(|| {
        aliases
            .iter()
            .find(|(alias, _)| *alias == key)
            .map(|&(_, c)| c)
    })
}

/// The labels of every choice, for messages.
pub fn labels<T: Choice>() -> String {
    T::ALL
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The word table as help text: `High 8, Medium 5, …`.
pub fn words_help<T: std::fmt::Display>(words: &[(&str, T)]) -> String {
    words
        .iter()
        .map(|(word, value)| format!("{word} {value}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_by_any_name_case_and_spacing() {
        for (header, field) in [
            ("Label", Field::Name),
            (" STAKEHOLDER ", Field::Name),
            ("Organization", Field::Organisation),
            ("Influence", Field::Power),
            ("Impact", Field::Interest),
            ("Attitude", Field::Stance),
            ("Support", Field::Stance),
            ("Comments", Field::Notes),
            ("Description", Field::Notes),
            ("Stated interests", Field::StatedInterests),
            ("stated-interests", Field::StatedInterests),
            ("Engagement level", Field::Level),
            ("Power bases", Field::PowerBases),
        ] {
            assert_eq!(Field::find(header), Some(field), "{header}");
        }
        assert_eq!(LinkField::find("Type"), Some(LinkField::Kind));
        assert_eq!(LinkField::find("Label"), Some(LinkField::Note));
        assert_eq!(LinkField::find("Direction"), Some(LinkField::Direction));
        assert_eq!(Field::find("Website"), None);
        // Every export header is found as itself.
        for &field in Field::ALL {
            assert_eq!(Field::find(field.header()), Some(field));
        }
        for &field in LinkField::ALL {
            assert_eq!(LinkField::find(field.header()), Some(field));
        }
    }

    #[test]
    fn issue_columns_name_their_issue() {
        assert_eq!(
            issue_column("position: Funding model"),
            Some((false, "Funding model"))
        );
        assert_eq!(
            issue_column("Importance:Data sharing"),
            Some((true, "Data sharing"))
        );
        assert_eq!(issue_column("position:"), None);
        assert_eq!(issue_column("notes: x"), None);
    }
}
