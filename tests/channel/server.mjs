// A loopback HTTPS server for the data channel's tests: it serves a
// published folder (index.json, pack-N.json and their .minisig) with ETags,
// and misbehaves on request, one way at a time, as a real mirror or network
// can: no answer, a redirect to plain http, a cut-short or oversized body,
// a certificate nobody trusts. Used in-process by the real-window tests and
// as a child process (serve.mjs) by the Rust tests.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A test CA, a certificate it signs for 127.0.0.1 and localhost, and a
 * self-signed "rogue" certificate for the same names that nothing trusts.
 * Made with the openssl command, once per folder.
 */
export function makeCertificates(dir) {
  mkdirSync(dir, { recursive: true });
  const file = (name) => join(dir, name);
  if (!existsSync(file('server.crt'))) {
    const run = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const days = ['-days', '30'];
    run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file('ca.key'),
      '-out', file('ca.crt'), '-subj', '/CN=Minerals Atlas test CA', ...days,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file('server.key'),
      '-out', file('server.csr'), '-subj', '/CN=127.0.0.1');
    writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
    run('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
      '-out', file('server.crt'), ...days, '-extfile', file('server.ext'));
    run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file('rogue.key'),
      '-out', file('rogue.crt'), '-subj', '/CN=127.0.0.1', ...days, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
  }
  const read = (name) => readFileSync(file(name));
  return { caFile: file('ca.crt'), ca: read('ca.crt'), cert: read('server.crt'), key: read('server.key'), rogueCert: read('rogue.crt'), rogueKey: read('rogue.key') };
}

export const MODES = ['normal', 'no-answer', 'redirect-http', 'truncate', 'oversize', 'rogue-cert', 'status-500'];

/**
 * Serves `dir` on 127.0.0.1 (port 0: any free one). `mode` can change
 * between requests (`server.mode = 'truncate'`), and so can `dir`.
 * `requests` records each request's path and status; `onConnectionClosed`
 * hears each connection's bytes on the wire (TLS included) once it closes.
 */
export async function startChannelServer({ dir, certs, mode = 'normal', port = 0, onConnectionClosed = null }) {
  const state = { dir, mode, requests: [], sockets: new Set() };
  const server = createServer({ cert: certs.cert, key: certs.key }, (req, res) => handle(state, req, res));
  // The raw TCP socket's counts include the TLS handshake and record framing.
  server.on('connection', (raw) => {
    state.sockets.add(raw);
    raw.on('close', () => {
      state.sockets.delete(raw);
      if (onConnectionClosed) onConnectionClosed({ wireBytes: raw.bytesWritten, wireBytesRead: raw.bytesRead });
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const api = {
    port: server.address().port,
    get url() { return `https://127.0.0.1:${api.port}/`; },
    get mode() { return state.mode; },
    set mode(m) {
      if (!MODES.includes(m)) throw new Error(`unknown mode ${m}`);
      state.mode = m;
      const pair = m === 'rogue-cert' ? { cert: certs.rogueCert, key: certs.rogueKey } : { cert: certs.cert, key: certs.key };
      server.setSecureContext(pair);
    },
    set dir(d) { state.dir = d; },
    requests: state.requests,
    close: () => new Promise((resolve) => {
      for (const s of state.sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  api.mode = mode;
  return api;
}

function etagOf(bytes) {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
}

function handle(state, req, res) {
  const record = { path: req.url, status: 0, mode: state.mode };
  state.requests.push(record);
  const send = (status, headers, body) => {
    record.status = status;
    res.writeHead(status, headers);
    res.end(body);
  };
  const name = decodeURIComponent(req.url.split('?')[0]).replace(/^\/+/, '');
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) return send(404, {}, 'not found');
  switch (state.mode) {
    case 'no-answer':
      record.status = 'none';
      return undefined; // the request is read and never answered
    case 'redirect-http':
      return send(302, { location: `http://127.0.0.1:${req.socket.localPort}/${name}` }, '');
    case 'status-500':
      return send(500, {}, 'server error');
    default:
      break;
  }
  const path = join(state.dir, name);
  if (!existsSync(path)) return send(404, {}, 'not found');
  let body = readFileSync(path);
  if (state.mode === 'oversize' && name === 'index.json') {
    body = Buffer.concat([body, Buffer.alloc(20 * 1024, 0x20)]);
  }
  const etag = etagOf(body);
  // A misbehaving server misbehaves whatever the client holds: only 'normal' answers 304.
  if (state.mode === 'normal' && req.headers['if-none-match'] === etag) return send(304, { etag }, undefined);
  if (state.mode === 'truncate' && !name.endsWith('.minisig')) {
    // Promise the whole body, send half, and hang up.
    record.status = 200;
    res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/json', etag });
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => req.socket.destroy(), 50);
    return undefined;
  }
  const type = name.endsWith('.json') ? 'application/json' : 'text/plain';
  // As a CDN does: JSON compressed for a client that accepts it.
  if (type === 'application/json' && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    return send(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', etag }, gzipSync(body));
  }
  return send(200, { 'content-type': type, etag }, body);
}
