//! Links between stakeholders: alignment, alliance, tension, competition and the directed ties
//! of influence, authority, funding and referral (lens 4, building alignment and alliances).

use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::{LinkId, StakeholderId};

choice_enum! {
    /// What ties two stakeholders together.
    LinkKind {
        /// A shared interest.
        Alignment => "Alignment",
        /// A working coalition.
        Alliance => "Alliance",
        /// Friction between them.
        Tension => "Tension",
        /// Rivalry, e.g. for the same funding pot.
        Competition => "Competition",
        /// `from` influences `to`.
        Influence => "Influence",
        /// `from` has formal authority over `to`.
        Authority => "Formal authority",
        /// `from` funds `to`.
        Funding => "Funding",
        /// `from` refers people or passes information to `to`.
        Referral => "Referral / information flow",
    }
}

impl LinkKind {
    /// The kind's name in JSON outputs (`astute stats --json`, `astute diff --json`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Alignment => "alignment",
            Self::Alliance => "alliance",
            Self::Tension => "tension",
            Self::Competition => "competition",
            Self::Influence => "influence",
            Self::Authority => "authority",
            Self::Funding => "funding",
            Self::Referral => "referral",
        }
    }

    /// Does the link run one way, from `from` to `to`?
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            Self::Influence | Self::Authority | Self::Funding | Self::Referral
        )
    }

    /// Is this a tie of shared purpose (alignment or alliance)? Coalitions are built from these.
    pub fn is_cooperative(self) -> bool {
        matches!(self, Self::Alignment | Self::Alliance)
    }

    /// Is this a tie of friction (tension or competition)?
    pub fn is_adversarial(self) -> bool {
        matches!(self, Self::Tension | Self::Competition)
    }
}

choice_enum! {
    /// How deep an alliance runs, on the cooperation → integration continuum.
    AllianceDepth {
        Cooperation => "Cooperation",
        Coordination => "Coordination",
        Collaboration => "Collaboration",
        Integration => "Integration",
    }
}

/// Lowest link strength.
pub const STRENGTH_MIN: u8 = 1;
/// Highest link strength.
pub const STRENGTH_MAX: u8 = 5;

/// A typed tie between two stakeholders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Stable identifier.
    pub id: LinkId,
    /// One end (the source, for directed kinds).
    pub from: StakeholderId,
    /// The other end (the target, for directed kinds).
    pub to: StakeholderId,
    /// What kind of tie it is.
    pub kind: LinkKind,
    /// How strong the tie is, 1–5.
    pub strength: u8,
    /// For alliances: how deep the alliance runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<AllianceDepth>,
    /// What the user knows about the tie.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The note is hidden when presenting or exporting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
}

impl Link {
    /// A link of middling strength with no note.
    pub fn new(id: LinkId, from: StakeholderId, to: StakeholderId, kind: LinkKind) -> Self {
        Self {
            id,
            from,
            to,
            kind,
            strength: 3,
            depth: None,
            note: String::new(),
            confidential: false,
        }
    }

    /// Does the link touch `stakeholder` at either end?
    pub fn touches(&self, stakeholder: StakeholderId) -> bool {
        self.from == stakeholder || self.to == stakeholder
    }

    /// The end that is not `stakeholder`, if the link touches it.
    pub fn other_end(&self, stakeholder: StakeholderId) -> Option<StakeholderId> {
        if self.from == stakeholder {
            Some(self.to)
        } else if self.to == stakeholder {
            Some(self.from)
        } else {
            None
        }
    }
}
