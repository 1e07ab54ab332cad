// Starts tauri-driver once for the suite and opens the app in it.
// The caller provides the display (xvfb-run or DISPLAY).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session, waitForDriver } from './webdriver.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.TAURI_DRIVER_PORT || 4444);
const BASE = `http://127.0.0.1:${PORT}`;

export const APP_BINARY = process.env.MINERALS_ATLAS_BINARY || path.join(root, 'target/release/minerals-atlas');
export const SCREENSHOT_DIR = process.env.MINERALS_ATLAS_SCREENSHOTS || path.join(root, 'test-output/screenshots');

function driverBinary() {
  const candidates = [process.env.TAURI_DRIVER, path.join(homedir(), '.cargo/bin/tauri-driver'), 'tauri-driver'];
  return candidates.find((c) => c && (c === 'tauri-driver' || existsSync(c)));
}

export async function startDriver() {
  if (!existsSync(APP_BINARY)) {
    throw new Error(`the app is not built: ${APP_BINARY} is missing (cargo build --release)`);
  }
  if (!process.env.DISPLAY) {
    throw new Error('no DISPLAY: run the real-window tests under xvfb-run (scripts/test-all.sh does)');
  }
  const driver = spawn(driverBinary(), ['--port', String(PORT), '--native-port', String(PORT + 1)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((_, reject) => driver.once('exit', (code) => reject(new Error(`tauri-driver exited (${code})`))));
  await Promise.race([waitForDriver(BASE), exited]);
  return {
    async open() {
      const session = await Session.create(BASE, APP_BINARY);
      await session.waitFor('the first view', "return document.documentElement.dataset.ready === 'true';", [], 30000);
      return session;
    },
    stop() {
      driver.kill('SIGTERM');
    },
  };
}

export async function saveScreenshot(session, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  writeFileSync(file, Buffer.from(await session.screenshot(), 'base64'));
  return file;
}
