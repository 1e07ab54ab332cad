//! Text helpers shared by the parsers: strict UTF-8 with a location, markup
//! reduced to plain text, and ids that are safe in a URL hash.

use crate::ImportError;

/// The bytes as UTF-8, or where they stop being UTF-8.
pub fn utf8(bytes: &[u8]) -> Result<&str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| encoding_error(bytes, e.valid_up_to()))
}

/// The error for bytes that stop being UTF-8 at `at`: line, column and the byte.
pub fn encoding_error(bytes: &[u8], at: usize) -> ImportError {
    let good = bytes.get(..at).unwrap_or(bytes);
    let line = good.iter().filter(|&&b| b == b'\n').count().saturating_add(1);
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p.saturating_add(1));
    let column = String::from_utf8_lossy(good.get(line_start..).unwrap_or_default()).chars().count().saturating_add(1);
    ImportError::Encoding { line, column, byte: bytes.get(at).copied().unwrap_or(0) }
}

/// Byte offsets to 1-based line numbers.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i.saturating_add(1)));
        Lines { starts }
    }
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i.saturating_add(1),
            Err(i) => i,
        }
    }
}

/// Tags whose end starts a new line of text.
const BLOCK_TAGS: [&str; 12] = ["br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr", "blockquote"];

/// Abstracts often carry HTML. The app shows text only: tags are dropped
/// (block tags become line breaks), the common entities are decoded, and
/// the result is never parsed as markup again. Script and style content is
/// dropped whole.
///
/// Linear in the input: the text is walked once, each `<` looks ahead to
/// its own `>` only, and a `<script>` or `<style>` is skipped by a search
/// that resumes where it stopped (never from the start, never lower-casing
/// the rest).
pub fn markup_to_text(input: &str) -> String {
    if !input.contains('<') && !input.contains('&') {
        return tidy(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some((before, after)) = rest.split_once('<') {
        decode_entities_into(before, &mut out);
        let Some((tag, after_tag)) = after.split_once('>') else {
            // A lone '<' is text ("a < b"), and so is everything after it.
            out.push('<');
            decode_entities_into(after, &mut out);
            return tidy(&out);
        };
        let tag = tag.trim();
        let closing = tag.starts_with('/');
        let name: String =
            tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
        rest = after_tag;
        if !closing && (name == "script" || name == "style") {
            // Skip to the closing tag, whatever is inside.
            rest = match find_ascii_case_insensitive(rest, &format!("</{name}")) {
                Some(at) => rest.get(at..).and_then(|r| r.split_once('>')).map_or("", |(_, r)| r),
                None => "",
            };
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    decode_entities_into(rest, &mut out);
    tidy(&out)
}

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case; a
/// byte offset on a character boundary. Linear in the haystack.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let first = needle.first()?.to_ascii_lowercase();
    let bytes = haystack.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes.get(from..)?.iter().position(|b| b.to_ascii_lowercase() == first) {
        let at = from.checked_add(offset)?;
        let window = bytes.get(at..at.checked_add(needle.len())?)?;
        if window.eq_ignore_ascii_case(needle) {
            // The needle is ASCII, so `at` starts a character.
            return Some(at);
        }
        from = at.checked_add(1)?;
    }
    None
}

/// The longest entity the decoder reads (`&#x10FFFF;`); a `;` further on is
/// not this `&`'s, so the search for it stops here.
const MAX_ENTITY_CHARS: usize = 10;

fn decode_entities_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        match entity(after) {
            Some((ch, used)) => {
                out.push(ch);
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The character an entity names, and the bytes it took (name and `;`),
/// looking no further than [`MAX_ENTITY_CHARS`] characters.
fn entity(after_amp: &str) -> Option<(char, usize)> {
    let (end, _) = after_amp.char_indices().take(MAX_ENTITY_CHARS.saturating_add(1)).find(|(_, c)| *c == ';')?;
    let name = after_amp.get(..end)?;
    let ch = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32)
            .filter(|c| *c != '\0')?,
    };
    Some((ch, end.saturating_add(1)))
}

/// Line endings to `\n`, runs of blank lines to one, control characters out,
/// ends trimmed.
pub fn tidy(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.split('\n') {
        let line: String = line.chars().filter(|c| !c.is_control() || *c == '\t').collect();
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out.trim().to_string()
}

/// One line of text, at most `max` characters.
pub fn one_line(s: &str, max: usize) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() <= max {
        joined
    } else {
        let mut t: String = joined.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// An id made of `[a-z0-9._-]`, at most `max` bytes: safe in a URL hash and
/// in the app's id checks. Empty when nothing usable is left.
pub fn safe_id(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(markup_to_text("Xen war <i>die</i> Plattform"), "Xen war die Plattform");
        assert_eq!(markup_to_text("<p>a</p><p>b &amp; c</p>"), "a\n\nb & c");
        assert_eq!(markup_to_text("x<script>alert(1)</script>y"), "xy");
        assert_eq!(markup_to_text("<img src=x onerror=alert(1)>ok"), "ok");
        assert_eq!(markup_to_text("1 < 2 &bogus; &#x41;"), "1 < 2 &bogus; A");
        assert_eq!(markup_to_text("&#0;"), "&#0;");
    }

    #[test]
    fn encoding_errors_say_where() {
        let e = utf8(b"ok\nna\xefve").unwrap_err();
        assert_eq!(e, ImportError::Encoding { line: 2, column: 3, byte: 0xEF });
    }

    #[test]
    fn ids_are_hash_safe() {
        assert_eq!(safe_id("455d075F-48c0 / x", 64), "455d075f-48c0-x");
        assert_eq!(safe_id("Ünïcode", 64), "n-code");
        assert_eq!(safe_id("%%%", 64), "");
        assert!(safe_id(&"a".repeat(500), 64).len() <= 64);
    }
}
