//! `annotator-convert`: converts annotation files between the formats of
//! `docs/formats.md`, many at once, natively (never built into the wasm).
//!
//! ```text
//! annotator-convert --to FORMAT [--everything] [-o DIR] FILE...
//! ```
//!
//! Each FILE is read as the page's "Open annotations" reads it; its export
//! is written to DIR (default: beside FILE) as `<stem><suffix>`, the stem
//! being the file name without `.json` and `.annotations`. Problems go to
//! standard error, one line per file; the exit status is 1 when any file
//! could not be converted, 2 for bad arguments.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use annotator::model::exchange::{self, Format};
    use annotator::model::format;
    use std::path::{Path, PathBuf};

    const USAGE: &str = "usage: annotator-convert --to FORMAT [--everything] [-o DIR] FILE...";

    struct Args {
        to: Format,
        everything: bool,
        out: Option<PathBuf>,
        files: Vec<PathBuf>,
    }

    pub fn run(args: Vec<String>) -> i32 {
        let args = match parse(args) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}\n{USAGE}");
                return 2;
            }
        };
        let mut failed = 0;
        for file in &args.files {
            match convert(file, &args) {
                Ok(written) => {
                    for w in written {
                        println!("{}", w.display());
                    }
                }
                Err(e) => {
                    eprintln!("{}: {e}", file.display());
                    failed += 1;
                }
            }
        }
        if failed > 0 {
            eprintln!("{failed} of {} files not converted", args.files.len());
            1
        } else {
            0
        }
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let (mut to, mut everything, mut out, mut files) = (None, false, None, Vec::new());
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--to" => {
                    let id = it.next().ok_or("--to needs a format")?;
                    let ids: Vec<_> = Format::ALL.iter().map(|f| f.id()).collect();
                    to = Some(Format::from_id(&id).ok_or_else(|| {
                        format!("unknown format {id:?}; formats: {}", ids.join(", "))
                    })?);
                }
                "--everything" => everything = true,
                "-o" | "--out" => out = Some(PathBuf::from(it.next().ok_or("-o needs a folder")?)),
                "-h" | "--help" => return Err("converts annotation files".into()),
                s if s.starts_with('-') => return Err(format!("unknown option {s}")),
                _ => files.push(PathBuf::from(a)),
            }
        }
        let to = to.ok_or("--to FORMAT is required")?;
        if files.is_empty() {
            return Err("no FILE given".into());
        }
        Ok(Args {
            to,
            everything,
            out,
            files,
        })
    }

    fn convert(file: &Path, args: &Args) -> Result<Vec<PathBuf>, String> {
        let bytes = std::fs::read(file).map_err(|e| e.to_string())?;
        let imported = format::import(&bytes).map_err(|e| e.to_string())?;
        let export = exchange::export(&imported.session, args.to, args.everything);
        let dir = match &args.out {
            Some(d) => d.clone(),
            None => file.parent().map(Path::to_path_buf).unwrap_or_default(),
        };
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let stem = stem(file);
        let mut written = Vec::new();
        for f in &export.files {
            let path = dir.join(format!("{stem}{}", f.suffix));
            std::fs::write(&path, &f.content).map_err(|e| format!("{}: {e}", path.display()))?;
            written.push(path);
        }
        if export.left_out > 0 {
            eprintln!(
                "{}: {} annotations in hidden page parts left out (--everything keeps them)",
                file.display(),
                export.left_out
            );
        }
        Ok(written)
    }

    /// The file name without `.json` and then `.annotations`.
    fn stem(file: &Path) -> String {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = name.strip_suffix(".json").unwrap_or(&name);
        name.strip_suffix(".annotations").unwrap_or(name).to_owned()
    }
}
