//! Stable identifiers for everything in a map.
//!
//! An id is a random 64-bit number, written in the file as 16 lowercase hex digits. Random ids
//! never collide in practice when two people add things to copies of the same map and merge
//! them later, and a map never hands out an id it already holds, so ids are never reused.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A typed identifier: `Id<Stakeholder>` cannot be mixed up with `Id<Link>`.
pub struct Id<T> {
    raw: u64,
    _kind: PhantomData<fn() -> T>,
}

impl<T> Id<T> {
    /// Wraps a raw number as an id (tests, fixtures and generators use this).
    pub const fn from_raw(raw: u64) -> Self {
        Self {
            raw,
            _kind: PhantomData,
        }
    }

    /// The raw number behind the id.
    pub const fn raw(self) -> u64 {
        self.raw
    }

    /// A fresh random id that is not in `taken`.
    pub fn fresh(rng: &mut fastrand::Rng, taken: impl Fn(Self) -> bool) -> Self {
        loop {
            // Zero is kept free so a default value never looks like a real id.
            let id = Self::from_raw(rng.u64(1..));
            if !taken(id) {
                return id;
            }
        }
    }

    /// Parses 1 to 16 hex digits.
    pub fn parse(text: &str) -> Option<Self> {
        if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(text, 16).ok().map(Self::from_raw)
    }
}

// Manual impls: derives would needlessly require `T: Clone` and so on.
impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Id<T> {}
impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}
impl<T> Eq for Id<T> {}
impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw.cmp(&other.raw)
    }
}
impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}
impl<T> fmt::Display for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.raw)
    }
}
impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({:016x})", self.raw)
    }
}

impl<T> Serialize for Id<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The same 16 digits as `Display`, written into a buffer on the stack: a map holds
        // thousands of ids, and `collect_str` would allocate a `String` for each.
        let mut digits = [0u8; 16];
        let text = hex_digits(self.raw, &mut digits);
        serializer.serialize_str(text)
    }
}

/// `raw` as 16 lowercase hex digits, written into `buffer`.
fn hex_digits(raw: u64, buffer: &mut [u8; 16]) -> &str {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for (i, slot) in buffer.iter_mut().enumerate() {
        let shift = 60 - 4 * i;
        *slot = DIGITS[((raw >> shift) & 0xf) as usize];
    }
    // Only ASCII hex digits were written, so this never falls back.
    std::str::from_utf8(buffer).unwrap_or_default()
}

impl<'de, T> Deserialize<'de> for Id<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor reads the id straight from the text the reader lends it, with no `String`
        // in between (a map holds thousands of ids).
        deserializer.deserialize_str(IdVisitor(PhantomData))
    }
}

/// Reads an [`Id`] from a string.
struct IdVisitor<T>(PhantomData<fn() -> T>);

impl<T> Visitor<'_> for IdVisitor<T> {
    type Value = Id<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        // What `String` says, so a file with a number where an id belongs reads as before.
        formatter.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Id::parse(text).ok_or_else(|| {
            E::custom(format!(
                "`{text}` is not an id: an id is 1 to 16 hexadecimal digits"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_and_parses_as_sixteen_hex_digits() {
        let id = Id::<()>::from_raw(0xab);
        assert_eq!(id.to_string(), "00000000000000ab");
        assert_eq!(Id::<()>::parse("00000000000000ab"), Some(id));
        assert_eq!(Id::<()>::parse("AB"), Some(id));
        assert_eq!(Id::<()>::parse(""), None);
        assert_eq!(Id::<()>::parse("xyz"), None);
        assert_eq!(Id::<()>::parse("11112222333344445"), None);
    }

    #[test]
    fn serialises_as_display_does() {
        for raw in [0, 1, 0xab, 0x0123_4567_89ab_cdef, u64::MAX] {
            let mut digits = [0u8; 16];
            let id = Id::<()>::from_raw(raw);
            assert_eq!(hex_digits(raw, &mut digits), id.to_string());
        }
    }

    #[test]
    fn fresh_skips_taken_ids() {
        let mut rng = fastrand::Rng::with_seed(7);
        let first = Id::<()>::fresh(&mut rng.clone(), |_| false);
        let second = Id::<()>::fresh(&mut rng, |id| id == first);
        assert_ne!(first, second);
    }
}
