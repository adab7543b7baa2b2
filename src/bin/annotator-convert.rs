//! `annotator-convert`: converts annotation files between the formats of
//! `docs/formats.md`, many at once, natively (never built into the wasm).
//!
//! ```text
//! annotator-convert --to FORMAT [--everything] [--onto FILE] [-o DIR] FILE...
//! ```
//!
//! FORMAT is `native` or a format id (`w3c`, `label-studio`, `doccano`,
//! `brat`, `conll`, `spacy`, `csv`). Each FILE is read as the page's "Open
//! annotations" reads it — a native file, W3C, Label Studio, doccano, or a
//! brat `.ann` (its `.txt` beside it is read with it) — on the article of
//! `--onto` (a native annotations file) when given: W3C files need it, as
//! they hold no text. The export is written to DIR (default: beside FILE)
//! as `<stem><suffix>`, the stem being the file name without its format's
//! suffix. Problems go to standard error, one line per file; the exit
//! status is 1 when any file could not be converted, 2 for bad arguments.
//!
//! ```text
//! annotator-convert agree [--csv] FILE FILE...
//! ```
//!
//! compares two or more native annotation files of the same article (one
//! per annotator, named by file stem) and prints the agreement report of
//! `docs/agreement.md` as JSON (`--json`, the default) or CSV (`--csv`).
//! Exit status 1 when a file cannot be read or is of another article.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use annotator::model::exchange::{self, Format, InFile};
    use annotator::model::{agreement, format, Session};
    use annotator::ui::messages;
    use std::path::{Path, PathBuf};

    const USAGE: &str =
        "usage: annotator-convert --to FORMAT [--everything] [--onto FILE] [-o DIR] FILE...\n       \
         annotator-convert agree [--json | --csv] FILE FILE...";

    /// `agree`: the agreement report of native files (see the module doc).
    fn agree(args: &[String]) -> i32 {
        let (mut csv, mut files) = (false, Vec::new());
        for a in args {
            match a.as_str() {
                "--csv" => csv = true,
                "--json" => csv = false,
                s if s.starts_with('-') => {
                    eprintln!("unknown option {s}\n{USAGE}");
                    return 2;
                }
                _ => files.push(PathBuf::from(a)),
            }
        }
        let mut sessions = Vec::new();
        for f in &files {
            let read = std::fs::read(f).map_err(|e| e.to_string());
            match read.and_then(|b| format::import(&b).map_err(|e| e.to_string())) {
                Ok(imported) => sessions.push(imported.session),
                Err(e) => {
                    eprintln!("{}: {e}", f.display());
                    return 1;
                }
            }
        }
        let file_names: Vec<String> = files
            .iter()
            .map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
            .map(Option::unwrap_or_default)
            .collect();
        let named: Vec<(&str, &Session)> = file_names
            .iter()
            .map(String::as_str)
            .zip(&sessions)
            .collect();
        let names = agreement::view::coder_names(&named, &SUFFIXES);
        let coders: Vec<agreement::Coder> = names
            .iter()
            .zip(&sessions)
            .map(|(name, session)| agreement::Coder { name, session })
            .collect();
        match agreement::compare(&coders) {
            Ok(report) if csv => print!("{}", report.to_csv()),
            Ok(report) => println!(
                "{}",
                serde_json::to_string_pretty(&report).expect("a report serialises")
            ),
            Err(e) => {
                eprintln!("{e}");
                return if matches!(e, agreement::AgreementError::TooFew { .. }) {
                    2
                } else {
                    1
                };
            }
        }
        0
    }

    /// What a file's stem is without (longest first).
    const SUFFIXES: [&str; 8] = [
        ".annotations.json",
        ".label-studio.json",
        ".doccano.jsonl",
        ".w3c.jsonld",
        ".json",
        ".jsonl",
        ".ann",
        ".txt",
    ];

    struct Args {
        /// `None`: the native file.
        to: Option<Format>,
        everything: bool,
        onto: Option<Session>,
        out: Option<PathBuf>,
        files: Vec<PathBuf>,
    }

    pub fn run(args: Vec<String>) -> i32 {
        if args.first().is_some_and(|a| a == "agree") {
            return agree(&args[1..]);
        }
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
        let mut onto = None;
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--to" => {
                    let id = it.next().ok_or("--to needs a format")?;
                    let ids: Vec<_> = Format::ALL.iter().map(|f| f.id()).collect();
                    to = Some(match id.as_str() {
                        "native" => None,
                        id => Some(Format::from_id(id).ok_or_else(|| {
                            format!("unknown format {id:?}; formats: native, {}", ids.join(", "))
                        })?),
                    });
                }
                "--onto" => {
                    let path = it.next().ok_or("--onto needs an annotations file")?;
                    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
                    let imported = format::import(&bytes).map_err(|e| format!("{path}: {e}"))?;
                    onto = Some(imported.session);
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
        // A brat .txt goes with its .ann: converting it alone would fail.
        let anns: Vec<PathBuf> = files.iter().filter(|f| is(f, ".ann")).cloned().collect();
        files.retain(|f| !(is(f, ".txt") && anns.contains(&f.with_extension("ann"))));
        Ok(Args {
            to,
            everything,
            onto,
            out,
            files,
        })
    }

    fn is(file: &Path, ext: &str) -> bool {
        file.to_string_lossy().to_ascii_lowercase().ends_with(ext)
    }

    /// The inputs of `file` as (name, bytes): a `.ann` with its `.txt`.
    fn inputs(file: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
        let mut paths = vec![file.to_path_buf()];
        if is(file, ".ann") {
            paths.insert(0, file.with_extension("txt"));
        }
        paths
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
                Ok((p.to_string_lossy().into_owned(), bytes))
            })
            .collect()
    }

    fn convert(file: &Path, args: &Args) -> Result<Vec<PathBuf>, String> {
        let read = inputs(file)?;
        let files: Vec<InFile> = read
            .iter()
            .map(|(name, bytes)| InFile { name, bytes })
            .collect();
        let imported = exchange::open(&files, args.onto.as_ref()).map_err(|e| e.to_string())?;
        let report = messages::report(&imported.report);
        if !report.is_empty() {
            eprintln!("{}:{report}", file.display());
        }
        let export = match args.to {
            Some(to) => exchange::export(&imported.session, to, args.everything),
            None => exchange::Exported {
                files: vec![exchange::OutFile {
                    suffix: ".annotations.json",
                    mime: "application/json",
                    content: format::export(&imported.session),
                }],
                left_out: 0,
                relations_left_out: 0,
                dropped: Vec::new(),
            },
        };
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

    /// The file name without its format's suffix ([`SUFFIXES`]).
    fn stem(file: &Path) -> String {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        SUFFIXES
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .unwrap_or(&name)
            .to_owned()
    }
}
