//! The channel over HTTPS, and nothing else: the index (a conditional
//! request, so an unchanged one costs a few hundred bytes) and the files
//! beside it, from one mirror, with a size limit and timeouts. Which mirror,
//! and whether what came is any good, is `check`'s business.

use std::time::Duration;

use reqwest::{header, redirect, StatusCode};

/// Where and how the app fetches.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Base addresses, tried in order; each must be `https://`.
    pub mirrors: Vec<String>,
    pub connect_timeout: Duration,
    /// For the index and the signatures, start to finish.
    pub small_timeout: Duration,
    /// For a pack, start to finish.
    pub pack_timeout: Duration,
    /// Extra roots in PEM (a test CA). The app passes none: it trusts what the system trusts.
    pub extra_roots_pem: Vec<Vec<u8>>,
}

impl FetchConfig {
    pub fn new(mirrors: Vec<String>) -> FetchConfig {
        FetchConfig {
            mirrors,
            connect_timeout: Duration::from_secs(10),
            small_timeout: Duration::from_secs(20),
            pack_timeout: Duration::from_secs(180),
            extra_roots_pem: vec![],
        }
    }
}

/// Why a fetch from one mirror failed; each says what happened in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{0} is not an https:// address: the app fetches only over HTTPS")]
    NotHttps(String),
    #[error("{host}: the name could not be found (DNS); check the connection")]
    Dns { host: String },
    #[error("{host}: could not connect; the computer may be offline or the mirror down")]
    Connect { host: String },
    #[error("{host}: no answer within {seconds} s (timed out)")]
    Timeout { host: String, seconds: u64 },
    #[error("{host}: the secure connection failed ({detail})")]
    Tls { host: String, detail: String },
    #[error("{host}: redirected to {to}, which is not HTTPS; refused")]
    InsecureRedirect { host: String, to: String },
    #[error("{host}: the {what} is larger than {limit} bytes; refused")]
    TooLarge { host: String, what: &'static str, limit: u64 },
    #[error("{host}: the {what} download was cut short")]
    Truncated { host: String, what: &'static str },
    #[error("{host}: the server answered {status} for the {what}")]
    Status { host: String, what: &'static str, status: u16 },
    #[error("{host}: {detail}")]
    Other { host: String, detail: String },
}

/// The index as a mirror answered a conditional request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexAnswer {
    /// 304: the index the app holds is still current.
    Unchanged,
    Changed {
        bytes: Vec<u8>,
        etag: Option<String>,
    },
}

/// A redirect the policy refused (kept in the error's source chain).
#[derive(Debug)]
struct RefusedRedirect(String);

impl std::fmt::Display for RefusedRedirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "redirect to {} refused", self.0)
    }
}

impl std::error::Error for RefusedRedirect {}

pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
}

/// The host of an address, for messages ("data.example.org").
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest).chars().take(100).collect()
}

/// `base` joined with a plain file name (the index has checked the name).
fn join(base: &str, file: &str) -> String {
    if base.ends_with('/') {
        format!("{base}{file}")
    } else {
        format!("{base}/{file}")
    }
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        if let Some(bad) = config.mirrors.iter().find(|m| !m.starts_with("https://")) {
            return Err(FetchError::NotHttps(bad.clone()));
        }
        let policy = redirect::Policy::custom(|attempt| {
            if attempt.url().scheme() != "https" {
                let to = attempt.url().to_string();
                attempt.error(RefusedRedirect(to))
            } else if attempt.previous().len() >= 5 {
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder()
            .https_only(true)
            .redirect(policy)
            .connect_timeout(config.connect_timeout)
            .user_agent(concat!("minerals-atlas-data-channel/", env!("CARGO_PKG_VERSION")))
            // A new connection per check: nothing is kept open between checks.
            .pool_max_idle_per_host(0);
        for pem in &config.extra_roots_pem {
            let cert =
                reqwest::Certificate::from_pem(pem).map_err(|e| FetchError::Other { host: "the test CA".into(), detail: e.to_string() })?;
            builder = builder.add_root_certificate(cert);
        }
        let client = builder.build().map_err(|e| FetchError::Other { host: "the HTTP client".into(), detail: e.to_string() })?;
        Ok(Fetcher { client, config })
    }

    pub fn mirrors(&self) -> &[String] {
        &self.config.mirrors
    }

    /// `index.json` from `mirror`, conditional on `etag`.
    pub async fn index(&self, mirror: &str, etag: Option<&str>) -> Result<IndexAnswer, FetchError> {
        let url = join(mirror, "index.json");
        let mut request = self.client.get(&url).timeout(self.config.small_timeout);
        if let Some(tag) = etag {
            request = request.header(header::IF_NONE_MATCH, tag);
        }
        let timeout = self.config.small_timeout;
        let response = request.send().await.map_err(|e| classify(&url, &e, timeout, "index"))?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(IndexAnswer::Unchanged);
        }
        let etag = response.headers().get(header::ETAG).and_then(|v| v.to_str().ok()).map(|v| v.chars().take(200).collect());
        let bytes = read_limited(response, &url, "index", crate::index::MAX_INDEX_BYTES as u64, timeout).await?;
        Ok(IndexAnswer::Changed { bytes, etag })
    }

    /// A signature (`NAME.minisig`), at most 4 KB.
    pub async fn signature(&self, mirror: &str, file: &str) -> Result<String, FetchError> {
        let url = join(mirror, &format!("{file}.minisig"));
        let timeout = self.config.small_timeout;
        let response = self.client.get(&url).timeout(timeout).send().await.map_err(|e| classify(&url, &e, timeout, "signature"))?;
        let bytes = read_limited(response, &url, "signature", 4096, timeout).await?;
        String::from_utf8(bytes).map_err(|_| FetchError::Other { host: host_of(&url), detail: "the signature is not text".into() })
    }

    /// The pack, no larger than the index says.
    pub async fn pack(&self, mirror: &str, file: &str, size: u64) -> Result<Vec<u8>, FetchError> {
        let url = join(mirror, file);
        let timeout = self.config.pack_timeout;
        let response = self.client.get(&url).timeout(timeout).send().await.map_err(|e| classify(&url, &e, timeout, "pack"))?;
        read_limited(response, &url, "pack", size, timeout).await
    }
}

/// The body, refused as soon as it passes `limit` (before reading, when
/// the server says its length).
async fn read_limited(
    mut response: reqwest::Response,
    url: &str,
    what: &'static str,
    limit: u64,
    timeout: Duration,
) -> Result<Vec<u8>, FetchError> {
    let host = host_of(url);
    if !response.status().is_success() {
        return Err(FetchError::Status { host, what, status: response.status().as_u16() });
    }
    if response.content_length().is_some_and(|n| n > limit) {
        return Err(FetchError::TooLarge { host, what, limit });
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(url, &e, timeout, what))? {
        if u64::try_from(body.len().saturating_add(chunk.len())).unwrap_or(u64::MAX) > limit {
            return Err(FetchError::TooLarge { host, what, limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A failed request in words. reqwest says whether it timed out, was
/// redirected or failed to connect; what lies under a connect failure (DNS,
/// TLS, refused) is read from the error chain's text, since those types are
/// not public.
fn classify(url: &str, error: &reqwest::Error, timeout: Duration, what: &'static str) -> FetchError {
    let host = host_of(url);
    let mut chain: Vec<String> = vec![];
    let mut refused_redirect = None;
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if let Some(r) = e.downcast_ref::<RefusedRedirect>() {
            refused_redirect = Some(r.0.clone());
        }
        chain.push(e.to_string());
        source = e.source();
    }
    // The first message names the URL, which must not decide the kind ("ssl" in a host name).
    let text = chain.iter().skip(1).cloned().collect::<Vec<_>>().join(": ").to_lowercase();
    if let Some(to) = refused_redirect {
        return FetchError::InsecureRedirect { host, to: to.chars().take(200).collect() };
    }
    if error.is_timeout() {
        return FetchError::Timeout { host, seconds: timeout.as_secs() };
    }
    if text.contains("dns error") || text.contains("failed to lookup address") || text.contains("name or service not known") {
        return FetchError::Dns { host };
    }
    if ["certificate", "ssl", "tls", "handshake"].iter().any(|w| text.contains(w)) {
        let detail = chain.last().cloned().unwrap_or_default().chars().take(160).collect();
        return FetchError::Tls { host, detail };
    }
    if error.is_connect() {
        return FetchError::Connect { host };
    }
    if error.is_body() || error.is_decode() || text.contains("end of file") || text.contains("incomplete") {
        return FetchError::Truncated { host, what };
    }
    if error.is_redirect() {
        return FetchError::Other { host, detail: "too many redirects".into() };
    }
    FetchError::Other { host, detail: chain.last().cloned().unwrap_or_default().chars().take(160).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_joins() {
        assert_eq!(host_of("https://data.example.org/channel/index.json"), "data.example.org");
        assert_eq!(host_of("https://127.0.0.1:8443"), "127.0.0.1:8443");
        assert_eq!(join("https://a/b/", "index.json"), "https://a/b/index.json");
        assert_eq!(join("https://a/b", "index.json"), "https://a/b/index.json");
    }

    #[test]
    fn a_plain_http_mirror_is_refused_before_anything_is_fetched() {
        let err = Fetcher::new(FetchConfig::new(vec!["https://ok.example/".into(), "http://plain.example/".into()])).err();
        assert_eq!(err, Some(FetchError::NotHttps("http://plain.example/".into())));
    }
}
