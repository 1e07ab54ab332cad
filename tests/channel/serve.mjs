// The channel's test server as a process, for the Rust tests:
//   node tests/channel/serve.mjs DIR CERT_DIR [MODE] [log]
// prints "port N" on its first line once it listens; ends with its parent's stdin.
// With "log", each connection once closed: "conn WRITTEN READ" (bytes on the wire, TLS included).
import { makeCertificates, startChannelServer } from './server.mjs';

const [dir, certDir, mode = 'normal', log] = process.argv.slice(2);
if (!dir || !certDir) {
  console.error('usage: node tests/channel/serve.mjs DIR CERT_DIR [MODE]');
  process.exit(2);
}
// A parent that stopped reading is no reason to stop serving.
process.stdout.on('error', () => {});
const onConnectionClosed = log === 'log' ? (c) => console.log(`conn ${c.wireBytes} ${c.wireBytesRead}`) : null;
const server = await startChannelServer({ dir, certs: makeCertificates(certDir), mode, onConnectionClosed });
console.log(`port ${server.port}`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
