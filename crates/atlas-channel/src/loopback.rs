//! The loopback HTTPS mirror that the channel's tests and byte counts run
//! against (`tests/channel/serve.mjs` in the repository, run by Node): it
//! serves a folder over TLS with a test CA made by openssl, and prints
//! `port N` once it listens. Test support only (feature `loopback`), never
//! the app's.

use std::io::{self, BufRead, BufReader, Lines};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};

/// A running mirror; dropping it stops the server.
pub struct LoopbackMirror {
    child: Child,
    port: u16,
    lines: Lines<BufReader<ChildStdout>>,
}

impl LoopbackMirror {
    /// Starts `script` serving `dir`, with its certificates in `certs`.
    /// `extra` goes on the command line after them (a mode such as
    /// `"truncate"`, then `"log"` for a line per closed connection).
    pub fn start(script: &Path, dir: &Path, certs: &Path, extra: &[&str]) -> io::Result<LoopbackMirror> {
        let mut child =
            Command::new("node").arg(script).args([dir, certs]).args(extra).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().map_err(
                |e| io::Error::new(e.kind(), format!("node could not run {} ({e}); scripts/setup.sh installs Node", script.display())),
            )?;
        let stdout = child.stdout.take().ok_or_else(|| io::Error::other("the server's output is not readable"))?;
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().transpose();
        let port = match &first {
            Ok(Some(line)) => line.trim().strip_prefix("port ").and_then(|p| p.parse().ok()),
            _ => None,
        };
        match port {
            Some(port) => Ok(LoopbackMirror { child, port, lines }),
            None => {
                // Stopped whatever it said: nothing outlives a failed start.
                let _ = child.kill();
                let _ = child.wait();
                Err(match first {
                    Err(e) => e,
                    Ok(said) => io::Error::other(format!("the server said {said:?}, not \"port N\"")),
                })
            }
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The mirror's base URL.
    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}/", self.port)
    }

    /// The server's next line (with `log`: `conn WRITTEN READ` per closed connection).
    pub fn next_line(&mut self) -> Option<String> {
        self.lines.next().and_then(Result::ok)
    }
}

impl Drop for LoopbackMirror {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
