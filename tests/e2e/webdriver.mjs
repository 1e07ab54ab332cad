// A minimal W3C WebDriver client over fetch: just what the journeys use.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

const REQUEST_TIMEOUT_MS = 60000;

async function request(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    // No request may hang the suite: fail it instead.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok || (payload.value && payload.value.error)) {
    const v = payload.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error || response.status}: ${v.message || ''}`);
  }
  return payload.value;
}

export async function waitForDriver(base, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const status = await request(base, 'GET', '/status');
      if (status && status.ready !== false) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new WebDriverError(`no WebDriver at ${base} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export class Session {
  static async create(base, application, args = []) {
    const value = await request(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    return new Session(base, value.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /**
   * Clicks as a user does: scroll the element into view, let that frame's
   * layout settle, then click. Panel sections below the fold use
   * content-visibility, whose placeholder height is replaced by the real one
   * once scrolled to; clicking in the same frame as the driver's own scroll
   * aims at a box that has since moved ("element not interactable").
   */
  async click(element) {
    await this.executeAsync(
      "const [el, done] = arguments; el.scrollIntoView({ block: 'nearest' }); requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
      [{ [ELEMENT]: element }],
    );
    return this.cmd('POST', `/element/${element}/click`, {});
  }

  text(element) {
    return this.cmd('GET', `/element/${element}/text`);
  }

  sendKeys(element, text) {
    return this.cmd('POST', `/element/${element}/value`, { text });
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Presses keys on whatever has focus, as a keyboard would (Actions API). */
  async pressKeys(...keys) {
    const actions = [];
    for (const k of keys) actions.push({ type: 'keyDown', value: k }, { type: 'keyUp', value: k });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Holds `modifier` (Keys.Shift…) while pressing `key`, as a chord. */
  async pressChord(modifier, key) {
    const actions = [
      { type: 'keyDown', value: modifier }, { type: 'keyDown', value: key },
      { type: 'keyUp', value: key }, { type: 'keyUp', value: modifier },
    ];
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Runs an async script; it calls arguments[arguments.length - 1] with the result. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  navigateRefresh() {
    return this.cmd('POST', '/refresh', {});
  }

  screenshot() {
    return this.cmd('GET', '/screenshot');
  }

  /** Polls a script until it returns a truthy value. */
  async waitFor(description, script, args = [], timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        last = await this.execute(script, args);
        if (last) return last;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) throw new WebDriverError(`timed out waiting for ${description} (last: ${last})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async waitForSelector(css, timeoutMs) {
    await this.waitFor(css, 'return !!document.querySelector(arguments[0]);', [css], timeoutMs);
    return this.find(css);
  }

  delete() {
    return this.cmd('DELETE', '');
  }
}

export const Keys = {
  Escape: '\uE00C',
  Enter: '\uE007',
  Tab: '\uE004',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Shift: '\uE008',
  Home: '\uE011',
  End: '\uE010',
};
