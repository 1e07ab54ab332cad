//! The command line without a window.
//!
//! - `minerals-atlas import --check FILE [--zone ZONE]` parses a file,
//!   changes no stored data, and prints one JSON object (format, events,
//!   first and last start in UTC, time zone, warnings).
//! - `minerals-atlas brief ISO3 --out FILE [--zone ZONE] [--paper a4|letter]`
//!   writes a country's brief as a PDF from the built-in data.
//!
//! Exit 0 on success; otherwise the reason goes to stderr and the exit code
//! is 1 (2 for a wrong command line).

use std::path::Path;

const USAGE: &str = "usage: minerals-atlas import --check FILE [--zone IANA_ZONE]";
const BRIEF_USAGE: &str = "usage: minerals-atlas brief ISO3 --out FILE.pdf [--zone IANA_ZONE] [--paper a4|letter]\n\
  ISO3: a country's code (PAK, COD) or EUC for the European Commission.\n\
  --zone: the zone times are given in (default: $TZ when it names an IANA zone, else America/New_York, the ministerial's).\n\
  --paper: default from the locale ($LC_PAPER, $LC_ALL or $LANG): letter in the US and its neighbours, else a4.";

/// `minerals-atlas brief ...`: writes the PDF, prints its path and pages.
pub fn brief(args: &[String]) -> i32 {
    let mut iso3 = None;
    let mut out = None;
    let mut zone = None;
    let mut paper = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let slot = match arg.as_str() {
            "--out" | "-o" => &mut out,
            "--zone" => &mut zone,
            "--paper" => &mut paper,
            "-h" | "--help" => {
                println!("{BRIEF_USAGE}");
                return 0;
            }
            other if iso3.is_none() && !other.starts_with('-') => {
                iso3 = Some(other.to_string());
                continue;
            }
            other => {
                eprintln!("minerals-atlas brief: unexpected argument \"{other}\"\n{BRIEF_USAGE}");
                return 2;
            }
        };
        match it.next() {
            Some(value) if !value.starts_with("--") => *slot = Some(value.clone()),
            _ => {
                eprintln!("minerals-atlas brief: {arg} needs a value\n{BRIEF_USAGE}");
                return 2;
            }
        }
    }
    let (Some(iso3), Some(out)) = (iso3, out) else {
        eprintln!("minerals-atlas brief: name a country and --out FILE\n{BRIEF_USAGE}");
        return 2;
    };
    // The folder must exist: a typo in it is a mistake to report, not a
    // folder to create.
    let out_path = Path::new(&out);
    if let Some(folder) = out_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.is_dir() {
            eprintln!("minerals-atlas brief: cannot write {out}: the folder {} does not exist", folder.display());
            return 1;
        }
    }
    if out_path.is_dir() {
        eprintln!(
            "minerals-atlas brief: cannot write {out}: it is a folder; give a file name such as {}/brief.pdf",
            out.trim_end_matches('/')
        );
        return 1;
    }
    let zone = zone.unwrap_or_else(default_zone);
    let paper = paper.unwrap_or_else(|| default_paper().to_string());
    let (state, _) = match crate::state::AtlasState::load_embedded() {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("minerals-atlas brief: the built-in data could not be read: {e}");
            return 1;
        }
    };
    let atlas = state.get();
    let written = crate::crash::contain(|| crate::brief::country_brief(&atlas, &iso3, &zone, &paper))
        .unwrap_or_else(|panic| Err(crate::error::AppError::Export(format!("the brief could not be written ({panic})"))));
    let brief = match written {
        Ok(b) => b,
        Err(e) => {
            eprintln!("minerals-atlas brief: {e}");
            return 1;
        }
    };
    if let Err(e) = crate::export::write(out_path, &brief.pdf) {
        eprintln!("minerals-atlas brief: {e}");
        return 1;
    }
    println!("{out}: {} page(s), {} bytes", brief.pages, brief.pdf.len());
    0
}

/// `$TZ` when it names an IANA zone; else the ministerial's own zone.
fn default_zone() -> String {
    std::env::var("TZ")
        .ok()
        .map(|tz| tz.trim_start_matches(':').to_string())
        .filter(|tz| atlas_domain::time::ZoneName::parse(tz).is_ok())
        .unwrap_or_else(|| "America/New_York".to_string())
}

/// The paper the locale prints on (`LC_PAPER`, then `LC_ALL`, then `LANG`).
fn default_paper() -> &'static str {
    let locale = ["LC_PAPER", "LC_ALL", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty())).unwrap_or_default();
    atlas_brief::Paper::for_locale(&locale).name()
}

/// The arguments as text; which one is not UTF-8 otherwise.
pub fn utf8_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Vec<String>, String> {
    args.into_iter()
        .enumerate()
        .map(|(i, a)| {
            a.into_string().map_err(|raw| {
                format!(
                    "argument {} ({}) is not valid UTF-8; rename the file or pass it another way",
                    i.saturating_add(1),
                    raw.to_string_lossy()
                )
            })
        })
        .collect()
}

pub fn import(args: &[String]) -> i32 {
    let mut check = false;
    let mut file = None;
    let mut zone = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--zone" => match it.next() {
                Some(z) if !z.starts_with("--") => zone = Some(z.clone()),
                _ => {
                    eprintln!("minerals-atlas import: --zone needs an IANA zone name, such as Asia/Karachi\n{USAGE}");
                    return 2;
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            other if file.is_none() && !other.starts_with("--") => file = Some(other.to_string()),
            other => {
                eprintln!("minerals-atlas import: unexpected argument \"{other}\"\n{USAGE}");
                return 2;
            }
        }
    }
    let (true, Some(file)) = (check, file) else {
        eprintln!("minerals-atlas import: only --check is available from the command line; import into the app from its window\n{USAGE}");
        return 2;
    };
    let zone = match zone.map(|z| atlas_domain::time::ZoneName::parse(&z)).transpose() {
        Ok(z) => z,
        Err(e) => {
            eprintln!("minerals-atlas import: {e}");
            return 2;
        }
    };
    let options = atlas_import::ImportOptions { zone };
    let result = atlas_import::read_limited(Path::new(&file)).and_then(|bytes| {
        crate::crash::contain(|| atlas_import::check(&bytes, &options))
            .unwrap_or_else(|panic| Err(atlas_import::ImportError::Structure(format!("the file could not be read ({panic})"))))
    });
    match result {
        Ok(report) => {
            match serde_json::to_string(&report) {
                Ok(json) => println!("{json}"),
                Err(e) => {
                    eprintln!("minerals-atlas import: {file}: {e}");
                    return 1;
                }
            }
            0
        }
        Err(e) => {
            eprintln!("minerals-atlas import: {file}: {e}");
            1
        }
    }
}
