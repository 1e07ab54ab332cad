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
    Ok(TextInput { path: path.to_path_buf(), record: InputFile { path: label.to_string(), sha256, bytes: bytes.len() as u64 }, text })
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a CSV whose header must be exactly `expected`; returns the records with their line numbers.
pub fn read_csv(input: &TextInput, expected: &[&str]) -> Result<Vec<(u64, csv::StringRecord)>, GenError> {
    // A CSV cut short mid-row can still parse; a missing final line break gives it away.
    if !input.text.ends_with('\n') {
        let line = input.text.lines().count() as u64;
        return Err(GenError::new(&input.path, Some(line.max(1)), "file does not end with a line break: it looks truncated"));
    }
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input.text.as_bytes());
    let header = reader.headers().map_err(|e| GenError::new(&input.path, Some(1), format!("cannot read the header: {e}")))?.clone();
    let found: Vec<&str> = header.iter().collect();
    if found != expected {
        return Err(GenError::new(
            &input.path,
            Some(1),
            format!("unknown column layout: expected columns [{}], found [{}]", expected.join(", "), found.join(", ")),
        ));
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(&input.text);
    for result in reader.records() {
        let record = result.map_err(|e| {
            let line = e.position().map(|p| lines.line_at(p.byte()));
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                    format!("row has {len} fields where the header has {expected_len}: the file is truncated or malformed")
                }
                _ => format!("malformed CSV: {e}"),
            };
            GenError::new(&input.path, line, message)
        })?;
        let line = record.position().map(|p| lines.line_at(p.byte())).unwrap_or(0);
        rows.push((line, record));
    }
    if rows.is_empty() {
        return Err(GenError::new(&input.path, Some(2), "no data rows after the header"));
    }
    Ok(rows)
}

/// The 1-based line of a record that the csv crate says starts at byte
/// `offset`. On CRLF files the crate ends a record at the `\r` and reports
/// the next one as starting on the `\n` (its own line counter is then one
/// short), so a `\n` at the offset belongs to the line before.
pub fn line_at(text: &str, offset: u64) -> u64 {
    LineCounter::new(text).line_at(offset)
}

/// Line numbers for increasing offsets in one pass (records arrive in order).
struct LineCounter<'a> {
    bytes: &'a [u8],
    scanned: usize,
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter { bytes: text.as_bytes(), scanned: 0, newlines: 0 }
    }

    fn line_at(&mut self, offset: u64) -> u64 {
        let mut end = (offset as usize).min(self.bytes.len());
        if self.bytes.get(end) == Some(&b'\n') {
            end += 1;
        }
        if end < self.scanned {
            // Out of order: count afresh.
            self.scanned = 0;
            self.newlines = 0;
        }
        self.newlines += self.bytes[self.scanned..end].iter().filter(|b| **b == b'\n').count() as u64;
        self.scanned = end;
        self.newlines + 1
    }
}

/// Reads a CSV as typed rows (`T`'s fields named as the header's columns,
/// which must be exactly `expected`), each field trimmed; with line numbers.
pub fn read_rows<T: serde::de::DeserializeOwned>(input: &TextInput, expected: &[&str]) -> Result<Vec<(u64, T)>, GenError> {
    let header = csv::StringRecord::from(expected.to_vec());
    read_csv(input, expected)?
        .into_iter()
        .map(|(line, mut record)| {
            record.trim();
            record
                .deserialize::<T>(Some(&header))
                .map(|row| (line, row))
                .map_err(|e| GenError::new(&input.path, Some(line), format!("{e}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::line_at;

    #[test]
    fn lines_from_byte_offsets() {
        // Records as the csv crate reports them on a CRLF file, and on an LF file.
        let crlf = "h1,h2\r\na,\"x\r\ny\"\r\nb,2\r\n";
        let lf = "h1,h2\na,\"x\ny\"\nb,2\n";
        for text in [crlf, lf] {
            let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let lines: Vec<u64> = reader.records().map(|r| line_at(text, r.unwrap().position().unwrap().byte())).collect();
            assert_eq!(lines, vec![2, 4], "{text:?}");
        }
    }
}
