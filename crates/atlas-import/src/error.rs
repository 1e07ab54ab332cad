//! Why an import stopped. Each message says where and what to do; nothing
//! has been changed when one is returned.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {message}")]
    Io { path: String, message: String },
    #[error("the file is {bytes} bytes; files over {limit} bytes (50 MiB) are refused before reading")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("line {line}, column {column}: the file is not UTF-8 (byte 0x{byte:02X}); save it as UTF-8 and import it again")]
    Encoding { line: usize, column: usize, byte: u8 },
    #[error("the file is UTF-16 text; save it as UTF-8 and import it again")]
    Utf16,
    #[error("not a schedule this app reads (it starts with \"{starts_with}\"); expected frab/Pentabarf XML, schedule.json, iCalendar or a Minerals Atlas data pack")]
    UnknownFormat { starts_with: String },
    #[error("line {line}: the XML declares a DTD or entities, which are refused (no entity is ever expanded)")]
    Dtd { line: usize },
    #[error("line {line}: malformed XML: {message}")]
    Xml { line: usize, message: String },
    #[error("line {line}, column {column}: malformed JSON: {message}")]
    Json { line: usize, column: usize, message: String },
    #[error("line {line}: malformed iCalendar: {message}")]
    Ical { line: usize, message: String },
    #[error("{0}")]
    Structure(String),
    #[error("no events found: {0}")]
    NoEvents(String),
    #[error("the data pack is not valid: {0}")]
    Pack(String),
}
