//! Where each stakeholder sits on the power–interest grid (Mendelow) and which salience class
//! (Mitchell, Agle and Wood) their power, legitimacy and urgency put them in (lens 3).

use crate::model::{Settings, Stakeholder};

/// A quadrant of Mendelow's power–interest grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quadrant {
    /// High power, high interest: the key players.
    ManageClosely,
    /// High power, low interest.
    KeepSatisfied,
    /// Low power, high interest.
    KeepInformed,
    /// Low power, low interest.
    Monitor,
}

impl Quadrant {
    /// Every quadrant, from the most to the least demanding.
    pub const ALL: [Self; 4] = [
        Self::ManageClosely,
        Self::KeepSatisfied,
        Self::KeepInformed,
        Self::Monitor,
    ];

    /// The quadrant for these scores: a score at or above its threshold counts as high.
    pub fn from_scores(power: f32, interest: f32, settings: &Settings) -> Self {
        let high_power = power >= settings.power_threshold;
        let high_interest = interest >= settings.interest_threshold;
        match (high_power, high_interest) {
            (true, true) => Self::ManageClosely,
            (true, false) => Self::KeepSatisfied,
            (false, true) => Self::KeepInformed,
            (false, false) => Self::Monitor,
        }
    }

    /// The words the user sees ("Manage closely").
    pub fn label(self) -> &'static str {
        match self {
            Self::ManageClosely => "Manage closely",
            Self::KeepSatisfied => "Keep satisfied",
            Self::KeepInformed => "Keep informed",
            Self::Monitor => "Monitor",
        }
    }

    /// A stable machine name for JSON ("manage_closely").
    pub fn key(self) -> &'static str {
        match self {
            Self::ManageClosely => "manage_closely",
            Self::KeepSatisfied => "keep_satisfied",
            Self::KeepInformed => "keep_informed",
            Self::Monitor => "monitor",
        }
    }
}

/// The stakeholder's quadrant on the map's power–interest grid.
pub fn quadrant(stakeholder: &Stakeholder, settings: &Settings) -> Quadrant {
    Quadrant::from_scores(stakeholder.power, stakeholder.interest, settings)
}

/// A stakeholder salience class (Mitchell, Agle and Wood, 1997).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Salience {
    /// None of power, legitimacy or urgency: not a stakeholder in the salience sense.
    None,
    /// Power only.
    Dormant,
    /// Legitimacy only.
    Discretionary,
    /// Urgency only.
    Demanding,
    /// Power and legitimacy.
    Dominant,
    /// Power and urgency.
    Dangerous,
    /// Legitimacy and urgency.
    Dependent,
    /// Power, legitimacy and urgency.
    Definitive,
}

impl Salience {
    /// Every class, from no attribute to all three.
    pub const ALL: [Self; 8] = [
        Self::None,
        Self::Dormant,
        Self::Discretionary,
        Self::Demanding,
        Self::Dominant,
        Self::Dangerous,
        Self::Dependent,
        Self::Definitive,
    ];

    /// The class for a combination of the three attributes.
    pub fn from_attributes(power: bool, legitimacy: bool, urgency: bool) -> Self {
        match (power, legitimacy, urgency) {
            (false, false, false) => Self::None,
            (true, false, false) => Self::Dormant,
            (false, true, false) => Self::Discretionary,
            (false, false, true) => Self::Demanding,
            (true, true, false) => Self::Dominant,
            (true, false, true) => Self::Dangerous,
            (false, true, true) => Self::Dependent,
            (true, true, true) => Self::Definitive,
        }
    }

    /// The words the user sees ("Definitive").
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Dormant => "Dormant",
            Self::Discretionary => "Discretionary",
            Self::Demanding => "Demanding",
            Self::Dominant => "Dominant",
            Self::Dangerous => "Dangerous",
            Self::Dependent => "Dependent",
            Self::Definitive => "Definitive",
        }
    }

    /// A stable machine name for JSON ("definitive").
    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Dormant => "dormant",
            Self::Discretionary => "discretionary",
            Self::Demanding => "demanding",
            Self::Dominant => "dominant",
            Self::Dangerous => "dangerous",
            Self::Dependent => "dependent",
            Self::Definitive => "definitive",
        }
    }

    /// What the class means, in a line.
    pub fn description(self) -> &'static str {
        match self {
            Self::None => "No power, legitimacy or urgency: not a stakeholder in this sense",
            Self::Dormant => "Power only: could act, but has no legitimate or urgent claim",
            Self::Discretionary => "Legitimacy only: a fair claim but no pressure to act on it",
            Self::Demanding => "Urgency only: presses, but lacks power and legitimacy",
            Self::Dominant => "Power and legitimacy: expects and receives attention",
            Self::Dangerous => "Power and urgency without legitimacy: may coerce",
            Self::Dependent => "Legitimacy and urgency: depends on others' power",
            Self::Definitive => "All three: their claims come first",
        }
    }

    /// How many of the three attributes the class has (0–3): more means more salient.
    pub fn attribute_count(self) -> u8 {
        match self {
            Self::None => 0,
            Self::Dormant | Self::Discretionary | Self::Demanding => 1,
            Self::Dominant | Self::Dangerous | Self::Dependent => 2,
            Self::Definitive => 3,
        }
    }
}

/// The stakeholder's salience class: power counts when it is at or above the map's
/// `salience_power_threshold`; legitimacy and urgency are the stakeholder's own flags.
pub fn salience(stakeholder: &Stakeholder, settings: &Settings) -> Salience {
    Salience::from_attributes(
        stakeholder.power >= settings.salience_power_threshold,
        stakeholder.legitimacy,
        stakeholder.urgency,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn person(power: f32, interest: f32) -> Stakeholder {
        let mut s = Stakeholder::new(Id::from_raw(1), "P");
        s.power = power;
        s.interest = interest;
        s
    }

    #[test]
    fn quadrant_boundaries_count_the_threshold_as_high() {
        let settings = Settings {
            power_threshold: 6.0,
            interest_threshold: 4.0,
            ..Settings::default()
        };
        let q = |p, i| quadrant(&person(p, i), &settings);
        assert_eq!(q(6.0, 4.0), Quadrant::ManageClosely);
        assert_eq!(q(10.0, 10.0), Quadrant::ManageClosely);
        assert_eq!(q(6.0, 3.99), Quadrant::KeepSatisfied);
        assert_eq!(q(5.99, 4.0), Quadrant::KeepInformed);
        assert_eq!(q(5.99, 3.99), Quadrant::Monitor);
        assert_eq!(q(0.0, 0.0), Quadrant::Monitor);
    }

    #[test]
    fn quadrant_labels_and_keys_are_distinct() {
        assert_eq!(Quadrant::ManageClosely.label(), "Manage closely");
        assert_eq!(Quadrant::Monitor.key(), "monitor");
        let labels: std::collections::HashSet<_> =
            Quadrant::ALL.iter().map(|q| q.label()).collect();
        assert_eq!(labels.len(), 4);
    }

    #[test]
    fn every_salience_class_from_its_attributes() {
        let settings = Settings {
            salience_power_threshold: 7.0,
            ..Settings::default()
        };
        let class = |power: f32, legitimacy, urgency| {
            let mut s = person(power, 5.0);
            s.legitimacy = legitimacy;
            s.urgency = urgency;
            salience(&s, &settings)
        };
        assert_eq!(class(6.9, false, false), Salience::None);
        assert_eq!(class(7.0, false, false), Salience::Dormant);
        assert_eq!(class(0.0, true, false), Salience::Discretionary);
        assert_eq!(class(0.0, false, true), Salience::Demanding);
        assert_eq!(class(9.0, true, false), Salience::Dominant);
        assert_eq!(class(9.0, false, true), Salience::Dangerous);
        assert_eq!(class(6.9, true, true), Salience::Dependent);
        assert_eq!(class(7.0, true, true), Salience::Definitive);
        assert_eq!(Salience::Definitive.label(), "Definitive");
        assert_eq!(Salience::Dangerous.attribute_count(), 2);
        let keys: std::collections::HashSet<_> = Salience::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys.len(), 8);
    }
}
