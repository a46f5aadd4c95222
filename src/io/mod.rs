//! Reading and writing maps: the RON file format with its versions, atomic saves with a backup,
//! and the messages a user sees when a file is bad; reading input files and tables safely.

mod atomic;
pub mod autosave;
pub mod decode;
mod diagnostic;
pub mod examples;
mod input;
mod map_file;
mod ron_messages;
pub mod spreadsheet;

pub use atomic::{
    WriteError, backup_path, check_replaceable, is_read_only, replace_file,
    replace_file_without_backup, save_target, write_atomically,
};
pub use diagnostic::Diagnostic;
pub use input::{ReadError, read_limited};
pub use map_file::{
    FORMAT_NAME, FORMAT_VERSION, LoadError, Loaded, MAX_FILE_BYTES, SaveError, file_text,
    parse_bytes, parse_map, read_map, to_ron_string, write_map,
};
