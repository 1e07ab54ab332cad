// The channel's test server as a process, for the Rust tests:
//   node tests/channel/serve.mjs DIR CERT_DIR MODE
// prints "port N" on its first line once it listens; ends with its parent's stdin.
import { makeCertificates, startChannelServer } from './server.mjs';

const [dir, certDir, mode = 'normal'] = process.argv.slice(2);
if (!dir || !certDir) {
  console.error('usage: node tests/channel/serve.mjs DIR CERT_DIR [MODE]');
  process.exit(2);
}
const server = await startChannelServer({ dir, certs: makeCertificates(certDir), mode });
console.log(`port ${server.port}`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
