//! `astute examples`: list the built-in example maps, or write one.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{
    Outcome, Reported, complain, fail_at, is_stdout, refuse_to_overwrite, report_load_error, say,
    write_out,
};
use crate::io::examples::{self, EXAMPLES};
use crate::io::{file_text, to_ron_string};

/// Arguments of `astute examples`.
#[derive(Debug, Args)]
pub struct ExamplesArgs {
    /// The example to write; without it, the examples are listed.
    pub name: Option<String>,
    /// Where to write the example (without it, or with `-`, the map is printed).
    #[arg(short, long = "output", value_name = "MAP.ron", requires = "name")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (the old one is kept as MAP.ron.bak).
    #[arg(long, requires = "output")]
    pub force: bool,
}

pub(super) fn examples(args: &ExamplesArgs) -> Outcome {
    let Some(name) = &args.name else {
        let width = EXAMPLES.iter().map(|e| e.name.len()).max().unwrap_or(0);
        for example in EXAMPLES {
            say(format!("{:<width$}  {}", example.name, example.summary));
        }
        return Ok(());
    };
    let Some(example) = examples::find(name) else {
        let names: Vec<_> = EXAMPLES.iter().map(|e| e.name).collect();
        complain(format!(
            "astute: there is no example called `{name}`; the examples are: {}",
            names.join(", ")
        ));
        return Err(Reported);
    };
    let map = example
        .map()
        .map_err(|e| report_load_error(Path::new(&format!("(built-in example {name})")), &e))?;
    let Some(output) = args.output.as_deref().filter(|output| !is_stdout(output)) else {
        let text = to_ron_string(&map).map_err(|e| fail_at(Path::new(name), e))?;
        return write_out(Path::new("-"), text.as_bytes());
    };
    refuse_to_overwrite(output, args.force)?;
    let text = file_text(&map).map_err(|e| fail_at(output, e))?;
    write_out(output, text.as_bytes())?;
    say(format!(
        "{}: wrote the example \"{name}\"",
        output.display()
    ));
    Ok(())
}
