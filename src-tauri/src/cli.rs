//! The command line without a window: `minerals-atlas import --check FILE
//! [--zone ZONE]` parses a file, changes no stored data, and prints one
//! JSON object (format, events, first and last start in UTC, time zone,
//! warnings). Exit 0 when the file would import; otherwise the error goes
//! to stderr and the exit code is 1 (2 for a wrong command line).

use std::path::Path;

const USAGE: &str = "usage: minerals-atlas import --check FILE [--zone IANA_ZONE]";

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
