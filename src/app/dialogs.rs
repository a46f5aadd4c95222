//! File dialogs behind a small interface: the desktop's own (through `rfd`), Astute's own file
//! chooser (drawn by `chooser`) when the desktop has none, and prepared answers for tests.
//!
//! A dialog is asked for and answered later ([`FileDialogs::ask`], then
//! [`FileDialogs::answer_ui`] each frame until it answers): the desktop's dialog runs on
//! another thread while the window goes on drawing, and Astute's own chooser is drawn over the
//! frames it is open.
//!
//! On Linux `rfd` asks the desktop portal (`org.freedesktop.portal.Desktop`, over D-Bus) for a
//! dialog, then `zenity`; when neither is there it returns `None`, just as when the user
//! cancels. So before the first dialog Astute looks for itself: is the portal's `FileChooser`
//! on the session bus (or startable by it), or is `zenity` installed? If not, its own chooser
//! takes over for the session, and the user is told why, once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::chooser::Chooser;

/// What kind of file a dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An Astute map (`.ron`).
    Map,
    /// A spreadsheet: a workbook (`.xlsx`, `.ods`, `.xls`) or a CSV table.
    Spreadsheet,
    /// A document to read: a web page (`.html`) or Markdown (`.md`), by the name given.
    Document,
    /// A graph for Gephi or yEd (`.graphml`).
    GraphMl,
    /// A graph in Gephi's own format (`.gexf`).
    Gexf,
    /// A meeting brief: a web page (`.html`), a PDF (`.pdf`) or Markdown (`.md`), by the name
    /// given.
    Brief,
    /// A printable document (`.pdf`).
    Pdf,
    /// A vector picture (`.svg`).
    Svg,
    /// An image (`.png`).
    Png,
}

impl FileKind {
    /// The dialog's filters, each a name and an extension; the first is the default.
    pub fn filters(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Map => &[("Astute map", "ron")],
            Self::Spreadsheet => &[
                ("Excel workbook", "xlsx"),
                ("CSV table", "csv"),
                ("OpenDocument spreadsheet", "ods"),
                ("Excel 97-2003 workbook", "xls"),
            ],
            Self::Document => &[("Web page", "html"), ("Markdown", "md")],
            Self::GraphMl => &[("GraphML", "graphml")],
            Self::Gexf => &[("GEXF", "gexf")],
            Self::Brief => &[("Web page", "html"), ("PDF", "pdf"), ("Markdown", "md")],
            Self::Pdf => &[("PDF document", "pdf")],
            Self::Svg => &[("SVG picture", "svg")],
            Self::Png => &[("PNG image", "png")],
        }
    }

    /// The extension a saved file gets when the name typed has none.
    fn default_extension(self) -> &'static str {
        self.filters()
            .first()
            .map_or("", |(_, extension)| *extension)
    }

    /// Whether a file of this name is of this kind, by its extension.
    pub(super) fn matches(self, path: &Path) -> bool {
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        self.filters()
            .iter()
            .any(|(_, wanted)| extension.as_deref() == Some(*wanted))
    }
}

/// What a dialog asks the user for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// A file of this kind to open.
    Open(FileKind),
    /// Files of this kind to open, several at once where the dialog allows it.
    OpenMany(FileKind),
    /// Where to save a file of this kind, suggesting this file name.
    Save(FileKind, String),
}

/// A dialog to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// What it asks for.
    pub ask: Ask,
    /// Its title, saying what the file is for ("Save the map as").
    pub title: String,
    /// The folder it starts in, if there is a good one (the map's own folder).
    pub folder: Option<PathBuf>,
}

/// The user's answer to a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The file picked (for a save, with the kind's extension if the name had none).
    Picked(PathBuf),
    /// The files picked, for [`Ask::OpenMany`] (a dialog that picks one at a time answers
    /// [`Answer::Picked`]).
    PickedMany(Vec<PathBuf>),
    /// The user closed the dialog without picking.
    Cancelled,
}

/// The kind of file `request` asks for.
pub(super) fn request_kind(request: &Request) -> FileKind {
    match &request.ask {
        Ask::Open(kind) | Ask::OpenMany(kind) | Ask::Save(kind, _) => *kind,
    }
}

/// `path`, with the kind's extension when it has none.
pub(super) fn with_extension(path: PathBuf, kind: FileKind) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(kind.default_extension())
    } else {
        path
    }
}

/// Asks the user for files: a request now, the answer in this frame or a later one.
pub trait FileDialogs {
    /// Starts showing a dialog. Only one is shown at a time; the app waits for its answer
    /// before it asks again.
    fn ask(&mut self, ctx: &egui::Context, request: Request);
    /// Draws the dialog, if Astute draws it, and returns the answer once the user has given
    /// it (once per request).
    fn answer_ui(&mut self, ctx: &egui::Context) -> Option<Answer>;
    /// Why the desktop's own dialogs cannot be used, the first time that is found.
    fn take_notice(&mut self) -> Option<String> {
        None
    }
}

/// Whether the desktop's own dialogs can be used.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Desktop {
    /// Not looked at yet.
    Unknown,
    /// They can.
    Works,
    /// They cannot, for this reason: Astute's own chooser is used.
    Missing(String),
}

/// The desktop's dialogs where it has them, else Astute's own file chooser.
pub struct NativeDialogs {
    desktop: Desktop,
    /// The session bus to look for the portal on, when not the one in the environment.
    bus: Option<String>,
    /// The answer of a desktop dialog on its way from the thread that shows it.
    waiting: Option<(Request, Receiver<Option<Vec<PathBuf>>>)>,
    chooser: Option<Chooser>,
    notice: Option<String>,
}

impl Default for NativeDialogs {
    fn default() -> Self {
        Self {
            desktop: Desktop::Unknown,
            bus: None,
            waiting: None,
            chooser: None,
            notice: None,
        }
    }
}

impl std::fmt::Debug for NativeDialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeDialogs")
            .field("desktop", &self.desktop)
            .field("waiting", &self.waiting.is_some())
            .field("chooser", &self.chooser.is_some())
            .finish()
    }
}

impl NativeDialogs {
    /// Dialogs that look for the desktop portal on the session bus at `address` (a D-Bus
    /// address such as `unix:path=/run/user/1000/bus`) instead of the environment's.
    pub fn on_bus(address: impl Into<String>) -> Self {
        Self {
            bus: Some(address.into()),
            ..Self::default()
        }
    }

    /// Whether the desktop's dialogs can be used, looked at once per session.
    fn desktop(&mut self) -> &Desktop {
        if self.desktop == Desktop::Unknown {
            self.desktop = match desktop_dialogs(self.bus.as_deref()) {
                Ok(()) => Desktop::Works,
                Err(why) => Desktop::Missing(why),
            };
        }
        &self.desktop
    }

    /// Shows Astute's own chooser, telling the user why the first time.
    fn choose_in_app(&mut self, request: Request) {
        if let Desktop::Missing(why) = &self.desktop
            && self.notice.is_none()
        {
            self.notice = Some(format!(
                "The desktop's file dialog cannot open ({why}), so Astute shows its own file \
                 chooser."
            ));
        }
        self.chooser = Some(Chooser::new(request));
    }
}

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, ctx: &egui::Context, request: Request) {
        if self.waiting.is_some() || self.chooser.is_some() {
            return;
        }
        if *self.desktop() != Desktop::Works {
            self.choose_in_app(request);
            return;
        }
        let (send, receive) = std::sync::mpsc::channel();
        let dialog = rfd_dialog(&request);
        let ask = request.ask.clone();
        let ctx = ctx.clone();
        let shown = move || {
            let picked = match ask {
                Ask::Open(_) => dialog.pick_file().map(|path| vec![path]),
                Ask::OpenMany(_) => dialog.pick_files(),
                Ask::Save(..) => dialog.save_file().map(|path| vec![path]),
            };
            // The app may have closed meanwhile; then nobody waits for the answer.
            let _sent = send.send(picked);
            ctx.request_repaint();
        };
        if cfg!(any(target_os = "windows", target_os = "macos")) {
            // There, the system's dialogs belong to the thread that runs the window.
            shown();
        } else if std::thread::Builder::new()
            .name("astute-file-dialog".to_owned())
            .spawn(shown)
            .is_err()
        {
            self.desktop = Desktop::Missing("no thread could be started for it".into());
            self.choose_in_app(request);
            return;
        }
        self.waiting = Some((request, receive));
    }

    fn answer_ui(&mut self, ctx: &egui::Context) -> Option<Answer> {
        if let Some((request, receive)) = &self.waiting {
            match receive.try_recv() {
                Ok(picked) => {
                    let kind = request_kind(request);
                    let ask = request.ask.clone();
                    self.waiting = None;
                    let mut picked = picked.unwrap_or_default();
                    return Some(match ask {
                        _ if picked.is_empty() => Answer::Cancelled,
                        Ask::OpenMany(_) => Answer::PickedMany(picked),
                        Ask::Save(..) => Answer::Picked(with_extension(picked.remove(0), kind)),
                        Ask::Open(_) => Answer::Picked(picked.remove(0)),
                    });
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    // The dialog's thread died (a panic in the desktop's dialog): use ours.
                    let request = request.clone();
                    self.waiting = None;
                    self.desktop = Desktop::Missing("it failed".into());
                    self.choose_in_app(request);
                }
            }
        }
        let answer = self.chooser.as_mut()?.ui(ctx)?;
        self.chooser = None;
        Some(answer)
    }

    fn take_notice(&mut self) -> Option<String> {
        self.notice.as_mut().and_then(|notice| {
            // Told once: the empty string stays, so it is never made again.
            (!notice.is_empty()).then(|| std::mem::take(notice))
        })
    }
}

/// Dialogs that always use Astute's own chooser, as on a desktop without dialogs.
#[derive(Debug, Default)]
pub struct InAppDialogs {
    chooser: Option<Chooser>,
}

impl FileDialogs for InAppDialogs {
    fn ask(&mut self, _ctx: &egui::Context, request: Request) {
        if self.chooser.is_none() {
            self.chooser = Some(Chooser::new(request));
        }
    }

    fn answer_ui(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let answer = self.chooser.as_mut()?.ui(ctx)?;
        self.chooser = None;
        Some(answer)
    }
}

/// The desktop's dialog for `request`, with its kind's filters.
fn rfd_dialog(request: &Request) -> rfd::FileDialog {
    let kind = request_kind(request);
    let mut dialog = kind
        .filters()
        .iter()
        .fold(rfd::FileDialog::new(), |dialog, (name, extension)| {
            dialog.add_filter(*name, &[*extension])
        })
        .set_title(&request.title);
    if let Some(folder) = &request.folder {
        dialog = dialog.set_directory(folder);
    }
    match &request.ask {
        Ask::Open(_) | Ask::OpenMany(_) => dialog.add_filter("All files", &["*"]),
        Ask::Save(_, name) => dialog.set_file_name(name),
    }
}

/// Whether the desktop can show file dialogs: on Linux and the BSDs, through its portal or
/// `zenity`, which is what `rfd` tries; elsewhere the system always can.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn desktop_dialogs(bus: Option<&str>) -> Result<(), String> {
    match portal_file_chooser(bus) {
        Ok(()) => Ok(()),
        Err(_) if on_path("zenity") => Ok(()),
        Err(why) => Err(format!("{why}, and zenity is not installed")),
    }
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn desktop_dialogs(_bus: Option<&str>) -> Result<(), String> {
    Ok(())
}

/// Asks the session bus (at `bus`, else the environment's) for the version of the desktop
/// portal's file chooser: what `rfd` needs. Asking starts the portal if the bus can start it.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn portal_file_chooser(bus: Option<&str>) -> Result<(), String> {
    use std::time::Duration;
    // A portal that is starting up answers within a second or two; one that hangs is as good
    // as none.
    const TIMEOUT: Duration = Duration::from_secs(5);
    let builder = match bus {
        Some(address) => zbus::connection::Builder::address(address),
        None => zbus::connection::Builder::session(),
    };
    async_io::block_on(async {
        let connection = builder
            .map(|b| b.method_timeout(TIMEOUT))
            .map_err(|e| format!("there is no session bus to reach a desktop portal on: {e}"))?
            .build()
            .await
            .map_err(|e| format!("there is no session bus to reach a desktop portal on: {e}"))?;
        let reply = connection
            .call_method(
                Some("org.freedesktop.portal.Desktop"),
                "/org/freedesktop/portal/desktop",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.portal.FileChooser", "version"),
            )
            .await;
        match reply {
            Ok(_) => Ok(()),
            Err(zbus::Error::MethodError(name, _, _))
                if name.as_str() == "org.freedesktop.DBus.Error.ServiceUnknown" =>
            {
                Err("no desktop portal (xdg-desktop-portal) is running".to_owned())
            }
            Err(e) => Err(format!("the desktop portal has no file chooser: {e}")),
        }
    })
}

/// Whether an executable called `name` is on the `PATH`.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn on_path(name: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            std::fs::metadata(dir.join(name))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    })
}

/// Dialogs that give prepared answers, for tests: each request takes the next answer of its
/// kind (an empty list answers "cancelled"); a request for several files to open takes the
/// next answer to "open", one file, as a dialog that picks one at a time would.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    /// Answers to "open", in order.
    pub opens: Vec<Option<PathBuf>>,
    /// Answers to "save as", in order.
    pub saves: Vec<Option<PathBuf>>,
    /// Every request asked, in order (for tests to check the titles and names suggested).
    pub asked: Vec<Request>,
    /// The answer waiting to be given to the last request (set by `ask`).
    pub ready: Option<Answer>,
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, _ctx: &egui::Context, request: Request) {
        self.asked.push(request.clone());
        let answers = match request.ask {
            Ask::Open(_) | Ask::OpenMany(_) => &mut self.opens,
            Ask::Save(..) => &mut self.saves,
        };
        let picked = (!answers.is_empty()).then(|| answers.remove(0)).flatten();
        self.ready = Some(picked.map_or(Answer::Cancelled, Answer::Picked));
    }

    fn answer_ui(&mut self, _ctx: &egui::Context) -> Option<Answer> {
        self.ready.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_gets_its_kind_s_extension_when_it_has_none() {
        let path = with_extension(PathBuf::from("/maps/hub"), FileKind::Map);
        assert_eq!(path, PathBuf::from("/maps/hub.ron"));
        let path = with_extension(PathBuf::from("/maps/brief.md"), FileKind::Document);
        assert_eq!(path, PathBuf::from("/maps/brief.md"));
        assert!(FileKind::Document.matches(Path::new("a.MD")));
        assert!(!FileKind::Map.matches(Path::new("a.ron.bak")));
    }

    #[cfg(target_os = "linux")]
    mod portal {
        use super::super::*;
        use std::io::BufRead;
        use std::process::{Child, Command, Stdio};

        /// A private session bus of its own (a `dbus-daemon` that can start no service), and
        /// its address, read from the daemon once it listens.
        struct Bus {
            daemon: Child,
            address: String,
            _dir: tempfile::TempDir,
        }

        impl Bus {
            fn start() -> Result<Self, Box<dyn std::error::Error>> {
                let dir = tempfile::tempdir()?;
                let config = dir.path().join("bus.conf");
                std::fs::write(
                    &config,
                    format!(
                        "<busconfig><type>session</type>\
                         <listen>unix:path={}</listen><auth>EXTERNAL</auth>\
                         <policy context=\"default\"><allow send_destination=\"*\"/>\
                         <allow own=\"*\"/><allow receive_sender=\"*\"/></policy></busconfig>",
                        dir.path().join("socket").display()
                    ),
                )?;
                let mut daemon = Command::new("dbus-daemon")
                    .arg(format!("--config-file={}", config.display()))
                    .args(["--nofork", "--print-address"])
                    .stdout(Stdio::piped())
                    .spawn()
                    .map_err(|e| format!("dbus-daemon (package dbus-daemon) is needed: {e}"))?;
                let mut address = String::new();
                let out = daemon.stdout.take().ok_or("no output from dbus-daemon")?;
                std::io::BufReader::new(out).read_line(&mut address)?;
                Ok(Self {
                    daemon,
                    address: address.trim().to_owned(),
                    _dir: dir,
                })
            }
        }

        impl Drop for Bus {
            fn drop(&mut self) {
                let _ = self.daemon.kill();
                let _ = self.daemon.wait();
            }
        }

        /// Just enough of a desktop portal: the file chooser's version.
        struct FileChooser;

        #[zbus::interface(name = "org.freedesktop.portal.FileChooser")]
        impl FileChooser {
            #[zbus(property, name = "version")]
            fn version(&self) -> u32 {
                4
            }
        }

        #[test]
        fn no_portal_is_told_apart_from_a_portal_with_a_file_chooser()
        -> Result<(), Box<dyn std::error::Error>> {
            let bus = Bus::start()?;
            let missing = portal_file_chooser(Some(&bus.address));
            let why = missing.err().ok_or("found a portal on an empty bus")?;
            assert!(why.contains("no desktop portal"), "{why}");

            let portal = async_io::block_on(
                zbus::connection::Builder::address(bus.address.as_str())?
                    .name("org.freedesktop.portal.Desktop")?
                    .serve_at("/org/freedesktop/portal/desktop", FileChooser)?
                    .build(),
            )?;
            assert_eq!(portal_file_chooser(Some(&bus.address)), Ok(()));
            drop(portal);

            let gone = "unix:path=/nonexistent/astute-test-bus";
            let why = portal_file_chooser(Some(gone))
                .err()
                .ok_or("a bus that is not there")?;
            assert!(why.contains("no session bus"), "{why}");
            Ok(())
        }
    }
}
