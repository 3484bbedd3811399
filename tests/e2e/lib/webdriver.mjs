// A minimal W3C WebDriver client: just what the suite uses, on Node's fetch.
// tauri-driver speaks W3C WebDriver and forwards to WebKitWebDriver.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  }
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new WebDriverError(`${method} ${path}: ${v.error} ${v.message || ''}`.trim());
  }
  return json.value;
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, application, args = []) {
    const value = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async end() {
    try {
      await this.cmd('DELETE', '');
    } catch {
      // The app may already have quit on its own (Ctrl+Q): nothing to end.
    }
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, v[ELEMENT]);
  }

  async findAll(css) {
    const vs = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return vs.map((v) => new Element(this, v[ELEMENT]));
  }

  /** Waits until `css` matches an element (and `pred(el)` holds, if given). */
  async waitFor(css, { timeout = 10000, pred } = {}) {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const el = await this.find(css);
        if (!pred || (await pred(el))) return el;
      } catch (e) {
        last = e;
      }
      if (Date.now() > until) {
        throw new WebDriverError(`timed out waiting for ${css}${last ? `: ${last.message}` : ''}`);
      }
      await sleep(100);
    }
  }

  async waitUntil(fn, { timeout = 10000, what = 'condition' } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      try {
        if (await fn()) return;
      } catch {
        // Not there yet.
      }
      if (Date.now() > until) throw new WebDriverError(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Sends keys to whatever has focus, modifiers included (W3C actions). */
  async keys(...sequence) {
    const actions = [];
    for (const k of sequence) {
      if (Array.isArray(k)) {
        // A chord: press all, release in reverse.
        for (const key of k) actions.push({ type: 'keyDown', value: key });
        for (const key of [...k].reverse()) actions.push({ type: 'keyUp', value: key });
      } else {
        for (const ch of k) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
      }
    }
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions').catch(() => {});
  }
}

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.s.cmd(method, `/element/${this.id}${path}`, body);
  }
  /** The W3C reference, for passing this element to a script. */
  ref() {
    return { [ELEMENT]: this.id };
  }
  /**
   * Scrolls the element to the middle of its scroll container first, as a
   * person would: WebKitWebDriver does not scroll nested containers.
   */
  async click() {
    await this.s.execute("arguments[0].scrollIntoView({ block: 'center' });", [this.ref()]);
    return this.cmd('POST', '/click', {});
  }
  clear() {
    return this.cmd('POST', '/clear', {});
  }
  type(text) {
    return this.cmd('POST', '/value', { text });
  }
  text() {
    return this.cmd('GET', '/text');
  }
  attr(name) {
    return this.cmd('GET', `/attribute/${encodeURIComponent(name)}`);
  }
  prop(name) {
    return this.cmd('GET', `/property/${encodeURIComponent(name)}`);
  }
  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this.s, v[ELEMENT]);
  }
  async findAll(css) {
    const vs = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return vs.map((v) => new Element(this.s, v[ELEMENT]));
  }
}

export const Keys = { CONTROL: '\uE009', ENTER: '\uE007', TAB: '\uE004', ESCAPE: '\uE00C' };

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
