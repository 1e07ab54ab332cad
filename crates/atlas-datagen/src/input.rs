//! Reading input files: bytes, hash, UTF-8 and completeness checks, with
//! errors that name the file and the line.

use std::fmt;
use std::path::{Path, PathBuf};

use atlas_domain::model::InputFile;
use sha2::{Digest, Sha256};

/// Why generation stopped. Always names the file, and the line where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenError {
    pub file: PathBuf,
    pub line: Option<u64>,
    pub message: String,
}

impl GenError {
    pub fn new(file: &Path, line: Option<u64>, message: impl Into<String>) -> GenError {
        GenError { file: file.to_path_buf(), line, message: message.into() }
    }
}

impl fmt::Display for GenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for GenError {}

/// A text input, checked and hashed.
pub struct TextInput {
    pub path: PathBuf,
    pub text: String,
    pub record: InputFile,
}

/// Reads a UTF-8 text file. `label` is the path recorded in the provenance
/// (relative, so the output does not depend on where the checkout lives).
pub fn read_text(path: &Path, label: &str) -> Result<TextInput, GenError> {
    let bytes = std::fs::read(path).map_err(|e| GenError::new(path, None, format!("cannot read: {e}")))?;
    if bytes.is_empty() {
        return Err(GenError::new(path, Some(1), "file is empty"));
    }
    let sha256 = hex(&Sha256::digest(&bytes));
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|b| **b == b'\n').count() as u64 + 1;
            return Err(GenError::new(
                path,
                Some(line),
                format!(
                    "not valid UTF-8 (byte 0x{:02X} at offset {at}); convert the file to UTF-8 \
                     (the USGS original is Windows-1252: use the .utf8.csv copy)",
                    bytes[at]
                ),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
    Ok(TextInput {
        path: path.to_path_buf(),
        record: InputFile { path: label.to_string(), sha256, bytes: bytes.len() as u64 },
        text,
    })
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a CSV whose header must be exactly `expected`; returns the records with their line numbers.
pub fn read_csv(input: &TextInput, expected: &[&str]) -> Result<Vec<(u64, csv::StringRecord)>, GenError> {
    // A CSV cut short mid-row can still parse; a missing final line break gives it away.
    if !input.text.ends_with('\n') {
        let line = input.text.lines().count() as u64;
        return Err(GenError::new(
            &input.path,
            Some(line.max(1)),
            "file does not end with a line break: it looks truncated",
        ));
    }
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input.text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| GenError::new(&input.path, Some(1), format!("cannot read the header: {e}")))?
        .clone();
    let found: Vec<&str> = header.iter().collect();
    if found != expected {
        return Err(GenError::new(
            &input.path,
            Some(1),
            format!(
                "unknown column layout: expected columns [{}], found [{}]",
                expected.join(", "),
                found.join(", ")
            ),
        ));
    }
    let mut rows = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let line = e.position().map(|p| p.line());
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
                    "row has {len} fields where the header has {expected_len}: the file is truncated or malformed"
                ),
                _ => format!("malformed CSV: {e}"),
            };
            GenError::new(&input.path, line, message)
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        rows.push((line, record));
    }
    if rows.is_empty() {
        return Err(GenError::new(&input.path, Some(2), "no data rows after the header"));
    }
    Ok(rows)
}
