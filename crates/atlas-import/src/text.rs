//! Text helpers shared by the parsers: strict UTF-8 with a location, markup
//! reduced to plain text, and ids that are safe in a URL hash.

use crate::ImportError;

/// The bytes as UTF-8, or where they stop being UTF-8.
pub fn utf8(bytes: &[u8]) -> Result<&str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map(|p| p + 1).unwrap_or(0);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        ImportError::Encoding { line, column, byte: bytes[e.valid_up_to()] }
    })
}

/// Byte offsets to 1-based line numbers.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        Lines { starts }
    }
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Abstracts often carry HTML. The app shows text only: tags are dropped
/// (block tags become line breaks), the common entities are decoded, and
/// the result is never parsed as markup again. Script and style content is
/// dropped whole.
pub fn markup_to_text(input: &str) -> String {
    if !input.contains('<') && !input.contains('&') {
        return tidy(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            // A lone '<' is text ("a < b").
            out.push_str(&decode_entities(&rest[lt..]));
            rest = "";
            break;
        };
        let tag = after[..gt].trim().to_ascii_lowercase();
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        rest = &after[gt + 1..];
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            // Skip to the closing tag, whatever is inside.
            let close = format!("</{name}");
            match rest.to_ascii_lowercase().find(&close) {
                Some(p) => {
                    rest = &rest[p..];
                    rest = rest.find('>').map(|g| &rest[g + 1..]).unwrap_or("");
                }
                None => rest = "",
            }
            continue;
        }
        if matches!(name.as_str(), "br" | "p" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "tr" | "blockquote") {
            out.push('\n');
        }
    }
    out.push_str(&decode_entities(rest));
    tidy(&out)
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32)
                    .filter(|c| *c != '\0'),
            }?;
            Some((ch, e))
        });
        match decoded {
            Some((ch, e)) => {
                out.push(ch);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Line endings to `\n`, runs of blank lines to one, control characters out,
/// ends trimmed.
pub fn tidy(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.split('\n') {
        let line: String = line.chars().filter(|c| !c.is_control() || *c == '\t').collect();
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
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
        let mut t: String = joined.chars().take(max - 1).collect();
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
