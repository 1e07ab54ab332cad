// Starts tauri-driver once for the suite and opens the app in it.
// The caller provides the display (xvfb-run or DISPLAY).

import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { grabScreen, xwdToPng } from './x-screenshot.mjs';
import { fileURLToPath } from 'node:url';
import { Session, waitForDriver } from './webdriver.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.TAURI_DRIVER_PORT || 4444);

export const APP_BINARY = process.env.MINERALS_ATLAS_BINARY || path.join(root, 'target/release/minerals-atlas');
export const SHARED_DATA = path.resolve(root, '..', 'shared', 'data');
export const SCREENSHOT_DIR = process.env.MINERALS_ATLAS_SCREENSHOTS || path.join(root, 'test-output/screenshots');

function driverBinary() {
  const candidates = [process.env.TAURI_DRIVER, path.join(homedir(), '.cargo/bin/tauri-driver'), 'tauri-driver'];
  return candidates.find((c) => c && (c === 'tauri-driver' || existsSync(c)));
}

/**
 * Starts tauri-driver. `env` is added to the app's environment (the driver
 * passes its own on): GTK_THEME=Adwaita:dark gives the dark theme.
 */
export async function startDriver({ env = {}, port = PORT, binary = APP_BINARY } = {}) {
  // Each driver gets its own user-data folder, kept across app restarts
  // within it, so tests never touch (or depend on) a real user's agenda.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-'));
  env = { MINERALS_ATLAS_DATA_DIR: dataDir, ...env };
  if (!existsSync(binary)) {
    throw new Error(`the app is not built: ${binary} is missing (cargo build --release)`);
  }
  if (!process.env.DISPLAY) {
    throw new Error('no DISPLAY: run the real-window tests under xvfb-run (scripts/test-all.sh does)');
  }
  const base = `http://127.0.0.1:${port}`;
  const driver = spawn(driverBinary(), ['--port', String(port), '--native-port', String(port + 1)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
    // Its own process group, so stopping it also stops WebKitWebDriver and the app.
    detached: true,
  });
  const exited = new Promise((_, reject) => driver.once('exit', (code) => reject(new Error(`tauri-driver exited (${code})`))));
  await Promise.race([waitForDriver(base), exited]);
  return {
    dataDir,
    async open() {
      const session = await Session.create(base, binary);
      await session.waitFor('the first view', "return document.documentElement.dataset.ready === 'true';", [], 30000);
      return session;
    },
    async stop() {
      const gone = new Promise((resolve) => {
        if (driver.exitCode !== null || driver.signalCode !== null) resolve();
        else driver.once('exit', resolve);
      });
      try {
        process.kill(-driver.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-driver.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/**
 * The app in a real window for the tests of one file: before them, starts
 * tauri-driver with `options` (see `startDriver`) and opens the app, then
 * hands `(session, driver)` to `onStart`; after them, closes the session and
 * stops the driver (and with it the app), whatever happened.
 */
export function withApp(options, onStart) {
  let driver = null;
  let session = null;
  before(async () => {
    driver = await startDriver(options);
    session = await driver.open();
    await onStart(session, driver);
  });
  after(async () => {
    if (session) await session.delete().catch(() => {});
    if (driver) await driver.stop();
  });
}

export async function saveScreenshot(session, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  writeFileSync(file, Buffer.from(await session.screenshot(), 'base64'));
  return file;
}

/**
 * The window as the X server shows it, for layouts WebKit's own snapshot
 * cannot take (see x-screenshot.mjs). The page is settled for two frames first.
 */
export async function saveWindowScreenshot(session, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await session.executeAsync('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));');
  const rect = await session.execute('return { x: window.screenX, y: window.screenY, width: window.outerWidth, height: window.outerHeight };');
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  writeFileSync(file, xwdToPng(grabScreen(), rect));
  return file;
}

/**
 * Asserts the page used nothing outside the app: every resource came from the
 * app's own origin or the IPC, and the CSP blocked nothing.
 */
export async function assertNothingExternal(session, assert) {
  const report = await session.execute(`
    const own = (u) => u.startsWith('tauri://localhost') || u.startsWith('http://ipc.localhost') || u.startsWith('ipc:') || u.startsWith('data:');
    return {
      // WebKit keeps no Resource Timing for the app's own tauri:// scheme; any
      // http(s) load would be listed here, and blocked and recorded by the CSP.
      foreign: performance.getEntriesByType('resource').map(e => e.name).filter(u => !own(u)),
      origin: location.origin,
      csp: window.__cspViolations || ['no recorder'],
    };`);
  assert.deepEqual(report.foreign, [], `resources from outside the app: ${report.foreign}`);
  assert.deepEqual(report.csp, [], `CSP violations: ${report.csp}`);
  assert.equal(report.origin, 'tauri://localhost');
}
