//! Closed lists of choices (kinds, sectors, levels…) with the words the user sees.

/// A closed set of choices that the user picks from by name.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every choice, in the order menus show them.
    const ALL: &'static [Self];

    /// The name shown to the user.
    fn label(self) -> &'static str;

    /// The choice named `text`, ignoring case, spaces, `-` and `_` ("Keep informed",
    /// "keep_informed" and "KEEP-INFORMED" all match). Used by CSV import.
    fn from_name(text: &str) -> Option<Self> {
        let wanted = squash(text);
        Self::ALL
            .iter()
            .copied()
            .find(|choice| squash(choice.label()) == wanted)
    }
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Declares a `Copy` enum that is saved by variant name, with a label per variant.
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( #[doc = $label] $(#[$vmeta])* $variant ),+
        }

        impl $crate::model::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];

            fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::Choice::label(*self))
            }
        }
    };
}
pub(crate) use choice_enum;

#[cfg(test)]
mod tests {
    use super::*;

    choice_enum! {
        /// A test enum.
        Colour { Red => "Red", LightBlue => "Light blue" }
    }

    #[test]
    fn names_match_loosely() {
        assert_eq!(Colour::from_name("light blue"), Some(Colour::LightBlue));
        assert_eq!(Colour::from_name("LIGHT_BLUE"), Some(Colour::LightBlue));
        assert_eq!(Colour::from_name("light-blue"), Some(Colour::LightBlue));
        assert_eq!(Colour::from_name("red"), Some(Colour::Red));
        assert_eq!(Colour::from_name("green"), None);
        assert_eq!(Colour::ALL.len(), 2);
        assert_eq!(Colour::LightBlue.to_string(), "Light blue");
    }
}
