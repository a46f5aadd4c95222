//! Text tables as spreadsheets save them: the bytes of a file decoded to text (UTF-8, UTF-16
//! with a byte-order mark as Excel's "Unicode text" writes, or Windows-1252 as Excel's plain
//! "CSV" writes), the character between columns found from the header row, and line numbers
//! that count every kind of line end (`\n`, `\r\n`, and a lone `\r`).

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The encoding a table's text was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, found by its byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, found by its byte-order mark.
    Utf16Be,
    /// Windows-1252, taken when the bytes are not UTF-8.
    Windows1252,
}

impl TextEncoding {
    /// What the user should be told about reading a file in this encoding, if anything.
    pub fn note(self) -> Option<&'static str> {
        match self {
            Self::Utf8 => None,
            Self::Utf16Le | Self::Utf16Be => Some(
                "the file is UTF-16 text (as Excel's \"Unicode text\" saves it) and was read as such",
            ),
            Self::Windows1252 => Some(
                "the file is not UTF-8 text, so it was read as Windows-1252 (as Excel's plain \
                 \"CSV\" saves it): check that accented letters came out right, or save it as \
                 \"CSV UTF-8\"",
            ),
        }
    }
}

/// A file's text, and the encoding it was read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding it was read in.
    pub encoding: TextEncoding,
}

/// Why a file's bytes are not text in any encoding a spreadsheet writes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// It starts with UTF-16's byte-order mark, but what follows is not UTF-16.
    #[error(
        "the file starts as UTF-16 text (with a byte-order mark) but is not valid UTF-16: it \
         is damaged; save it again from the spreadsheet, as \"CSV UTF-8\""
    )]
    BadUtf16,
    /// UTF-8 text with a byte that is not UTF-8 in it, after letters that are.
    #[error(
        "the file is UTF-8 text up to this line, but here holds a byte that is not UTF-8: it \
         is damaged or mixes two encodings; save it again from the spreadsheet, as \
         \"CSV UTF-8\""
    )]
    MixedUtf8 {
        /// The line (1-based) with the first byte that is not UTF-8.
        line: usize,
    },
    /// A NUL character, which no text table holds.
    #[error(
        "the file holds a NUL character on this line, which no text table does: it is not a \
         CSV file (or it is UTF-16 text without a byte-order mark; save it as \"CSV UTF-8\")"
    )]
    Nul {
        /// The line (1-based) with the first NUL.
        line: usize,
    },
}

impl DecodeError {
    /// The line the problem is on, when it is on one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::BadUtf16 => None,
            Self::MixedUtf8 { line } | Self::Nul { line } => Some(*line),
        }
    }
}

/// Decodes a table file: UTF-16 when it starts with UTF-16's byte-order mark, UTF-8 when it
/// is UTF-8 (a byte-order mark is dropped), and otherwise Windows-1252, which every byte is.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((TextEncoding::Utf16Le, UTF_16LE, rest)),
        [0xFE, 0xFF, rest @ ..] => Some((TextEncoding::Utf16Be, UTF_16BE, rest)),
        _ => None,
    };
    let decoded = if let Some((encoding, decoder, rest)) = utf16 {
        let text = decoder
            .decode_without_bom_handling_and_without_replacement(rest)
            .ok_or(DecodeError::BadUtf16)?;
        Decoded { text, encoding }
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Decoded {
                text: Cow::Borrowed(text),
                encoding: TextEncoding::Utf8,
            },
            Err(error) => {
                // Windows-1252 text almost never reads as UTF-8 past its first letter that is
                // not ASCII (`é` alone is not UTF-8), so letters that did mean UTF-8 damaged.
                let valid = &bytes[..error.valid_up_to()];
                if !valid.is_ascii() {
                    let line = LineIndex::new(valid).line_of(valid.len());
                    return Err(DecodeError::MixedUtf8 { line });
                }
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                Decoded {
                    text,
                    encoding: TextEncoding::Windows1252,
                }
            }
        }
    };
    if let Some(offset) = decoded.text.find('\0') {
        let line = LineIndex::new(decoded.text.as_bytes()).line_of(offset);
        return Err(DecodeError::Nul { line });
    }
    Ok(decoded)
}

/// The character between columns, found from the header row (the first line, where quoted
/// text does not count): whichever of `,`, `;` (European Excel) and tab (Excel's "Unicode
/// text") it holds most of; a comma when it holds none.
pub fn sniff_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut counts = [0_usize; CANDIDATES.len()];
    let mut quoted = false;
    for &byte in text.as_bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == byte) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    // The first of the most frequent, so a tie goes to the comma.
    let mut best = 0;
    for (i, &count) in counts.iter().enumerate() {
        if count > counts[best] {
            best = i;
        }
    }
    CANDIDATES[best]
}

/// Where each line of a text starts, to turn a byte offset into a line number. A line ends
/// at `\n`, `\r\n` or a lone `\r` (old Mac files), as the CSV reader ends records.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// The byte offset of each line's first byte, in order; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `text`.
    pub fn new(text: &[u8]) -> Self {
        let mut starts = vec![0];
        for (i, &byte) in text.iter().enumerate() {
            let ends_line = match byte {
                b'\n' => true,
                b'\r' => text.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if ends_line {
                starts.push(i + 1);
            }
        }
        Self { starts }
    }

    /// The 1-based line that the byte at `offset` is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_it_is_without_its_byte_order_mark() {
        let decoded = decode("\u{feff}name\nCafé Aid\n".as_bytes());
        assert_eq!(
            decoded,
            Ok(Decoded {
                text: Cow::Borrowed("name\nCafé Aid\n"),
                encoding: TextEncoding::Utf8
            })
        );
        assert_eq!(TextEncoding::Utf8.note(), None);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_as_windows_1252() {
        // "St Mary’s", "Café Aid", "€5" as Excel's plain CSV saves them.
        let bytes = b"name,notes\nSt Mary\x92s,Caf\xe9 Aid \x80" as &[u8];
        let decoded = decode(bytes).map(|d| (d.text.into_owned(), d.encoding));
        assert_eq!(
            decoded,
            Ok((
                "name,notes\nSt Mary\u{2019}s,Café Aid €".to_owned(),
                TextEncoding::Windows1252
            ))
        );
        assert!(
            TextEncoding::Windows1252
                .note()
                .is_some_and(|n| n.contains("Windows-1252"))
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_in_either_byte_order() {
        let text = "name\tpower\r\nCafé Aid\t5\r\n";
        let little: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let big: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for (bytes, encoding) in [
            (little, TextEncoding::Utf16Le),
            (big, TextEncoding::Utf16Be),
        ] {
            let decoded = decode(&bytes).map(|d| (d.text.into_owned(), d.encoding));
            assert_eq!(decoded, Ok((text.to_owned(), encoding)));
        }
        // A lone surrogate is not UTF-16.
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(DecodeError::BadUtf16)
        );
    }

    #[test]
    fn utf8_with_a_damaged_byte_is_an_error_on_its_line() {
        let bytes = "name\nCafé Aid\nSt Mary".bytes().chain([0xe9, b's']);
        let bytes: Vec<u8> = bytes.collect();
        assert_eq!(decode(&bytes), Err(DecodeError::MixedUtf8 { line: 3 }));
    }

    #[test]
    fn a_nul_is_an_error_on_its_line() {
        // UTF-16 without a byte-order mark is full of NULs.
        assert_eq!(
            decode(b"name\nP\0o\0l\0i\0c\0e\0"),
            Err(DecodeError::Nul { line: 2 })
        );
    }

    #[test]
    fn the_delimiter_is_the_one_the_header_holds_most_of() {
        assert_eq!(sniff_delimiter("name,power,interest\nA;B;C;D;E\n"), b',');
        assert_eq!(sniff_delimiter("name;power;interest\r\nA,5,6\r\n"), b';');
        assert_eq!(sniff_delimiter("name\tpower\nA,5"), b'\t');
        // Inside quotes they do not count.
        assert_eq!(sniff_delimiter("\"name, full\";power\nA;5\n"), b';');
        assert_eq!(sniff_delimiter("name\nA;5\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
        assert_eq!(sniff_delimiter("name;tags,x,y\n"), b',');
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let lines = LineIndex::new(b"a\nb\r\nc\rd");
        let at: Vec<usize> = (0..9).map(|i| lines.line_of(i)).collect();
        assert_eq!(at, [1, 1, 2, 2, 2, 3, 3, 4, 4]);
    }
}
