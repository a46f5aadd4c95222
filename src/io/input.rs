//! Reading an input file whole with a size limit that holds while reading, so a device that
//! never ends (`/dev/zero`), a pipe or a file that grows cannot fill the memory.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::map_file::{LoadError, MAX_FILE_BYTES};

/// Why an input file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// The file says it is larger than any real table or map; it was not read.
    #[error("{}", LoadError::TooLarge { size: *size })]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
    },
    /// More than [`MAX_FILE_BYTES`] came out of it: a device or a pipe that may never end.
    #[error(
        "more than {} MB came out of it, far more than any map or table holds, so reading \
         stopped there: it is probably a device or a pipe, not a table",
        MAX_FILE_BYTES >> 20
    )]
    Endless,
}

/// Reads the file at `path` whole, refusing more than [`MAX_FILE_BYTES`]: a regular file whose
/// size says so before reading, and anything else (a pipe, a device, a file that grows) as
/// soon as one byte more has come out of it.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    let mut bytes = Vec::new();
    if metadata.is_file() {
        let size = metadata.len();
        if size > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge { size });
        }
        // At most the limit, by the check above.
        bytes.reserve(usize::try_from(size).unwrap_or(0));
    }
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::Endless);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_a_file_whole() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("people.csv");
        std::fs::write(&path, "name\nPolice\n")?;
        assert_eq!(read_limited(&path)?, b"name\nPolice\n");
        Ok(())
    }

    #[test]
    fn a_file_too_large_is_refused_unread() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("huge.csv");
        File::create(&path)?.set_len(MAX_FILE_BYTES + 1)?;
        let error = read_limited(&path).err();
        assert!(
            matches!(error, Some(ReadError::TooLarge { size }) if size == MAX_FILE_BYTES + 1),
            "{error:?}"
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_device_that_never_ends_is_cut_off_at_the_limit() {
        let error = read_limited(Path::new("/dev/zero")).err();
        assert!(matches!(error, Some(ReadError::Endless)), "{error:?}");
    }

    /// Makes a named pipe at `path` with the system's `mkfifo`.
    #[cfg(unix)]
    fn make_fifo(path: &Path) {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(
            made.is_ok_and(|status| status.success()),
            "`mkfifo {}` failed: this test needs coreutils' mkfifo",
            path.display()
        );
    }

    /// Writes `chunk` to the pipe at `path` over and over, `times` times (`None`: until the
    /// reader closes it), from another thread. Returns how many bytes went in.
    #[cfg(unix)]
    fn feed(
        path: &Path,
        chunk: Vec<u8>,
        times: Option<usize>,
    ) -> std::thread::JoinHandle<std::io::Result<u64>> {
        let path = path.to_owned();
        std::thread::spawn(move || {
            // Opening for writing waits until the reader has opened the pipe.
            let mut pipe = std::fs::OpenOptions::new().write(true).open(&path)?;
            let mut written = 0;
            for _ in 0..times.unwrap_or(usize::MAX) {
                match pipe.write_all(&chunk) {
                    Ok(()) => written += chunk.len() as u64,
                    // The reader stopped reading and closed its end.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
                    Err(e) => return Err(e),
                }
            }
            Ok(written)
        })
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_read_to_its_end() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("people.csv");
        make_fifo(&path);
        let writer = feed(&path, b"Police\n".to_vec(), Some(3));
        let bytes = read_limited(&path)?;
        assert_eq!(bytes, b"Police\nPolice\nPolice\n");
        assert_eq!(writer.join().map_err(|_| "writer panicked")??, 21);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_that_never_ends_is_cut_off_at_the_limit() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("people.csv");
        make_fifo(&path);
        let writer = feed(&path, vec![b'x'; 1 << 16], None);
        let error = read_limited(&path).err();
        assert!(matches!(error, Some(ReadError::Endless)), "{error:?}");
        // The writer was stopped by the closed pipe soon after the limit, not by memory.
        let written = writer.join().map_err(|_| "writer panicked")??;
        assert!(written > MAX_FILE_BYTES, "{written}");
        assert!(written < 2 * MAX_FILE_BYTES, "{written}");
        Ok(())
    }
}
