//! A message about a file, with the line and column where one is known.

use std::fmt;
use std::path::Path;

/// One message about a file: what is wrong, and where when the reader knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line and column, where known.
    pub line_col: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// A message with no position.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            line_col: None,
            message: message.into(),
        }
    }

    /// A message at a line and column (both 1-based).
    pub fn at(line: usize, col: usize, message: impl Into<String>) -> Self {
        Self {
            line_col: Some((line, col)),
            message: message.into(),
        }
    }

    /// The message as `FILE:LINE:COL: message` (or `FILE: message` without a position), the
    /// form compilers use, which editors and terminals turn into links.
    pub fn with_file(&self, file: &Path) -> String {
        match self.line_col {
            Some(_) => format!("{}:{self}", file.display()),
            None => format!("{}: {self}", file.display()),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_col {
            Some((line, col)) => write!(f, "{line}:{col}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
