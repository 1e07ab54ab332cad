// A second launch hands over to the running app and exits, instead of
// opening a second window that would write the same user data.
// Needs a D-Bus session bus (the plugin's channel on Linux): this test starts one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_BINARY } from './app.mjs';

function startBus() {
  return new Promise((resolve, reject) => {
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    bus.stdout.once('data', (d) => resolve({ bus, address: String(d).trim() }));
    bus.once('error', reject);
  });
}

/** The name the single-instance plugin owns on the bus: the app's identifier + ".SingleInstance". */
const BUS_NAME = 'org.mineralsatlas.app.SingleInstance';

/** Waits until the running app owns its bus name (polled, not a fixed sleep). */
async function waitForBusName(address, app) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const r = spawnSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner', `string:${BUS_NAME}`], { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address }, encoding: 'utf8' });
    if (/boolean true/.test(r.stdout || '')) return;
    if (app.child.exitCode !== null || app.child.signalCode !== null) throw new Error(`the first instance exited: ${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${BUS_NAME} was never owned: ${app.output()}`);
}

function run(args, env) {
  const child = spawn(APP_BINARY, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  // 'close', not 'exit': by then everything it printed has been read.
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => out };
}

test('a second instance hands over and exits; the first keeps running', async () => {
  assert.ok(process.env.DISPLAY, 'runs under Xvfb');
  const { bus, address } = await startBus();
  const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, MINERALS_ATLAS_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'atlas-single-')) };
  const first = run([], env);
  try {
    // The first instance owns the name once its plugin is up.
    await waitForBusName(address, first);
    assert.equal(first.child.exitCode, null, `the first instance runs: ${first.output()}`);
    // The second would print ready_ms if it opened a window of its own.
    // Several launches: the hand-over once raced with a display thread at
    // exit and died of SIGSEGV about once in eighty.
    const handsOver = async (launchEnv, what) => {
      const launch = run(['--exit-when-ready'], launchEnv);
      let timer;
      const ended = await Promise.race([launch.exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), 15000); })]);
      clearTimeout(timer);
      if (ended === 'timeout') launch.child.kill('SIGKILL');
      assert.deepEqual(ended, { code: 0, signal: null }, `${what}: it exits cleanly: ${launch.output()}`);
      assert.doesNotMatch(launch.output(), /ready_ms=/, `${what}: it never opened its own window`);
      assert.match(launch.output(), /already open/, `${what}: it says why it ended`);
    };
    for (let launch = 1; launch <= 5; launch += 1) await handsOver(env, `launch ${launch}`);
    // It hands over before it starts a window system: no display is needed.
    const { DISPLAY, WAYLAND_DISPLAY, ...headless } = env;
    await handsOver(headless, 'a launch with no display');
    assert.equal(first.child.exitCode, null, 'the first is still running');
  } finally {
    first.child.kill('SIGTERM');
    bus.kill('SIGTERM');
  }
});
